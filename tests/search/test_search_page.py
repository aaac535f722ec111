import datetime

import pytest
from django.core.cache import cache
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from disclosure.factories import (
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import DisclosurePage
from portal.factories import DepartmentFactory
from portal.models import ZeroResultQueryDailyHits
from portal.search.selectors import SearchExamples, search_examples

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def site(home):
    """Three disclosed pages of two departments and three years, and a plain page."""
    market = DepartmentFactory(name="示例县市场监督管理局", code="11331003")
    civil = DepartmentFactory(name="示例县民政局", code="11331008")
    catalogue = DisclosureIndexPageFactory(parent=home)
    pages = {
        "licence": ServiceProcedurePageFactory(
            parent=catalogue,
            title="个体工商户营业执照登记指南",
            slug="licence",
            summary="个体工商户设立登记，当场发放营业执照。",
            issuing_department=market,
        ),
        "welfare": PolicyDocumentPageFactory(
            parent=catalogue,
            title="关于调整最低生活保障标准的通知",
            slug="welfare",
            summary="城乡低保标准统一调整，新增对象须办理登记。",
            body="<p>各乡镇要做好最低生活保障对象的登记和动态管理。</p>",
            issuing_department=civil,
        ),
        "food": PolicyDocumentPageFactory(
            parent=catalogue,
            title="示例县食品安全抽检结果公告",
            slug="food",
            summary="本季度抽检食品三百批次，不合格产品已登记处理。",
            body="<p>县市场监管局依法处理不合格食品&lt;经营者&gt;。</p>",
            issuing_department=market,
        ),
    }
    DisclosurePage.objects.filter(pk=pages["welfare"].pk).update(
        date_published=datetime.date(2025, 3, 1)
    )
    DisclosurePage.objects.filter(pk=pages["food"].pk).update(
        date_published=datetime.date(2024, 7, 1)
    )
    notice = home.add_child(instance=Page(title="登记窗口搬迁说明", slug="notice"))
    notice.save_revision().publish()
    pages["notice"] = notice
    pages["market"], pages["civil"] = market, civil
    return pages


def results(response):
    return [hit.page.pk for hit in response.context["outcome"].hits]


def test_results_come_from_every_page_type_with_type_department_and_date(client, site):
    response = client.get("/search/", {"q": "登记"})
    assert response.status_code == 200
    assert set(results(response)) == {
        site["licence"].pk,
        site["welfare"].pk,
        site["food"].pk,
        site["notice"].pk,
    }
    html = response.content.decode()
    assert "办事指南" in html and "政策文件" in html and "页面" in html
    assert "示例县民政局" in html
    assert '<time datetime="2025-03-01">2025年3月1日</time>' in html


def test_matched_words_are_marked_in_title_and_snippet_and_text_is_escaped(client, site):
    html = client.get("/search/", {"q": "不合格"}).content.decode()
    assert "本季度抽检食品三百批次，<mark>不合格</mark>产品已登记处理。" in html
    assert "&lt;经营者&gt;" in html
    title_html = client.get("/search/", {"q": "营业执照"}).content.decode()
    assert "个体工商户<mark>营业执照</mark>登记指南" in title_html


def test_pinyin_finds_a_title_and_marks_it(client, site):
    response = client.get("/search/", {"q": "yyzz"})
    assert results(response) == [site["licence"].pk]
    assert "个体工商户<mark>营业执照</mark>登记指南" in response.content.decode()


def test_synonyms_find_pages_and_are_named(client, site):
    response = client.get("/search/", {"q": "低保"})
    assert site["welfare"].pk in results(response)
    assert "已同时搜索同义词：最低生活保障" in response.content.decode()


def test_filters_show_counts_and_narrow_the_results(client, site):
    response = client.get("/search/", {"q": "登记"})
    outcome = response.context["outcome"]
    types = {option.label: option.count for option in outcome.types}
    assert types == {"政策文件": 2, "办事指南": 1, "页面": 1}
    departments = {option.label: option.count for option in outcome.departments}
    assert departments == {"示例县市场监督管理局": 2, "示例县民政局": 1}
    years = {option.label: option.count for option in outcome.years}
    assert years["2025年"] == 1 and years["2024年"] == 1

    market = client.get("/search/", {"q": "登记", "department": site["market"].pk})
    assert set(results(market)) == {site["licence"].pk, site["food"].pk}
    # Other facets count within the chosen department; its own still lists every department.
    outcome = market.context["outcome"]
    assert {option.label: option.count for option in outcome.types} == {
        "政策文件": 1,
        "办事指南": 1,
    }
    assert len(outcome.departments) == 2
    assert "清除全部筛选" in market.content.decode()

    year = client.get("/search/", {"q": "登记", "year": "2024"})
    assert results(year) == [site["food"].pk]


def test_choosing_a_filter_twice_clears_it(client, site):
    response = client.get("/search/", {"q": "登记", "year": "2024"})
    group = next(g for g in response.context["filter_groups"] if g["name"] == "year")
    selected = next(option for option in group["options"] if option["selected"])
    assert "year=" not in selected["url"]
    assert 'aria-current="true"' in response.content.decode()


def test_invalid_filters_are_ignored(client, site):
    response = client.get(
        "/search/", {"q": "登记", "type": "abc", "department": "-1", "year": "99999"}
    )
    assert response.status_code == 200
    assert len(results(response)) == 4


def test_sort_by_date_puts_the_newest_first(client, site):
    response = client.get("/search/", {"q": "登记", "sort": "date"})
    order = results(response)
    assert order.index(site["welfare"].pk) < order.index(site["food"].pk)
    assert response.context["sort"] == "date"


def test_relevance_puts_title_matches_first(client, site):
    response = client.get("/search/", {"q": "食品安全"})
    assert results(response)[0] == site["food"].pk


def test_pagination_keeps_the_query_and_filters(client, site, home):
    for number in range(12):
        home.add_child(instance=Page(title=f"登记须知第{number + 1}号", slug=f"n{number}"))
    first = client.get("/search/", {"q": "登记须知"})
    assert first.context["outcome"].total == 12
    assert len(results(first)) == 10
    assert "?q=%E7%99%BB%E8%AE%B0%E9%A1%BB%E7%9F%A5&amp;page=2" in first.content.decode()
    second = client.get("/search/", {"q": "登记须知", "page": "2"})
    assert len(results(second)) == 2
    assert not set(results(first)) & set(results(second))
    beyond = client.get("/search/", {"q": "登记须知", "page": "99"})
    assert results(beyond) == results(second)


def test_drafts_and_private_pages_are_not_found(client, site, home):
    draft = home.add_child(instance=Page(title="登记内部草稿", slug="draft", live=False))
    private = home.add_child(instance=Page(title="登记内部资料", slug="private"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    found = results(client.get("/search/", {"q": "登记"}))
    assert draft.pk not in found and private.pk not in found


def test_a_homophone_typo_offers_the_word_of_the_site(client, site):
    response = client.get("/search/", {"q": "营业执招"})
    assert response.context["outcome"].suggestion == "营业执照"
    html = response.content.decode()
    assert "您是不是要找：" in html
    assert 'href="?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7"' in html


def test_the_empty_state_helps_and_shows_popular_searches(client, site):
    for _ in range(2):
        client.get("/search/", {"q": "营业执照"})
    client.get("/search/", {"q": "乱码乱码"})
    cache.clear()
    response = client.get("/search/", {"q": "月球基地"})
    html = response.content.decode()
    assert "没有找到相关内容" in html
    assert "大家都在搜" in html
    assert ">营业执照</a>" in html
    assert ">乱码乱码</a>" not in html  # it found nothing, so it is not suggested


def test_a_fresh_search_is_logged_once_and_refinements_are_not(client, site):
    client.get("/search/", {"q": "登记"})
    client.get("/search/", {"q": "登记", "page": "2"})
    client.get("/search/", {"q": "登记", "sort": "date"})
    client.get("/search/", {"q": "月球基地"})
    assert Query.objects.get(query_string="登记").hits == 1
    assert ZeroResultQueryDailyHits.objects.get(query__query_string="月球基地").hits == 1


def test_phone_and_id_numbers_searched_for_are_kept_masked(client, site):
    client.get("/search/", {"q": "13912344321 110101199003071234"})
    [query] = Query.objects.values_list("query_string", flat=True)
    assert "13912344321" not in query and "110101199003071234" not in query
    assert "139****4321" in query


def test_promoted_results_come_first(client, site):
    query = Query.get("办证")
    SearchPromotion.objects.create(query=query, page=site["licence"], description="办证请看这里")
    html = client.get("/search/", {"q": "办证"}).content.decode()
    assert "推荐结果" in html and "办证请看这里" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        # 400 characters fit gunicorn's 4094-byte request line once percent-encoded.
        "教" * 400,
        "😀😀",
        '"',
        "*",
        "NEAR",
        "OR",
        "-",
        "^",
        '"*NEAR OR -^',
        "a' OR 1=1; --",
        "教育ICP备案2026年😀",
        '"未闭合的引号',
        "<script>alert(1)</script>",
    ],
)
def test_bad_input_gets_a_page_never_an_error(client, site, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "搜索服务暂时不可用" not in html


def test_a_query_longer_than_the_request_line_gets_the_chinese_414(client, site):
    response = client.get("/search/", {"q": "教" * 1000})
    assert response.status_code == 414
    assert "12345" in response.content.decode()


def test_the_query_is_kept_in_the_box_escaped(client, site):
    html = client.get("/search/", {"q": '登记 "<b>'}).content.decode()
    assert 'value="登记 &quot;&lt;b&gt;"' in html


def test_the_page_links_its_own_css_and_script_and_has_no_inline_code(client, site):
    html = client.get("/search/", {"q": "登记"}).content.decode()
    assert "portal/css/search.css" in html and "portal/js/search-suggest.js" in html
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_suggestions_are_titles_for_chinese_prefixes_and_pinyin(client, site):
    chinese = client.get("/search/suggest", {"q": "个体工"}).json()
    assert chinese["suggestions"][0]["title"] == "个体工商户营业执照登记指南"
    assert chinese["suggestions"][0]["url"].endswith("/licence/")
    pinyin = client.get("/search/suggest", {"q": "geti"}).json()
    assert [s["title"] for s in pinyin["suggestions"]] == ["个体工商户营业执照登记指南"]
    initials = client.get("/search/suggest", {"q": "zdsh"}).json()
    assert [s["title"] for s in initials["suggestions"]] == ["关于调整最低生活保障标准的通知"]


@pytest.mark.parametrize("query", ["", "😀", '"*NEAR', "x" * 1000])
def test_suggestions_never_fail(client, site, query):
    response = client.get("/search/suggest", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_only_real_synonyms_are_named(client, site):
    assert client.get("/search/", {"q": "ICP 登记"}).context["outcome"].expanded_terms == []
    expanded = client.get("/search/", {"q": "医保"}).context["outcome"].expanded_terms
    assert expanded == ["医疗保险", "医疗保障"]


def test_search_pages_are_never_stored_by_the_page_cache(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = client.get("/search/", {"q": "登记"})
        assert "private" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    assert Query.objects.get(query_string="登记").hits == 2


def test_input_without_words_is_explained_in_chinese(client, site):
    assert "请输入汉字、字母或数字" in client.get("/search/", {"q": "*^"}).content.decode()
    excluded = client.get("/search/", {"q": "-废止"}).content.decode()
    assert "只输入了要排除的词" in excluded


def test_without_pages_to_show_them_with_no_example_is_printed(client, home):
    assert search_examples() == SearchExamples()
    html = client.get("/search/", {"q": "没有这种东西呀"}).content.decode()
    assert "search-example" not in html
    assert "检查是否有错别字。" in html
