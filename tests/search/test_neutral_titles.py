"""Pinyin, initials and typo suggestions on pages whose titles say nothing: the term is only in
the keywords, a spaced title or the body text, searched through the public search page."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from disclosure.factories import (
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
)
from portal.models import SearchSynonym, SearchWord
from portal.search.fields import ChineseSearchField

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def neutral(home):
    catalogue = DisclosureIndexPageFactory(parent=home)
    return {
        # 营业执照 only in the keywords.
        "keywords": PolicyDocumentPageFactory(
            parent=catalogue,
            title="第一号办事须知",
            slug="first",
            keywords="个体工商户, 营业执照",
            body="<p>申请人按要求提交材料。</p>",
        ),
        # A title with a space in it.
        "spaced": PolicyDocumentPageFactory(
            parent=catalogue,
            title="不动产 转移登记",
            slug="spaced",
            body="<p>买卖、赠与、继承的房屋办理过户。</p>",
        ),
        # 社会保障卡 only in the body; 社保卡 is its common name (a synonym).
        "alias": PolicyDocumentPageFactory(
            parent=catalogue,
            title="第三号办事须知",
            slug="third",
            body="<p>参保人员申领第三代社会保障卡。</p>",
        ),
        # Procedures whose body text (the location of every procedure) says 受理.
        "procedure": ServiceProcedurePageFactory(
            parent=catalogue, title="第四号办事须知", slug="fourth"
        ),
        "other_procedure": ServiceProcedurePageFactory(
            parent=catalogue, title="第五号办事须知", slug="fifth"
        ),
    }


def search(client, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    return response


def found(response):
    return {hit.page.pk for hit in response.context["outcome"].hits}


@pytest.mark.parametrize("text", ["yyzz", "yingyezhizhao", "gtgsh", "getigongshanghu"])
def test_pinyin_and_initials_find_a_term_of_the_keywords(client, neutral, text):
    assert found(search(client, text)) == {neutral["keywords"].pk}


@pytest.mark.parametrize(
    "text", ["bdczydj", "budongchanzhuanyidengji", "chanzhuanyi", "czy", "bdczy"]
)
def test_pinyin_and_initials_run_across_the_space_in_a_title(client, neutral, text):
    response = search(client, text)
    assert found(response) == {neutral["spaced"].pk}
    assert "<mark>" in response.context["outcome"].hits[0].title


def test_a_spaced_title_is_marked_across_its_space(client, neutral):
    response = search(client, "bdczydj")
    assert response.context["outcome"].hits[0].title == "<mark>不动产 转移登记</mark>"


@pytest.mark.parametrize("text", ["sbk", "shebaoka"])
def test_the_pinyin_of_a_common_name_finds_what_it_stands_for(client, neutral, text):
    SearchSynonym.objects.create(terms="社保卡，社会保障卡")
    response = search(client, text)
    assert found(response) == {neutral["alias"].pk}
    assert "社会保障卡" in response.context["outcome"].expanded_terms


def test_a_typo_of_a_word_only_the_body_text_uses_is_corrected(client, neutral):
    response = search(client, "授理窗口")
    outcome = response.context["outcome"]
    assert outcome.total == 0
    assert outcome.suggestion == "受理窗口"
    assert "您是不是要找" in response.content.decode()
    assert found(search(client, outcome.suggestion)) == {
        neutral["procedure"].pk,
        neutral["other_procedure"].pk,
    }


def test_body_words_are_counted_per_page(neutral):
    assert SearchWord.objects.get(word="受理").frequency >= 2
    assert SearchWord.objects.get(word="营业执照").frequency == 1


def test_short_fields_a_citizen_knows_a_thing_by_carry_pinyin():
    for name in ("title", "keywords", "name", "short_name", "subject", "theme"):
        assert ChineseSearchField(name).pinyin, name
    assert not ChineseSearchField("body").pinyin
    assert ChineseSearchField("body", pinyin=True).pinyin


def test_update_index_recounts_the_vocabulary_and_drops_words_no_page_has(neutral):
    counted = SearchWord.objects.get(word="受理").frequency
    # Pages edited and re-indexed many times, and a word whose page was deleted.
    SearchWord.objects.update(frequency=999)
    SearchWord.objects.create(
        word="火星移民", pinyin="huo-xing-yi-min", fuzzy_pinyin="huo-xin-yi-min"
    )
    call_command("update_index", stdout=io.StringIO())
    assert SearchWord.objects.get(word="受理").frequency == counted
    assert SearchWord.objects.get(word="营业执照").frequency == 1
    assert not SearchWord.objects.filter(word="火星移民").exists()
    # Editing a page does not count its words again.
    neutral["keywords"].save_revision().publish()
    assert SearchWord.objects.get(word="营业执照").frequency == 1
