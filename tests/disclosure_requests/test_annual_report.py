"""The annual report: every cell of section 三 counted from the requests, section 四 from the
appeals, the cross-checks, and the draft command that never publishes."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from disclosure_requests import selectors, services
from disclosure_requests.models import (
    REASONS_BY_OUTCOME,
    AnnualReportPage,
    AppealKind,
    AppealResult,
    ApplicantType,
    Channel,
    Outcome,
    Reason,
)
from disclosure_requests.models.reports import (
    APPLICANT_COLUMNS,
    OUTCOME_KEYS,
    TABLE_ROW_KEYS,
    TOTAL_COLUMN,
    table_errors,
)
from tests.disclosure_requests.conftest import at

D = datetime.date
pytestmark = pytest.mark.django_db


MARCH_3, MARCH_10 = D(2025, 3, 3), D(2025, 3, 10)


def concluded(
    make_request,
    handler,
    outcome,
    reason="",
    *,
    applicant=ApplicantType.NATURAL_PERSON,
    received=MARCH_3,
    replied=MARCH_10,
    **values,
):
    """A request received in person on `received` and answered on `replied`."""
    req = make_request(received, channel=Channel.IN_PERSON, applicant_type=applicant, **values)
    if reason == Reason.NOT_CORRECTED:
        req = services.request_ask_correction(
            request=req, actor=handler, items="请写明年度。", now=at(received)
        )
    if reason == Reason.NOT_PAID:
        req = services.request_fee_notice(
            request=req, actor=handler, amount=Decimal("100"), now=at(received)
        )
    return services.request_reply(
        request=req,
        actor=handler,
        outcome=outcome,
        reason=reason,
        text="答复说明。",
        now=at(replied),
    )


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [
        (outcome, reason)
        for outcome, reasons in REASONS_BY_OUTCOME.items()
        for reason in (reasons or [""])
    ],
)
def test_every_outcome_counts_in_its_own_cell(make_request, housing_handler, outcome, reason):
    concluded(make_request, housing_handler, outcome, reason, applicant=ApplicantType.RESEARCH)
    table = selectors.requests_table(2025)
    key = f"{outcome}.{reason}" if reason else outcome
    column = APPLICANT_COLUMNS.index(ApplicantType.RESEARCH)
    assert table[key][column] == 1 and table[key][TOTAL_COLUMN] == 1
    assert sum(table[k][TOTAL_COLUMN] for k in OUTCOME_KEYS) == 1
    assert table["new"][column] == table["total"][column] == 1
    assert table_errors(table) == []


def test_all_31_outcome_rows_of_the_national_format(make_request):
    assert len(OUTCOME_KEYS) == 2 + 8 + 3 + 5 + 3
    assert len(TABLE_ROW_KEYS) == 21 + 4
    assert len(APPLICANT_COLUMNS) == 6


def test_carried_over_and_carried_forward(make_request, housing_handler):
    # Received in 2024, answered in 2025: carried into 2025.
    concluded(
        make_request,
        housing_handler,
        Outcome.DISCLOSED,
        received=D(2024, 12, 23),
        replied=D(2025, 1, 6),
    )
    # Received in 2025, still open at its end: carried into 2026.
    make_request(D(2025, 12, 22), channel=Channel.IN_PERSON, applicant_type=ApplicantType.BUSINESS)
    # Received and answered in 2025.
    concluded(make_request, housing_handler, Outcome.PARTIAL)
    # Submitted online in 2025 but never confirmed: not yet received, counted nowhere.
    make_request(D(2025, 12, 31))
    table = selectors.requests_table(2025)
    person, business = 0, APPLICANT_COLUMNS.index(ApplicantType.BUSINESS)
    assert table["carried_in"][person] == 1
    assert table["new"][person] == 1 and table["new"][business] == 1
    assert table["total"][person] == 2
    assert table["carried_forward"][business] == 1
    assert table_errors(table) == []
    assert selectors.requests_table(2026)["carried_in"][business] == 1


def test_cross_check_names_the_cell_that_does_not_add_up(make_request, housing_handler):
    concluded(make_request, housing_handler, Outcome.DISCLOSED)
    table = selectors.requests_table(2025)
    table["total"][0] += 1
    table["total"][TOTAL_COLUMN] += 1
    errors = [str(e) for e in table_errors(table)]
    assert "第三部分“（七）总计”一行“自然人”列为 2，而各项办理结果之和为 1。" in errors
    assert any("本年新收 1 + 上年结转 0 = 1" in e and "“自然人”列" in e for e in errors)

    wrong_total = selectors.requests_table(2025)
    wrong_total["new"][TOTAL_COLUMN] = 5
    assert [str(e) for e in table_errors(wrong_total)] == [
        "第三部分“一、本年新收政府信息公开申请数量”的“总计”列为 5，而各类申请人之和为 1。"
    ]


def test_a_report_with_a_bad_total_cannot_be_saved(report_index, make_request, housing_handler):
    concluded(make_request, housing_handler, Outcome.DISCLOSED)
    page, _created = services.annual_report_draft(index_page=report_index, year=2025)
    page = page.get_latest_revision_as_object()
    page.requests_table["total"][TOTAL_COLUMN] = 7
    with pytest.raises(ValidationError, match="（七）总计"):
        page.full_clean()


def test_appeals_counted_by_result_at_the_years_end(make_request, housing_handler):
    req = concluded(make_request, housing_handler, Outcome.WITHHELD, "state_secret")
    services.appeal_record(
        request=req,
        kind=AppealKind.REVIEW,
        filed_on=D(2025, 4, 1),
        result=AppealResult.UPHELD,
        decided_on=D(2025, 6, 1),
    )
    services.appeal_record(
        request=req,
        kind=AppealKind.DIRECT_SUIT,
        filed_on=D(2025, 11, 1),
        result=AppealResult.CORRECTED,
        decided_on=D(2026, 2, 1),
    )
    table = selectors.appeals_table(2025)
    assert table[AppealKind.REVIEW] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert table[AppealKind.DIRECT_SUIT]["pending"] == 1
    with pytest.raises(ValidationError, match="审结日期"):
        services.appeal_record(
            request=req, kind=AppealKind.REVIEW, filed_on=D(2025, 4, 1), result=AppealResult.UPHELD
        )


def test_command_drafts_department_and_county_reports_without_publishing(
    report_index, make_request, housing, housing_handler, resources, resources_handler
):
    concluded(make_request, housing_handler, Outcome.DISCLOSED)
    concluded(
        make_request,
        resources_handler,
        Outcome.UNAVAILABLE,
        Reason.NOT_HELD,
        applicant=ApplicantType.LEGAL_SERVICES,
        department=resources,
    )
    out = io.StringIO()
    call_command("draft_annual_report", "2025", stdout=out)
    reports = AnnualReportPage.objects.filter(year=2025)
    assert reports.count() == 3
    assert not reports.filter(live=True).exists()
    county = reports.get(department=None).get_latest_revision_as_object()
    assert county.slug == "2025"
    assert county.requests_table["total"][TOTAL_COLUMN] == 2
    for department, column in ((housing, 0), (resources, 4)):
        table = reports.get(department=department).get_latest_revision_as_object().requests_table
        assert table["total"][TOTAL_COLUMN] == table["total"][column] == 1
    assert "已生成草稿" in out.getvalue()
    # Run again: a new revision, no new page.
    call_command("draft_annual_report", "2025", "--department", housing.code, stdout=io.StringIO())
    assert AnnualReportPage.objects.filter(year=2025).count() == 3
