"""The Elasticsearch 8 backend without a server: index settings, mappings, documents and query
bodies (test_elasticsearch_live.py runs the same against a server when ELASTICSEARCH_URL is set)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db.models import F
from wagtail.models import Page

from portal.models import HomePage
from portal.search.elasticsearch8 import (
    ChineseElasticsearchMapping,
    ChineseElasticsearchSearchBackend,
    DatabaseFilteredResults,
)


@pytest.fixture
def backend():
    return ChineseElasticsearchSearchBackend(
        {"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_", "TIMEOUT": 5}
    )


def test_settings_switch_to_our_backend_when_elasticsearch_url_is_set():
    code = (
        "import json, portal.settings.base as s; "
        "print(json.dumps(s.WAGTAILSEARCH_BACKENDS['default']))"
    )
    env = {**os.environ, "ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_INDEX_PREFIX": "x_"}
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    config = json.loads(output.strip().splitlines()[-1])
    assert config["BACKEND"] == "portal.search.elasticsearch8"
    assert config["URLS"] == ["http://es:9200"] and config["INDEX_PREFIX"] == "x_"
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "portal.search.backend"


def test_index_settings_split_on_whitespace_only(backend):
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["lowercase"],
    }
    assert analysis["analyzer"]["edgengram_analyzer"]["tokenizer"] == "whitespace"
    assert analysis["filter"]["edgengram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 50}
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 49


def test_index_settings_from_the_configuration_are_merged():
    backend = ChineseElasticsearchSearchBackend(
        {
            "URLS": ["http://localhost:9200"],
            "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1}}},
        }
    )
    assert backend.settings["settings"]["index"] == {"max_ngram_diff": 49, "number_of_shards": 1}
    assert ChineseElasticsearchSearchBackend.settings["settings"]["index"] == {"max_ngram_diff": 49}


def test_the_autocomplete_mapping_is_searched_with_the_whitespace_analyzer():
    properties = ChineseElasticsearchMapping(HomePage).get_mapping()["properties"]
    expected = {"analyzer": "edgengram_analyzer", "search_analyzer": "portal_whitespace"}
    assert {k: properties["_edgengrams"][k] for k in expected} == expected
    autocomplete = [value for key, value in properties.items() if key.endswith("title_edgengrams")]
    assert autocomplete and all(
        value["search_analyzer"] == "portal_whitespace" for value in autocomplete
    )
    assert "analyzer" not in properties["title"]  # the index default: whitespace


@pytest.mark.django_db
def test_documents_carry_bigrams_and_title_pinyin(home):
    page = home.add_child(
        instance=HomePage(title="不动产登记", summary="办理抵押登记。", slug="realestate")
    )
    document = ChineseElasticsearchMapping(HomePage).get_document(page)
    assert document["title"].split()[:5] == ["不动", "动产", "产登", "登记", "记"]
    assert "pybdcdj" in document["title"].split()
    summary = next(value for key, value in document.items() if key.endswith("summary"))
    assert summary == "办理 理抵 抵押 押登 登记 记"
    assert "pybudongchandengji" in " ".join(document["_edgengrams"])


@pytest.mark.django_db
def test_wagtails_own_models_are_tokenised_too():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="县政府大楼", file=get_test_image_file())
    document = ChineseElasticsearchMapping(Image).get_document(image)
    assert document["title"].split()[:4] == ["县政", "政府", "府大", "大楼"]


@pytest.mark.django_db
def test_a_chinese_query_body_requires_every_bigram(backend):
    results = backend.search("不动产登记", Page.objects.live())
    query = results.query_compiler.get_query()
    inner = query["bool"]["must"]
    fields = [q["match"] for q in inner["dis_max"]["queries"]]
    assert {"_all_text": {"query": "不动 动产 产登 登记", "operator": "and"}} in fields
    boosted = next(f for f in fields if "_all_text_boost_2_0" in f)
    assert boosted["_all_text_boost_2_0"]["boost"] == 2.0
    assert {"term": {"live_filter": True}} in json.loads(json.dumps(query["bool"]["filter"]))


@pytest.mark.django_db
def test_phrase_prefix_pinyin_exclusion_and_synonym_bodies(backend):
    compile = lambda text: backend.search(text, Page).query_compiler.get_inner_query()  # noqa: E731
    phrase = compile('"教育引导"')["dis_max"]["queries"][0]
    assert phrase == {"match_phrase": {"_all_text": {"query": "教育 育引 引导"}}}
    single = compile("县")["dis_max"]["queries"][0]
    assert single == {"prefix": {"_all_text": {"value": "县"}}}
    pinyin = compile("bdc")["dis_max"]["queries"][0]["bool"]["should"]
    assert {"prefix": {"_all_text": {"value": "pybdc"}}} in pinyin
    excluded = compile("通知 -废止")["dis_max"]["queries"][0]["bool"]
    assert excluded["must_not"] == [{"match": {"_all_text": {"query": "废止", "operator": "and"}}}]
    synonyms = compile("医保")["dis_max"]["queries"][0]["bool"]["should"]
    assert {"match": {"_all_text": {"query": "医疗 疗保 保险", "operator": "and"}}} in synonyms


@pytest.mark.django_db
def test_autocomplete_body_uses_the_edge_ngrams(backend):
    results = backend.autocomplete("不动产登", Page)
    assert results.query_compiler.get_inner_query() == {
        "match": {"_edgengrams": {"query": "不动 动产 产登", "operator": "and"}}
    }


@pytest.mark.django_db
def test_querysets_elasticsearch_cannot_filter_are_filtered_by_the_database(
    backend, home, monkeypatch
):
    pages = [
        home.add_child(instance=HomePage(title=f"登记须知{n}", summary="", slug=f"n{n}"))
        for n in range(3)
    ]
    hits = [{"fields": {"pk": [str(page.pk)]}, "_score": 3.0 - n} for n, page in enumerate(pages)]
    calls = []

    def search(**kwargs):
        calls.append(kwargs)
        return {"hits": {"hits": hits}}

    monkeypatch.setattr(backend.es, "search", search)
    queryset = (
        Page.objects.annotate(double=F("depth") * 2).filter(double__gt=0).exclude(pk=pages[1].pk)
    )
    results = backend.search("登记", queryset)
    assert isinstance(results, DatabaseFilteredResults)
    assert [page.pk for page in results] == [pages[0].pk, pages[2].pk]
    assert results.count() == 2
    assert calls[0]["size"] == 10000 and calls[0]["_source"] is False
    matched = backend.filter_matches(Page.objects.all(), "登记")
    assert set(matched.values_list("pk", flat=True)) == {page.pk for page in pages}
