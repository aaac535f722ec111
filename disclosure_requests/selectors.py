"""Reads: the annual report's figures computed from the live requests, appeals and policy
documents, and the handlers' lists."""

import datetime
from decimal import Decimal

from django.db.models import Q, Sum

from disclosure.models import DocumentKind, PolicyDocumentPage, Validity
from portal.models import Department

from .models import REASONS_BY_OUTCOME, Appeal, DisclosureRequest, Outcome
from .models.reports import (
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_COLUMNS,
    TOTAL_COLUMN,
    empty_appeals,
    empty_table,
)


def _year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def outcome_key(outcome, reason):
    """The section 三 row a concluded request counts in."""
    return f"{outcome}.{reason}" if REASONS_BY_OUTCOME[Outcome(outcome)] else outcome


def requests_of(department=None):
    queryset = DisclosureRequest.objects.filter(received_on__isnull=False)
    return queryset if department is None else queryset.filter(department=department)


def requests_table(year, department=None):
    """Section 三 for `year`, every cell counted from the requests of `department` (all of
    the county's when None): 本年新收 by receipt date, 上年结转 received earlier and open on 1
    January, outcomes by conclusion date, 结转下年度 open at the end of 31 December."""
    first, last = _year_bounds(year)
    table = empty_table()
    rows = requests_of(department).filter(
        Q(concluded_on__isnull=True) | Q(concluded_on__gte=first), received_on__lte=last
    )
    for applicant, received, concluded, outcome, reason in rows.values_list(
        "applicant_type", "received_on", "concluded_on", "outcome", "reason"
    ):
        column = APPLICANT_COLUMNS.index(applicant)
        keys = ["new" if received >= first else "carried_in"]
        if concluded is not None and concluded <= last:
            keys += [outcome_key(outcome, reason), "total"]
        else:
            keys.append("carried_forward")
        for key in keys:
            table[key][column] += 1
            table[key][TOTAL_COLUMN] += 1
    return table


def appeals_table(year, department=None):
    """Section 四 for `year`: cases filed in the year, by their result at its end."""
    first, last = _year_bounds(year)
    counts = empty_appeals()
    appeals = Appeal.objects.filter(filed_on__range=(first, last))
    if department is not None:
        appeals = appeals.filter(request__department=department)
    for appeal in appeals:
        row = counts[appeal.kind]
        row[appeal.result_on(last)] += 1
        row["total"] += 1
    return counts


def sum_tables(tables):
    """The county's section 三: the cell-by-cell sum of the departments' tables."""
    total = empty_table()
    for table in tables:
        for key, row in table.items():
            total[key] = [a + b for a, b in zip(total[key], row, strict=True)]
    return total


def sum_appeals(tables):
    total = empty_appeals()
    for table in tables:
        for kind in APPEAL_KINDS:
            for result in [*APPEAL_RESULTS, "total"]:
                total[kind][result] += table[kind][result]
    return total


def departments_with_requests():
    return Department.objects.filter(
        pk__in=DisclosureRequest.objects.values("department")
    ).order_by("code")


def proactive_figures(year, department=None):
    """Section 二's pre-fill from the policy-document pages: 行政规范性文件 issued (first
    published) and repealed in the year, and in force now. A county government makes no
    规章 (立法法 art. 93), so those stay 0 unless an editor enters them."""
    first, last = _year_bounds(year)
    pages = PolicyDocumentPage.objects.live().filter(kind=DocumentKind.POLICY)
    if department is not None:
        pages = pages.filter(issuing_department=department)
    return {
        "normative_issued": pages.filter(date_published__range=(first, last)).count(),
        "normative_repealed": pages.filter(
            validity=Validity.REPEALED, last_published_at__date__range=(first, last)
        ).count(),
        "normative_in_force": pages.filter(
            validity=Validity.VALID, date_published__lte=last
        ).count(),
    }


def fees_charged(year, department=None):
    """(number of requests, yuan) of 信息处理费 paid in `year`."""
    first, last = _year_bounds(year)
    paid = requests_of(department).filter(fee_paid_on__range=(first, last))
    amount = paid.aggregate(total=Sum("fee_amount"))["total"] or Decimal("0")
    return paid.count(), amount
