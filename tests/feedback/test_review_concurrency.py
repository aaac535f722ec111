"""PostgreSQL: views recorded at the same moment on one session get distinct consecutive
numbers; cases opened at the same moment get distinct numbers. (The services act as the
system here: a transactional test's flush removes the groups the data migrations made.)"""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from feedback import services
from feedback.factories import inspection_finding, symposium_view
from feedback.models import AccountabilityCase, SymposiumView
from tests.utils import make_home

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def home(db):
    """The page tree, rebuilt when an earlier transactional test flushed the migrations' root
    page and locale."""
    if Page.get_first_root_node() is None:
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        locale, _created = Locale.objects.get_or_create(language_code=language)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return make_home()


def at_once(count, work):
    results = []
    barrier = threading.Barrier(count)

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # collected and asserted on below
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_views_recorded_at_once_are_numbered_one_after_another(session):
    results = at_once(8, lambda: symposium_view(session))
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = sorted(SymposiumView.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 9))


def test_cases_opened_at_once_get_distinct_numbers(market):
    finding = inspection_finding(market)
    finding = services.finding_refer(finding=finding, actor=None, reason="转审。")
    results = at_once(
        4,
        lambda: services.case_open(
            actor=None,
            department=market,
            post_level="general",
            ground="inaction",
            allegation="同时立案。",
            findings=[finding],
        ),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = list(AccountabilityCase.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 4
