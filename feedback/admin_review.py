"""The admin of symposium views (the minutes-taker's and the departments' workflow), inspection
findings and accountability cases: scoped lists, create and edit forms that save through the
services, and each record's page with its history and the actions its state allows.

Every view reads through its permission policy's `scope(user)`: asking for a record out of
scope by URL is a 404, and an action the role may not take is a 403."""

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusFlagColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect

from portal.models import Department

from . import services
from .admin_forms import (
    CaseDecideForm,
    ConfirmForm,
    FindingRectifyForm,
    FindingReferForm,
    ViewAdoptForm,
    ViewAssignForm,
    ViewReferForm,
    ViewReplyForm,
    ViewStartForm,
)
from .models import (
    AccountabilityCase,
    CaseStatus,
    FindingCategory,
    FindingStatus,
    Ground,
    InspectionFinding,
    InspectionMode,
    Outcome,
    Sector,
    SymposiumPage,
    SymposiumView,
    ViewAction,
    ViewStatus,
    ViewTopic,
)
from .permissions import case_policy, complaint_policy, finding_policy, view_policy

VIEWS_NS = "symposium_views"
FINDINGS_NS = "inspection_findings"
CASES_NS = "accountability_cases"


def url(namespace, name, *args):
    return reverse(f"{namespace}:{name}", args=args)


def apply_errors(form, error):
    """Put a service's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- shared machinery ---------------------------------------------------------------------


class ServiceSaveMixin:
    """A create or edit view that saves through a service (`call_service(form)`); a refusal
    from the service comes back as form errors, with nothing saved."""

    detail_namespace = None

    def save_instance(self):
        return self.call_service(self.form)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PermissionDenied:
            raise
        except ValidationError as error:
            apply_errors(form, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_url(self):
        return url(self.detail_namespace, "detail", self.object.pk)


@dataclass
class AdminAction:
    """One action on a record's page: its form, the service call, and when it is offered:
    `permitted(record, user)` is the role's rule (else 403), `refusal(record)` the state's
    (a Chinese reason why not now, else empty: a 409 with the reason)."""

    label: str
    form_class: type
    call: Callable
    message: str
    permitted: Callable
    refusal: Callable

    def allowed(self, record, user):
        return self.permitted(record, user) and not self.refusal(record)


class RecordDetailView(WagtailAdminTemplateMixin, TemplateView):
    """A record's page: its facts, its history and a form for each action allowed now."""

    policy = None
    namespace = None
    actions = OrderedDict()
    related = ()
    index_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def object(self):
        queryset = self.policy.scope(self.request.user).select_related(*self.related)
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_page_title(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url(self.namespace, "index"), "label": self.index_label},
            {"url": "", "label": str(self.object)},
        ]

    def available_actions(self, bound_name=None, bound_form=None):
        available = []
        for name, action in self.actions.items():
            if not action.allowed(self.object, self.request.user):
                continue
            form = (
                bound_form
                if name == bound_name
                else action.form_class(instance=self.object, prefix=name)
            )
            available.append(
                {
                    "name": name,
                    "label": action.label,
                    "form": form,
                    "url": url(self.namespace, "action", self.object.pk, name),
                    "open": name == bound_name,
                }
            )
        return available

    def get_context_data(self, bound_name=None, bound_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "actions": self.available_actions(bound_name, bound_form),
                "can_edit": self.can_edit(),
                "edit_url": url(self.namespace, "edit", self.object.pk),
                "index_url": url(self.namespace, "index"),
                "today": timezone.localdate(),
            }
        )
        return context

    def can_edit(self):
        return self.policy.user_has_permission(self.request.user, "change")


class RecordActionView:
    """POST one action; on a mistake the record's page comes back with the form's errors."""

    http_method_names = ["post"]

    def post(self, request, pk, action_name):
        action = self.actions.get(action_name)
        if action is None:
            raise Http404
        record = self.object
        if not action.permitted(record, request.user):
            raise PermissionDenied
        refusal = action.refusal(record)
        if refusal:
            messages.error(request, refusal)
            return self.render_to_response(self.get_context_data(), status=409)
        form = action.form_class(request.POST, instance=record, prefix=action_name)
        if form.is_valid():
            try:
                action.call(record, request.user, form.cleaned_data)
            except services.ActionRefused as refused:
                messages.error(request, refused.messages[0])
                return self.render_to_response(self.get_context_data(), status=409)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, action.message)
                return redirect(url(self.namespace, "detail", record.pk))
        messages.error(request, _("请修改表单中的错误后重新提交。"))
        return self.render_to_response(
            self.get_context_data(bound_name=action_name, bound_form=form), status=400
        )


