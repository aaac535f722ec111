"""错敏词: the list and its cache, matching over a page's text, confirmations, the admin, demo."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from disclosure.factories import ServiceProcedurePageFactory
from editorial import demo
from editorial.checks import unconfirmed_hits
from editorial.services import sensitive_words_confirm
from editorial.wording import (
    Matcher,
    SensitiveWord,
    SensitiveWordConfirmation,
    current_matcher,
    find_hits,
    may_confirm_sensitive_words,
)

pytestmark = pytest.mark.django_db


def add_words(*rows):
    """Words as an administrator saves them: the list's generation moves on."""
    for word, replacement in rows:
        SensitiveWord.objects.create(word=word, replacement=replacement, note="")
    SensitiveWord.list_changed()


@pytest.fixture(autouse=True)
def _fresh_word_list():
    """No test sees (or leaves behind) another test's cached list."""
    SensitiveWord.list_changed()
    yield
    SensitiveWord.list_changed()


def test_longest_word_wins_and_occurrences_are_counted():
    add_words(("截止", "截至"), ("截止目前", "截至目前"), ("做为", "作为"))
    counts = current_matcher().counts("截止目前，做为试点；报名截止时间不变，做为示范。")
    assert counts == {"截止目前": 1, "做为": 2, "截止": 1}


def test_matcher_without_words_finds_nothing():
    assert Matcher([]).counts("中华人民共合国") == {}
    assert current_matcher().pattern is None


def test_disabled_words_are_not_reported():
    add_words(("做为", "作为"))
    SensitiveWord.objects.filter(word="做为").update(enabled=False)
    SensitiveWord.list_changed()
    assert current_matcher().counts("做为") == {}


def test_word_list_is_cached_until_the_generation_changes(django_assert_num_queries):
    add_words(("做为", "作为"))
    current_matcher()
    with django_assert_num_queries(0):
        assert current_matcher().counts("做为") == {"做为": 1}
    SensitiveWord.objects.create(word="帐号", replacement="账号")
    assert "帐号" not in current_matcher().entries  # not announced yet: still the cached list
    SensitiveWord.list_changed()
    assert "帐号" in current_matcher().entries


