"""Search quality: recall@3 of the labelled queries over the county corpus, on the database the
suite runs on (SQLite, or PostgreSQL with DATABASE_URL). Printed in the test report when
PORTAL_REPORT_SEARCH_QUALITY=1."""

from django.db import connection

from portal.search.selectors import search_pages

from .conftest import QUALITY_RESULTS
from .corpus import QUERIES

MIN_RECALL = 0.95
# Queries typed by sound: pinyin, initials and homophone typos.
SOUND_CATEGORIES = {"pinyin", "initials", "homophone typo"}


def top_three(text):
    """The first three results a person reaches: the results, or one click on 您是不是要找."""
    outcome = search_pages(text=text)
    found = [hit.page.pk for hit in outcome.hits[:3]]
    if outcome.suggestion:
        found += [hit.page.pk for hit in search_pages(text=outcome.suggestion).hits[:3]]
    return found


def test_labelled_queries_find_their_page_in_the_top_three(corpus):
    missed = [
        f"{text} ({category})"
        for text, key, category in QUERIES
        if corpus[key].pk not in top_three(text)
    ]
    recall = 1 - len(missed) / len(QUERIES)
    QUALITY_RESULTS.append((connection.vendor, recall, len(QUERIES), missed))
    assert len(QUERIES) >= 80
    assert sum(category in SOUND_CATEGORIES for _, _, category in QUERIES) >= 20
    assert recall >= MIN_RECALL, missed


def test_the_set_covers_every_kind_of_query():
    categories = {category for _, _, category in QUERIES}
    assert categories == {
        "2 characters",
        "3-5 characters",
        "crossing words",
        "several words",
        "phrase",
        "pinyin",
        "initials",
        "homophone typo",
        "abbreviation",
        "single character",
    }


def test_a_page_that_does_not_match_counts_as_a_miss(corpus):
    assert corpus["bridge"].pk not in top_three("疫苗")
    assert corpus["vaccine"].pk in top_three("疫苗")
