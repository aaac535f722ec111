"""Fixtures of the search tests, and the search-quality line of the test report."""

import os

import pytest

# (database vendor, recall@3, queries, missed queries), filled by test_quality.py.
QUALITY_RESULTS = []


def pytest_terminal_summary(terminalreporter):
    # Tests print nothing by default; PORTAL_REPORT_SEARCH_QUALITY=1 asks for the figure.
    if not os.environ.get("PORTAL_REPORT_SEARCH_QUALITY"):
        return
    for vendor, recall, total, missed in QUALITY_RESULTS:
        line = f"search quality on {vendor}: recall@3 = {recall:.3f} over {total} labelled queries"
        if missed:
            line += "; missed: " + ", ".join(missed)
        terminalreporter.write_line(line)


@pytest.fixture
def corpus(home):
    """The county corpus of tests/search/corpus.py, published and indexed: {key: page}."""
    from .corpus import build_corpus

    return build_corpus(home)
