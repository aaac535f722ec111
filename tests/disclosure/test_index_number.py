import re
import threading

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from disclosure.factories import (
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import IndexNumberSequence, PolicyDocumentPage
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_first_publication_assigns_index_number_and_date(catalogue):
    department = DepartmentFactory(code="11331003")
    page = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    year = timezone.localdate().year
    assert page.index_number == f"11331003-A-{year}-000001"
    assert page.date_published == timezone.localdate()
    second = ServiceProcedurePageFactory(parent=catalogue, issuing_department=department)
    assert second.index_number == f"11331003-B-{year}-000001"
    third = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    assert third.index_number.endswith("-000002")


def test_index_number_and_date_never_change_on_later_publications(catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue)
    number, published = page.index_number, page.date_published
    # An editor's later revision starts from older content without the stamp.
    draft = page.get_latest_revision_as_object()
    draft.title = "修改后的标题"
    draft.index_number = None
    draft.date_published = None
    draft.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "修改后的标题"
    assert (page.index_number, page.date_published) == (number, published)


def test_republishing_after_unpublish_keeps_the_number(catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue)
    number = page.index_number
    page.unpublish()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.index_number == number
    assert IndexNumberSequence.objects.get().last_value == 1


def test_numbers_are_never_reused_after_deletion(catalogue):
    department = DepartmentFactory()
    first = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    first.delete()
    second = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    assert second.index_number.endswith("-000002")


def test_a_copy_gets_its_own_number(catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue, document_number="")
    copy = page.copy(update_attrs={"slug": "copy", "title": "副本"})
    assert copy.index_number is None and copy.date_published is None
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.index_number and copy.index_number != page.index_number


def test_scheduled_page_is_stamped_when_it_goes_live(catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page.go_live_at = timezone.now() + timezone.timedelta(days=2)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and page.index_number is None
    page.go_live_at = None
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and re.fullmatch(r"\d+-A-\d{4}-\d{6}", page.index_number)


def test_date_published_is_not_editable_in_the_admin():
    field = PolicyDocumentPage._meta.get_field("date_published")
    assert not field.editable
    assert not PolicyDocumentPage._meta.get_field("index_number").editable


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publications_get_distinct_numbers(home):
    from disclosure.factories import DisclosureIndexPageFactory

    catalogue = DisclosureIndexPageFactory(parent=home)
    department = DepartmentFactory()
    pages = [
        PolicyDocumentPageFactory(parent=catalogue, issuing_department=department, published=False)
        for _ in range(8)
    ]
    barrier = threading.Barrier(len(pages))
    errors = []

    def publish(page_id):
        try:
            page = PolicyDocumentPage.objects.get(pk=page_id)
            revision = page.save_revision()
            barrier.wait(timeout=10)
            revision.publish()
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=publish, args=(page.pk,)) for page in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(
        PolicyDocumentPage.objects.filter(pk__in=[p.pk for p in pages]).values_list(
            "index_number", flat=True
        )
    )
    assert len(set(numbers)) == 8 and all(numbers)
    assert sorted(int(n[-6:]) for n in numbers) == list(range(1, 9))
