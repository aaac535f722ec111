"""Admin for search: the synonyms editors manage, and the report of what people searched for
(popular queries and queries that found nothing), from which an editor adds a synonym or a
promoted result in one click. Imported by portal/wagtail_hooks.py."""

from django import forms
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter, ChoiceFilter
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from portal.models import SearchSynonym

from .selectors import query_statistics

PERIODS = [
    ("7", _("最近 7 天")),
    ("30", _("最近 30 天")),
    ("90", _("最近 90 天")),
    ("365", _("最近一年")),
    ("all", _("全部")),
]
DEFAULT_PERIOD = "30"
REPORT_PERMISSIONS = (
    "portal.add_searchsynonym",
    "portal.change_searchsynonym",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
)


def can_see_report(user):
    return user.is_superuser or any(user.has_perm(permission) for permission in REPORT_PERMISSIONS)


class SearchSynonymCreateView(CreateView):
    """The add form, prefilled with ?terms= (the report's 添加同义词 link)."""

    def get_initial(self):
        initial = super().get_initial()
        terms = self.request.GET.get("terms", "").strip()
        if terms:
            initial["terms"] = terms[:500]
        return initial


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("搜索同义词")
    menu_order = 330
    add_to_settings_menu = True
    add_view_class = SearchSynonymCreateView
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    search_backend_name = None  # a short table: icontains on the terms is what editors expect
    ordering = ["terms"]


class SearchQueryReportFilterSet(WagtailFilterSet):
    period = ChoiceFilter(
        label=_("时间范围"),
        choices=PERIODS,
        empty_label=None,
        method="keep",  # the period is applied to the counts themselves, see the view
    )
    zero_only = BooleanFilter(
        label=_("只看无结果的搜索"),
        method="filter_zero_only",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Query
        fields = []

    def keep(self, queryset, name, value):
        return queryset

    def filter_zero_only(self, queryset, name, value):
        return (
            queryset.filter(zero_results__gt=0).order_by("-zero_results", "query_string")
            if value
            else queryset
        )


class SearchActionsColumn(Column):
    """Links to act on one query: see its results, add a synonym, add a promoted result."""

    cell_template_name = "portal/search_report_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        query = instance.query_string
        context.update(
            search_url="/search/?" + urlencode({"q": query}),
            synonym_url=reverse("wagtailsnippets_portal_searchsynonym:add")
            + "?"
            + urlencode({"terms": query}),
            promotion_url=reverse("wagtailsearchpromotions:add"),
        )
        return context


class SearchQueryReportView(ReportView):
    page_title = _("搜索统计")
    header_icon = "search"
    index_url_name = "portal_search_queries"
    index_results_url_name = "portal_search_queries_results"
    filterset_class = SearchQueryReportFilterSet
    is_searchable = True
    search_fields = ["query_string"]
    search_backend_name = None
    columns = [
        Column("query_string", label=_("搜索词")),
        NumberColumn("searches", label=_("搜索次数")),
        NumberColumn("zero_results", label=_("无结果次数")),
        SearchActionsColumn("actions", label=_("处理")),
    ]
    list_export = ["query_string", "searches", "zero_results"]
    export_headings = {
        "query_string": _("搜索词"),
        "searches": _("搜索次数"),
        "zero_results": _("无结果次数"),
    }

    def get_queryset(self):
        period = self.request.GET.get("period", DEFAULT_PERIOD)
        days = None if period == "all" else int(period) if period.isdigit() else 30
        return query_statistics(days=days)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        data.setdefault("period", DEFAULT_PERIOD)
        kwargs["data"] = data
        return kwargs

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "reports/search-queries/", SearchQueryReportView.as_view(), name="portal_search_queries"
        ),
        path(
            "reports/search-queries/results/",
            SearchQueryReportView.as_view(results_only=True),
            name="portal_search_queries_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("搜索统计"),
        reverse("portal_search_queries"),
        name="portal-search-queries",
        icon_name="search",
        order=1310,
    )