class ScopedIndexView(generic.IndexView):
    """A list of the records the user may see; the title links to the record's page."""

    policy = None
    namespace = None
    related = ()

    def get_base_queryset(self):
        return self.policy.scope(self.request.user).select_related(*self.related)

    def get_edit_url(self, instance):
        return url(self.namespace, "detail", instance.pk)

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None


# --- symposium views ----------------------------------------------------------------------


def _view_role(action):
    return lambda view, user: view_policy.user_can_act(user, view, action)


def _view_state(action):
    return lambda view: view.refusal(action)


VIEW_ACTIONS = OrderedDict(
    [
        (
            "assign",
            AdminAction(
                ViewAction.ASSIGN.label,
                ViewAssignForm,
                lambda v, user, data: services.view_assign(
                    view=v, actor=user, department=data["department"], reason=data["reason"]
                ),
                gettext_lazy("已交办，答复期限已开始计算。"),
                _view_role(ViewAction.ASSIGN),
                _view_state(ViewAction.ASSIGN),
            ),
        ),
        (
            "start",
            AdminAction(
                ViewAction.START.label,
                ViewStartForm,
                lambda v, user, data: services.view_start(view=v, actor=user, note=data["note"]),
                gettext_lazy("已标记为办理中。"),
                _view_role(ViewAction.START),
                _view_state(ViewAction.START),
            ),
        ),
        (
            "reply",
            AdminAction(
                ViewAction.REPLY.label,
                ViewReplyForm,
                lambda v, user, data: services.view_reply(view=v, actor=user, reply=data["reply"]),
                gettext_lazy("已答复。"),
                _view_role(ViewAction.REPLY),
                _view_state(ViewAction.REPLY),
            ),
        ),
        (
            "adopt",
            AdminAction(
                ViewAction.ADOPT.label,
                ViewAdoptForm,
                lambda v, user, data: services.view_adopt(view=v, actor=user, reply=data["reply"]),
                gettext_lazy("已记录为采纳。"),
                _view_role(ViewAction.ADOPT),
                _view_state(ViewAction.ADOPT),
            ),
        ),
        (
            "refer",
            AdminAction(
                ViewAction.REFER.label,
                ViewReferForm,
                lambda v, user, data: services.view_refer(
                    view=v, actor=user, reason=data["reason"]
                ),
                gettext_lazy("已转问责审查，问责审查组立案后作出决定。"),
                _view_role(ViewAction.REFER),
                _view_state(ViewAction.REFER),
            ),
        ),
        (
            "publish",
            AdminAction(
                gettext_lazy("在座谈会页面公开"),
                ConfirmForm,
                lambda v, user, data: services.view_set_published(
                    view=v, actor=user, published=True
                ),
                gettext_lazy("已公开。"),
                _view_role(ViewAction.PUBLISH),
                _view_state(ViewAction.PUBLISH),
            ),
        ),
        (
            "unpublish",
            AdminAction(
                gettext_lazy("取消公开"),
                ConfirmForm,
                lambda v, user, data: services.view_set_published(
                    view=v, actor=user, published=False
                ),
                gettext_lazy("已取消公开。"),
                _view_role(ViewAction.UNPUBLISH),
                _view_state(ViewAction.UNPUBLISH),
            ),
        ),
    ]
)


class SymposiumViewFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(
        label=gettext_lazy("座谈会"),
        queryset=SymposiumPage.objects.order_by("-date"),
        empty_label=gettext_lazy("全部"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("办理状态"),
        choices=ViewStatus.choices,
        empty_label=gettext_lazy("全部"),
    )
    topic = django_filters.ChoiceFilter(
        label=gettext_lazy("议题"), choices=ViewTopic.choices, empty_label=gettext_lazy("全部")
    )
    sector = django_filters.ChoiceFilter(
        label=gettext_lazy("界别"), choices=Sector.choices, empty_label=gettext_lazy("全部")
    )
    handling_department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("承办部门"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("全部"),
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("超期"), method="filter_overdue", widget=BooleanRadioSelect
    )
    published = django_filters.BooleanFilter(label=gettext_lazy("公开"), widget=BooleanRadioSelect)

    class Meta:
        model = SymposiumView
        fields = []

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.overdue() if value else queryset.not_overdue()


class SymposiumViewIndexView(ScopedIndexView):
    policy = view_policy
    namespace = VIEWS_NS
    related = ("session", "handling_department")
    default_ordering = "-recorded_at"

    def get_base_queryset(self):
        return super().get_base_queryset().with_overdue_flag()

    @cached_property
    def columns(self):
        return [
            self._get_title_column("__str__"),
            Column(
                "text",
                label=_("内容"),
                accessor=lambda v: v.text if len(v.text) <= 40 else v.text[:39] + "…",
            ),
            Column("sector", label=_("界别"), accessor="get_sector_display"),
            Column(
                "handling_department",
                label=_("承办部门"),
                accessor=lambda v: (
                    v.handling_department.display_name if v.handling_department else _("未交办")
                ),
            ),
            StatusTagColumn(
                "status",
                label=_("办理状态"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda v: v.status == ViewStatus.PENDING,
            ),
            DateColumn("reply_deadline", label=_("答复期限"), sort_key="reply_deadline"),
            StatusFlagColumn("overdue_now", label=_("超期"), true_label=_("已超期")),
            StatusFlagColumn(
                "published", label=_("公开"), true_label=_("已公开"), false_label=_("未公开")
            ),
        ]


class SymposiumViewCreateView(ServiceSaveMixin, generic.CreateView):
    detail_namespace = VIEWS_NS

    def get_initial(self):
        initial = super().get_initial()
        session = self.request.GET.get("session", "")
        if session.isdigit():
            initial["session"] = int(session)
        return initial

    def call_service(self, form):
        data = form.cleaned_data
        return services.view_create(
            session=data["session"],
            text=data["text"],
            sector=data["sector"],
            topic=data["topic"],
            raised_by=data["raised_by"],
            concerned_departments=data["concerned_departments"],
            handling_department=data["handling_department"],
            reply_days=data["reply_days"],
            published=data["published"],
            actor=self.request.user,
        )

    def get_success_message(self, instance):
        return _("已录入%(view)s。") % {"view": instance}


class SymposiumViewEditView(ServiceSaveMixin, generic.EditView):
    detail_namespace = VIEWS_NS

    def call_service(self, form):
        data = form.cleaned_data
        return services.view_update(
            view=self.object,
            actor=self.request.user,
            text=data["text"],
            sector=data["sector"],
            topic=data["topic"],
            raised_by=data["raised_by"],
            concerned_departments=data["concerned_departments"],
            reply_days=data.get("reply_days") or self.object.reply_days,
        )

    def get_success_message(self):
        return _("已保存%(view)s的修改。") % {"view": self.object}


class SymposiumViewDetailView(RecordDetailView):
    template_name = "feedback/admin/symposium_view_detail.html"
    header_icon = "group"
    policy = view_policy
    namespace = VIEWS_NS
    actions = VIEW_ACTIONS
    related = ("session", "handling_department", "recorded_by")
    index_label = gettext_lazy("座谈会意见")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        view = self.object
        context.update(
            {
                "view": view,
                "events": view.events.select_related("department").all(),
                "concerned": view.concerned_departments.all(),
                "cases": view.accountability_cases,
                "may_see_cases": case_policy.user_has_permission(self.request.user, "view"),
            }
        )
        return context


class SymposiumViewActionView(RecordActionView, SymposiumViewDetailView):
    pass


# --- inspection findings ------------------------------------------------------------------


FINDING_ACTIONS = OrderedDict(
    [
        (
            "rectify",
            AdminAction(
                gettext_lazy("确认整改完成"),
                FindingRectifyForm,
                lambda f, user, data: services.finding_rectify(
                    finding=f,
                    actor=user,
                    rectified_on=data["rectified_on"],
                    report=data["report"],
                ),
                gettext_lazy("已确认整改完成。"),
                lambda f, user: finding_policy.user_has_permission(user, "change"),
                lambda f: (
                    "" if f.status == FindingStatus.RECTIFYING else _("该问题已确认整改完成。")
                ),
            ),
        ),
        (
            "refer",
            AdminAction(
                gettext_lazy("转问责审查"),
                FindingReferForm,
                lambda f, user, data: services.finding_refer(
                    finding=f, actor=user, reason=data["reason"]
                ),
                gettext_lazy("已转问责审查。"),
                lambda f, user: finding_policy.user_has_permission(user, "change"),
                lambda f: "" if f.referred_at is None else _("该问题已转问责审查。"),
            ),
        ),
    ]
)


class InspectionFindingFilterSet(WagtailFilterSet):
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("被检查部门"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("全部"),
    )
    mode = django_filters.ChoiceFilter(
        label=gettext_lazy("检查方式"),
        choices=InspectionMode.choices,
        empty_label=gettext_lazy("全部"),
    )
    category = django_filters.ChoiceFilter(
        label=gettext_lazy("问题类别"),
        choices=FindingCategory.choices,
        empty_label=gettext_lazy("全部"),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("整改状态"),
        choices=FindingStatus.choices,
        empty_label=gettext_lazy("全部"),
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("整改超期"), method="filter_overdue", widget=BooleanRadioSelect
    )
    inspected_on = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("检查日期"), widget=DateRangePickerWidget
    )

    class Meta:
        model = InspectionFinding
        fields = []

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.overdue() if value else queryset.not_overdue()


class InspectionFindingIndexView(ScopedIndexView):
    policy = finding_policy
    namespace = FINDINGS_NS
    related = ("department",)
    default_ordering = "-inspected_on"

    def get_base_queryset(self):
        # The review column reads each finding's cases: fetched once for the page.
        return (
            super().get_base_queryset().with_overdue_flag().prefetch_related("review_links__case")
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("__str__"),
            Column("mode", label=_("方式"), accessor="get_mode_display"),
            Column("category", label=_("类别"), accessor="get_category_display"),
            StatusTagColumn(
                "status",
                label=_("整改状态"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda f: f.status == FindingStatus.RECTIFYING,
            ),
            DateColumn(
                "rectification_deadline", label=_("整改期限"), sort_key="rectification_deadline"
            ),
            StatusFlagColumn("overdue_now", label=_("超期"), true_label=_("整改超期")),
            Column("review", label=_("问责审查"), accessor="review_label"),
        ]


class InspectionFindingCreateView(ServiceSaveMixin, generic.CreateView):
    detail_namespace = FINDINGS_NS

    def call_service(self, form):
        return services.finding_create(actor=self.request.user, **form.cleaned_data)

    def get_success_message(self, instance):
        return _("已录入明查暗访问题：%(finding)s。") % {"finding": instance}


class InspectionFindingEditView(ServiceSaveMixin, generic.EditView):
    detail_namespace = FINDINGS_NS

    def call_service(self, form):
        return services.finding_update(
            finding=self.object, actor=self.request.user, **form.cleaned_data
        )

    def get_success_message(self):
        return _("已保存修改。")


class InspectionFindingDetailView(RecordDetailView):
    template_name = "feedback/admin/inspection_finding_detail.html"
    header_icon = "view"
    policy = finding_policy
    namespace = FINDINGS_NS
    actions = FINDING_ACTIONS
    related = ("department", "recorded_by")
    index_label = gettext_lazy("明查暗访")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"finding": self.object, "cases": self.object.accountability_cases})
        return context


