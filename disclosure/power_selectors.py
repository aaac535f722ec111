"""Reads of the power and responsibility list (权责清单): the filtered listing, its export rows and
each item's change log. Kept apart from selectors.py, which holds the catalogue's and fee
schedules' reads, because the power list has its own filters and columns."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry, Site

from portal.inputs import parse_id
from portal.models import Department

from .models import PowerItemPage, PowerKind, PowerStatus

POWER_PAGE_SIZE = 30
MAX_QUERY_LENGTH = 100


def parse_power_filters(params):
    """The valid filters in `params`: department, kind, status and keyword (?q=); unknown or
    malformed values are dropped, never an error."""
    filters = {}
    department = parse_id(params.get("department"))
    if department and Department.objects.filter(pk=department).exists():
        filters["department"] = department
    if params.get("kind") in PowerKind.values:
        filters["kind"] = params["kind"]
    if params.get("status") in PowerStatus.values:
        filters["status"] = params["status"]
    query = " ".join(str(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
    if query:
        filters["q"] = query
    return filters


def power_items(site_root, filters):
    """Live, public power items of the site, filtered, in department and code order."""
    items = (
        PowerItemPage.objects.live()
        .public()
        .descendant_of(site_root, inclusive=True)
        .select_related("issuing_department")
    )
    if "department" in filters:
        items = items.filter(issuing_department_id=filters["department"])
    if "kind" in filters:
        items = items.filter(kind=filters["kind"])
    if "status" in filters:
        items = items.filter(status=filters["status"])
    for word in filters.get("q", "").split():
        items = items.filter(
            Q(title__icontains=word)
            | Q(code__icontains=word)
            | Q(legal_basis__icontains=word)
            | Q(exercising_unit__icontains=word)
        )
    return items.order_by("issuing_department__name", "code", "pk")


def power_rows(items, request):
    """Plain dicts for the exports and the feed, from rows already loaded with their department."""
    return [
        {
            "code": item.code,
            "title": item.title,
            "kind": str(item.kind_label),
            "department": item.issuing_department.name,
            "unit": item.unit_name,
            "legal_basis": item.legal_basis,
            "status": str(item.status_label),
            "supervision_phone": item.supervision_phone,
            "index_number": item.index_number or "",
            "date_published": item.date_published,
            "first_published_at": item.first_published_at,
            "url": item.get_full_url(request),
        }
        for item in items
    ]


def power_filter_query(filters):
    """The filters as a query string, for export links and pagination."""
    from urllib.parse import urlencode

    return urlencode(filters)


def power_list_page(index_page, request):
    """Context of /powers/: the filters, their options, counts per kind and one page of items."""
    filters = parse_power_filters(request.GET)
    site = Site.find_for_request(request)
    root = site.root_page if site else index_page.get_parent()
    items = power_items(root, filters)
    paginator = Paginator(items, POWER_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    department_ids = (
        PowerItemPage.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .values("issuing_department_id")
    )
    return {
        "filters": filters,
        "filter_query": power_filter_query(filters),
        "items": page,
        "paginator": paginator,
        "department_options": list(
            Department.objects.filter(pk__in=department_ids)
            .order_by("name")
            .values_list("pk", "name")
        ),
        "kind_options": PowerKind.choices,
        "status_options": PowerStatus.choices,
    }


def _power_snapshot(content):
    """The compared fields and the adjustment rows of one revision's content, read from the
    stored JSON without building the page (no queries)."""
    from modelcluster.models import model_from_serializable_data

    from .models import PowerAdjustment

    fields = {
        "title": content.get("title") or "",
        "kind_label": str(PowerKind(content["kind"]).label)
        if content.get("kind") in PowerKind.values
        else "",
        "exercising_unit": content.get("exercising_unit") or "",
        "legal_basis": content.get("legal_basis") or "",
        "status_label": str(PowerStatus(content["status"]).label)
        if content.get("status") in PowerStatus.values
        else "",
        "supervision_phone": content.get("supervision_phone") or "",
    }
    adjustments = [
        model_from_serializable_data(PowerAdjustment, data, check_fks=False)
        for data in content.get("adjustments") or []
    ]
    return fields, {(a.date, a.document, a.kind): a for a in adjustments}


def power_change_log(page):
    """Each publication that changed the item, newest first: its date, the adjustments recorded
    with it (date, document, before and after as the editor wrote them) and every listed field
    that changed from what to what, computed from the published revisions."""
    entries = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    labels = PowerItemPage.CHANGE_LOG_FIELDS
    log = []
    previous = None
    for entry in entries:
        fields, adjustments = _power_snapshot(entry.revision.content)
        if previous is not None:
            old_fields, old_adjustments = previous
            changes = [
                _("%(field)s：%(old)s → %(new)s")
                % {
                    "field": labels[name],
                    "old": old_fields[name] or "（空）",
                    "new": value or "（空）",
                }
                for name, value in fields.items()
                if old_fields[name] != value
            ]
            added = [a for key, a in adjustments.items() if key not in old_adjustments]
            if changes or added:
                log.append({"date": entry.timestamp, "changes": changes, "adjustments": added})
        previous = (fields, adjustments)
    return list(reversed(log))
