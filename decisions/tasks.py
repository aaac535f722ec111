"""Background work of the decisions app: the department's e-mail about each new comment.

Enqueued by `comment_submit` after its transaction commits, so the comment is always saved first;
a mail failure is recorded on the task result and never loses the comment.
"""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from portal.deidentify import deidentify
from portal.hosts import site_root_url

from .models import PublicComment

logger = logging.getLogger(__name__)


@task()
def notify_new_comment(comment_id):
    """E-mail the notice's contact (else its department) that comment `comment_id` arrived.
    Returns whether a mail was sent."""
    comment = (
        PublicComment.objects.select_related("notice__issuing_department")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        return False
    notice = comment.notice
    recipient = notice.notification_email
    if not recipient:
        logger.warning("No e-mail address for new comments on notice %s", notice.pk)
        return False
    base_url = site_root_url()
    context = {
        "comment": comment,
        "notice": notice,
        "submitted_at": timezone.localtime(comment.submitted_at),
        # The mail leaves the admin: the text is masked and the contact details stay behind.
        "text": deidentify(comment.text, names=[comment.name]),
        "admin_url": base_url + reverse("decision_comments:edit", args=[comment.pk]),
        "closes_at": timezone.localtime(notice.closes_at) if notice.closes_at else None,
    }
    send_mail(
        subject=f"【征求意见】{notice.title} 收到新意见（{comment.receipt_number}）",
        message=render_to_string("decisions/email/new_comment.txt", context),
        from_email=None,
        recipient_list=[recipient],
    )
    return True
