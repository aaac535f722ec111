"""Admin wiring: the permission policies (registered first, as Wagtail 8 requires), the 投诉办理
viewset and its dashboard panel, the 效能监督 group (座谈会意见, 明查暗访, 问责审查), and the
buttons that record a session's views and compile a monthly bulletin's draft."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from disclosure.models import BulletinIndexPage, MonthlyBulletinPage

from . import admin_bulletins, admin_review, admin_views
from .admin_forms import AccountabilityCaseForm, InspectionFindingForm, SymposiumViewForm
from .admin_views import ComplaintFilterSet
from .models import AccountabilityCase, Complaint, InspectionFinding, SymposiumPage, SymposiumView
from .permissions import case_policy, complaint_policy, finding_policy, view_policy
from .selectors import workload_by_department

register_permission_policy(Complaint, complaint_policy)
register_permission_policy(SymposiumView, view_policy)
register_permission_policy(InspectionFinding, finding_policy)
register_permission_policy(AccountabilityCase, case_policy)


class ComplaintAdminURLFinder(ModelAdminURLFinder):
    """Links to a complaint's page in the admin (it has no edit form)."""

    edit_url_name = f"{admin_views.URL_NAMESPACE}:detail"


class ComplaintViewSet(ModelViewSet):
    """投诉办理: complaints are submitted by citizens and handled here, never added, edited as
    a form or deleted; every change is one of the actions on a complaint's page."""

    model = Complaint
    name = admin_views.URL_NAMESPACE
    icon = "mail"
    menu_label = _("投诉办理")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = admin_views.ComplaintIndexView
    filterset_class = ComplaintFilterSet
    search_fields = ["tracking_number", "subject"]
    search_backend_name = None
    list_per_page = 30
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    export_filename = "complaints"
    url_finder_class = ComplaintAdminURLFinder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("workload/", admin_views.ComplaintWorkloadView.as_view(), name="workload"),
            path("<int:pk>/", admin_views.ComplaintDetailView.as_view(), name="detail"),
            path(
                "<int:pk>/actions/<slug:action_name>/",
                admin_views.ComplaintActionView.as_view(),
                name="action",
            ),
            path(
                "<int:pk>/attachments/<int:attachment_pk>/",
                admin_views.ComplaintAttachmentView.as_view(),
                name="attachment",
            ),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="feedback",
            codename__in=["handle_complaint", "supervise_complaint"],
        )


@hooks.register("register_admin_viewset")
def register_complaint_viewset():
    return ComplaintViewSet()


class ComplaintSummaryPanel(Component):
    """The dashboard's reminder of what is waiting, overdue or due by the next working day."""

    name = "complaint_summary"
    order = 60
    template_name = "feedback/admin/summary_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = workload_by_department(complaint_policy.scope(self.user))
        totals = {
            key: sum(row[key] for row in rows)
            for key in ("active", "waiting", "overdue", "due_soon", "escalated")
        }
        return {"totals": totals, "index_url": admin_views.url("index")}


@hooks.register("construct_homepage_panels")
def add_complaint_summary(request, panels):
    if complaint_policy.user_has_permission(request.user, "view"):
        panels.append(ComplaintSummaryPanel(request.user))


# --- 效能监督: symposium views, inspection findings, accountability cases -------------------


