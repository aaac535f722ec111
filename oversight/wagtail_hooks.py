"""Admin wiring of the oversight app: the URLs, the menu items (网站自查 in the main menu,
审计日志 under 报告, 登录锁定 under 设置), the two-factor setup-link button in the user list,
the self-check home panel, the log actions."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.models import ModelLogEntry

from . import views
from .permissions import can_manage_login_security, can_view_audit, can_view_selfcheck
from .selectors import selfcheck_rows


@hooks.register("register_admin_urls")
def register_oversight_urls():
    return [
        path("reports/audit-log/", views.AuditLogView.as_view(), name="oversight_audit_log"),
        path("selfcheck/", views.SelfCheckView.as_view(), name="oversight_selfcheck"),
        path(
            "security/locked-accounts/",
            views.LockedAccountsView.as_view(),
            name="oversight_locked_accounts",
        ),
        path(
            "security/two-factor/setup/",
            views.TwoFactorSetupView.as_view(),
            name="oversight_two_factor_setup",
        ),
        path(
            "security/two-factor/setup/needed/",
            views.TwoFactorSetupNeededView.as_view(),
            name="oversight_two_factor_setup_needed",
        ),
        path(
            "security/two-factor/setup/link/<str:token>/",
            views.TwoFactorSetupLinkView.as_view(),
            name="oversight_two_factor_setup_link",
        ),
        path(
            "security/two-factor/backup-codes/",
            views.TwoFactorBackupCodesView.as_view(),
            name="oversight_two_factor_backup_codes",
        ),
        path(
            "security/two-factor/issue/<int:user_id>/",
            views.TwoFactorIssueLinkView.as_view(),
            name="oversight_two_factor_issue",
        ),
        path(
            "security/two-factor/verify/",
            views.TwoFactorVerifyView.as_view(),
            name="oversight_two_factor_verify",
        ),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users whom `allowed(user)` lets in."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_menu_item")
def register_selfcheck_menu_item():
    return PermissionMenuItem(
        _("网站自查"),
        reverse("oversight_selfcheck"),
        icon_name="tasks",
        order=250,
        allowed=can_view_selfcheck,
    )


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return PermissionMenuItem(
        _("审计日志"),
        reverse("oversight_audit_log"),
        icon_name="history",
        order=610,
        allowed=can_view_audit,
    )


@hooks.register("register_settings_menu_item")
def register_locked_accounts_menu_item():
    return PermissionMenuItem(
        _("登录锁定"),
        reverse("oversight_locked_accounts"),
        icon_name="lock",
        order=900,
        allowed=can_manage_login_security,
    )


@hooks.register("register_user_listing_buttons")
def two_factor_issue_button(user, request_user):
    """签发双因素设置链接 on each user of the admin's user list, for site administrators."""
    if can_manage_login_security(request_user):
        yield Button(
            _("签发双因素设置链接"),
            reverse("oversight_two_factor_issue", args=[user.pk]),
            icon_name="key",
            priority=90,
        )


# The home panel is a summary shown on every visit to the admin home; the dead-link scan reads
# every live page, so the summary is reused for a few minutes. 网站自查 itself is always live.
PANEL_CACHE_KEY = "oversight:selfcheck-panel"
PANEL_CACHE_SECONDS = 300


def selfcheck_summary():
    """(title, count, available) of each self-check row that found something."""

    def compute():
        return [
            (str(row.title), row.count, row.available) for row in selfcheck_rows() if not row.ok
        ]

    return cache.get_or_set(PANEL_CACHE_KEY, compute, PANEL_CACHE_SECONDS)


class SelfCheckPanel(Component):
    """The home-page summary of the self-check: the rows that found something."""

    name = "oversight_selfcheck"
    order = 40
    template_name = "oversight/selfcheck_panel.html"

    def __init__(self, problems):
        self.problems = problems

    def get_context_data(self, parent_context):
        return {
            "problems": [
                {"title": title, "count": count, "available": available}
                for title, count, available in self.problems
            ],
            "selfcheck_url": reverse("oversight_selfcheck"),
        }


@hooks.register("construct_homepage_panels")
def add_selfcheck_panel(request, panels):
    if can_view_selfcheck(request.user):
        panels.append(SelfCheckPanel(selfcheck_summary()))


@hooks.register("register_log_actions")
def register_oversight_log_actions(actions):
    # User accounts get a log of their own, so that the two-factor and lockout actions (and
    # Wagtail's user edits) appear in the audit log.
    actions.register_model(get_user_model(), ModelLogEntry)
    actions.register_action(
        "oversight.two_factor.setup", _("启用双因素认证"), _("启用了双因素认证")
    )
    actions.register_action(
        "oversight.two_factor.reset", _("重置双因素认证"), _("重置了双因素认证")
    )
    actions.register_action(
        "oversight.two_factor.setup_link",
        _("签发双因素认证设置链接"),
        _("签发了双因素认证设置链接"),
    )
    actions.register_action("oversight.account.unlock", _("解除登录锁定"), _("解除了登录锁定"))
