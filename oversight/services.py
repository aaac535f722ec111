"""Writes of the oversight app: issuing setup links, confirming and resetting two-factor
devices and their backup codes, unlocking a locked login, limiting password-reset mails, and
pruning the audit trail past its retention period."""

import datetime
import secrets

from axes.models import AccessAttempt
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
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

from .models import TwoFactorSetupToken, setup_token_digest
from .two_factor import BACKUP_DEVICE_NAME, DEVICE_NAME, setup_link

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


# A setup link works once, within a day; a user may mail themselves a few per hour.
SETUP_TOKEN_HOURS = 24
SETUP_MAIL_LIMIT, SETUP_MAIL_WINDOW = 3, 3600
# Session key of the setup link this browser opened (the token's id, never the token).
SETUP_SESSION_KEY = "oversight_two_factor_setup"
# Backup codes made at enrolment, kept in the session only until the page shows them once.
BACKUP_SESSION_KEY = "oversight_backup_codes"
BACKUP_CODE_COUNT = 10


def two_factor_setup_issue(*, user, actor=None):
    """A new setup link for `user`; earlier unused ones stop working. Returns the raw token,
    which only its recipient ever sees."""
    actor = _concrete(actor) if actor is not None else None
    raw = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        TwoFactorSetupToken.objects.filter(user=user, used_at=None).delete()
        TwoFactorSetupToken.objects.create(
            user=user,
            token_digest=setup_token_digest(raw),
            issued_by=actor,
            created_at=now,
            expires_at=now + datetime.timedelta(hours=SETUP_TOKEN_HOURS),
        )
        log(instance=user, action="oversight.two_factor.setup_link", user=actor)
    return raw


def two_factor_setup_mail(*, user):
    """Mail a setup link to the user's own address; False when there is none or the user
    asked too often (a stolen password must not flood the owner's inbox)."""
    if not user.email or not hit(
        "two-factor-setup-mail", user.pk, limit=SETUP_MAIL_LIMIT, window=SETUP_MAIL_WINDOW
    ):
        return False
    raw = two_factor_setup_issue(user=user)
    send_mail(
        _("后台双因素认证设置链接"),
        _(
            "您好：\n\n有人用您的账号 %(username)s 登录了后台，并申请设置双因素认证。"
            "如果是您本人，请在 %(hours)s 小时内打开下面的链接（只能使用一次）：\n\n%(link)s\n\n"
            "如果不是您本人，说明您的密码可能已泄露：请不要打开链接，立即修改密码并联系站点管理员。"
        )
        % {"username": user.get_username(), "hours": SETUP_TOKEN_HOURS, "link": setup_link(raw)},
        None,
        [user.email],
    )
    return True


def two_factor_setup_redeem(*, request, raw):
    """Open a setup link in this browser: it must be the signed-in user's, unused, unexpired."""
    token = (
        TwoFactorSetupToken.objects.usable()
        .filter(user_id=request.user.pk, token_digest=setup_token_digest(raw))
        .first()
    )
    if token is None:
        raise ValidationError(_("设置链接无效、已使用或已过期，或不属于当前登录的账号。"))
    request.session[SETUP_SESSION_KEY] = token.pk
    return token


def two_factor_setup_grant(request):
    """The usable setup link this browser opened, or None."""
    pk = request.session.get(SETUP_SESSION_KEY)
    if pk is None:
        return None
    return TwoFactorSetupToken.objects.usable().filter(pk=pk, user_id=request.user.pk).first()


def two_factor_may_enrol(request):
    """A first device needs a setup link; a user verified with a device may replace it."""
    return request.user.is_verified() or two_factor_setup_grant(request) is not None


def two_factor_backup_codes(*, user):
    """New single-use backup codes for `user` (the old ones stop working); returns them, to be
    shown once."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_confirm(*, request, device, token):
    """Confirm a new device with its first code, use up the setup link, make the backup codes
    (left in the session to be shown once) and mark this session verified."""
    if device.user_id != request.user.pk:
        raise ValidationError(_("该验证器不属于当前用户。"))
    verified = request.user.is_verified()
    grant = None if verified else two_factor_setup_grant(request)
    if grant is None and not verified:
        raise ValidationError(_("设置链接已失效，请重新获取设置链接。"))
    if not device.verify_token(token):
        raise ValidationError(_("验证码不正确或已过期，请查看验证器应用中的最新 6 位数字。"))
    with transaction.atomic():
        # Single use, even under two concurrent posts: only one update finds it unused.
        used = TwoFactorSetupToken.objects.usable().filter(pk=getattr(grant, "pk", None))
        if grant is not None and not used.update(used_at=timezone.now()):
            raise ValidationError(_("设置链接已失效，请重新获取设置链接。"))
        # One confirmed device per user: an earlier one (lost phone) stops working now.
        TOTPDevice.objects.devices_for_user(request.user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        user = _concrete(request.user)
        codes = two_factor_backup_codes(user=user)
        log(instance=user, action="oversight.two_factor.setup", user=user)
    request.session.pop(SETUP_SESSION_KEY, None)
    request.session[BACKUP_SESSION_KEY] = codes
    otp_login(request, device)
    return device


def two_factor_verify(*, request, token):
    """Check a code against the user's confirmed device, or use up one backup code, and mark
    this session verified."""
    for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return device
    backup = token.strip().lower()
    for device in StaticDevice.objects.devices_for_user(request.user, confirmed=True):
        if device.verify_token(backup):  # deletes the code: each one works once
            otp_login(request, device)
            return device
    raise ValidationError(_("验证码不正确或已过期，请查看验证器应用中的最新 6 位数字。"))


def two_factor_reset(*, user, actor=None):
    """Remove every TOTP device and backup code of `user` (a lost phone): the next login needs
    a new setup link."""
    actor = _concrete(actor) if actor is not None else None
    with transaction.atomic():
        count, _deleted = TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
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
