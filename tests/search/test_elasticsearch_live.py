"""The Elasticsearch 8 backend against a real server: runs only when ELASTICSEARCH_URL is set
(e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest tests/search), skipped otherwise.
Indexes get a unique prefix and are deleted afterwards."""

import os
import uuid

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.models import HomePage

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.skipif(not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set"),
    pytest.mark.django_db,
]


@pytest.fixture
def backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.search.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"portal_test_{uuid.uuid4().hex[:8]}_",
            "TIMEOUT": 30,
        }
    }
    backend = get_search_backend()
    yield backend
    for index in backend.all_indexes():
        names = [i.name for i in index.aliased_indices()] if index.is_alias() else [index.name]
        for name in names:
            backend.es.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def pages(backend, home):
    for slug, title, summary in [
        ("education", "关于进一步加强教育引导工作的通知", "各学校要加强家校协同。"),
        ("realestate", "不动产登记办事指南", "办理不动产首次登记和抵押登记。"),
        ("licence", "营业执照办理", "个体工商户设立登记。"),
        ("noise", "动产抵押说明", "不记名的产品登录。"),
    ]:
        home.add_child(instance=HomePage(title=title, summary=summary, slug=slug))
    call_command("update_index", verbosity=0)
    backend.refresh_indexes()


def titles(query, **kwargs):
    return [page.title for page in Page.objects.live().search(query, **kwargs)]


def test_a_word_inside_a_phrase_is_found(pages):
    assert titles("育引") == ["关于进一步加强教育引导工作的通知"]


def test_every_bigram_must_match_not_any_character(pages):
    assert titles("不动产登记") == ["不动产登记办事指南"]


def test_phrases_single_characters_and_pinyin(pages):
    assert titles('"教育引导"') == ["关于进一步加强教育引导工作的通知"]
    assert "不动产登记办事指南" in titles("登")
    assert titles("bdc") == ["不动产登记办事指南"]
    assert titles("yingyezhizhao") == ["营业执照办理"]


def test_synonyms_and_exclusion(pages):
    assert "营业执照办理" in titles("个体工商户登记")
    assert titles("抵押 -动产抵押") == ["不动产登记办事指南"]


def test_autocomplete_prefixes_and_pinyin(pages):
    assert [p.title for p in Page.objects.live().autocomplete("不动产登")] == ["不动产登记办事指南"]
    assert [p.title for p in Page.objects.live().autocomplete("yingye")] == ["营业执照办理"]


def test_the_search_page_works_on_elasticsearch(client, pages):
    response = client.get("/search/", {"q": "不动产 抵押"})
    assert response.status_code == 200
    assert [hit.page.title for hit in response.context["outcome"].hits] == ["不动产登记办事指南"]
