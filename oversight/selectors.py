"""Reads of the oversight app: the unified audit log (Wagtail's page and model log entries plus
the feedback event logs), the inspection-readiness self-check rows, and the locked logins."""

import datetime
from dataclasses import dataclass, field

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site, get_page_models

from disclosure.models import DisclosurePage, ServiceProcedurePage
from disclosure_requests.models import DisclosureRequest
from feedback.models import (
    ACTIVE_STATUSES,
    VIEW_OPEN_STATUSES,
    Action,
    Complaint,
    ComplaintEvent,
    ComplaintFormPage,
    SymposiumView,
    SymposiumViewEvent,
    ViewAction,
)
from portal.models import HomePage
from portal.references import broken_references
from portal.scheduler import job_states
from portal.workdays import unconfirmed_years

# -- audit log -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditSource:
    """One log feeding the audit view, described so every source is filtered the same way."""

    label: str
    model: type
    timestamp: str
    user: str
    # Action choices of this source (value, label); Wagtail's come from its log registry.
    action_choices: tuple = ()
    # Lookups for the object-name search and the department filter; None: not known.
    search_lookup: str = ""
    department_lookup: str | None = None


AUDIT_SOURCES = {
    "page": AuditSource(
        label=_("页面"),
        model=PageLogEntry,
        timestamp="timestamp",
        user="user",
        search_lookup="label__icontains",
        department_lookup="page_id__in",
    ),
    "model": AuditSource(
        label=_("其他对象"),
        model=ModelLogEntry,
        timestamp="timestamp",
        user="user",
        search_lookup="label__icontains",
    ),
    "complaint": AuditSource(
        label=_("投诉办理"),
        model=ComplaintEvent,
        timestamp="created_at",
        user="actor",
        action_choices=tuple(Action.choices),
        search_lookup="complaint__tracking_number__icontains",
        department_lookup="department",
    ),
    "view": AuditSource(
        label=_("座谈会意见办理"),
        model=SymposiumViewEvent,
        timestamp="created_at",
        user="actor",
        action_choices=tuple(ViewAction.choices),
        search_lookup="view__session__title__icontains",
        department_lookup="department",
    ),
}
SOURCE_KEYS = list(AUDIT_SOURCES)
WAGTAIL_SOURCES = ("page", "model")


def audit_action_choices():
    """Choices for the action filter, each value "<source>:<action>" so that the same word in
    two logs (答复 of a complaint and of a view) stays apart."""
    wagtail_actions = [
        (f"log:{value}", label) for value, label in log_action_registry.get_choices()
    ]
    choices = [(_("页面和其他对象"), wagtail_actions)]
    for key in ("complaint", "view"):
        source = AUDIT_SOURCES[key]
        choices.append(
            (source.label, [(f"{key}:{value}", label) for value, label in source.action_choices])
        )
    return choices


def _day_bounds(day, *, end=False):
    moment = datetime.datetime.combine(day + datetime.timedelta(days=int(end)), datetime.time())
    return timezone.make_aware(moment)


def _source_queryset(key, filters):
    source = AUDIT_SOURCES[key]
    queryset = source.model.objects.all()
    if filters.get("date_from"):
        queryset = queryset.filter(
            **{f"{source.timestamp}__gte": _day_bounds(filters["date_from"])}
        )
    if filters.get("date_to"):
        queryset = queryset.filter(
            **{f"{source.timestamp}__lt": _day_bounds(filters["date_to"], end=True)}
        )
    if filters.get("user"):
        queryset = queryset.filter(**{source.user: filters["user"]})
    if filters.get("q"):
        queryset = queryset.filter(**{source.search_lookup: filters["q"]})
    action = filters.get("action") or ""
    if action:
        prefix, _sep, value = action.partition(":")
        if (prefix == "log" and key in WAGTAIL_SOURCES) or prefix == key:
            queryset = queryset.filter(action=value)
        else:
            return None
    department = filters.get("department")
    if department:
        if source.department_lookup is None:
            return None
        if key == "page":
            # A page's department is its issuing department (disclosed and decision pages).
            page_ids = DisclosurePage.objects.filter(issuing_department=department).values("pk")
            queryset = queryset.filter(page_id__in=page_ids)
        else:
            queryset = queryset.filter(**{source.department_lookup: department})
    return queryset


