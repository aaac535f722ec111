"""Repairing pages that went live without an index number or publication date: the management
command and the data migration number them in first-publication order, from the same
sequence as new publications, dated the day each first went live."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page

from disclosure.factories import PolicyDocumentPageFactory, ServiceProcedurePageFactory
from disclosure.models import PolicyDocumentPage, ServiceProcedurePage
from disclosure.services import repair_index_numbers
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(db):
    return DepartmentFactory(code="11331003")


def went_live_unstamped(page, days_ago):
    """A page as the draft-publication bug left it: live since `days_ago`, with no stamp."""
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)
    type(page).objects.filter(pk=page.pk).update(index_number=None, date_published=None)
    return timezone.localdate(moment)


def test_command_numbers_in_first_publication_order_and_reports(catalogue, department):
    stamped = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    later = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    earlier = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    guide = ServiceProcedurePageFactory(parent=catalogue, issuing_department=department)
    earlier.unpublish()  # unpublished since: still repaired, so republishing keeps its date
    later_day = went_live_unstamped(later, days_ago=3)
    earlier_day = went_live_unstamped(earlier, days_ago=5)
    went_live_unstamped(guide, days_ago=4)
    draft = PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=department, published=False
    )
    number = stamped.index_number
    out = StringIO()
    call_command("repair_index_numbers", stdout=out)
    assert out.getvalue().rstrip().endswith("已修复 3 个页面。")
    pages = {p.pk: p for p in PolicyDocumentPage.objects.all()}
    # The sequence continues after the stamped page (000001 … 000003 already issued).
    assert pages[earlier.pk].index_number.endswith(f"-A-{earlier_day.year}-000004")
    assert pages[later.pk].index_number.endswith(f"-A-{later_day.year}-000005")
    assert pages[earlier.pk].date_published == earlier_day
    assert pages[later.pk].date_published == later_day
    assert ServiceProcedurePage.objects.get(pk=guide.pk).index_number.startswith("11331003-B-")
    assert pages[stamped.pk].index_number == number
    assert pages[draft.pk].index_number is None
    again = StringIO()
    call_command("repair_index_numbers", stdout=again)
    assert again.getvalue().strip() == "已修复 0 个页面。"


def test_repair_keeps_an_existing_number_and_only_adds_the_date(catalogue, department):
    page = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    PolicyDocumentPage.objects.filter(pk=page.pk).update(date_published=None)
    repaired = repair_index_numbers()
    assert [(r.pk, r.index_number) for r in repaired] == [(page.pk, page.index_number)]
    page.refresh_from_db()
    assert page.date_published == timezone.localdate(page.first_published_at)


def test_the_data_migration_repairs_with_historical_models(catalogue, department):
    page = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    went_live_unstamped(page, days_ago=1)
    state = MigrationExecutor(connection).loader.project_state(
        ("disclosure", "0004_repair_index_numbers")
    )
    repaired = repair_index_numbers(state.apps)
    assert [r.pk for r in repaired] == [page.pk]
    page.refresh_from_db()
    assert page.index_number.startswith("11331003-A-") and page.date_published
