"""Reads and aggregates over complaints, symposium views, inspection findings and accountability
cases: who is told, what the public sees, monthly figures for the bulletin. Aggregates run in
the database (one grouped query each), never as a Python loop over rows."""

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.deidentify import deidentify
from portal.models import Department
from portal.workdays import add_working_days

from .codes import query_code_for_token, stored_token
from .models import (
    ACTIVE_STATUSES,
    AccountabilityCase,
    AccountabilityCaseSource,
    Category,
    Complaint,
    ComplaintFormPage,
    Ground,
    InspectionFinding,
    Outcome,
    PostLevel,
    Rating,
    Sector,
    Status,
    SymposiumPage,
    SymposiumView,
    ViewStatus,
    ViewTopic,
)

SATISFIED_RATINGS = (Rating.SATISFIED, Rating.BASICALLY_SATISFIED)
# The receipt's query code is shown again (double click, reload) only this long after the
# submission: the lifetime of the captcha the form carried.
RECEIPT_REPLAY_WINDOW = datetime.timedelta(minutes=30)


@dataclass(frozen=True)
class Submission:
    """A receipt: the complaint, its query code (None when it can no longer be shown) and
    whether this request created the complaint."""

    complaint: Complaint
    query_code: str | None
    created: bool


def submission_for_token(token):
    """The receipt of the complaint already sent with form token `token`, or None."""
    complaint = Complaint.objects.filter(submission_token=stored_token(token)).first()
    if complaint is None:
        return None
    code = query_code_for_token(token)
    fresh = timezone.now() - complaint.submitted_at < RECEIPT_REPLAY_WINDOW
    shown = code if fresh and complaint.check_query_code(code) else None
    return Submission(complaint=complaint, query_code=shown, created=False)


def _users_with_permission(codename):
    permission = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label="feedback",
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label="feedback",
    )
    return get_user_model().objects.filter(permission, is_active=True).exclude(email="")


def handler_emails(department):
    """E-mail addresses of the active complaint handlers of `department`."""
    users = _users_with_permission("handle_complaint").filter(staff_profile__department=department)
    return sorted(set(users.values_list("email", flat=True)))


def supervisor_emails():
    """E-mail addresses of the active county supervisors."""
    return sorted(
        set(_users_with_permission("supervise_complaint").values_list("email", flat=True))
    )


def complaint_page():
    """The live complaint page, or None before editors created it."""
    return ComplaintFormPage.objects.live().first()


def public_status_url():
    page = complaint_page()
    if page is None:
        return ""
    return (page.full_url or "") + page.reverse_subpage("status").lstrip("/")


def published_complaints(*, department=None, category=None):
    """Consented, replied complaints for the public list, most recently replied first."""
    queryset = Complaint.objects.published().select_related("department", "handling_department")
    if department is not None:
        queryset = queryset.filter(
            Q(handling_department=department)
            | Q(handling_department__isnull=True, department=department)
        )
    if category:
        queryset = queryset.filter(category=category)
    return queryset.order_by("-replied_at", "-pk")