def audit_entries(filters=None):
    """The filtered audit entries of every source, newest first, as one UNION query of
    (pk, timestamp, source index) rows: the database sorts and pages across all logs at once,
    and `audit_rows` loads the full rows of one page only."""
    filters = filters or {}
    wanted = [filters["source"]] if filters.get("source") else SOURCE_KEYS
    combined = None
    for key in wanted:
        queryset = _source_queryset(key, filters)
        if queryset is None:
            continue
        source = AUDIT_SOURCES[key]
        rows = (
            queryset.order_by()
            .annotate(
                entry_pk=F("pk"),
                entry_at=F(source.timestamp),
                entry_source=Value(SOURCE_KEYS.index(key), output_field=IntegerField()),
            )
            .values("entry_pk", "entry_at", "entry_source")
        )
        combined = rows if combined is None else combined.union(rows, all=True)
    if combined is None:
        return PageLogEntry.objects.none().values("pk")
    return combined.order_by("-entry_at", "-entry_source", "-entry_pk")


def _page_departments(page_ids):
    return dict(
        DisclosurePage.objects.filter(pk__in=page_ids).values_list("pk", "issuing_department__name")
    )


def audit_rows(entries):
    """Full rows for a page of `audit_entries`: one query per source present, plus one for the
    departments of the pages. Complaint events show the tracking number, never the
    complainant's name or contact details, and no event notes."""
    by_source = {}
    for entry in entries:
        by_source.setdefault(SOURCE_KEYS[entry["entry_source"]], []).append(entry["entry_pk"])
    loaded = {}
    for key, pks in by_source.items():
        source = AUDIT_SOURCES[key]
        if key in WAGTAIL_SOURCES:
            objects = source.model.objects.select_related("user", "content_type").filter(pk__in=pks)
            departments = (
                _page_departments([obj.page_id for obj in objects]) if key == "page" else {}
            )
            for obj in objects:
                loaded[(key, obj.pk)] = _log_entry_row(key, obj, departments)
        elif key == "complaint":
            objects = ComplaintEvent.objects.select_related("complaint", "department").filter(
                pk__in=pks
            )
            for obj in objects:
                loaded[(key, obj.pk)] = {
                    "timestamp": obj.created_at,
                    "source": source.label,
                    "object_type": Complaint._meta.verbose_name,
                    "object_label": obj.complaint.tracking_number,
                    "action": obj.get_action_display(),
                    "user": obj.actor_name,
                    "department": obj.department.name if obj.department else "",
                    "url": reverse("complaints:detail", args=[obj.complaint_id]),
                }
        else:
            objects = SymposiumViewEvent.objects.select_related(
                "view__session", "department"
            ).filter(pk__in=pks)
            for obj in objects:
                loaded[(key, obj.pk)] = {
                    "timestamp": obj.created_at,
                    "source": source.label,
                    "object_type": SymposiumView._meta.verbose_name,
                    "object_label": str(obj.view),
                    "action": obj.get_action_display(),
                    "user": obj.actor_name,
                    "department": obj.department.name if obj.department else "",
                    "url": reverse("symposium_views:detail", args=[obj.view_id]),
                }
    return [
        loaded[key]
        for key in ((SOURCE_KEYS[e["entry_source"]], e["entry_pk"]) for e in entries)
        if key in loaded
    ]


def _log_entry_row(key, entry, departments):
    try:
        action = log_action_registry.get_action_label(entry.action)
    except KeyError:
        action = entry.action
    url = ""
    if key == "page" and entry.page_id:
        url = reverse("wagtailadmin_pages:history", args=[entry.page_id])
    return {
        "timestamp": entry.timestamp,
        "source": AUDIT_SOURCES[key].label,
        "object_type": get_content_type_label(entry.content_type),
        "object_label": entry.label,
        "action": action,
        "user": entry.user_display_name,
        "department": departments.get(entry.page_id, "") if key == "page" else "",
        "url": url,
    }


# -- inspection-readiness self-check ------------------------------------------------------------

HOME_SECTION_STALE_DAYS = 14
SECTION_STALE_DAYS = 183
# An unanswered submission this many days old is "approaching three months".
APPROACHING_DAYS = 76
THREE_MONTHS_DAYS = 90
MAX_ITEMS = 10


@dataclass
class CheckRow:
    """One line of the self-check: a risk, how many cases, and links to fix the first ones."""

    key: str
    title: str
    description: str
    severity: str  # "danger" (单项否决 risk), "warning", or "ok" when nothing is found
    count: int = 0
    items: list = field(default_factory=list)
    fix_url: str = ""
    available: bool = True

    @property
    def ok(self):
        return self.available and self.count == 0

    @property
    def more(self):
        return max(self.count - len(self.items), 0)


