"""Oversight keeps little data of its own: the audit trail is Wagtail's log plus the feedback
event logs, devices are django-otp's and lockouts are axes'. One table-less model carries the
permissions that open the oversight pages to a group; the two-factor setup links are the one
table of the app."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OversightPermission(models.Model):
    """Holder of the oversight permissions (no table): audit log, self-check, login security."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("审计与自查权限")
        verbose_name_plural = _("审计与自查权限")
        permissions = [
            ("view_audit", _("查看和导出审计日志")),
            ("view_selfcheck", _("查看网站自查（检查就绪）")),
            ("manage_login_security", _("管理后台登录安全（解除锁定）")),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


def setup_token_digest(raw):
    """What the database keeps of a setup link's token: its SHA-256, never the token."""
    return hashlib.sha256(b"oversight.two-factor-setup:" + str(raw).encode()).hexdigest()


class TwoFactorSetupTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        return self.filter(used_at=None, expires_at__gt=now or timezone.now())


class TwoFactorSetupToken(models.Model):
    """A single-use, expiring link that lets one user enrol their first two-factor device."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_setup_tokens"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("签发设置链接的管理员；为空表示发送到用户本人邮箱。"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = TwoFactorSetupTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("双因素认证设置链接")
        verbose_name_plural = _("双因素认证设置链接")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def usable(self):
        return self.used_at is None and self.expires_at > timezone.now()