def month_bounds(year, month):
    """The first moment of the month and of the next, in Beijing time."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return start, following


def _figures(queryset, today):
    return {
        "received": Count("pk"),
        "rejected": Count("pk", filter=Q(status=Status.REJECTED)),
        "replied": Count("pk", filter=Q(replied_at__isnull=False)),
        "replied_on_time": Count("pk", filter=Q(replied_at__isnull=False, replied_late=False)),
        "overdue": Count("pk", filter=queryset.overdue_q(today)),
        "rated": Count("pk", filter=~Q(rating="")),
        "satisfied": Count("pk", filter=Q(rating__in=SATISFIED_RATINGS)),
        "dissatisfied": Count("pk", filter=Q(rating=Rating.DISSATISFIED)),
    }


def _rates(row):
    row["on_time_rate"] = (
        round(100 * row["replied_on_time"] / row["replied"], 1) if row["replied"] else None
    )
    row["satisfaction_rate"] = (
        round(100 * row["satisfied"] / row["rated"], 1) if row["rated"] else None
    )
    return row


def monthly_figures(year, month, *, today=None):
    """Complaints received in a month, per department and per category, with how they were
    handled: received, rejected, replied, replied on time, overdue now, satisfaction.

    A complaint counts for the department handling it (the one complained about while it is
    unrouted). Returns {"departments": [...], "categories": [...], "total": {...}}.
    """
    today = today or timezone.localdate()
    start, end = month_bounds(year, month)
    queryset = Complaint.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    figures = _figures(queryset, today)
    by_department = {
        row.pop("responsible"): _rates(row)
        for row in queryset.annotate(responsible=Coalesce("handling_department", "department"))
        .values("responsible")
        .annotate(**figures)
        .order_by()
    }
    departments = Department.objects.filter(pk__in=[pk for pk in by_department if pk])
    department_rows = [
        {"department": department, **by_department[department.pk]} for department in departments
    ]
    if None in by_department:
        department_rows.append({"department": None, **by_department[None]})
    counts = dict(
        queryset.values("category").annotate(n=Count("pk")).order_by().values_list("category", "n")
    )
    category_rows = [
        {"category": value, "label": label, "received": counts.get(value, 0)}
        for value, label in Category.choices
    ]
    total = _rates(queryset.aggregate(**figures))
    return {"departments": department_rows, "categories": category_rows, "total": total}


def months_with_complaints():
    """The months (first days, newest first) in which complaints were received."""
    return [
        moment.date()
        for moment in Complaint.objects.datetimes("submitted_at", "month", order="DESC")
    ]


def workload_by_department(queryset, *, today=None):
    """For the admin: per handling department, the complaints still owed an answer, those
    overdue, and those due by the next working day. `queryset` is already scoped."""
    today = today or timezone.localdate()
    tomorrow = add_working_days(today, 1)
    rows = (
        queryset.values("handling_department")
        .annotate(
            active=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
            waiting=Count("pk", filter=Q(status=Status.SUBMITTED)),
            overdue=Count("pk", filter=queryset.overdue_q(today)),
            due_soon=Count("pk", filter=queryset.due_within_q(today, tomorrow)),
            escalated=Count("pk", filter=Q(status=Status.ESCALATED)),
            replied_late=Count("pk", filter=Q(replied_late=True)),
        )
        .order_by()
    )
    by_department = {row.pop("handling_department"): row for row in rows}
    departments = Department.objects.filter(pk__in=[pk for pk in by_department if pk])
    result = [{"department": d, **by_department[d.pk]} for d in departments]
    if None in by_department:
        result.append({"department": None, **by_department[None]})
    return result


# --- symposiums ---------------------------------------------------------------------------


def _public_views():
    return SymposiumView.objects.published().select_related("handling_department")


def symposium_sessions(index_page):
    """The live sessions under the index page, newest first, each with how many of its
    published views were answered."""
    published = Q(symposium_views__published=True)
    return (
        SymposiumPage.objects.child_of(index_page)
        .live()
        .public()
        .select_related("host_department")
        .annotate(
            view_count=Count("symposium_views", filter=published),
            answered_count=Count(
                "symposium_views",
                filter=published & Q(symposium_views__replied_at__isnull=False),
            ),
        )
        .order_by("-date", "-pk")
    )


def _with_cases(views):
    """Views with the cases that name them, so that each public status costs no query."""
    cases = AccountabilityCase.objects.only("pk", "status", "outcome", "opened_on")
    return views.prefetch_related("review_links", Prefetch("review_links__case", queryset=cases))


def symposium_session_context(page, params):
    """The session page's published views, filtered by status, sector or topic, with
    counts per status."""
    views = _public_views().filter(session=page)
    status = params.get("status", "")
    sector = params.get("sector", "")
    topic = params.get("topic", "")
    counts = views.status_counts()
    filtered = views
    if status in ViewStatus.values:
        filtered = filtered.filter(status=status)
    else:
        status = ""
    if sector in Sector.values:
        filtered = filtered.filter(sector=sector)
    else:
        sector = ""
    if topic in ViewTopic.values:
        filtered = filtered.filter(topic=topic)
    else:
        topic = ""
    listed = list(_with_cases(filtered).order_by("number"))
    return {
        "views": listed,
        "view_total": sum(counts.values()),
        "status_counts": [
            {"value": value, "label": label, "count": counts[value]}
            for value, label in ViewStatus.choices
        ],
        "answered_total": counts[ViewStatus.REPLIED] + counts[ViewStatus.ADOPTED],
        "roster": list(page.roster.all()),
        "statuses": ViewStatus.choices,
        "sectors": Sector.choices,
        "topics": ViewTopic.choices,
        "selected": {"status": status, "sector": sector, "topic": topic},
        "filtered": bool(status or sector or topic),
        "today": timezone.localdate(),
    }


def view_workload(queryset, *, today=None):
    """For the admin: per handling department, views owed an answer and those overdue."""
    today = today or timezone.localdate()
    rows = (
        queryset.values("handling_department")
        .annotate(
            open=Count("pk", filter=Q(status__in=[ViewStatus.PENDING, ViewStatus.IN_PROGRESS])),
            overdue=Count("pk", filter=queryset.overdue_q(today)),
        )
        .order_by()
    )
    return {row["handling_department"]: row for row in rows}


# --- accountability -----------------------------------------------------------------------

CASES_PER_PAGE = 30


def public_cases(*, year=None):
    """Decided cases for the public list, newest decision first (no person, no findings)."""
    cases = (
        AccountabilityCase.objects.decided()
        .select_related("department")
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=AccountabilityCaseSource.objects.select_related(
                    "complaint", "view__session", "finding"
                ).order_by("pk"),
            )
        )
        .order_by("-decided_on", "-pk")
    )
    if year:
        cases = cases.filter(decided_on__year=year)
    return cases


def public_case_rows(cases):
    """The public columns of each case: department, post level, ground, outcome, date, the
    one-vote veto, and what raised it. Nothing else leaves the admin."""
    return [
        {
            "number": case.number,
            "department": case.department.name,
            "post_level": case.get_post_level_display(),
            "ground": case.get_ground_display(),
            "outcome": case.get_outcome_display(),
            "decided_on": case.decided_on,
            "veto": case.veto,
            "sources": case.public_sources,
        }
        for case in cases
    ]


def public_year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 2000 <= year <= 2100 else None


def accountability_context(params):
    """The public list of decided cases (optionally one year), paginated, with yearly
    counts by outcome."""
    year = public_year(params.get("year"))
    paginator = Paginator(public_cases(year=year), CASES_PER_PAGE)
    page_obj = paginator.get_page(params.get("page"))
    yearly = AccountabilityCase.objects.yearly_counts()
    return {
        "cases": public_case_rows(page_obj.object_list),
        "page_obj": page_obj,
        "query_string": f"year={year}" if year else "",
        "selected_year": year,
        "years": [row["year"] for row in yearly],
        "yearly_counts": yearly,
        "outcome_labels": Outcome.labels,
        "grounds": Ground.choices,
        "post_levels": PostLevel.choices,
    }


# --- the monthly bulletin -----------------------------------------------------------------

# The figures of a bulletin row compiled from live data (the rest is the service centre's, the
# editors' or computed by the assessment).
BULLETIN_COUNTS = (
    "complaints_received",
    "complaints_concluded",
    "complaints_on_time",
    "ratings",
    "ratings_satisfied",
    "views_due",
    "views_on_time",
    "inspection_findings",
    "cases_opened",
    "cases_decided",
)
BULLETIN_TEXT_LIMIT = 300


def month_days(year, month):
    """The first and last day of the month."""
    first = datetime.date(year, month, 1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)


def _clip(text, limit=BULLETIN_TEXT_LIMIT):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bulletin_figures(year, month, *, today=None):
    """Per department (by pk), the month's feedback figures for its bulletin row:

    - complaints received in the month, how many were answered (办结), answered on time, rated
      and rated 满意/基本满意 (through `monthly_figures`; a complaint counts for the
      department handling it);
    - symposium views whose reply fell due in the month and those answered by the deadline;
    - inspection findings from inspections in the month;
    - accountability cases opened and decided in the month, the outcomes decided
      ("通报批评 1 起、诫勉 1 起"), and a one-vote veto with its reasons (de-identified).

    Nine queries (grouped aggregates and two small look-ups) whatever the number of rows.
    """
    today = today or timezone.localdate()
    first, last = month_days(year, month)
    rows = defaultdict(
        lambda: {
            **dict.fromkeys(BULLETIN_COUNTS, 0),
            "outcomes": "",
            "veto": False,
            "veto_reason": "",
        }
    )
    for row in monthly_figures(year, month, today=today)["departments"]:
        if row["department"] is None:
            continue
        figures = rows[row["department"].pk]
        figures["complaints_received"] = row["received"]
        figures["complaints_concluded"] = row["replied"]
        figures["complaints_on_time"] = row["replied_on_time"]
        figures["ratings"] = row["rated"]
        figures["ratings_satisfied"] = row["satisfied"]

    views = SymposiumView.objects.all()
    for row in (
        views.filter(views.due_q(first, last, today), handling_department__isnull=False)
        .values("handling_department")
        .annotate(due=Count("pk"), on_time=Count("pk", filter=views.on_time_q()))
        .order_by()
    ):
        figures = rows[row["handling_department"]]
        figures["views_due"], figures["views_on_time"] = row["due"], row["on_time"]

    for department, count in (
        InspectionFinding.objects.inspected_between(first, last)
        .values("department")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("department", "n")
    ):
        rows[department]["inspection_findings"] = count

    cases = AccountabilityCase.objects.all()
    for department, count in (
        cases.filter(opened_on__range=(first, last))
        .values("department")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("department", "n")
    ):
        rows[department]["cases_opened"] = count

    decided = cases.decided().filter(decided_on__range=(first, last))
    outcomes = defaultdict(dict)
    for department, outcome, count in (
        decided.values("department", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("department", "outcome", "n")
    ):
        outcomes[department][outcome] = count
    for department, by_outcome in outcomes.items():
        rows[department]["cases_decided"] = sum(by_outcome.values())
        rows[department]["outcomes"] = _clip(
            "、".join(
                f"{label} {by_outcome[value]} 起"
                for value, label in Outcome.choices
                if value in by_outcome
            )
        )
    vetoes = defaultdict(list)
    for department, reason, person in (
        decided.filter(veto=True)
        .order_by("decided_on", "pk")
        .values_list("department", "veto_reason", "person_name")
    ):
        # The bulletin is public: the person examined is never named in it.
        vetoes[department].append(deidentify(reason, names=[person]))
    for department, reasons in vetoes.items():
        rows[department]["veto"] = True
        rows[department]["veto_reason"] = _clip("；".join(reasons))
    return dict(rows)