def _row(key, title, description, severity, items, *, count=None, fix_url=""):
    count = len(items) if count is None else count
    return CheckRow(
        key=key,
        title=title,
        description=description,
        severity=severity if count else "ok",
        count=count,
        items=items[:MAX_ITEMS],
        fix_url=fix_url,
    )


def _page_item(page, detail):
    return {
        "label": page.title,
        "detail": detail,
        "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }


def _latest_publication():
    """Subquery: the newest publication of a live page in the outer page's subtree (itself
    included)."""
    return Subquery(
        Page.objects.filter(path__startswith=OuterRef("path"), live=True)
        .order_by(F("last_published_at").desc(nulls_last=True))
        .values("last_published_at")[:1]
    )


def _live_children_count():
    return Subquery(
        Page.objects.filter(
            path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, live=True
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )


def _section_type_ids():
    """Page types that hold other pages (index pages): the sections of the site."""
    models = [
        model
        for model in get_page_models()
        if model is not HomePage and model.allowed_subpage_models()
    ]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _home_page():
    site = Site.objects.filter(is_default_site=True).only("root_page").first()
    if site is None:
        return None
    return Page.objects.filter(pk=site.root_page_id).first()


def _day(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d")


def _date_text(moment):
    if moment is None:
        return _("从未发布")
    return _("最近更新 %(date)s") % {"date": timezone.localtime(moment).strftime("%Y-%m-%d")}


def check_home_sections(home, now):
    """The home page's sections (its live children) with nothing published for two weeks. The
    complaints section also counts a newly published complaint reply as an update."""
    cutoff = now - datetime.timedelta(days=HOME_SECTION_STALE_DAYS)
    sections = list(
        home.get_children()
        .live()
        .annotate(latest=_latest_publication())
        .order_by("path")
        .only("id", "title", "path", "depth", "content_type")
    )
    complaint_type_id = ContentType.objects.get_for_model(ComplaintFormPage).pk
    latest_reply = None
    if any(section.content_type_id == complaint_type_id for section in sections):
        latest_reply = Complaint.objects.published().aggregate(latest=Max("replied_at"))["latest"]
    items = []
    for section in sections:
        latest = section.latest
        if section.content_type_id == complaint_type_id and latest_reply:
            latest = max(filter(None, (latest, latest_reply)))
        if latest is None or latest < cutoff:
            items.append(_page_item(section, _date_text(latest)))
    return _row(
        "home_sections_stale",
        _("首页栏目超过 2 周未更新"),
        _("首页各栏目须及时更新，超过 2 周无新内容属于单项否决风险。"),
        "danger",
        items,
    )


def _sections(home):
    return list(
        Page.objects.live()
        .descendant_of(home)
        .filter(content_type_id__in=_section_type_ids())
        .annotate(latest=_latest_publication(), live_children=Coalesce(_live_children_count(), 0))
        .order_by("path")
        .only("id", "title", "path", "depth")
    )


def check_stale_sections(sections, now):
    cutoff = now - datetime.timedelta(days=SECTION_STALE_DAYS)
    items = [
        _page_item(section, _date_text(section.latest))
        for section in sections
        if section.live_children and (section.latest is None or section.latest < cutoff)
    ]
    return _row(
        "sections_stale",
        _("栏目超过 6 个月未更新"),
        _("任何栏目超过 6 个月未更新属于单项否决情形，请补充内容或合并、撤销栏目。"),
        "danger",
        items,
    )


def check_empty_sections(sections):
    items = [
        _page_item(section, _("没有已发布的内容"))
        for section in sections
        if not section.live_children
    ]
    return _row(
        "sections_empty",
        _("空白栏目"),
        _("栏目下没有任何已发布内容（空白栏目）属于单项否决情形。"),
        "danger",
        items,
    )


def _complaint_item(complaint, detail):
    return {
        "label": complaint.tracking_number,
        "detail": detail,
        "url": reverse("complaints:detail", args=[complaint.pk]),
    }


def _view_item(view, detail):
    return {
        "label": f"{view.session.title} 第{view.number}条",
        "detail": detail,
        "url": reverse("symposium_views:detail", args=[view.pk]),
    }


def check_overdue_complaints(today):
    queryset = Complaint.objects.overdue(today).order_by("accept_deadline", "pk")
    complaints = list(
        queryset.only("pk", "tracking_number", "status", "accept_deadline", "reply_deadline")[
            :MAX_ITEMS
        ]
    )
    items = [
        _complaint_item(c, _("期限 %(date)s") % {"date": c.current_deadline}) for c in complaints
    ]
    return _row(
        "complaints_overdue",
        _("投诉超过办理期限未答复"),
        _("留言、投诉超期未答复属于单项否决风险。"),
        "danger",
        items,
        count=queryset.count() if len(complaints) == MAX_ITEMS else len(complaints),
        fix_url=reverse("complaints:index") + "?overdue=true",
    )


def check_overdue_requests(today):
    """Disclosure requests (依申请公开) past their running deadline: reply, correction, fee or
    receipt confirmation."""
    queryset = DisclosureRequest.objects.overdue(today).order_by("reply_deadline", "pk")
    requests = list(queryset[:MAX_ITEMS])
    items = [
        {
            "label": r.tracking_number,
            "detail": _("%(label)s %(date)s")
            % {"label": r.current_deadline_label, "date": r.current_deadline},
            "url": reverse("disclosure_requests:detail", args=[r.pk]),
        }
        for r in requests
    ]
    return _row(
        "disclosure_requests_overdue",
        _("政府信息公开申请超过法定期限未答复"),
        _("依申请公开逾期答复是行政复议、行政诉讼中被纠正的常见原因，也计入年度报告。"),
        "danger",
        items,
        count=queryset.count() if len(requests) == MAX_ITEMS else len(requests),
        fix_url=reverse("disclosure_requests:index"),
    )


def check_old_complaints(now):
    cutoff = now - datetime.timedelta(days=APPROACHING_DAYS)
    queryset = Complaint.objects.filter(
        status__in=ACTIVE_STATUSES, submitted_at__lte=cutoff
    ).order_by("submitted_at", "pk")
    complaints = list(queryset.only("pk", "tracking_number", "submitted_at")[:MAX_ITEMS])
    items = [
        _complaint_item(c, _("提交于 %(date)s") % {"date": _day(c.submitted_at)})
        for c in complaints
    ]
    return _row(
        "complaints_three_months",
        _("投诉将满或已超过 3 个月仍未答复"),
        _("提交已超过 %(days)s 天仍未答复的投诉，满 3 个月未答复属于单项否决情形。")
        % {"days": APPROACHING_DAYS},
        "danger",
        items,
        count=queryset.count() if len(complaints) == MAX_ITEMS else len(complaints),
        fix_url=reverse("complaints:index"),
    )


def check_overdue_views(today):
    queryset = (
        SymposiumView.objects.overdue(today)
        .select_related("session")
        .order_by("reply_deadline", "pk")
    )
    views = list(queryset[:MAX_ITEMS])
    items = [_view_item(v, _("期限 %(date)s") % {"date": v.reply_deadline}) for v in views]
    return _row(
        "views_overdue",
        _("座谈会意见超过答复期限"),
        _("座谈会意见超过答复期限仍未答复。"),
        "danger",
        items,
        count=queryset.count() if len(views) == MAX_ITEMS else len(views),
        fix_url=reverse("symposium_views:index"),
    )


def check_old_views(now):
    cutoff = now - datetime.timedelta(days=APPROACHING_DAYS)
    queryset = (
        SymposiumView.objects.filter(status__in=VIEW_OPEN_STATUSES, recorded_at__lte=cutoff)
        .select_related("session")
        .order_by("recorded_at", "pk")
    )
    views = list(queryset[:MAX_ITEMS])
    items = [_view_item(v, _("录入于 %(date)s") % {"date": _day(v.recorded_at)}) for v in views]
    return _row(
        "views_three_months",
        _("座谈会意见将满或已超过 3 个月仍未答复"),
        _("录入已超过 %(days)s 天仍未答复的意见建议。") % {"days": APPROACHING_DAYS},
        "danger",
        items,
        count=queryset.count() if len(views) == MAX_ITEMS else len(views),
        fix_url=reverse("symposium_views:index"),
    )


def check_procedures():
    procedures = (
        ServiceProcedurePage.objects.live()
        .prefetch_related("materials", "steps", "fee_items")
        .order_by("path")
    )
    items = []
    for procedure in procedures:
        missing = procedure.missing_elements()
        if missing:
            items.append(
                _page_item(
                    procedure, _("缺少：%(items)s") % {"items": "、".join(map(str, missing))}
                )
            )
    return CheckRow(
        key="procedures_incomplete",
        title=str(_("办事指南缺少必备要素")),
        description=str(_("办事指南要素不全（设定依据、申请材料、办理流程、时限、收费等）。")),
        severity="danger" if items else "ok",
        count=len(items),
        items=items[:MAX_ITEMS],
    )


def check_unstamped_disclosures():
    """Live disclosure pages without an index number or publication date: both are 单项否决
    items of the national website inspection. `manage.py repair_index_numbers` stamps them."""
    pages = (
        DisclosurePage.objects.live()
        .filter(Q(index_number=None) | Q(index_number="") | Q(date_published=None))
        .order_by(F("first_published_at").asc(nulls_last=True), "pk")
        .only("pk", "title", "index_number", "date_published")
    )
    first = list(pages[:MAX_ITEMS])
    items = []
    for page in first:
        missing = [
            label
            for label, value in (
                (_("索引号"), page.index_number),
                (_("发布日期"), page.date_published),
            )
            if not value
        ]
        items.append(
            _page_item(page, _("缺少：%(items)s") % {"items": "、".join(map(str, missing))})
        )
    return _row(
        "disclosure_unstamped",
        _("已发布的公开信息缺少索引号或发布日期"),
        _(
            "索引号和发布日期应在发布时由系统生成，缺少即属单项否决风险。"
            "请运维人员运行 manage.py repair_index_numbers 补发。"
        ),
        "danger",
        items,
        count=pages.count() if len(first) == MAX_ITEMS else len(first),
    )


def check_broken_references():
    """Dead internal links and missing attachments, found by portal.references."""
    found = broken_references()
    items = [_page_item(reference.source, reference.message) for reference in found[:MAX_ITEMS]]
    return _row(
        "broken_references",
        _("死链和缺失的附件"),
        _("页面中指向不存在或未发布页面的链接、已删除的附件和图片，属于单项否决风险。"),
        "danger",
        items,
        count=len(found),
    )


def check_calendar(today):
    years = unconfirmed_years(today)
    items = [
        {
            "label": _("%(year)s 年") % {"year": year},
            "detail": _("节假日和调休安排未录入"),
            "url": reverse("wagtailsnippets_portal_calendarday:list"),
        }
        for year in years
    ]
    return _row(
        "calendar_missing",
        _("工作日历缺少本年或下一年度安排"),
        _("未录入节假日安排的年份，办理期限只能按法定节假日推算，可能与实际不符。"),
        "warning",
        items,
        fix_url=reverse("wagtailsnippets_portal_calendarday:list"),
    )


def check_scheduled_jobs(now):
    """Scheduled jobs (portal.scheduler) without a successful run on time, or whose latest run
    failed: nothing runs them unless the scheduler service runs."""
    items = []
    for state in job_states(now):
        if not (state.overdue or state.failing):
            continue
        if state.last_success_slot is None:
            detail = _("%(schedule)s运行，从未成功运行") % {"schedule": state.job.schedule_label}
        else:
            detail = _("%(schedule)s运行，上次成功：%(when)s") % {
                "schedule": state.job.schedule_label,
                "when": timezone.localtime(state.last_success_slot).strftime("%Y-%m-%d %H:%M"),
            }
        if state.failing:
            detail = _("%(detail)s；最近一次运行失败") % {"detail": detail}
        items.append(
            {
                "label": state.job.title,
                "detail": detail,
                "url": reverse("job_runs:index") + f"?job={state.job.name}",
            }
        )
    return _row(
        "scheduled_jobs_late",
        _("定时任务未按时运行"),
        _(
            "定时发布、到期提醒、个人信息清理等任务由 run_scheduler 服务运行；"
            "超过时间仍未成功运行，说明该服务停止或任务出错。"
        ),
        "danger",
        items,
        fix_url=reverse("job_runs:index"),
    )


def selfcheck_rows(now=None):
    """Every row of the self-check, computed from live data in a bounded number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rows = []
    home = _home_page()
    if home is not None:
        rows.append(check_home_sections(home, now))
        sections = _sections(home)
        rows.append(check_stale_sections(sections, now))
        rows.append(check_empty_sections(sections))
    rows += [
        check_overdue_complaints(today),
        check_old_complaints(now),
        check_overdue_requests(today),
        check_overdue_views(today),
        check_old_views(now),
        check_procedures(),
        check_unstamped_disclosures(),
        check_broken_references(),
        check_calendar(today),
        check_scheduled_jobs(now),
    ]
    return rows


# -- login lockouts ----------------------------------------------------------------------------


def locked_attempts(now=None):
    """Username+IP pairs currently locked out by axes: enough failures within the cool-off."""
    now = now or timezone.now()
    queryset = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cooloff = settings.AXES_COOLOFF_TIME
    if cooloff:
        queryset = queryset.filter(attempt_time__gte=now - cooloff)
    return queryset.order_by("-attempt_time")


def locked_until(attempt):
    cooloff = settings.AXES_COOLOFF_TIME
    return attempt.attempt_time + cooloff if cooloff else None
