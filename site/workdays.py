"""Mainland China's working-day calendar: weekends and public holidays off, make-up days on.

Three sources, most authoritative first:
1. `CalendarDay` overrides that editors enter when the State Council publishes a year's
   arrangement;
2. the `chinese_calendar` package, for the years it knows (it raises for later years);
3. the statutory public holidays computed from the holiday rules themselves, plus weekends,
   without make-up days. This never raises, so a citizen's request never fails on a new year.

`add_working_days(start, n)` is a deadline of n working days: the n-th working day after
`start`, `start` itself not counted. `working_days_between(a, b)` is its inverse.
"""

import datetime
import enum
import functools
import logging

import chinese_calendar
from django.utils import timezone
from lunardate import LunarDate

logger = logging.getLogger(__name__)

# A generous bound: a deadline never spans more than this many calendar days.
MAX_SCAN_DAYS = 3660


class YearSource(enum.StrEnum):
    OVERRIDE = "override"
    OFFICIAL = "official"
    COMPUTED = "computed"


def _as_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


@functools.cache
def official_calendar_knows(year):
    """Whether the packaged calendar has the State Council's arrangement for `year`."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _qingming(year):
    try:
        terms = chinese_calendar.get_solar_terms(
            datetime.date(year, 4, 1), datetime.date(year, 4, 10)
        )
        for day, name in terms:
            if name == "清明":
                return day
    except Exception:  # the term tables end somewhere; fall back to the usual date
        logger.warning("No solar-term data for %s; assuming 清明 on 4 April", year)
    return datetime.date(year, 4, 5 if year % 4 in (2, 3) else 4)


def _lunar(year, month, day):
    return LunarDate(year, month, day).to_solar_date()


@functools.cache
def statutory_holidays(year):
    """The public holidays that the national holiday rules (as revised from 2025) fix for `year`:
    元旦 1 day, 春节 4 days (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3."""
    days = {}
    days[datetime.date(year, 1, 1)] = "元旦"
    try:
        new_year = _lunar(year, 1, 1)
        for offset, name in ((-1, "除夕"), (0, "春节"), (1, "春节"), (2, "春节")):
            days[new_year + datetime.timedelta(days=offset)] = name
        days[_lunar(year, 5, 5)] = "端午节"
        days[_lunar(year, 8, 15)] = "中秋节"
    except (ValueError, IndexError):
        # lunardate covers 1900–2099; outside it only the solar-calendar holidays are known.
        logger.warning("No lunar calendar for %s; lunar holidays not applied", year)
    days[_qingming(year)] = "清明节"
    for day in (1, 2):
        days[datetime.date(year, 5, day)] = "劳动节"
    for day in (1, 2, 3):
        days[datetime.date(year, 10, day)] = "国庆节"
    return days


class WorkingCalendar:
    """Answers working-day questions, reading each year's overrides from the database once."""

    def __init__(self):
        self._overrides = {}

    def overrides(self, year):
        if year not in self._overrides:
            from .models import CalendarDay

            self._overrides[year] = dict(
                CalendarDay.objects.in_year(year).values_list("date", "is_working_day")
            )
        return self._overrides[year]

    def year_source(self, year):
        if self.overrides(year):
            return YearSource.OVERRIDE
        if official_calendar_knows(year):
            return YearSource.OFFICIAL
        return YearSource.COMPUTED

    def is_working_day(self, day):
        day = _as_date(day)
        override = self.overrides(day.year).get(day)
        if override is not None:
            return override
        if official_calendar_knows(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5 and day not in statutory_holidays(day.year)

    def add_working_days(self, start, n):
        start = _as_date(start)
        step = 1 if n >= 0 else -1
        remaining, day = abs(n), start
        for _ in range(MAX_SCAN_DAYS):
            if not remaining:
                return day
            day += datetime.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        raise ValueError(f"{n} working days from {start} exceed the calendar's range")

    def working_days_between(self, a, b):
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count


def is_working_day(day):
    """Whether `day` (a date, or a datetime taken in Beijing time) is a working day."""
    return WorkingCalendar().is_working_day(day)


def add_working_days(start, n):
    """The n-th working day after `start` (start not counted); n < 0 counts backwards."""
    return WorkingCalendar().add_working_days(start, n)


def working_days_between(a, b):
    """Working days after `a` up to and including `b`; negative when `b` is before `a`."""
    return WorkingCalendar().working_days_between(a, b)


def unconfirmed_years(today=None):
    """This year and next, where neither editors nor the packaged calendar give the official
    arrangement: deadlines there are computed from the statutory holidays alone."""
    today = _as_date(today or timezone.localdate())
    calendar = WorkingCalendar()
    return [
        year
        for year in (today.year, today.year + 1)
        if calendar.year_source(year) == YearSource.COMPUTED
    ]
