"""Reads of the decisions app: the notice page's context, the adoption report, the section
listing with its filters, the year's directory, and the rows every export shares."""

import uuid

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.inputs import parse_id
from portal.models import Department

from .forms import PublicCommentForm
from .models import (
    DecisionStatus,
    MajorDecisionPage,
    ModerationStatus,
    PublicComment,
    ResponseOutcome,
    Sector,
)

INDEX_PAGE_SIZE = 20
FIRST_YEAR = 2000


def _saved(page):
    """Comments hang on saved pages only; a preview of a new page has none."""
    return page.pk is not None


# -- the notice page -----------------------------------------------------------------------------


def published_comments(notice):
    """The notice's published comments, oldest first, with public fields only."""
    if not _saved(notice):
        return []
    return list(
        PublicComment.objects.published()
        .filter(notice=notice)
        .order_by("submitted_at", "pk")
        .only(
            "receipt_number",
            "submitted_at",
            "sector",
            "published_text",
            "outcome",
            "response_reason",
            "changed_passage",
            "notice_id",
        )
    )


def adoption_report(notice):
    """意见采纳情况: totals by moderation status and by outcome (every comment counts, published or
    not), and each published comment with its outcome, reason and the change it led to."""
    counts = {}
    if _saved(notice):
        for row in (
            PublicComment.objects.filter(notice=notice)
            .values("status", "outcome")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            counts[(row["status"], row["outcome"])] = row["n"]
    total = sum(counts.values())

    def count(status=None, outcome=None):
        return sum(
            n
            for (row_status, row_outcome), n in counts.items()
            if (status is None or row_status == status)
            and (outcome is None or row_outcome == outcome)
        )

    by_outcome = [
        {"value": outcome.value, "label": str(outcome.label), "count": count(outcome=outcome)}
        for outcome in ResponseOutcome
    ]
    unanswered = count(outcome="")
    answered = total - unanswered
    adopted = count(outcome=ResponseOutcome.ADOPTED) + count(outcome=ResponseOutcome.PARTLY)
    # 不适用 (off-topic, duplicates) says nothing about the draft: left out of the rate.
    considered = answered - count(outcome=ResponseOutcome.NOT_APPLICABLE)
    changes = {change.passage: change for change in notice.changes}
    items = []
    for comment in published_comments(notice):
        change = changes.get(comment.changed_passage) if comment.changed_passage else None
        items.append(
            {
                "receipt_number": comment.receipt_number,
                "submitted_on": timezone.localdate(comment.submitted_at),
                "sector": comment.sector_label,
                "text": comment.published_text,
                "outcome": comment.outcome,
                "outcome_label": str(comment.get_outcome_display()) if comment.outcome else "",
                "reason": comment.response_reason,
                "change": {"number": change.number, "anchor": change.anchor} if change else None,
                "changed_passage": comment.changed_passage,
            }
        )
    return {
        "total": total,
        "published": count(status=ModerationStatus.PUBLISHED),
        "not_published": count(status=ModerationStatus.REJECTED),
        "pending_moderation": count(status=ModerationStatus.PENDING),
        "answered": answered,
        "unanswered": unanswered,
        "by_outcome": by_outcome,
        "adopted_or_partly": adopted,
        "adoption_rate": round(adopted * 100 / considered, 1) if considered else None,
        "complete": total > 0 and unanswered == 0,
        "comments": items,
    }


def comments_by_change(report):
    """{change anchor: [receipt numbers]} for the links from the 修改对照 back to comments."""
    links = {}
    for item in report["comments"] if report else []:
        if item["change"]:
            links.setdefault(item["change"]["anchor"], []).append(item["receipt_number"])
    return links


def decision_context(
    notice, request, *, now=None, form=None, receipt=None, refusal=None, kept_text="", **_kw
):
    """Everything the notice template shows at `now`: lifecycle, the comment form while the
    period is open, the records, the decision, its 修改对照 and the adoption report."""
    now = now or timezone.now()
    status = notice.status(now)
    is_open = status == DecisionStatus.OPEN
    if is_open and form is None and receipt is None:
        # A fresh one-time token per rendered form: a repeated post of it saves one comment.
        form = PublicCommentForm(initial={"submission_token": str(uuid.uuid4())})
    decision = notice.decision_step(now)
    ended = notice.consultation_ended(now)
    report = adoption_report(notice) if ended else None
    links = comments_by_change(report)
    steps = sorted(notice.steps.all(), key=lambda step: (step.date, step.sort_order or 0))
    tracking = sorted(
        notice.tracking_updates.all(),
        key=lambda update: (update.date, update.pk or 0),
        reverse=True,
    )
    return {
        "now": now,
        "status": status,
        "lifecycle": notice.lifecycle_steps(now),
        "is_open": is_open,
        "comment_form": form if is_open else None,
        "receipt": receipt,
        "refusal": refusal,
        # A refused post outside the period: the visitor's words, to copy and keep.
        "kept_text": kept_text,
        "opens_at": timezone.localtime(notice.opens_at) if notice.opens_at else None,
        "closes_at": timezone.localtime(notice.closes_at) if notice.closes_at else None,
        "steps": steps,
        "decision": decision,
        "change_rows": [
            {"change": change, "receipts": links.get(change.anchor, [])}
            for change in (notice.changes if decision else [])
        ],
        "tracking": tracking,
        "latest_progress": tracking[0] if tracking else None,
        "consultation_ended": ended,
        "report": report,
        "published_comments": published_comments(notice) if is_open else [],
        "sector_options": Sector.choices,
    }


def decision_payload(notice, request, now=None):
    """The notice as JSON-ready data: metadata, period, records, decision, changes, tracking,
    evaluation, and the adoption report once the consultation has ended. No personal data."""
    now = now or timezone.now()
    ended = notice.consultation_ended(now)
    decision = notice.decision_step(now)

    def document_url(document):
        return request.build_absolute_uri(document.url) if document else None

    return {
        "title": notice.title,
        "url": notice.get_full_url(request),
        "index_number": notice.index_number or "",
        "issuing_department": notice.issuing_department_name,
        "document_number": notice.document_number,
        "date_written": notice.date_written,
        "date_published": notice.date_published,
        "summary": notice.summary,
        "status": {"value": notice.status(now).value, "label": str(notice.status(now).label)},
        "consultation": {
            "opens_at": timezone.localtime(notice.opens_at) if notice.opens_at else None,
            "closes_at": timezone.localtime(notice.closes_at) if notice.closes_at else None,
            "days": notice.period_days,
            "urgency_reason": notice.urgency_reason if notice.is_short_period else "",
            "open": notice.is_open_for_comment(now),
        },
        "draft_text": plain_text(notice.draft_text),
        "drafting_explanation": plain_text(notice.drafting_explanation),
        "attachments": [
            {"title": item.display_title, "url": document_url(item.document)}
            for item in notice.attachments.all()
        ],
        "steps": [
            {
                "kind": step.kind,
                "kind_label": str(step.get_kind_display()),
                "date": step.date,
                "title": step.title,
                "location": step.location,
                "how_to_participate": step.how_to_participate,
                "summary": step.summary,
                "outcome": step.outcome,
                "outcome_label": str(step.get_outcome_display()) if step.outcome else "",
                "document": document_url(step.document),
            }
            for step in sorted(notice.steps.all(), key=lambda step: step.date)
        ],
        "decision": {
            "date": decision.date,
            "meeting": decision.title,
            "final_text": plain_text(notice.final_text),
            "document_number": notice.final_document_number,
            "document": document_url(notice.final_document),
            "effective_date": notice.effective_date,
            "changes": [change.as_dict() for change in notice.changes],
        }
        if decision
        else None,
        "tracking": [
            {
                "date": update.date,
                "responsible_unit": update.responsible_unit_name,
                "progress": update.progress,
                "status": update.status,
                "status_label": str(update.get_status_display()),
                "text": update.text,
            }
            for update in sorted(notice.tracking_updates.all(), key=lambda u: u.date)
        ],
        "evaluation": {
            "date": notice.evaluation_date,
            "body": notice.evaluation_body,
            "recommendation": str(notice.get_evaluation_recommendation_display())
            if notice.evaluation_recommendation
            else "",
            "text": plain_text(notice.evaluation_text),
            "document": document_url(notice.evaluation_document),
        }
        if notice.evaluation_date
        else None,
        "termination": {"date": notice.terminated_on, "reason": notice.termination_reason}
        if notice.terminated_on
        else None,
        "adoption_report": adoption_report(notice) if ended else None,
    }


def plain_text(rich_text):
    from .diff import paragraphs

    return "\n".join(paragraphs(rich_text)) if rich_text else ""


# -- the section page ----------------------------------------------------------------------------


def parse_index_filters(params):
    """The valid filters in `params`; unknown or malformed values are dropped, never an error."""
    filters = {}
    if params.get("status") in DecisionStatus.values:
        filters["status"] = params["status"]
    department = parse_id(params.get("department"))
    if department and Department.objects.filter(pk=department).exists():
        filters["department"] = department
    year = parse_id(params.get("year"))
    if year and FIRST_YEAR <= year <= 2100:
        filters["year"] = year
    return filters


def decision_items(index_page, filters, now=None):
    """Live, public notices under the section, with their status and comment count."""
    comment_count = (
        PublicComment.objects.filter(notice=OuterRef("pk"))
        .order_by()
        .values("notice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    items = (
        MajorDecisionPage.objects.live()
        .public()
        .child_of(index_page)
        .with_status(now)
        .select_related("issuing_department")
        .annotate(
            comment_count=Coalesce(Subquery(comment_count, output_field=IntegerField()), Value(0))
        )
    )
    if "status" in filters:
        items = items.filter(lifecycle_status=filters["status"])
    if "department" in filters:
        items = items.filter(issuing_department_id=filters["department"])
    if "year" in filters:
        items = items.filter(opens_at__year=filters["year"])
    return items.order_by(F("opens_at").desc(nulls_last=True), "-pk")


def decision_rows(items, request):
    """Plain dicts for the listing and the exports: no further queries per notice."""
    rows = []
    for item in items:
        status = DecisionStatus(item.lifecycle_status)
        rows.append(
            {
                "pk": item.pk,
                "title": item.title,
                "url": item.get_full_url(request),
                "path": item.get_url(request),
                "index_number": item.index_number or "",
                "department": item.issuing_department.name,
                "status": status.value,
                "status_label": str(status.label),
                "opens_at": timezone.localtime(item.opens_at) if item.opens_at else None,
                "closes_at": timezone.localtime(item.closes_at) if item.closes_at else None,
                "comment_count": item.comment_count,
                "date_published": item.date_published,
                "first_published_at": item.first_published_at,
                "last_published_at": item.last_published_at,
                "summary": item.summary,
            }
        )
    return rows


def directory(index_page, year, now=None):
    """The year's 重大行政决策事项目录 with each item's progress, and the years on record."""
    entries = list(index_page.directory_entries.all())
    years = sorted({entry.year for entry in entries}, reverse=True)
    rows = [entry for entry in entries if entry.year == year]
    notice_ids = [entry.notice_id for entry in rows if entry.notice_id]
    statuses = dict(
        MajorDecisionPage.objects.live()
        .public()
        .filter(pk__in=notice_ids)
        .with_status(now)
        .values_list("pk", "lifecycle_status")
    )
    notices = MajorDecisionPage.objects.in_bulk(list(statuses))
    departments = Department.objects.in_bulk([entry.department_id for entry in rows])
    table = []
    for number, entry in enumerate(rows, start=1):
        status = statuses.get(entry.notice_id)
        department = departments.get(entry.department_id)
        table.append(
            {
                "number": number,
                "title": entry.title,
                "department": department.name if department else "",
                "basis": entry.basis,
                "planned_time": entry.planned_time,
                "hearing_planned": entry.hearing_planned,
                "notes": entry.notes,
                "notice": notices.get(entry.notice_id),
                "status_label": str(DecisionStatus(status).label) if status else "尚未公示",
            }
        )
    return {"year": year, "years": years, "rows": table}


def index_context(index_page, request, now=None):
    """Context of the section page: filters and their options, one page of notices, the
    notices open for comment now, and the year's directory."""
    now = now or timezone.now()
    filters = parse_index_filters(request.GET)
    paginator = Paginator(decision_items(index_page, filters, now), INDEX_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    live = MajorDecisionPage.objects.live().public().child_of(index_page)
    years = {moment.year for moment in live.datetimes("opens_at", "year")}
    years.add(timezone.localdate(now).year)
    years.update(entry.year for entry in index_page.directory_entries.all())
    this_year = timezone.localdate(now).year
    entry_years = {entry.year for entry in index_page.directory_entries.all()}
    # The directory shows the chosen year; by default this year's, else the latest on record.
    if "year" in filters:
        directory_year = filters["year"]
    elif entry_years and this_year not in entry_years:
        directory_year = max(entry_years)
    else:
        directory_year = this_year
    open_now = decision_rows(
        decision_items(index_page, {"status": DecisionStatus.OPEN.value}, now).order_by(
            "closes_at", "pk"
        ),
        request,
    )
    return {
        "filters": filters,
        "filter_query": "&".join(f"{key}={value}" for key, value in filters.items()),
        "items": page,
        "rows": decision_rows(page.object_list, request),
        "paginator": paginator,
        "open_now": open_now,
        "status_options": DecisionStatus.choices,
        "department_options": list(
            Department.objects.filter(pk__in=live.values("issuing_department")).values_list(
                "pk", "name"
            )
        ),
        "year_options": sorted(years, reverse=True),
        "directory": directory(index_page, directory_year, now),
    }