class InspectionFindingActionView(RecordActionView, InspectionFindingDetailView):
    pass


# --- accountability cases -----------------------------------------------------------------


CASE_ACTIONS = OrderedDict(
    [
        (
            "decide",
            AdminAction(
                gettext_lazy("作出问责决定"),
                CaseDecideForm,
                lambda c, user, data: services.case_decide(
                    case=c,
                    actor=user,
                    outcome=data["outcome"],
                    findings=data["findings"],
                    decided_on=data["decided_on"],
                    veto=data["veto"],
                    veto_reason=data["veto_reason"],
                ),
                gettext_lazy("已作出决定；各线索来源已记录问责结果。"),
                lambda c, user: case_policy.user_has_permission(user, "change"),
                lambda c: "" if c.status == CaseStatus.OPEN else _("该案件已作出决定。"),
            ),
        ),
    ]
)


class AccountabilityCaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状态"), choices=CaseStatus.choices, empty_label=gettext_lazy("全部")
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("被审查部门"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("全部"),
    )
    ground = django_filters.ChoiceFilter(
        label=gettext_lazy("问责情形"), choices=Ground.choices, empty_label=gettext_lazy("全部")
    )
    outcome = django_filters.ChoiceFilter(
        label=gettext_lazy("问责方式"), choices=Outcome.choices, empty_label=gettext_lazy("全部")
    )
    veto = django_filters.BooleanFilter(label=gettext_lazy("一票否决"), widget=BooleanRadioSelect)

    class Meta:
        model = AccountabilityCase
        fields = []


