"""The demo: about 30 requests in every state and outcome, the 2025 reports published and the
2026 ones drafted, loaded once."""

from collections import Counter

import pytest

from disclosure_requests import demo
from disclosure_requests.models import (
    REASONS_BY_OUTCOME,
    AnnualReportPage,
    Appeal,
    DisclosureRequest,
    Status,
)
from disclosure_requests.models.reports import TOTAL_COLUMN, table_errors
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_once_in_every_state_and_outcome(home):
    portal_demo.load(home)
    demo.load(home)
    demo.load(home)
    requests = DisclosureRequest.objects.all()
    assert 28 <= requests.count() <= 35
    assert set(requests.values_list("status", flat=True)) == set(Status.values)
    outcomes = Counter(requests.exclude(outcome="").values_list("outcome", flat=True))
    assert set(outcomes) == {str(o) for o in REASONS_BY_OUTCOME}
    assert requests.exclude(correction_requested_on=None).count() >= 3
    assert requests.filter(extension_days__gt=0).count() >= 2
    assert requests.exclude(third_party="").count() >= 3
    assert requests.exclude(fee_amount=None).count() >= 3
    assert Appeal.objects.count() >= 3
    assert requests.overdue().exists()
    assert all(r.check_query_code(demo.DEMO_QUERY_CODE) for r in requests[:3])
    for req in requests:
        times = list(req.events.order_by("pk").values_list("created_at", flat=True))
        assert times == sorted(times), req.tracking_number

    county_2025 = AnnualReportPage.objects.get(year=2025, department=None)
    assert county_2025.live and county_2025.url == "/annual-reports/2025/"
    assert table_errors(county_2025.requests_table) == []
    assert county_2025.requests_table["total"][TOTAL_COLUMN] >= 14
    assert county_2025.requests_table["carried_forward"][TOTAL_COLUMN] == 2
    drafts = AnnualReportPage.objects.filter(year=2026)
    assert drafts.exists() and not drafts.filter(live=True).exists()
