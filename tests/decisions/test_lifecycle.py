"""The derived lifecycle status at every boundary, in Python and in SQL, and the period rules."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from decisions.factories import (
    CollectiveDecisionFactory,
    DecisionStepFactory,
    MajorDecisionPageFactory,
    TrackingUpdateFactory,
)
from decisions.models import (
    DecisionOutcome,
    DecisionStatus,
    DecisionStep,
    MajorDecisionPage,
    StepKind,
    TrackingStatus,
    TrackingUpdate,
)

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
OPENS = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
CLOSES = OPENS + datetime.timedelta(days=30)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def fixed(section, department):
    """A notice consulted from 2026-03-02 09:00 to 2026-04-01 09:00, Beijing time."""
    return MajorDecisionPageFactory(
        parent=section, issuing_department=department, opens_at=OPENS, closes_at=CLOSES
    )


def sql_status(page, now):
    return MajorDecisionPage.objects.with_status(now).get(pk=page.pk).lifecycle_status


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - SECOND, DecisionStatus.UPCOMING),
        (OPENS, DecisionStatus.OPEN),
        (CLOSES - SECOND, DecisionStatus.OPEN),
        (CLOSES, DecisionStatus.CLOSED),
        (CLOSES + SECOND, DecisionStatus.CLOSED),
    ],
    ids=["open-1s", "open", "close-1s", "close", "close+1s"],
)
def test_consultation_boundaries_in_python_and_sql(fixed, now, expected):
    assert fixed.status(now) == expected
    assert sql_status(fixed, now) == expected
    assert fixed.is_open_for_comment(now) == (expected == DecisionStatus.OPEN)
    open_ids = set(MajorDecisionPage.objects.open_for_comment(now).values_list("pk", flat=True))
    assert (fixed.pk in open_ids) == (expected == DecisionStatus.OPEN)


def test_boundaries_follow_beijing_time_not_utc(fixed):
    # 2026-03-02 01:00 UTC is 09:00 in Beijing: the moment the period opens.
    utc_moment = datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC)
    assert fixed.status(utc_moment) == DecisionStatus.OPEN
    assert fixed.status(utc_moment - SECOND) == DecisionStatus.UPCOMING


def _at(day, hour=12):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI)


def test_later_stages_follow_their_dated_records(fixed):
    decided_on = datetime.date(2026, 4, 20)
    CollectiveDecisionFactory(page=fixed, date=decided_on)
    DecisionStepFactory(
        page=fixed,
        kind=StepKind.COLLECTIVE_DECISION,
        date=datetime.date(2026, 4, 10),
        outcome=DecisionOutcome.DEFERRED,
    )
    # Stored directly: these records are dated relative to the frozen clocks below, not today.
    MajorDecisionPage.objects.filter(pk=fixed.pk).update(
        effective_date=datetime.date(2026, 6, 1),
        evaluation_date=datetime.date(2027, 6, 1),
        evaluation_text="<p>实施效果良好。</p>",
    )
    TrackingUpdateFactory(page=fixed, date=datetime.date(2026, 5, 15))
    fixed = MajorDecisionPage.objects.get(pk=fixed.pk)
    expectations = [
        (_at(datetime.date(2026, 4, 10)), DecisionStatus.CLOSED),  # deferred is no decision
        (_at(decided_on, 0), DecisionStatus.DECIDED),
        (_at(datetime.date(2026, 5, 14)), DecisionStatus.DECIDED),
        (_at(datetime.date(2026, 5, 15), 0), DecisionStatus.IMPLEMENTING),
        (_at(datetime.date(2027, 5, 31)), DecisionStatus.IMPLEMENTING),
        (_at(datetime.date(2027, 6, 1), 0), DecisionStatus.EVALUATED),
    ]
    for now, expected in expectations:
        assert fixed.status(now) == expected, now
        assert sql_status(fixed, now) == expected, now


def test_effective_date_alone_starts_implementation(fixed):
    CollectiveDecisionFactory(page=fixed, date=datetime.date(2026, 4, 20))
    MajorDecisionPage.objects.filter(pk=fixed.pk).update(effective_date=datetime.date(2026, 5, 1))
    fixed = MajorDecisionPage.objects.get(pk=fixed.pk)
    for now, expected in [
        (_at(datetime.date(2026, 4, 30), 23), DecisionStatus.DECIDED),
        (_at(datetime.date(2026, 5, 1), 0), DecisionStatus.IMPLEMENTING),
    ]:
        assert fixed.status(now) == expected
        assert sql_status(fixed, now) == expected


def test_termination_wins_and_the_indicator_shows_the_stages_reached(fixed):
    MajorDecisionPage.objects.filter(pk=fixed.pk).update(
        terminated_on=datetime.date(2026, 3, 20),
        termination_reason="上级政策调整，本事项不再推进。",
    )
    fixed = MajorDecisionPage.objects.get(pk=fixed.pk)
    before = _at(datetime.date(2026, 3, 19), 23)
    after = _at(datetime.date(2026, 3, 20), 0)
    assert fixed.status(before) == sql_status(fixed, before) == DecisionStatus.OPEN
    assert fixed.status(after) == sql_status(fixed, after) == DecisionStatus.TERMINATED
    assert not fixed.is_open_for_comment(after)
    assert fixed.consultation_ended(after)
    steps = fixed.lifecycle_steps(after)
    assert [(s["value"], s["state"]) for s in steps] == [
        ("upcoming", "done"),
        ("open", "done"),
        ("terminated", "current"),
    ]
    assert steps[-1]["date"] == datetime.date(2026, 3, 20)


def test_step_indicator_marks_done_current_and_todo(fixed):
    steps = fixed.lifecycle_steps(CLOSES)
    assert [s["state"] for s in steps] == ["done", "done", "current", "todo", "todo", "todo"]
    assert [str(s["label"]) for s in steps][:3] == ["即将征求意见", "征求意见中", "意见征集结束"]
    assert steps[1]["date"] == timezone.localtime(OPENS)


def test_status_label_is_never_stored(fixed):
    field_names = {field.name for field in MajorDecisionPage._meta.get_fields()}
    assert "status" not in field_names and "lifecycle_status" not in field_names


# -- the consultation period --------------------------------------------------------------------


def _clean(page):
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_thirty_days_are_enough_without_a_reason(fixed):
    fixed.closes_at = fixed.opens_at + datetime.timedelta(days=30)
    fixed.clean()
    assert not fixed.is_short_period


def test_a_second_short_of_thirty_days_needs_the_urgency_reason(fixed):
    fixed.closes_at = fixed.opens_at + datetime.timedelta(days=30) - SECOND
    errors = _clean(fixed)
    assert "不少于 30 日" in errors["urgency_reason"][0]
    assert "29 日" in errors["urgency_reason"][0]
    fixed.urgency_reason = "汛期临近，防汛设施建设须在 5 月底前启动。"
    fixed.clean()
    assert fixed.is_short_period


def test_period_must_end_after_it_starts_and_have_both_ends(fixed):
    fixed.closes_at = fixed.opens_at
    assert "晚于开始时间" in _clean(fixed)["closes_at"][0]
    fixed.closes_at = None
    assert "同时填写" in _clean(fixed)["closes_at"][0]
    fixed.closes_at, fixed.opens_at = CLOSES, None
    assert "同时填写" in _clean(fixed)["opens_at"][0]


def test_short_period_reason_is_shown_on_the_page(client, section, department):
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        closes_at=timezone.now() + datetime.timedelta(days=5),
        urgency_reason="汛期临近，防汛设施建设须在 5 月底前启动。",
    )
    html = client.get(page.url).content.decode()
    assert "紧急情况说明" in html
    assert "汛期临近" in html
    assert "少于 30 日" in html


def test_termination_needs_date_and_reason_and_no_future_date(fixed):
    fixed.terminated_on = timezone.localdate()
    assert "终止原因" in _clean(fixed)["termination_reason"][0]
    fixed.termination_reason = "不再推进。"
    fixed.terminated_on = timezone.localdate() + datetime.timedelta(days=1)
    assert "不能晚于今天" in _clean(fixed)["terminated_on"][0]


def test_evaluation_needs_its_conclusion(fixed):
    fixed.evaluation_date = timezone.localdate()
    assert "评估结论" in _clean(fixed)["evaluation_text"][0]


# -- records --------------------------------------------------------------------------------------


def test_collective_decision_needs_an_outcome_and_only_it_has_one(fixed):
    step = DecisionStep(page=fixed, kind=StepKind.COLLECTIVE_DECISION, date=timezone.localdate())
    with pytest.raises(ValidationError, match="决定结论"):
        step.clean()
    step = DecisionStep(
        page=fixed, kind=StepKind.EXPERT_REVIEW, date=timezone.localdate(), outcome="adopted"
    )
    with pytest.raises(ValidationError, match="只有集体讨论决定"):
        step.clean()


def test_only_a_hearing_may_be_announced_ahead_with_how_to_take_part(fixed):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="只有听证会"):
        DecisionStep(page=fixed, kind=StepKind.RISK_ASSESSMENT, date=tomorrow).clean()
    hearing = DecisionStep(page=fixed, kind=StepKind.HEARING, date=tomorrow)
    with pytest.raises(ValidationError, match="参加方式"):
        hearing.clean()
    hearing.how_to_participate = "电话报名 0571-86010002。"
    hearing.clean()
    assert hearing.is_planned


def test_completed_tracking_update_is_at_one_hundred_percent(fixed, department):
    update = TrackingUpdate(
        page=fixed,
        date=timezone.localdate(),
        responsible_unit=department,
        progress=90,
        status=TrackingStatus.COMPLETED,
        text="完成。",
    )
    with pytest.raises(ValidationError, match="100%"):
        update.clean()


def test_record_rules_across_the_page(fixed, department):
    decision = DecisionStep(
        kind=StepKind.COLLECTIVE_DECISION, date=datetime.date(2026, 3, 31), outcome="adopted"
    )
    update = TrackingUpdate(date=datetime.date(2026, 3, 30), responsible_unit=department)
    fixed.effective_date = datetime.date(2026, 3, 1)
    page_errors, row_errors = fixed.record_errors(
        [decision], [update], now=CLOSES + datetime.timedelta(days=60)
    )
    assert (decision, "date") in [(row, field) for row, field, _m in row_errors]
    assert (update, "date") in [(row, field) for row, field, _m in row_errors]
    assert "不能早于决策日期" in str(page_errors["effective_date"][0])
    decision.date = datetime.date(2026, 4, 2)
    update.date = datetime.date(2026, 4, 3)
    fixed.effective_date = datetime.date(2026, 4, 5)
    assert fixed.record_errors([decision], [update], now=CLOSES + datetime.timedelta(days=60)) == (
        {},
        [],
    )
    # While comments are still taken, no decision may be recorded, whatever its date.
    _page, rows = fixed.record_errors([decision], [], now=CLOSES - SECOND)
    assert rows and rows[0][0] is decision
