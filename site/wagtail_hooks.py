"""Admin wiring for the kernel: the department and calendar snippets, the calendar warning."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay, Department, StaffProfile
from .workdays import unconfirmed_years


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("部门")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "short_name", "code", "parent", "phone", "sort_order"]
    list_filter = ["parent"]
    list_export = ["name", "short_name", "code", "parent", "address", "phone", "email"]
    export_filename = "departments"
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = _("工作日调整")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["date", "is_working_day", "note"]
    list_filter = ["is_working_day"]
    search_fields = ["note"]
    ordering = ["-date"]


register_snippet(DepartmentViewSet)
register_snippet(CalendarDayViewSet)


class UnconfirmedCalendarPanel(Component):
    """Warns editors that deadlines in a year without the official arrangement are estimates."""

    name = "unconfirmed_calendar"
    order = 50
    template_name = "portal/admin/unconfirmed_calendar_panel.html"

    def __init__(self, years):
        self.years = years

    def get_context_data(self, parent_context):
        return {"years": self.years}


@hooks.register("construct_homepage_panels")
def add_calendar_warning(request, panels):
    years = unconfirmed_years()
    if years:
        panels.append(UnconfirmedCalendarPanel(years))


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("工作人员所属部门")
    menu_order = 320
    add_to_settings_menu = True
    list_display = ["user", "department"]
    list_filter = ["department"]
    ordering = ["department", "user"]


register_snippet(StaffProfileViewSet)


# Search: the synonyms snippet and the report of what people searched, registered by
# portal/search/admin.py (imported here because Wagtail loads hooks from this module).
from .search import admin as search_admin  # noqa: E402, F401


class YesNoFilterAdapter(BaseFilterAdapter):
    """An active yes/no filter's pill says 是 or 否, not Python's True or False."""

    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value=_("是") if self.value else _("否"))


register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
