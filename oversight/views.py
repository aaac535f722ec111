"""Admin views of the oversight app: 审计日志, 网站自查, 登录锁定 and the two-factor pages."""

import base64

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.exports import csv_response, xlsx_response

from . import services
from .forms import AuditFilterForm, TokenForm
from .permissions import can_manage_login_security, can_view_audit, can_view_selfcheck
from .selectors import audit_entries, audit_rows, locked_attempts, locked_until, selfcheck_rows
from .two_factor import has_confirmed_device, qr_svg, setup_link

AUDIT_PAGE_SIZE = 50
# A download stops here; narrow the filters (a date range) for more.
AUDIT_EXPORT_LIMIT = 50_000
EXPORT_HEADERS = [
    gettext_lazy("时间"),
    gettext_lazy("记录类型"),
    gettext_lazy("对象类型"),
    gettext_lazy("对象"),
    gettext_lazy("操作"),
    gettext_lazy("操作人"),
    gettext_lazy("涉及部门"),
]


class AuditLogView(WagtailAdminTemplateMixin, TemplateView):
    """审计日志: Wagtail's page and model history and the complaint and symposium-view events,
    in one list filtered by date, user, action, type, department and object."""

    template_name = "oversight/audit_log.html"
    page_title = gettext_lazy("审计日志")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_audit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = AuditFilterForm(request.GET or None)
        self.filters = self.form.cleaned_data if self.form.is_valid() else {}
        export = request.GET.get("export")
        if export in ("csv", "xlsx") and self.form.is_valid():
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def export(self, fmt):
        entries = list(audit_entries(self.filters)[:AUDIT_EXPORT_LIMIT])
        rows = []
        for start in range(0, len(entries), 1000):
            for row in audit_rows(entries[start : start + 1000]):
                rows.append(
                    [
                        timezone.localtime(row["timestamp"]).strftime("%Y-%m-%d %H:%M:%S"),
                        row["source"],
                        row["object_type"],
                        row["object_label"],
                        row["action"],
                        row["user"],
                        row["department"],
                    ]
                )
        filename = f"audit-log-{timezone.localdate():%Y-%m-%d}"
        headers = [str(header) for header in EXPORT_HEADERS]
        if fmt == "csv":
            return csv_response(filename, headers, rows)
        return xlsx_response(filename, headers, rows, sheet_title="审计日志")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(audit_entries(self.filters), AUDIT_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("export", None)
        context.update(
            form=self.form,
            page_obj=page,
            rows=audit_rows(list(page.object_list)),
            query_string=query.urlencode(),
        )
        return context


class SelfCheckView(WagtailAdminTemplateMixin, TemplateView):
    """网站自查: each single-veto risk of the inspection, from live data, with links to fix."""

    template_name = "oversight/selfcheck.html"
    page_title = gettext_lazy("网站自查")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_selfcheck(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selfcheck_rows()
        context.update(rows=rows, problems=sum(1 for row in rows if not row.ok))
        return context


class LockedAccountsView(WagtailAdminTemplateMixin, TemplateView):
    """登录锁定: username+IP pairs locked after repeated wrong passwords, with 解除锁定."""

    template_name = "oversight/locked_accounts.html"
    page_title = gettext_lazy("登录锁定")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_login_security(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attempts = list(locked_attempts()[:200])
        for attempt in attempts:
            attempt.locked_until = locked_until(attempt)
        context.update(attempts=attempts, failure_limit=settings.AXES_FAILURE_LIMIT)
        return context

    def post(self, request, *args, **kwargs):
        attempt = get_object_or_404(AccessAttempt, pk=request.POST.get("attempt"))
        username, ip_address = services.account_unlock(attempt=attempt, actor=request.user)
        messages.success(
            request,
            _("已解除 %(username)s（%(ip)s）的登录锁定。")
            % {"username": username, "ip": ip_address},
        )
        return redirect("oversight_locked_accounts")


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """设置双因素认证: scan the QR code, then confirm with the first code."""

    template_name = "oversight/two_factor_setup.html"
    page_title = gettext_lazy("设置双因素认证")
    header_icon = "key"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        # A user who already has a device verifies with it; a new one replaces it only after
        # that (or after an administrator's reset), so a stolen password cannot re-enrol.
        if has_confirmed_device(request.user) and not request.user.is_verified():
            return redirect(reverse("oversight_two_factor_verify") + self._next_query())
        # A password alone must not enrol a device: the first one needs a setup link.
        if not services.two_factor_may_enrol(request):
            return redirect("oversight_two_factor_setup_needed")
        self.device = services.two_factor_pending_device(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def _next_query(self):
        target = self.request.GET.get("next")
        return "?" + urlencode({"next": target}) if target else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        secret = base64.b32encode(self.device.bin_key).decode()
        context.update(
            qr_svg=qr_svg(self.device),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            next=self.request.GET.get("next", ""),
        )
        return context

    def form_valid(self, form):
        try:
            services.two_factor_confirm(
                request=self.request, device=self.device, token=form.cleaned_data["token"]
            )
        except ValidationError as error:
            form.add_error("token", error)
            return self.form_invalid(form)
        messages.success(self.request, _("双因素认证已启用。以后登录后台时需要输入验证码。"))
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        return redirect(
            reverse("oversight_two_factor_backup_codes")
            + ("?" + urlencode({"next": target}) if target else "")
        )


class TwoFactorVerifyView(WagtailAdminTemplateMixin, FormView):
    """输入验证码: the second step of every admin login."""

    template_name = "oversight/two_factor_verify.html"
    page_title = gettext_lazy("双因素认证")
    header_icon = "key"
    form_class = TokenForm

    def dispatch(self, request, *args, **kwargs):
        if not has_confirmed_device(request.user):
            return redirect("oversight_two_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = self.request.GET.get("next", "")
        return context

    def form_valid(self, form):
        try:
            services.two_factor_verify(request=self.request, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error("token", error)
            return self.form_invalid(form)
        return redirect(_next_url(self.request))


class TwoFactorSetupNeededView(WagtailAdminTemplateMixin, TemplateView):
    """需要设置链接: a user without a device asks for a setup link by mail, or asks an
    administrator for one."""

    template_name = "oversight/two_factor_setup_needed.html"
    page_title = gettext_lazy("设置双因素认证")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if services.two_factor_may_enrol(request):
            return redirect("oversight_two_factor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_email"] = bool(self.request.user.email)
        return context

    def post(self, request, *args, **kwargs):
        if services.two_factor_setup_mail(user=request.user):
            messages.success(request, _("设置链接已发送到您账号登记的邮箱，请在 24 小时内打开。"))
        else:
            messages.error(
                request,
                _("无法发送设置链接：账号没有登记邮箱，或申请过于频繁。请联系站点管理员签发。"),
            )
        return redirect("oversight_two_factor_setup_needed")


class TwoFactorSetupLinkView(View):
    """Opens a setup link: the browser may then enrol a device; the token leaves the URL."""

    def get(self, request, token):
        try:
            services.two_factor_setup_redeem(request=request, raw=token)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("oversight_two_factor_setup_needed")
        return redirect("oversight_two_factor_setup")


class TwoFactorBackupCodesView(WagtailAdminTemplateMixin, TemplateView):
    """备用验证码: the codes made at enrolment, shown once; new ones on request."""

    template_name = "oversight/two_factor_backup_codes.html"
    page_title = gettext_lazy("备用验证码")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect("oversight_two_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            codes=self.request.session.pop(services.BACKUP_SESSION_KEY, None),
            next=_next_url(self.request),
        )
        return context

    def post(self, request, *args, **kwargs):
        request.session[services.BACKUP_SESSION_KEY] = services.two_factor_backup_codes(
            user=request.user
        )
        return redirect("oversight_two_factor_backup_codes")


class TwoFactorIssueLinkView(WagtailAdminTemplateMixin, TemplateView):
    """签发设置链接: a site administrator issues a user's setup link, shown once to pass on."""

    template_name = "oversight/two_factor_issue_link.html"
    page_title = gettext_lazy("签发双因素认证设置链接")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_login_security(request.user):
            raise PermissionDenied
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(target=self.target, has_device=has_confirmed_device(self.target))
        return context

    def post(self, request, *args, **kwargs):
        raw = services.two_factor_setup_issue(user=self.target, actor=request.user)
        context = self.get_context_data(**kwargs)
        context["link"] = setup_link(raw)
        return self.render_to_response(context)