class RecordViewSet(ModelViewSet):
    """A record type worked in the admin: list, add, edit through services, and the record's
    page with its actions. Nothing is deleted, copied or inspected."""

    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    list_per_page = 30
    detail_view_class = None
    action_view_class = None
    permission_codenames = ()

    def get_urlpatterns(self):
        return [
            *(
                pattern
                for pattern in super().get_urlpatterns()
                if pattern.name not in {"delete", "history", "history_results", "usage"}
            ),
            path("<int:pk>/", self.detail_view_class.as_view(), name="detail"),
            path(
                "<int:pk>/actions/<slug:action_name>/",
                self.action_view_class.as_view(),
                name="action",
            ),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        # The removed views: no link to them is ever rendered.
        for name in ("history_url_name", "usage_url_name", "delete_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="feedback", codename__in=self.permission_codenames
        )


class SymposiumViewURLFinder(ModelAdminURLFinder):
    """Links to the record's page in the admin (edits happen from there)."""

    edit_url_name = f"{admin_review.VIEWS_NS}:detail"


class SymposiumViewViewSet(RecordViewSet):
    """座谈会意见: the minutes-taker records each view, the departments answer theirs."""

    model = SymposiumView
    name = admin_review.VIEWS_NS
    url_prefix = "symposium-views"
    icon = "group"
    menu_label = _("座谈会意见")
    form_class = SymposiumViewForm
    index_view_class = admin_review.SymposiumViewIndexView
    add_view_class = admin_review.SymposiumViewCreateView
    edit_view_class = admin_review.SymposiumViewEditView
    detail_view_class = admin_review.SymposiumViewDetailView
    action_view_class = admin_review.SymposiumViewActionView
    filterset_class = admin_review.SymposiumViewFilterSet
    search_fields = ["text"]
    url_finder_class = SymposiumViewURLFinder
    permission_codenames = ("record_symposiumview", "handle_symposiumview")

    def get_form_class(self, for_update=False):
        return SymposiumViewForm


class InspectionFindingURLFinder(ModelAdminURLFinder):
    """Links to the record's page in the admin (edits happen from there)."""

    edit_url_name = f"{admin_review.FINDINGS_NS}:detail"


class InspectionFindingViewSet(RecordViewSet):
    """明查暗访: findings recorded and followed up by the county supervisors."""

    model = InspectionFinding
    name = admin_review.FINDINGS_NS
    url_prefix = "inspection-findings"
    icon = "view"
    menu_label = _("明查暗访")
    index_view_class = admin_review.InspectionFindingIndexView
    add_view_class = admin_review.InspectionFindingCreateView
    edit_view_class = admin_review.InspectionFindingEditView
    detail_view_class = admin_review.InspectionFindingDetailView
    action_view_class = admin_review.InspectionFindingActionView
    filterset_class = admin_review.InspectionFindingFilterSet
    search_fields = ["post", "problem"]
    url_finder_class = InspectionFindingURLFinder
    permission_codenames = ("record_inspection",)

    def get_form_class(self, for_update=False):
        return InspectionFindingForm


class AccountabilityCaseURLFinder(ModelAdminURLFinder):
    """Links to the record's page in the admin (edits happen from there)."""

    edit_url_name = f"{admin_review.CASES_NS}:detail"


class AccountabilityCaseViewSet(RecordViewSet):
    """问责审查: cases opened and decided by the accountability-review group only."""

    model = AccountabilityCase
    name = admin_review.CASES_NS
    url_prefix = "accountability-cases"
    icon = "warning"
    menu_label = _("问责审查")
    index_view_class = admin_review.AccountabilityCaseIndexView
    add_view_class = admin_review.AccountabilityCaseCreateView
    edit_view_class = admin_review.AccountabilityCaseEditView
    detail_view_class = admin_review.AccountabilityCaseDetailView
    action_view_class = admin_review.AccountabilityCaseActionView
    filterset_class = admin_review.AccountabilityCaseFilterSet
    search_fields = ["number", "allegation"]
    url_finder_class = AccountabilityCaseURLFinder
    permission_codenames = ("review_accountability",)

    def get_form_class(self, for_update=False):
        return AccountabilityCaseForm


class EfficiencySupervisionGroup(ViewSetGroup):
    """效能监督: the menu of symposium views, inspections and accountability review."""

    menu_label = _("效能监督")
    menu_icon = "site"
    menu_order = 220
    items = (SymposiumViewViewSet, InspectionFindingViewSet, AccountabilityCaseViewSet)


@hooks.register("register_admin_viewset")
def register_efficiency_supervision():
    return EfficiencySupervisionGroup()


@hooks.register("register_page_header_buttons")
def symposium_view_button(page, user, view_name, next_url=None):
    """On a session's page: record the views raised at it."""
    if page.specific_class is SymposiumPage and view_policy.user_has_permission(user, "add"):
        yield Button(
            _("录入会上意见"),
            reverse(f"{admin_review.VIEWS_NS}:add") + "?" + urlencode({"session": page.pk}),
            icon_name="group",
            priority=70,
        )


# --- the monthly bulletin ---------------------------------------------------------------


@hooks.register("register_admin_urls")
def bulletin_draft_urls():
    return [
        path(
            "bulletins/draft/",
            admin_bulletins.bulletin_draft_view,
            name=admin_bulletins.URL_NAME,
        )
    ]


@hooks.register("register_page_header_buttons")
def bulletin_draft_button(page, user, view_name, next_url=None):
    """On the bulletin section: compile a month's draft; on a bulletin: recompile its month."""
    target = reverse(admin_bulletins.URL_NAME)
    if page.specific_class is BulletinIndexPage:
        if page.permissions_for_user(user).can_add_subpage():
            yield Button(_("从实时数据编制月通报草稿"), target, icon_name="doc-full", priority=75)
    elif page.specific_class is MonthlyBulletinPage and page.permissions_for_user(user).can_edit():
        month = page.specific_deferred.month
        yield Button(
            _("按实时数据重新汇总"),
            f"{target}?{urlencode({'month': f'{month:%Y-%m}'})}",
            icon_name="resubmit",
            priority=75,
        )
