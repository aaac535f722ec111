"""Fixtures for the disclosure-request tests: departments, handlers, the county disclosure
office, the request page with its guide, and the annual-report section."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from disclosure_requests.factories import (
    AnnualReportIndexPageFactory,
    DisclosureGuidePageFactory,
    DisclosureRequestFactory,
    DisclosureRequestIndexPageFactory,
    disclosure_office,
    request_handler,
)
from portal.factories import DepartmentFactory


def at(day, hour=10):
    """A moment on `day` in Beijing time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def housing(db):
    return DepartmentFactory(name="示例县住房和城乡建设局", short_name="县住建局", code="11331020")


@pytest.fixture
def resources(db):
    return DepartmentFactory(name="示例县自然资源局", short_name="县自然资源局", code="11331021")


@pytest.fixture
def housing_handler(housing):
    return request_handler(housing, email="housing@example.gov.cn")


@pytest.fixture
def resources_handler(resources):
    return request_handler(resources, email="resources@example.gov.cn")


@pytest.fixture
def office(db):
    return disclosure_office(email="gkb@example.gov.cn")


@pytest.fixture
def make_request(housing):
    def make(day=datetime.date(2026, 3, 2), **values):
        values.setdefault("department", housing)
        return DisclosureRequestFactory(now=at(day), **values)

    return make


@pytest.fixture
def request_page(home):
    page = DisclosureRequestIndexPageFactory(parent=home)
    page.save_revision().publish()
    guide = DisclosureGuidePageFactory(parent=page)
    guide.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def report_index(home):
    page = AnnualReportIndexPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
