"""A page with a Chinese title gets its pinyin as slug (bu-dong-chan-deng-ji), through the admin's
add view as an editor uses it, and never a percent-encoded Chinese URL."""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.test.utils.form_data import rich_text

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from disclosure.models import PolicyDocumentPage
from editorial.roles import EDITOR_GROUP, ensure_all
from portal.factories import DepartmentFactory
from portal.slugs import MAX_LENGTH, is_title_slug, pinyin_slug
from tests.editorial.conftest import make_staff

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_pinyin_slug_spells_chinese_and_keeps_other_words():
    assert pinyin_slug("不动产登记") == "bu-dong-chan-deng-ji"
    assert pinyin_slug("2024年预算公开（试行）") == "2024-nian-yu-suan-gong-kai-shi-xing"
    assert pinyin_slug("重庆市 PM2.5 监测") == "chong-qing-shi-pm25-jian-ce"
    assert pinyin_slug("！！") == ""


def test_long_titles_are_cut_at_a_hyphen():
    slug = pinyin_slug("关于进一步加强和规范农村宅基地审批管理工作的实施意见" * 3)
    assert len(slug) <= MAX_LENGTH
    assert SLUG.fullmatch(slug)
    assert slug.startswith("guan-yu-jin-yi-bu-jia-qiang")


@given(st.text(max_size=120))
def test_any_title_gives_an_ascii_slug_or_nothing(title):
    slug = pinyin_slug(title)
    assert slug == "" or SLUG.fullmatch(slug)
    assert len(slug) <= MAX_LENGTH


def test_title_slugs_are_recognised_in_every_spelling():
    title = "2024年预算公开"
    assert is_title_slug("", title)
    assert is_title_slug("2024年预算公开", title)
    assert is_title_slug("2024%E5%B9%B4%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80", title)
    assert is_title_slug("2024", title)  # what the browser leaves after dropping the Chinese
    assert not is_title_slug("budget-2024", title)


def add_form(dept, title, slug):
    return {
        "title": title,
        "slug": slug,
        "summary": "",
        "kind": "notice",
        "body": rich_text("<p>正文</p>"),
        "issuing_department": dept.pk,
        "document_number": "",
        "date_written": "",
        "topic": "general",
        "keywords": "",
        "validity": "valid",
        "superseded_by": "",
        "interpretation_of": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def dept_a(db):
    return DepartmentFactory(name="示例县自然资源局")


@pytest.fixture
def editor_a(home, dept_a):
    ensure_all(apps)
    return make_staff("editor_a", groups=[EDITOR_GROUP], department=dept_a)


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def add_url(catalogue):
    return reverse(
        "wagtailadmin_pages:add", args=["disclosure", "policydocumentpage", catalogue.pk]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("sent_slug", ["", "不动产登记"], ids=["left-empty", "chinese-title"])
def test_editor_adding_a_page_gets_the_pinyin_slug(client, editor_a, dept_a, add_url, sent_slug):
    client.force_login(editor_a)
    response = client.post(add_url, add_form(dept_a, "不动产登记", sent_slug))
    assert response.status_code == 302
    page = PolicyDocumentPage.objects.get(title="不动产登记")
    assert page.slug == "bu-dong-chan-deng-ji"
    assert page.url_path.endswith("/bu-dong-chan-deng-ji/")


@pytest.mark.django_db
def test_a_second_page_of_the_same_title_gets_a_numbered_slug(client, editor_a, dept_a, add_url):
    client.force_login(editor_a)
    for _ in range(2):
        assert client.post(add_url, add_form(dept_a, "不动产登记", "")).status_code == 302
    slugs = PolicyDocumentPage.objects.order_by("pk").values_list("slug", flat=True)
    assert list(slugs) == ["bu-dong-chan-deng-ji", "bu-dong-chan-deng-ji-2"]


@pytest.mark.django_db
def test_an_editors_own_slug_is_kept(client, editor_a, dept_a, add_url):
    client.force_login(editor_a)
    assert client.post(add_url, add_form(dept_a, "不动产登记", "real-estate")).status_code == 302
    assert PolicyDocumentPage.objects.get().slug == "real-estate"


@pytest.mark.django_db
def test_a_title_without_anything_to_spell_asks_for_a_slug(client, editor_a, dept_a, add_url):
    client.force_login(editor_a)
    response = client.post(add_url, add_form(dept_a, "！！！", ""))
    assert response.status_code == 200
    assert "请填写网址别名" in str(response.context["form"].errors["slug"])
    assert not PolicyDocumentPage.objects.exists()


@pytest.mark.django_db
def test_the_browser_is_told_to_leave_chinese_out_of_the_slug(client, editor_a, add_url):
    client.force_login(editor_a)
    html = client.get(add_url).content.decode()
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    # Django leaves a False attribute out, and the slug controller's default is "ASCII only".
    assert "data-w-slug-allow-unicode-value" not in slug_input
    assert "required" not in slug_input


@pytest.mark.django_db
def test_a_published_pages_slug_never_changes(catalogue, dept_a):
    page = PolicyDocumentPageFactory(parent=catalogue, issuing_department=dept_a, slug="x")
    page.slug, page.title = "不动产登记", "不动产登记"
    page.first_published_at = timezone.now()
    page.full_clean()
    assert page.slug == "不动产登记"


@pytest.mark.django_db
def test_pages_made_outside_the_admin_get_pinyin_slugs_too(catalogue, dept_a):
    page = catalogue.add_child(
        instance=PolicyDocumentPageFactory.build(
            title="政府信息公开年报", slug="", issuing_department=dept_a
        )
    )
    assert page.slug == "zheng-fu-xin-xi-gong-kai-nian-bao"


@pytest.mark.django_db
def test_the_admin_shows_the_default_avatar_without_asking_gravatar(client, editor_a):
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html
    assert "wagtailadmin/images/default-user-avatar.png" in html
