"""The handlers' admin views (投诉办理): the scoped list with filters and export, a complaint's
page with its timeline and the actions its state allows, attachments, and the workload table.

Every view reads complaints through `complaint_policy.scope(user)`, so a handler asking for
another department's complaint by URL gets a 404, and every action goes through services.py."""

from collections import OrderedDict

import django_filters
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
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import HeaderButton

from portal.models import Department, user_department

from . import services
from .forms import (
    AcceptForm,
    AssignForm,
    CloseForm,
    ExtendForm,
    PublicationForm,
    ReferForm,
    RejectForm,
    ReplyForm,
)
from .models import AccountabilityCase, Action, Category, Complaint, Status
from .permissions import case_policy, complaint_policy
from .selectors import workload_by_department

URL_NAMESPACE = "complaints"


def url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def local_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def local_date(day):
    return day.strftime("%Y-%m-%d") if day else ""


# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell value that a spreadsheet shows as text: formula-like text gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# (column, heading, value). No personal data: name, phone, e-mail, and the free text that may
# contain them stay in the admin.
EXPORT_COLUMNS = [
    ("tracking_number", gettext_lazy("投诉编号"), lambda c: c.tracking_number),
    ("submitted_at", gettext_lazy("提交时间"), lambda c: local_time(c.submitted_at)),
    ("category", gettext_lazy("投诉类别"), lambda c: c.get_category_display()),
    ("department", gettext_lazy("被投诉部门"), lambda c: c.department.name if c.department else ""),
    (
        "handling_department",
        gettext_lazy("承办部门"),
        lambda c: c.handling_department.name if c.handling_department else "",
    ),
    # Complainants write their phone number or name in the subject: exported masked.
    ("subject", gettext_lazy("投诉主题"), lambda c: c.public_subject),
    ("status", gettext_lazy("状态"), lambda c: c.get_status_display()),
    ("accept_deadline", gettext_lazy("受理期限"), lambda c: local_date(c.accept_deadline)),
    ("accepted_at", gettext_lazy("受理时间"), lambda c: local_time(c.accepted_at)),
    ("reply_deadline", gettext_lazy("答复期限"), lambda c: local_date(c.reply_deadline)),
    ("replied_at", gettext_lazy("答复时间"), lambda c: local_time(c.replied_at)),
    ("overdue", gettext_lazy("当前超期"), lambda c: _("是") if c.is_overdue() else _("否")),
    ("accepted_late", gettext_lazy("超期受理"), lambda c: _("是") if c.accepted_late else _("否")),
    ("replied_late", gettext_lazy("超期答复"), lambda c: _("是") if c.replied_late else _("否")),
    ("rating", gettext_lazy("满意度"), lambda c: c.get_rating_display()),
    ("closed_at", gettext_lazy("办结时间"), lambda c: local_time(c.closed_at)),
]


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=Status.choices, empty_label=gettext_lazy("全部")
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("投诉类别"), choices=Category.choices, empty_label=gettext_lazy("全部")
    )
    handling_department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("承办部门"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("全部"),
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("超期"), method="filter_overdue", widget=BooleanRadioSelect
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("提交日期"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Complaint
        fields = []

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.overdue() if value else queryset.not_overdue()


class ComplaintIndexView(IndexView):
    """The complaints the user may handle, newest first, with overdue ones flagged."""

    default_ordering = "-submitted_at"
    export_headings = {name: heading for name, heading, _getter in EXPORT_COLUMNS}
    list_export = [name for name, _heading, _getter in EXPORT_COLUMNS]

    @cached_property
    def columns(self):
        return [
            self._get_title_column("tracking_number"),
            Column("subject", label=_("投诉主题")),
            Column("category", label=_("类别"), accessor="get_category_display"),
            Column(
                "handling_department",
                label=_("承办部门"),
                accessor=lambda c: (
                    c.handling_department.display_name if c.handling_department else _("待转办")
                ),
                sort_key="handling_department__sort_order",
            ),
            StatusTagColumn(
                "status",
                label=_("状态"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda c: c.status in (Status.SUBMITTED, Status.REOPENED),
            ),
            DateColumn("submitted_at", label=_("提交时间"), sort_key="submitted_at"),
            Column(
                "deadline",
                label=_("当前期限"),
                accessor=lambda c: local_date(c.current_deadline),
            ),
            StatusFlagColumn("overdue_now", label=_("超期"), true_label=_("已超期")),
        ]

    def get_base_queryset(self):
        return (
            complaint_policy.scope(self.request.user)
            .select_related("department", "handling_department")
            .with_overdue_flag()
        )

    def get_edit_url(self, instance):
        return url("detail", instance.pk)

    def get_copy_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("各部门办理情况"), url=url("workload"), icon_name="table")]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        user = self.request.user
        if not complaint_policy.is_supervisor(user) and user_department(user) is None:
            messages.warning(
                self.request,
                _(
                    "您的账号尚未指定所属部门，看不到任何投诉。请联系管理员在“工作人员所属部门”中设置。"
                ),
            )
        return context

    # --- export: no personal data, text never read as a formula, Excel-friendly CSV ------

    def to_row_dict(self, item):
        return OrderedDict((name, getter(item)) for name, _heading, getter in EXPORT_COLUMNS)

    def write_csv_row(self, writer, row_dict):
        return writer.writerow({key: spreadsheet_safe(value) for key, value in row_dict.items()})

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail stores a would-be formula as text; the quote also keeps it text after an
        # editor retypes the cell in Excel.
        safe = {key: spreadsheet_safe(value) for key, value in row_dict.items()}
        return super().generate_xlsx_row(worksheet, safe, date_format)

    def stream_csv(self, queryset):
        # A byte-order mark, so that Excel opens the UTF-8 file as Chinese text.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def get_filename(self):
        return f"complaints-{timezone.localdate():%Y%m%d}"


# name in the URL → (Action, form, service call, success message)
ACTIONS = OrderedDict(
    [
        (
            "accept",
            (
                Action.ACCEPT,
                AcceptForm,
                lambda c, user, data: services.complaint_accept(
                    complaint=c, actor=user, department=data["department"], note=data["note"]
                ),
                gettext_lazy("已受理，答复期限已开始计算。"),
            ),
        ),
        (
            "reject",
            (
                Action.REJECT,
                RejectForm,
                lambda c, user, data: services.complaint_reject(
                    complaint=c, actor=user, reason=data["reason"]
                ),
                gettext_lazy("已决定不予受理。"),
            ),
        ),
        (
            "assign",
            (
                Action.ASSIGN,
                AssignForm,
                lambda c, user, data: services.complaint_assign(
                    complaint=c, actor=user, department=data["department"], reason=data["reason"]
                ),
                gettext_lazy("已转办，新承办部门的投诉处理员会收到邮件。"),
            ),
        ),
        (
            "reply",
            (
                Action.REPLY,
                ReplyForm,
                lambda c, user, data: services.complaint_reply(
                    complaint=c, actor=user, reply=data["reply"]
                ),
                gettext_lazy("已答复，投诉人可以在查询页面查看并评价。"),
            ),
        ),
        (
            "extend",
            (
                Action.EXTEND,
                ExtendForm,
                lambda c, user, data: services.complaint_extend(
                    complaint=c, actor=user, days=data["days"], reason=data["reason"]
                ),
                gettext_lazy("答复期限已延长。"),
            ),
        ),
        (
            "close",
            (
                Action.CLOSE,
                CloseForm,
                lambda c, user, data: services.complaint_close(
                    complaint=c, actor=user, note=data["note"]
                ),
                gettext_lazy("已办结。"),
            ),
        ),
        (
            "refer",
            (
                Action.REFER,
                ReferForm,
                lambda c, user, data: services.complaint_refer(
                    complaint=c, actor=user, reason=data["reason"]
                ),
                gettext_lazy("已转入问责审查。"),
            ),
        ),
        (
            "withhold",
            (
                Action.WITHHOLD,
                PublicationForm,
                lambda c, user, data: services.complaint_set_publication(
                    complaint=c, actor=user, withheld=True, reason=data["reason"]
                ),
                gettext_lazy("该投诉不再在“投诉处理公开”中显示。"),
            ),
        ),
        (
            "publish",
            (
                Action.PUBLISH,
                PublicationForm,
                lambda c, user, data: services.complaint_set_publication(
                    complaint=c, actor=user, withheld=False, reason=data["reason"]
                ),
                gettext_lazy("该投诉已恢复公开。"),
            ),
        ),
    ]
)


class ScopedComplaintMixin:
    """Loads the complaint from the user's scope: out of scope is 404, as if it did not
    exist."""

    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not complaint_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def complaint(self):
        return get_object_or_404(
            complaint_policy.scope(self.request.user).select_related(
                "department", "handling_department"
            ),
            pk=self.kwargs["pk"],
        )


class ComplaintDetailView(ScopedComplaintMixin, WagtailAdminTemplateMixin, TemplateView):
    """One complaint: everything the citizen sent, the timeline, and the available actions."""

    template_name = "feedback/admin/complaint_detail.html"

    def get_page_title(self):
        return _("投诉 %(number)s") % {"number": self.complaint.tracking_number}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("投诉办理")},
            {"url": "", "label": self.complaint.tracking_number},
        ]

    def available_actions(self, bound_name=None, bound_form=None):
        complaint, user = self.complaint, self.request.user
        available = []
        for name, (action, form_class, _call, _message) in ACTIONS.items():
            if not (
                complaint.can(action) and complaint_policy.user_can_act(user, complaint, action)
            ):
                continue
            form = (
                bound_form if name == bound_name else form_class(complaint=complaint, prefix=name)
            )
            available.append(
                {
                    "name": name,
                    "label": Action(action).label,
                    "form": form,
                    "url": url("action", complaint.pk, name),
                    "open": name == bound_name,
                }
            )
        return available

    def get_context_data(self, bound_name=None, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        complaint = self.complaint
        context.update(
            {
                "complaint": complaint,
                "events": complaint.events.select_related("department").all(),
                "attachments": complaint.attachments.all(),
                "actions": self.available_actions(bound_name, bound_form),
                "is_supervisor": complaint_policy.is_supervisor(self.request.user),
                "close_waits_for_rating": complaint.status == Status.REPLIED
                and complaint.rating_window_open()
                and not complaint_policy.is_supervisor(self.request.user),
                "today": timezone.localdate(),
                "accountability_cases": AccountabilityCase.objects.for_source(complaint).order_by(
                    "opened_on", "pk"
                ),
                "may_see_cases": case_policy.user_has_permission(self.request.user, "view"),
            }
        )
        return context


class ComplaintActionView(ComplaintDetailView):
    """POST one action; on a mistake the complaint page comes back with the form's errors."""

    http_method_names = ["post"]

    def post(self, request, pk, action_name):
        entry = ACTIONS.get(action_name)
        if entry is None:
            raise Http404
        action, form_class, call, success = entry
        complaint = self.complaint
        if not complaint_policy.user_can_act(request.user, complaint, action):
            raise PermissionDenied
        form = form_class(request.POST, complaint=complaint, prefix=action_name)
        if form.is_valid():
            try:
                call(complaint, request.user, form.cleaned_data)
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
                return redirect(url("detail", complaint.pk))
        messages.error(request, _("请修改表单中的错误后重新提交。"))
        return self.render_to_response(
            self.get_context_data(bound_name=action_name, bound_form=form), status=400
        )


class ComplaintAttachmentView(ScopedComplaintMixin, TemplateView):
    """An attachment, always as a download (never rendered in the site's origin)."""

    def get(self, request, pk, attachment_pk):
        attachment = get_object_or_404(self.complaint.attachments, pk=attachment_pk)
        extension = attachment.file.name.rsplit(".", 1)[-1]
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404(_("附件文件不存在。")) from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=f"{self.complaint.tracking_number}-{attachment.pk}.{extension}",
            content_type=attachment.content_type,
        )


class ComplaintWorkloadView(WagtailAdminTemplateMixin, TemplateView):
    """Per department: complaints owed an answer, overdue, due by the next working day."""

    template_name = "feedback/admin/complaint_workload.html"
    page_title = gettext_lazy("各部门投诉办理情况")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not complaint_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("投诉办理")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = complaint_policy.scope(self.request.user)
        rows = workload_by_department(scope)
        totals = {
            key: sum(row[key] for row in rows)
            for key in ("active", "waiting", "overdue", "due_soon", "escalated", "replied_late")
        }
        context.update({"rows": rows, "totals": totals, "index_url": url("index")})
        return context
