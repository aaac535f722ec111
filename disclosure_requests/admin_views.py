"""The handlers' admin: the list of requests in the user's scope (with export), one request's
page with its timeline and the actions its state allows, and the applicant's attachments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView

from . import services
from .admin_forms import ACTIONS
from .models import AttachmentRole, DisclosureRequest, Status
from .permissions import request_policy

URL_NAMESPACE = "disclosure_requests"


def url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


class RequestFilterSet(WagtailFilterSet):
    class Meta:
        model = DisclosureRequest
        fields = ["status", "applicant_type", "outcome", "department"]


class RequestIndexView(IndexView):
    """The requests the user may handle, newest first; overdue ones flagged."""

    default_ordering = "-submitted_at"
    list_export = [
        "tracking_number",
        "department",
        "applicant_type",
        "status",
        "received_on",
        "reply_deadline",
        "outcome",
        "reason",
        "concluded_on",
        "replied_late",
    ]
    export_headings = {
        "tracking_number": gettext_lazy("申请编号"),
        "department": gettext_lazy("办理机关"),
        "applicant_type": gettext_lazy("申请人类型"),
        "status": gettext_lazy("状态"),
        "received_on": gettext_lazy("收到申请日期"),
        "reply_deadline": gettext_lazy("答复期限"),
        "outcome": gettext_lazy("办理结果"),
        "reason": gettext_lazy("具体情形"),
        "concluded_on": gettext_lazy("办结日期"),
        "replied_late": gettext_lazy("超期答复"),
    }

    def get_base_queryset(self):
        return request_policy.scope(self.request.user).select_related("department")

    def to_row_dict(self, item):
        # Exports carry no personal data (ARCHITECTURE: never on an export): labels, dates.
        return {
            "tracking_number": item.tracking_number,
            "department": item.department.name,
            "applicant_type": item.get_applicant_type_display(),
            "status": item.get_status_display(),
            "received_on": item.received_on,
            "reply_deadline": item.reply_deadline,
            "outcome": item.get_outcome_display(),
            "reason": item.get_reason_display(),
            "concluded_on": item.concluded_on,
            "replied_late": _("是") if item.replied_late else _("否"),
        }

    @cached_property
    def columns(self):
        today = timezone.localdate()
        return [
            self._get_title_column("tracking_number"),
            Column("department", label=_("办理机关"), accessor=lambda r: r.department.name),
            Column("applicant_type", label=_("申请人类型"), accessor="get_applicant_type_display"),
            Column(
                "status",
                label=_("状态"),
                accessor=lambda r: (
                    r.get_status_display() + (_("（已超期）") if r.is_overdue(today) else "")
                ),
            ),
            Column("current_deadline", label=_("当前期限"), accessor="current_deadline"),
            Column("submitted_at", label=_("提交时间"), sort_key="submitted_at"),
        ]

    def get_edit_url(self, instance):
        return url("detail", instance.pk)


class ScopedRequestMixin:
    """Loads the request from the user's scope: out of scope is 404, as if it did not exist."""

    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def disclosure_request(self):
        return get_object_or_404(
            request_policy.scope(self.request.user).select_related("department"),
            pk=self.kwargs["pk"],
        )


class RequestDetailView(ScopedRequestMixin, WagtailAdminTemplateMixin, TemplateView):
    """One request: what the applicant sent, the clock, the timeline and the allowed steps."""

    template_name = "disclosure_requests/admin/request_detail.html"

    def get_page_title(self):
        return _("政府信息公开申请 %(number)s") % {
            "number": self.disclosure_request.tracking_number
        }

    def available_actions(self, bound_name=None, bound_form=None):
        req = self.disclosure_request
        available = []
        for name, (action, form_class, _message) in ACTIONS.items():
            if action is None:
                if req.status != Status.CONCLUDED:
                    continue
            elif req.refusal(action):
                continue
            form = (
                bound_form
                if name == bound_name
                else form_class(disclosure_request=req, prefix=name)
            )
            available.append(
                {
                    "name": name,
                    "label": action.label if action else _("登记行政复议、行政诉讼"),
                    "form": form,
                    "url": url("action", req.pk, name),
                    "open": name == bound_name,
                }
            )
        return available

    def get_context_data(self, bound_name=None, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        req = self.disclosure_request
        context.update(
            {
                "req": req,
                "events": req.events.select_related("department").all(),
                "attachments": req.attachments.all(),
                "appeals": req.appeals.all(),
                "actions": self.available_actions(bound_name, bound_form),
                "overdue": req.is_overdue(),
            }
        )
        return context


class RequestActionView(RequestDetailView):
    """POST one step; on a mistake the request page comes back with the form's errors."""

    http_method_names = ["post"]

    def post(self, request, pk, action_name):
        entry = ACTIONS.get(action_name)
        if entry is None:
            raise Http404
        _action, form_class, success = entry
        req = self.disclosure_request
        form = form_class(request.POST, request.FILES, disclosure_request=req, prefix=action_name)
        if form.is_valid():
            try:
                form.call(req, request.user)
            except services.ActionRefused as refused:
                messages.error(request, refused.messages[0])
                return self.render_to_response(self.get_context_data(), status=409)
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, success)
                return redirect(url("detail", req.pk))
        messages.error(request, _("请修改表单中的错误后重新提交。"))
        return self.render_to_response(
            self.get_context_data(bound_name=action_name, bound_form=form), status=400
        )


class RequestAttachmentView(ScopedRequestMixin, TemplateView):
    """An attachment of a request in scope, always as a download."""

    def get(self, request, pk, attachment_pk):
        attachment = get_object_or_404(
            self.disclosure_request.attachments.filter(
                role__in=[AttachmentRole.APPLICANT, AttachmentRole.REPLY]
            ),
            pk=attachment_pk,
        )
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=f"{self.disclosure_request.tracking_number}-{attachment.pk}.{attachment.kind}",
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