def test_saving_a_word_in_the_admin_refreshes_the_list(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.gov.cn", "x")
    client.force_login(admin)
    assert current_matcher().pattern is None
    response = client.post(
        reverse("wagtailsnippets_editorial_sensitiveword:add"),
        {"word": "做为", "replacement": "作为", "note": "", "enabled": "on"},
    )
    assert response.status_code == 302
    assert current_matcher().counts("做为") == {"做为": 1}

    word = SensitiveWord.objects.get(word="做为")
    response = client.post(
        reverse("wagtailsnippets_editorial_sensitiveword:edit", args=[word.pk]),
        {"word": "做为", "replacement": "作为", "note": "", "enabled": ""},
    )
    assert response.status_code == 302
    assert current_matcher().counts("做为") == {}

    SensitiveWord.objects.filter(pk=word.pk).update(enabled=True)
    SensitiveWord.list_changed()
    assert current_matcher().counts("做为") == {"做为": 1}
    delete_url = reverse("wagtailsnippets_editorial_sensitiveword:delete", args=[word.pk])
    assert client.post(delete_url).status_code == 302
    assert not SensitiveWord.objects.exists()
    assert current_matcher().counts("做为") == {}


def test_word_list_admin_lists_words(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.gov.cn", "x")
    add_words(("工商局", "市场监督管理局"))
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_editorial_sensitiveword:list"))
    assert response.status_code == 200
    assert "市场监督管理局" in response.content.decode()


def test_replacement_that_contains_the_word_is_refused():
    word = SensitiveWord(word="工商局", replacement="原工商局")
    with pytest.raises(ValidationError) as error:
        word.full_clean()
    assert "建议写法不能包含错敏词本身" in str(error.value)
    SensitiveWord(word=" 做为 ", replacement="作为").full_clean()


def test_hits_in_title_rich_text_stream_and_inline_rows(home):
    """HTML is stripped first, so a word split by markup is still found."""
    add_words(("做为", "作为"), ("质监局", "市场监督管理局"), ("帐号", "账号"))
    home.title = "做为示例县门户"
    home.intro = "<p><b>做</b>为县政府门户网站</p>"
    home.entry_points = json.dumps(
        [{"type": "entry_point", "value": {"title": "质监局", "description": "", "url": "/"}}]
    )
    hits = {(hit.path, hit.word): hit for hit in find_hits(home)}
    assert set(hits) == {("title", "做为"), ("intro", "做为"), ("entry_points", "质监局")}
    assert hits[("entry_points", "质监局")].field == "服务入口"
    assert hits[("entry_points", "质监局")].replacement == "市场监督管理局"


def test_hits_in_inline_rows_are_named_with_the_row(home):
    from disclosure.factories import DisclosureIndexPageFactory

    add_words(("帐号", "账号"))
    catalogue = DisclosureIndexPageFactory(parent=home)
    page = ServiceProcedurePageFactory(parent=catalogue)
    material = page.materials.first()
    material.name = "银行帐号证明"
    material.save()
    page.refresh_from_db()
    [hit] = find_hits(page)
    assert hit.path.startswith("materials.")
    assert "第 1 条" in hit.field or "第 2 条" in hit.field


def test_confirmation_covers_exactly_the_confirmed_hits(home, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.gov.cn", "x")
    add_words(("做为", "作为"), ("帐号", "账号"))
    home.intro = "<p>做为门户。</p>"
    home.save_revision()
    sensitive_words_confirm(page=home, user=admin, hits=unconfirmed_hits(home))
    assert unconfirmed_hits(home) == []
    confirmation = SensitiveWordConfirmation.objects.get()
    assert confirmation.user_name == "admin"
    assert confirmation.revision_id == home.latest_revision_id
    assert [hit["word"] for hit in confirmation.hits] == ["做为"]

    home.intro = "<p>做为门户，做为窗口。</p>"  # one more occurrence: not what was confirmed
    assert [(hit.word, hit.count) for hit in unconfirmed_hits(home)] == [("做为", 2)]
    home.intro = "<p>做为门户。</p>"
    home.title = "帐号"  # a new word elsewhere
    assert [hit.word for hit in unconfirmed_hits(home)] == ["帐号"]


def test_only_reviewers_of_the_department_and_site_admins_may_confirm(
    editor_a, reviewer_a, reviewer_b, site_admin, page_a, home
):
    assert may_confirm_sensitive_words(reviewer_a, page_a)
    assert may_confirm_sensitive_words(site_admin, page_a)
    assert not may_confirm_sensitive_words(editor_a, page_a)
    assert not may_confirm_sensitive_words(reviewer_b, page_a)
    assert not may_confirm_sensitive_words(None, page_a)
    # Pages of no department are reviewed by site administrators only.
    assert not may_confirm_sensitive_words(reviewer_a, home)
    assert may_confirm_sensitive_words(site_admin, home)
    with pytest.raises(PermissionError):
        sensitive_words_confirm(page=page_a, user=editor_a, hits=[object()])


def test_demo_list_loads_once_and_keeps_edits(home):
    demo.load(home)
    assert SensitiveWord.objects.count() == len(demo.WORDS) >= 30
    SensitiveWord.objects.filter(word="其它").update(note="本单位规定")
    demo.load(home)
    assert SensitiveWord.objects.count() == len(demo.WORDS)
    assert SensitiveWord.objects.get(word="其它").note == "本单位规定"
    for word in SensitiveWord.objects.all():
        word.full_clean()  # every demo entry passes the admin's own validation
    assert current_matcher().counts("中华人民共合国工商局") == {"中华人民共合国": 1, "工商局": 1}
