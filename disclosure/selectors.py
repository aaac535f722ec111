"""Reads of the disclosure app: the catalogue listing, fee tables and their change log."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry, Site

from portal.inputs import parse_id
from portal.models import Department

from .models import DisclosurePage, Topic, Validity, disclosure_page_types

CATALOGUE_PAGE_SIZE = 20
CATALOGUE_SORTS = {"newest": "-date_published", "oldest": "date_published"}
LISTING_FIELDS = [
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "content_type_id",
    "summary",
    "index_number",
    "document_number",
    "date_written",
    "date_published",
    "first_published_at",
    "last_published_at",
    "topic",
    "validity",
    "issuing_department__name",
    "issuing_department__short_name",
]


def _type_choices():
    return {model._meta.model_name: model for model in disclosure_page_types()}


def parse_catalogue_filters(params):
    """The valid filters in `params`; unknown or malformed values are dropped, never an error."""
    types = _type_choices()
    filters = {}
    if params.get("type") in types:
        filters["type"] = params["type"]
    department = parse_id(params.get("department"))
    if department and Department.objects.filter(pk=department).exists():
        filters["department"] = department
    if params.get("topic") in Topic.values:
        filters["topic"] = params["topic"]
    if params.get("validity") in Validity.values:
        filters["validity"] = params["validity"]
    year = parse_id(params.get("year"))
    if year and 1949 <= year <= 9999:
        filters["year"] = year
    filters["sort"] = params.get("sort") if params.get("sort") in CATALOGUE_SORTS else "newest"
    return filters


def catalogue_items(site_root, filters):
    """Live, public disclosed pages of the site, filtered; one query whatever the page size."""
    items = (
        DisclosurePage.objects.live()
        .public()
        .descendant_of(site_root, inclusive=True)
        .select_related("issuing_department")
        .only(*LISTING_FIELDS)
    )
    if "type" in filters:
        model = _type_choices()[filters["type"]]
        items = items.filter(content_type=ContentType.objects.get_for_model(model))
    if "department" in filters:
        items = items.filter(issuing_department_id=filters["department"])
    if "topic" in filters:
        items = items.filter(topic=filters["topic"])
    if "validity" in filters:
        items = items.filter(validity=filters["validity"])
    if "year" in filters:
        items = items.filter(date_published__year=filters["year"])
    order = CATALOGUE_SORTS[filters.get("sort", "newest")]
    return items.order_by(order, "-pk" if order.startswith("-") else "pk")


def catalogue_years(site_root, *, selected=None):
    """The year filter's options: years in which something now live was published, newest
    first (plus a year typed into the URL, so the choice stays visible). One query."""
    dates = (
        DisclosurePage.objects.live()
        .public()
        .descendant_of(site_root, inclusive=True)
        .dates("date_published", "year", order="DESC")
    )
    years = [day.year for day in dates]
    if selected and selected not in years:
        years = sorted([*years, selected], reverse=True)
    return years


def type_label(item):
    """The Chinese name of an item's page type, from the cached content type."""
    model = ContentType.objects.get_for_id(item.content_type_id).model_class()
    return model._meta.verbose_name if model else ""


def catalogue_rows(items, request):
    """Plain dicts for exports and templates: no further queries per item."""
    rows = []
    for item in items:
        rows.append(
            {
                "title": item.title,
                "url": item.get_full_url(request),
                "path": item.get_url(request),
                "type": str(type_label(item)),
                "index_number": item.index_number or "",
                "department": item.issuing_department.name,
                "document_number": item.document_number,
                "date_written": item.date_written,
                "date_published": item.date_published,
                "topic": str(Topic(item.topic).label) if item.topic in Topic.values else "",
                "validity": str(Validity(item.validity).label),
                "summary": item.summary,
                "first_published_at": item.first_published_at,
                "last_published_at": item.last_published_at,
                "pk": item.pk,
            }
        )
    return rows


