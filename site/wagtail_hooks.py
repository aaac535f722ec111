"""Admin wiring for the kernel: the department and calendar snippets, the calendar warning."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import tasks
from .models import CalendarDay, Department, JobRun, StaffProfile
from .permissions import SiteAdminViewOnlyPolicy
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


# Background tasks and scheduled runs: read-only lists for site administrators, so a failed
# notification and its error, and every scheduled run, can be seen without a shell.

task_result_policy = SiteAdminViewOnlyPolicy(DBTaskResult)
job_run_policy = SiteAdminViewOnlyPolicy(JobRun)
register_permission_policy(DBTaskResult, task_result_policy)
register_permission_policy(JobRun, job_run_policy)


class TaskStatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("状态"), choices=TaskResultStatus.choices)

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class ReadOnlyViewSet(ModelViewSet):
    """A list and an inspect page, nothing to add, edit or delete."""

    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_fields = None
    list_per_page = 50

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]


def _attempts(result):
    return tasks.attempts(result)


class TaskResultInspectView(InspectView):
    """Titled by the task's name: the model's own str() is "DBTaskResult object (uuid)"."""

    def get_page_subtitle(self):
        return self.object.task_name


class TaskResultViewSet(ReadOnlyViewSet):
    """设置 → 后台任务: every queued notification, its attempts and, when it failed, its error."""

    model = DBTaskResult
    name = "background_tasks"
    icon = "cogs"
    menu_label = _("后台任务")
    menu_order = 900
    permission_policy = task_result_policy
    inspect_view_class = TaskResultInspectView
    filterset_class = TaskStatusFilterSet
    list_display = [
        TitleColumn(
            "task_name", label=_("任务"), url_name="background_tasks:inspect", sort_key="task_path"
        ),
        Column("status", label=_("状态"), accessor="get_status_display", sort_key="status"),
        Column("attempts", label=_("已尝试次数"), accessor=_attempts),
        DateColumn("enqueued_at", label=_("加入队列"), sort_key="enqueued_at"),
        DateColumn("finished_at", label=_("结束时间"), sort_key="finished_at"),
        Column("exception_class_path", label=_("错误类型")),
    ]
    ordering = ["-enqueued_at"]
    inspect_view_fields = [
        "task_path",
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "exception_class_path",
        "traceback",
    ]


class JobRunViewSet(ReadOnlyViewSet):
    """设置 → 定时任务记录: each scheduled run, when it ran and what it printed or raised."""

    model = JobRun
    name = "job_runs"
    icon = "time"
    menu_label = _("定时任务记录")
    menu_order = 901
    permission_policy = job_run_policy
    list_filter = ["job", "succeeded"]
    list_display = [
        TitleColumn("job", label=_("任务"), url_name="job_runs:inspect"),
        DateColumn("slot", label=_("计划时间"), sort_key="slot"),
        DateColumn("finished_at", label=_("结束时间"), sort_key="finished_at"),
        BooleanColumn("succeeded", label=_("是否成功")),
        Column("attempts", label=_("尝试次数")),
    ]
    ordering = ["-slot"]
    inspect_view_fields = [
        "job",
        "slot",
        "started_at",
        "finished_at",
        "succeeded",
        "attempts",
        "output",
    ]


@hooks.register("register_admin_viewset")
def register_task_viewsets():
    return [TaskResultViewSet(), JobRunViewSet()]
