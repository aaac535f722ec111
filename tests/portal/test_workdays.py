import datetime

import pytest

from portal import workdays
from portal.factories import CalendarDayFactory
from portal.workdays import (
    WorkingCalendar,
    YearSource,
    add_working_days,
    is_working_day,
    statutory_holidays,
    unconfirmed_years,
    working_days_between,
)

D = datetime.date

pytestmark = pytest.mark.django_db


def test_weekday_is_working_and_weekend_is_not():
    assert is_working_day(D(2026, 11, 26))  # Thursday
    assert not is_working_day(D(2026, 11, 28))  # Saturday


def test_spring_festival_2026_holidays_and_make_up_days():
    # 2026: 春节 off 02-15..02-23; Saturday 02-14 and 02-28 are make-up working days.
    assert is_working_day(D(2026, 2, 14))
    assert not is_working_day(D(2026, 2, 17))
    assert not is_working_day(D(2026, 2, 23))
    assert is_working_day(D(2026, 2, 28))


def test_deadline_across_spring_festival_2026_skips_the_holiday_and_counts_make_up_day():
    # Friday 02-13 + 1 working day is the make-up Saturday 02-14.
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)
    # Two working days from 02-13: 02-14, then the holiday runs to 02-23, so 02-24.
    assert add_working_days(D(2026, 2, 13), 2) == D(2026, 2, 24)


def test_national_day_2026_and_its_make_up_saturday():
    assert not is_working_day(D(2026, 10, 1))
    assert add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert is_working_day(D(2026, 10, 10))  # Saturday, make-up day
    assert add_working_days(D(2026, 10, 9), 1) == D(2026, 10, 10)


def test_zero_days_is_the_start_and_negative_counts_backwards():
    start = D(2026, 11, 26)
    assert add_working_days(start, 0) == start
    assert add_working_days(D(2026, 11, 30), -1) == D(2026, 11, 27)  # Monday back to Friday


def test_working_days_between_is_the_inverse_of_add():
    start = D(2026, 1, 20)
    for n in (1, 5, 15, 40):
        end = add_working_days(start, n)
        assert working_days_between(start, end) == n
        assert working_days_between(end, start) == -n
    assert working_days_between(start, start) == 0


def test_datetime_is_taken_in_beijing_time():
    # 2026-11-27 18:00 UTC is Saturday 02:00 in Beijing.
    moment = datetime.datetime(2026, 11, 27, 18, 0, tzinfo=datetime.UTC)
    assert not is_working_day(moment)


def test_statutory_holidays_2027_from_the_rules():
    days = statutory_holidays(2027)
    # 春节 2027: 除夕 02-05, 初一 02-06 to 初三 02-08.
    for day in (D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)):
        assert day in days
    assert days[D(2027, 1, 1)] == "元旦"
    assert days[D(2027, 4, 5)] == "清明节"
    assert D(2027, 5, 2) in days
    assert days[D(2027, 6, 9)] == "端午节"
    assert days[D(2027, 9, 15)] == "中秋节"
    assert D(2027, 10, 3) in days and D(2027, 10, 4) not in days
    assert len(days) == 13


def test_computed_rules_agree_with_official_2026_holidays():
    """Every statutory day the rules compute for 2026 is a holiday in the official calendar."""
    calendar = WorkingCalendar()
    for day in statutory_holidays(2026):
        assert not calendar.is_working_day(day), day


def test_2027_without_overrides_never_raises_and_uses_computed_holidays():
    calendar = WorkingCalendar()
    assert calendar.year_source(2027) == YearSource.COMPUTED
    assert not calendar.is_working_day(D(2027, 1, 1))  # Friday, 元旦
    assert calendar.is_working_day(D(2027, 1, 4))  # Monday
    assert not calendar.is_working_day(D(2027, 2, 8))  # Monday, 初三


def test_deadline_across_new_year_2027_without_overrides():
    # Thursday 2026-12-31 + 1 working day: 2027-01-01 is 元旦 (Friday), then the weekend.
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    # 15 working days from Monday 2026-12-28: Dec 29, 30, 31, then Jan 4–8, 11–15, 18–19.
    assert add_working_days(D(2026, 12, 28), 15) == D(2027, 1, 19)


def test_deadline_across_new_year_2027_with_overrides():
    # Editors enter 元旦 off and, as a hypothetical arrangement, Sunday 01-03 as a make-up day.
    CalendarDayFactory(date=D(2027, 1, 1), is_working_day=False, note="元旦")
    CalendarDayFactory(date=D(2027, 1, 3), is_working_day=True, note="元旦调休上班")
    assert WorkingCalendar().year_source(2027) == YearSource.OVERRIDE
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 3)


def test_deadline_across_spring_festival_2027_without_overrides():
    # Thursday 02-04 + 1: 02-05 (除夕, Friday) off, weekend, 02-08 (初三, Monday) off.
    assert add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 9)
    assert working_days_between(D(2027, 2, 4), D(2027, 2, 9)) == 1


def test_deadline_across_spring_festival_2027_with_overrides():
    # A published arrangement: 02-05..02-11 off, Sunday 01-31 and Saturday 02-20 worked.
    for day in range(5, 12):
        CalendarDayFactory(date=D(2027, 2, day), is_working_day=False, note="春节")
    CalendarDayFactory(date=D(2027, 1, 31), is_working_day=True, note="春节调休上班")
    CalendarDayFactory(date=D(2027, 2, 20), is_working_day=True, note="春节调休上班")
    assert is_working_day(D(2027, 1, 31))
    assert add_working_days(D(2027, 2, 4), 1) == D(2027, 2, 12)
    # From 02-12 (Friday): 02-15..02-19 are five, 02-20 (make-up Saturday) the sixth.
    assert add_working_days(D(2027, 2, 12), 6) == D(2027, 2, 20)


def test_override_beats_the_official_calendar():
    CalendarDayFactory(date=D(2026, 11, 26), is_working_day=False, note="临时调整")
    assert not is_working_day(D(2026, 11, 26))


def test_unconfirmed_years_lists_next_year_until_editors_fill_it_in():
    assert unconfirmed_years(D(2026, 11, 26)) == [2027]
    CalendarDayFactory(date=D(2027, 1, 1), is_working_day=False, note="元旦")
    assert unconfirmed_years(D(2026, 11, 26)) == []


def test_calendar_reads_each_years_overrides_once(django_assert_num_queries):
    with django_assert_num_queries(2):  # 2026 and 2027
        add_working_days(D(2026, 12, 1), 40)


def test_qingming_fallback_when_solar_terms_are_missing(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("no data")

    monkeypatch.setattr(workdays.chinese_calendar, "get_solar_terms", broken)
    assert workdays._qingming(2027) == D(2027, 4, 5)
    assert workdays._qingming(2025) == D(2025, 4, 4)
