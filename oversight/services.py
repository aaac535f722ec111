"""Writes of the oversight app: confirming and resetting two-factor devices, unlocking a locked
login, and pruning the audit trail past its retention period."""

import datetime

from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from feedback.models import (
    VIEW_ANSWERED_STATUSES,
    Complaint,
    ComplaintEvent,
    Status,
    SymposiumView,
    SymposiumViewEvent,
)
from portal.ratelimit import client_ip, hit

from .two_factor import DEVICE_NAME

# The audit trail is kept at least this long (the inspection rules ask for six months).
MIN_RETENTION_DAYS = 180


def _concrete(user):
    """The user object behind request.user: OTPMiddleware wraps the lazy user in a second lazy
    object, and Wagtail's log registry only looks one level deep for the model to log to."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def two_factor_pending_device(*, user):
    """The unconfirmed device a user is setting up, created once and reused until confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def two_factor_confirm(*, request, device, token):
    """Confirm a new device with its first code and mark this session verified."""
    if device.user_id != request.user.pk:
        raise ValidationError(_("该验证器不属于当前用户。"))
    if not device.verify_token(token):
        raise ValidationError(_("验证码不正确或已过期，请查看验证器应用中的最新 6 位数字。"))
    with transaction.atomic():
        # One confirmed device per user: an earlier one (lost phone) stops working now.
        TOTPDevice.objects.devices_for_user(request.user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        user = _concrete(request.user)
        log(instance=user, action="oversight.two_factor.setup", user=user)
    otp_login(request, device)
    return device


def two_factor_verify(*, request, token):
    """Check a code against the user's confirmed device and mark this session verified."""
    for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return device
    raise ValidationError(_("验证码不正确或已过期，请查看验证器应用中的最新 6 位数字。"))


def two_factor_reset(*, user, actor=None):
    """Remove every TOTP device of `user` (a lost phone): the next login sets up a new one."""
    actor = _concrete(actor) if actor is not None else None
    with transaction.atomic():
        count, _deleted = TOTPDevice.objects.filter(user=user).delete()
        log(instance=user, action="oversight.two_factor.reset", user=actor)
    return count


def account_unlock(*, attempt, actor):
    """Lift one username+IP lockout before its cool-off ends."""
    actor = _concrete(actor)
    with transaction.atomic():
        username, ip_address = attempt.username, attempt.ip_address
        AccessAttempt.objects.filter(username=username, ip_address=ip_address).delete()
        log(
            instance=actor,
            action="oversight.account.unlock",
            user=actor,
            data={"username": username, "ip_address": ip_address},
        )
    return username, ip_address


# Password-reset mails per client address and per e-mail address, per hour: enough for a
# mistyped address or a lost mail, too few to flood an inbox or the mail server.
PASSWORD_RESET_IP_LIMIT, PASSWORD_RESET_EMAIL_LIMIT, PASSWORD_RESET_WINDOW = 5, 3, 3600


def password_reset_allowed(*, request, email):
    """Count one password-reset request; False once its address or e-mail is over the limit.
    An address already refused does not use up the e-mail's count, so one flooding address
    cannot stop the account's owner from resetting."""
    ip = client_ip(request) if request is not None else ""
    if not hit(
        "password-reset-ip", ip, limit=PASSWORD_RESET_IP_LIMIT, window=PASSWORD_RESET_WINDOW
    ):
        return False
    return hit(
        "password-reset-email",
        email.strip().lower(),
        limit=PASSWORD_RESET_EMAIL_LIMIT,
        window=PASSWORD_RESET_WINDOW,
    )


# A complaint or view whose handling has ended; before that its events are its live trace.
FINISHED_COMPLAINT_STATUSES = (Status.CLOSED, Status.REJECTED)


def audit_prune_querysets(*, older_than_days, now=None):
    """What `prune_audit_log` deletes, by label: log entries older than the cut-off. A
    complaint's or a symposium view's events go only all together, once its handling has ended
    and nothing happened to it since the cut-off, so no public trace is left half-erased and an
    open case keeps its whole history."""
    if older_than_days < MIN_RETENTION_DAYS:
        raise ValidationError(
            _("审计日志至少保留 %(min)s 天，不能清理 %(days)s 天以内的记录。")
            % {"min": MIN_RETENTION_DAYS, "days": older_than_days}
        )
    cutoff = (now or timezone.now()) - datetime.timedelta(days=older_than_days)
    finished_complaints = Complaint.objects.filter(status__in=FINISHED_COMPLAINT_STATUSES).exclude(
        events__created_at__gte=cutoff
    )
    finished_views = SymposiumView.objects.filter(status__in=VIEW_ANSWERED_STATUSES).exclude(
        events__created_at__gte=cutoff
    )
    return {
        _("页面操作记录"): PageLogEntry.objects.filter(timestamp__lt=cutoff),
        _("其他对象操作记录"): ModelLogEntry.objects.filter(timestamp__lt=cutoff),
        _("投诉办理记录"): ComplaintEvent.objects.filter(
            created_at__lt=cutoff, complaint__in=finished_complaints.values("pk")
        ),
        _("座谈会意见办理记录"): SymposiumViewEvent.objects.filter(
            created_at__lt=cutoff, view__in=finished_views.values("pk")
        ),
    }


def audit_prune(*, older_than_days, dry_run=False, now=None):
    """Delete audit entries older than `older_than_days` (never fewer than 180); returns the
    count per kind. The feedback event logs refuse queryset deletes on purpose, so they are
    deleted here through the base QuerySet: retention is the one sanctioned removal."""
    querysets = audit_prune_querysets(older_than_days=older_than_days, now=now)
    counts = {label: queryset.count() for label, queryset in querysets.items()}
    if dry_run:
        return counts
    with transaction.atomic():
        for queryset in querysets.values():
            ids = list(queryset.values_list("pk", flat=True))
            for start in range(0, len(ids), 1000):
                models.QuerySet.delete(
                    queryset.model._base_manager.filter(pk__in=ids[start : start + 1000])
                )
    return counts
