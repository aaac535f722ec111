"""Oversight keeps no data of its own: the audit trail is Wagtail's log plus the feedback event
logs, devices are django-otp's and lockouts are axes'. One table-less model carries the
permissions that open the oversight pages to a group."""

from django.db import models
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
