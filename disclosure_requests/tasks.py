"""Background tasks: the reminders to a department's disclosure handlers. They run after the
sweep's transaction commits; the e-mail carries no personal data of the applicant."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django_tasks import task

from portal.hosts import site_root_url

from .models import DisclosureRequest


def _users_with(codename):
    permission = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label="disclosure_requests",
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label="disclosure_requests",
    )
    return get_user_model().objects.filter(permission, is_active=True).exclude(email="")


def handler_emails(department):
    """E-mail addresses of the department's handlers, else of the county disclosure office."""
    users = _users_with("handle_disclosurerequest").filter(staff_profile__department=department)
    emails = set(users.values_list("email", flat=True))
    if not emails:
        emails = set(_users_with("supervise_disclosurerequest").values_list("email", flat=True))
    return sorted(emails)


@task()
def notify_deadline(request_id):
    """Warn the handlers that a request's running deadline is near."""
    req = DisclosureRequest.objects.select_related("department").get(pk=request_id)
    deadline = req.current_deadline
    if deadline is None:  # concluded since the reminder was queued
        return 0
    recipients = handler_emails(req.department)
    if not recipients:
        return 0
    link = site_root_url() + reverse("disclosure_requests:detail", args=[req.pk])
    body = (
        f"政府信息公开申请 {req.tracking_number}（{req.department.name}）"
        f"{req.current_deadline_label}为 {deadline:%Y年%m月%d日}，请及时办理。\n\n{link}\n"
    )
    message = EmailMessage(
        subject=f"[依申请公开] {req.tracking_number} {req.current_deadline_label}即将到期",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    return message.send()
