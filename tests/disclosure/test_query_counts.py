"""Queries per page do not grow with the number of items listed (10 vs 100)."""

import datetime

import pytest

from disclosure.factories import (
    BulletinIndexPageFactory,
    FeeItemFactory,
    FeeSchedulePageFactory,
    MonthlyBulletinPageFactory,
    PolicyDocumentPageFactory,
)
from portal.factories import DepartmentFactory
from tests.utils import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(db):
    return DepartmentFactory(name="示例县财政局", code="11331005")


def test_catalogue_queries_do_not_grow_with_documents(client, catalogue, department):
    PolicyDocumentPageFactory.create_batch(10, parent=catalogue, issuing_department=department)
    at_10 = queries_for(client, catalogue.url)
    PolicyDocumentPageFactory.create_batch(90, parent=catalogue, issuing_department=department)
    assert queries_for(client, catalogue.url) == at_10


def test_catalogue_exports_queries_do_not_grow(client, catalogue, department):
    PolicyDocumentPageFactory.create_batch(10, parent=catalogue, issuing_department=department)
    counts = {fmt: queries_for(client, catalogue.url, format=fmt) for fmt in ("csv", "json")}
    PolicyDocumentPageFactory.create_batch(90, parent=catalogue, issuing_department=department)
    assert {fmt: queries_for(client, catalogue.url, format=fmt) for fmt in counts} == counts


def test_fee_schedule_queries_do_not_grow_with_items(client, catalogue, department):
    schedule = FeeSchedulePageFactory(parent=catalogue, issuing_department=department)
    for _ in range(10 - schedule.items.count()):
        FeeItemFactory(page=schedule, charging_department=department)
    schedule.save_revision().publish()
    assert schedule.items.count() == 10
    at_10 = queries_for(client, schedule.url)
    for _ in range(90):
        FeeItemFactory(page=schedule, charging_department=department)
    schedule.save_revision().publish()
    assert schedule.items.count() == 100
    assert queries_for(client, schedule.url) == at_10


def test_bulletin_index_queries_do_not_grow_with_bulletins(client, home, department):
    index = BulletinIndexPageFactory(parent=home)
    first = datetime.date(2010, 1, 1)

    def months(start, count):
        for offset in range(start, start + count):
            yield datetime.date(first.year + offset // 12, offset % 12 + 1, 1)

    for month in months(0, 10):
        MonthlyBulletinPageFactory(parent=index, month=month, issuing_department=department)
    at_10 = queries_for(client, index.url)
    for month in months(10, 90):
        MonthlyBulletinPageFactory(parent=index, month=month, issuing_department=department)
    assert queries_for(client, index.url) == at_10