def catalogue_page(index_page, request):
    """Context for the catalogue page: filters, options and one page of rows."""
    filters = parse_catalogue_filters(request.GET)
    site = Site.find_for_request(request)
    root = site.root_page if site else index_page.get_parent()
    paginator = Paginator(catalogue_items(root, filters), CATALOGUE_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    query = {
        key: value for key, value in filters.items() if not (key == "sort" and value == "newest")
    }
    return {
        "filters": filters,
        "filter_query": "&".join(f"{key}={value}" for key, value in query.items()),
        "items": page,
        "rows": catalogue_rows(page.object_list, request),
        "paginator": paginator,
        "type_options": [
            (name, model._meta.verbose_name) for name, model in _type_choices().items()
        ],
        "department_options": list(Department.objects.values_list("pk", "name")),
        "topic_options": Topic.choices,
        "validity_options": Validity.choices,
        "year_options": catalogue_years(root, selected=filters.get("year")),
    }


# -- fee schedules -----------------------------------------------------------------------------


def filter_fee_items(page, params):
    """The schedule's fee items filtered by words (?q=) and charging department (?department=)."""
    query = " ".join(params.get("q", "").split())[:100]
    department = parse_id(params.get("department"))
    every_item = list(page.items.select_related("charging_department"))
    items = every_item
    if query:
        items = [
            item
            for item in items
            if all(
                word in f"{item.name} {item.legal_basis} {item.notes} {item.exemptions}"
                for word in query.split()
            )
        ]
    if department:
        items = [item for item in items if item.charging_department_id == department]
    departments = sorted(
        # From the rows already loaded: one query for the table, however long.
        {(item.charging_department_id, item.charging_department.name) for item in every_item},
        key=lambda pair: pair[1],
    )
    return items, {"q": query, "department": department, "department_options": departments}


def _fee_snapshot(content):
    """The fee items of one revision's content. Built from the stored rows without checking
    their foreign keys: Revision.as_object() would query each item's department and page."""
    from modelcluster.models import model_from_serializable_data

    from .models import FeeItem

    snapshot = {}
    for data in content.get("items") or []:
        item = model_from_serializable_data(FeeItem, data, check_fks=False)
        snapshot[item.pk or item.name] = {
            name: str(getattr(item, name) or "") for name in item.CHANGE_LOG_FIELDS
        }
    return snapshot


def fee_change_log(page):
    """Changes between consecutive publications of the schedule, newest first: which item changed
    from what to what, on which date."""
    entries = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    from .models import FeeItem

    labels = FeeItem.CHANGE_LOG_FIELDS
    changes = []
    previous = None
    for entry in entries:
        current = _fee_snapshot(entry.revision.content)
        if previous is not None:
            date = entry.timestamp
            for key, fields in current.items():
                old = previous.get(key)
                if old is None:
                    changes.append({"date": date, "item": fields["name"], "change": _("新增项目")})
                    continue
                for name, value in fields.items():
                    if old[name] != value:
                        changes.append(
                            {
                                "date": date,
                                "item": fields["name"],
                                "change": _("%(field)s：%(old)s → %(new)s")
                                % {
                                    "field": labels[name],
                                    "old": old[name] or "（空）",
                                    "new": value or "（空）",
                                },
                            }
                        )
            for key, fields in previous.items():
                if key not in current:
                    changes.append({"date": date, "item": fields["name"], "change": _("取消项目")})
        previous = current
    return list(reversed(changes))


# -- monthly bulletins ---------------------------------------------------------------------------


def _change(current, previous):
    if current is None or previous is None:
        return None
    return current - previous


def bulletin_rows(page):
    """The bulletin's rows, ranked first (by rank), vetoed and unranked last."""
    rows = list(page.rows.select_related("department"))
    return sorted(rows, key=lambda row: (row.rank is None, row.rank or 0, row.sort_order or 0))


def bulletin_context(page):
    """Rows with month-over-month changes, totals and the charts of the bulletin page."""
    from portal.charts import bar_chart

    rows = bulletin_rows(page)
    previous = page.previous_bulletin()
    previous_rows = {}
    if previous is not None:
        previous_rows = {row.department_id: row for row in previous.rows.all()}
    for row in rows:
        before = previous_rows.get(row.department_id)
        row.score_change = _change(row.score, before.score if before else None)
        row.satisfaction_change = _change(
            row.satisfaction_rate, before.satisfaction_rate if before else None
        )
    names = [row.department.short_name or row.department.name for row in rows]
    return {
        "rows": rows,
        "previous_bulletin": previous,
        "commendations": [n for n in page.notices.all() if n.kind == "commendation"],
        "criticisms": [n for n in page.notices.all() if n.kind == "criticism"],
        "score_chart": bar_chart(
            title=f"{page.month_label}各部门考核得分",
            items=list(zip(names, [row.score for row in rows], strict=True)),
            maximum=100,
        ),
        "satisfaction_chart": bar_chart(
            title=f"{page.month_label}各部门投诉满意率",
            items=list(zip(names, [row.satisfaction_rate for row in rows], strict=True)),
            maximum=100,
            unit="%",
        ),
        "totals": {
            "cases_handled": sum(row.cases_handled for row in rows),
            "complaints_received": sum(row.complaints_received for row in rows),
            "inspection_findings": sum(row.inspection_findings for row in rows),
            "cases_decided": sum(row.cases_decided for row in rows),
        },
    }
