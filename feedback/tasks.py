"""Background tasks: the e-mails about complaints. They run after the complaint's transaction has
committed (see services.py), so a failure here never loses a complaint; a failure raises, so that
a task backend with retries can retry it.

E-mails are plain text (HTML a citizen typed arrives as literal text) and carry no contact data
of the complainant: handlers read that in the admin."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from portal.hosts import site_root_url
from portal.models import Department, PortalSettings

from . import selectors
from .models import Complaint, Status

logger = logging.getLogger(__name__)


def admin_url(complaint):
    return site_root_url() + reverse("complaints:detail", args=[complaint.pk])


def _send(*, template, subject, recipients, context):
    if not recipients:
        return 0
    site = PortalSettings.load()
    body = render_to_string(template, {"site": site, **context})
    message = EmailMessage(
        subject=f"[{site.county_name}投诉办理] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(recipients),
    )
    return message.send()


def _complaint(complaint_id):
    return Complaint.objects.select_related("department", "handling_department").get(
        pk=complaint_id
    )


@task()
def notify_assignment(complaint_id, department_id):
    """Tell a department's handlers that a complaint is theirs to handle (or to handle again)."""
    complaint = _complaint(complaint_id)
    department = Department.objects.get(pk=department_id)
    recipients = selectors.handler_emails(department)
    if not recipients:
        # Nobody to tell in the department: the county supervisors must notice it instead.
        logger.warning("No complaint handler with e-mail in department %s", department.pk)
        recipients = selectors.supervisor_emails()
    reopened = complaint.status == Status.REOPENED
    headline = "投诉人不满意，请重新办理" if reopened else "新投诉待办理"
    return _send(
        template="feedback/email/complaint_assigned.txt",
        subject=f"{complaint.tracking_number} {headline}",
        recipients=recipients,
        context={
            "complaint": complaint,
            "department": department,
            "reopened": reopened,
            "url": admin_url(complaint),
        },
    )


@task()
def notify_supervisors(complaint_id, reason):
    """Tell the county supervisors about a complaint that needs them: one without a
    department ("new") or one the complainant was dissatisfied with twice ("escalated")."""
    complaint = _complaint(complaint_id)
    subject = "投诉两次不满意，请督查处理" if reason == "escalated" else "新投诉待转办"
    return _send(
        template="feedback/email/complaint_supervisors.txt",
        subject=f"{complaint.tracking_number} {subject}",
        recipients=selectors.supervisor_emails(),
        context={"complaint": complaint, "reason": reason, "url": admin_url(complaint)},
    )


@task()
def notify_deadline(complaint_id):
    """Warn the handlers one working day before a complaint's deadline."""
    complaint = _complaint(complaint_id)
    deadline = complaint.current_deadline
    if deadline is None:  # answered since the reminder was queued
        return 0
    if complaint.handling_department_id:
        recipients = selectors.handler_emails(complaint.handling_department)
    else:
        recipients = selectors.supervisor_emails()
    return _send(
        template="feedback/email/deadline_reminder.txt",
        subject=f"{complaint.tracking_number} {complaint.current_deadline_label}即将到期",
        recipients=recipients,
        context={"complaint": complaint, "deadline": deadline, "url": admin_url(complaint)},
    )


@task()
def notify_complainant(complaint_id):
    """Tell the complainant, if they left an e-mail address, that there is news on the status
    page. The e-mail says no more than that: the reply is read with the query code."""
    complaint = _complaint(complaint_id)
    if not complaint.email:
        return 0
    return _send(
        template="feedback/email/complainant_update.txt",
        subject=f"您的投诉 {complaint.tracking_number} 有新的办理结果",
        recipients=[complaint.email],
        context={"complaint": complaint, "status_url": selectors.public_status_url()},
    )
