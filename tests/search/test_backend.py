"""The database backend (SQLite, or PostgreSQL with DATABASE_URL) behind Wagtail's own API."""

import pytest
from django.core.management import call_command
from modelsearch.backends.base import SearchFieldError
from modelsearch.query import Phrase, PlainText
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from portal.models import Department, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    titles = {
        "education": ("关于进一步加强教育引导工作的通知", "各学校要加强家校协同。"),
        "realestate": ("不动产登记办事指南", "办理不动产首次登记和抵押登记。"),
        "bureau": ("县教育局2026年工作要点", "教育局全年工作安排。"),
        "licence": ("营业执照办理", "ICP备案和营业执照的关系说明。"),
    }
    created = {}
    for key, (title, summary) in titles.items():
        page = home.add_child(instance=HomePage(title=title, summary=summary, slug=key))
        created[key] = page
    return created


def found(query, **kwargs):
    return [page.title for page in Page.objects.live().search(query, **kwargs)]


def test_the_configured_backend_is_ours():
    backend = get_search_backend()
    assert type(backend).__module__ == "portal.search.backend"


def test_a_word_inside_a_phrase_is_found(pages):
    assert set(found("教育")) == {"县教育局2026年工作要点", "关于进一步加强教育引导工作的通知"}
    assert found("育引") == ["关于进一步加强教育引导工作的通知"]


def test_every_word_must_match(pages):
    assert found("不动产 抵押") == ["不动产登记办事指南"]
    assert found("不动产 教育") == []


def test_a_quoted_phrase_matches_exact_text_only(pages):
    assert found('"教育局"') == ["县教育局2026年工作要点"]
    assert found('"教育引导"') == ["关于进一步加强教育引导工作的通知"]
    assert found(Phrase("登记办事")) == ["不动产登记办事指南"]


def test_a_single_character_is_found_at_the_start_middle_or_end_of_a_word(pages):
    assert "不动产登记办事指南" in found("登")
    assert "不动产登记办事指南" in found("南")  # last character of its run
    assert "县教育局2026年工作要点" in found("局")


def test_latin_words_and_numbers_match_whole_and_ignore_case(pages):
    assert found("icp") == ["营业执照办理"]
    assert found("ＩＣＰ") == ["营业执照办理"]
    assert found("2026") == ["县教育局2026年工作要点"]


def test_pinyin_and_initials_find_titles(pages):
    assert found("budongchan") == ["不动产登记办事指南"]
    assert found("bdc") == ["不动产登记办事指南"]
    assert found("yingyezhizhao") == ["营业执照办理"]
    assert found("yyzz") == ["营业执照办理"]


def test_exclusion_and_or(pages):
    assert set(found("教育 -局")) == {"关于进一步加强教育引导工作的通知"}
    assert set(found("抵押 OR 家校")) == {"不动产登记办事指南", "关于进一步加强教育引导工作的通知"}
    assert set(found(PlainText("抵押 家校", operator="or"))) == {
        "不动产登记办事指南",
        "关于进一步加强教育引导工作的通知",
    }


def test_a_title_match_ranks_above_a_body_match(home, pages):
    home.add_child(
        instance=HomePage(title="年度工作安排", summary="其中一项是营业执照发放。", slug="plan")
    )
    assert found("营业执照")[0] == "营业执照办理"


def test_scores_counts_and_slices(pages):
    results = Page.objects.live().search("登记").annotate_score("score")
    assert results.count() == 1
    assert results[0].score > 0
    assert Page.objects.live().search("教育")[1:].count() == 1


def test_results_follow_the_queryset_ordering_when_relevance_is_off(pages):
    results = Page.objects.live().order_by("title").search("教育", order_by_relevance=False)
    assert [page.title for page in results] == sorted(
        ["县教育局2026年工作要点", "关于进一步加强教育引导工作的通知"]
    )


def test_querysets_filter_as_the_database_does(pages):
    pages["bureau"].unpublish()
    assert found("教育") == ["关于进一步加强教育引导工作的通知"]
    children = Page.objects.child_of(pages["bureau"].get_parent()).filter(title__contains="通知")
    assert [page.title for page in children.search("教育")] == ["关于进一步加强教育引导工作的通知"]


def test_searching_named_fields(pages):
    assert found("家校", fields=["title"]) == []
    with pytest.raises(SearchFieldError):
        Page.objects.search("家校", fields=["slug"])


def test_autocomplete_matches_prefixes_and_pinyin(pages):
    assert [p.title for p in Page.objects.live().autocomplete("不动产登")] == ["不动产登记办事指南"]
    assert [p.title for p in Page.objects.live().autocomplete("yingy")] == ["营业执照办理"]


def test_facets(pages):
    facets = Page.objects.live().search("教育").facet("content_type_id")
    assert sum(facets.values()) == 2


@pytest.mark.parametrize("query", ["", "😀", '"', "*", "NEAR", "OR", "-", "^", "-教育", "x" * 300])
def test_odd_queries_never_raise(pages, query):
    list(Page.objects.live().search(query))
    list(Page.objects.live().autocomplete(query))


def test_updates_and_deletions_reach_the_index(pages):
    page = pages["licence"]
    page.title = "食品经营许可办理"
    page.save_revision().publish()
    assert found("执照办理") == []
    assert found("食品") == ["食品经营许可办理"]
    page.delete()
    assert found("食品") == []
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_update_index_rebuilds_the_same_index(pages):
    call_command("update_index", verbosity=0)
    assert found("育引") == ["关于进一步加强教育引导工作的通知"]
    assert found("bdc") == ["不动产登记办事指南"]


def test_snippets_and_wagtails_own_models_are_tokenised_too(home):
    from wagtail.images.models import Image

    department = Department.objects.create(name="示例县市场监督管理局", code="11339999")
    assert list(get_search_backend().search("监督", Department)) == [department]
    image = Image.objects.create(title="县政府大楼夜景照片", file=get_test_image_file())
    assert list(Image.objects.search("大楼")) == [image]
    assert list(Image.objects.autocomplete("夜景")) == [image]


def test_the_admin_page_search_finds_chinese_substrings(client, pages):
    from wagtail.test.utils import WagtailTestUtils

    client.force_login(WagtailTestUtils.create_superuser("admin", password="password"))
    response = client.get("/admin/pages/search/", {"q": "育引"})
    assert response.status_code == 200
    assert "关于进一步加强教育引导工作的通知" in response.content.decode()
