"""Every search example the search page or the README prints finds what it promises, on the demo
content (bootstrap_site + load_demo) in the live index."""

import io
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from portal.search.highlight import page_text
from portal.search.selectors import search_examples, search_pages
from portal.search.synonyms import expand, load_synonyms
from portal.search.tokenizer import index_tokens

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
EXAMPLE_LINK = re.compile(r'<a class="search-example" href="\?q=([^"]+)" data-finds="([^"]+)">')
# In the README: `query` → what it finds (a word of the page found, or the suggestion offered);
# `text` → `tokens` (how text is indexed) or `query` → `synonym variant`.
README_EXAMPLE = re.compile(r"`([^`]+)` → ([^\s`，。；：、（）(),.;:]+)")
README_REWRITE = re.compile(r"`([^`]+)` → `([^`]+)`")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """bootstrap_site and load_demo once for the module, rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("bootstrap_site", stdout=io.StringIO())
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def shows(outcome, word):
    """Whether a search outcome shows `word` (or a synonym of it): in the suggestion, or in the
    title or text of one of its first three results."""
    words = {word, *load_synonyms().get(word.lower(), ())}
    if outcome.suggestion and any(w in outcome.suggestion for w in words):
        return True
    for hit in outcome.hits[:3]:
        page = hit.page
        text = " ".join([page.title, page_text(page), getattr(page, "keywords", "") or ""])
        if any(w in text for w in words):
            return True
    return False


def readme_section():
    text = README.read_text(encoding="utf-8")
    return text.split("## Search (站内搜索)", 1)[1].split("\n## ", 1)[0]


def test_the_page_prints_examples_taken_from_the_live_index(client, demo, fresh_cache):
    html = client.get("/search/", {"q": "没有这种东西呀"}).content.decode()
    assert "没有找到相关内容" in html
    links = EXAMPLE_LINK.findall(html)
    examples = search_examples()
    # The pinyin, the initials, the phrase (help text), the initials again (no-results hint)
    # and the common names.
    assert len(links) == 4 + len(examples.common_names)
    assert examples.common_names
    assert f"如：{examples.word}、{examples.initials}" in html  # the search box's placeholder
    for query, word in links:
        response = client.get(f"/search/?q={query}")
        outcome = response.context["outcome"]
        assert outcome.total, query
        assert shows(outcome, word), (query, word)


def test_every_example_of_the_readme_finds_what_it_promises(demo):
    examples = README_EXAMPLE.findall(readme_section())
    assert len(examples) >= 6
    for query, word in examples:
        assert shows(search_pages(text=query), word), (query, word)


def test_every_rewrite_the_readme_shows_is_what_the_code_does(demo):
    rewrites = README_REWRITE.findall(readme_section())
    assert len(rewrites) >= 2
    for text, result in rewrites:
        if " " in result:  # how text is indexed
            assert index_tokens(text)[: len(result.split())] == result.split(), text
        else:  # a query expanded with the synonyms
            assert result in expand(text, load_synonyms()), text