class AccountabilityCaseIndexView(ScopedIndexView):
    policy = case_policy
    namespace = CASES_NS
    related = ("department",)
    default_ordering = "-opened_on"

    @cached_property
    def columns(self):
        return [
            self._get_title_column("number"),
            Column("department", label=_("被审查部门"), accessor="department.display_name"),
            Column("post_level", label=_("岗位层级"), accessor="get_post_level_display"),
            Column("ground", label=_("问责情形"), accessor="get_ground_display"),
            StatusTagColumn(
                "status",
                label=_("状态"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda c: c.status == CaseStatus.OPEN,
            ),
            Column("outcome", label=_("问责方式"), accessor="get_outcome_display"),
            DateColumn("opened_on", label=_("立案日期"), sort_key="opened_on"),
            DateColumn("decided_on", label=_("决定日期"), sort_key="decided_on"),
        ]


def _case_sources(form):
    data = form.cleaned_data
    return {
        "complaints": list(data.get("complaints") or []),
        "views": list(data.get("views") or []),
        "findings": list(data.get("findings") or []),
    }


CASE_FORM_FIELDS = (
    "department",
    "post_level",
    "person_name",
    "person_post",
    "ground",
    "allegation",
    "opened_on",
    "power_item",
    "power_trigger",
)


class AccountabilityCaseCreateView(ServiceSaveMixin, generic.CreateView):
    detail_namespace = CASES_NS

    def call_service(self, form):
        fields = {name: form.cleaned_data[name] for name in CASE_FORM_FIELDS}
        return services.case_open(actor=self.request.user, **fields, **_case_sources(form))

    def get_success_message(self, instance):
        return _("已立案：%(case)s。") % {"case": instance}


class AccountabilityCaseEditView(ServiceSaveMixin, generic.EditView):
    detail_namespace = CASES_NS

    def dispatch(self, request, *args, **kwargs):
        case = get_object_or_404(AccountabilityCase, pk=kwargs.get("pk"))
        if case.status != CaseStatus.OPEN and case_policy.user_has_permission(
            request.user, "change"
        ):
            messages.warning(request, _("案件已作出决定，不能再修改。"))
            return redirect(url(CASES_NS, "detail", case.pk))
        return super().dispatch(request, *args, **kwargs)

    def call_service(self, form):
        fields = {name: form.cleaned_data[name] for name in CASE_FORM_FIELDS}
        return services.case_update(
            case=self.object, actor=self.request.user, **fields, **_case_sources(form)
        )

    def get_success_message(self):
        return _("已保存修改。")


class AccountabilityCaseDetailView(RecordDetailView):
    template_name = "feedback/admin/accountability_case_detail.html"
    header_icon = "warning"
    policy = case_policy
    namespace = CASES_NS
    actions = CASE_ACTIONS
    related = ("department", "opened_by", "decided_by")
    index_label = gettext_lazy("问责审查")

    def can_edit(self):
        return super().can_edit() and self.object.status == CaseStatus.OPEN

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        links = case.sources.select_related(
            "complaint__handling_department",
            "complaint__department",
            "view__session",
            "view__handling_department",
            "finding__department",
        ).order_by("pk")
        user = self.request.user
        context.update(
            {
                "case": case,
                "links": links,
                "complaint_visible": {
                    link.complaint_id
                    for link in links
                    if link.complaint_id
                    and complaint_policy.user_has_permission_for_instance(
                        user, "view", link.complaint
                    )
                },
                "views_visible": view_policy.user_has_permission(user, "view"),
                "findings_visible": finding_policy.user_has_permission(user, "view"),
            }
        )
        return context


class AccountabilityCaseActionView(RecordActionView, AccountabilityCaseDetailView):
    pass
