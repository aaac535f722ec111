import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.test.utils import WagtailTestUtils

from portal.models import SearchSynonym, ZeroResultQueryDailyHits
from portal.search.services import search_query_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = WagtailTestUtils.create_superuser("admin", password="password")
    client.force_login(user)
    return client


def test_searches_are_counted_and_zero_result_searches_too():
    search_query_record(query_string=" 医保  报销 ", result_count=3)
    search_query_record(query_string="医保 报销", result_count=0)
    query = Query.objects.get(query_string="医保 报销")
    assert query.hits == 2
    assert ZeroResultQueryDailyHits.objects.get(query=query).hits == 1
    assert search_query_record(query_string="   ", result_count=0) is None


def test_the_report_lists_popular_and_zero_result_queries(admin_client):
    for _ in range(3):
        search_query_record(query_string="不动产登记", result_count=5)
    search_query_record(query_string="登纪", result_count=0)
    response = admin_client.get(reverse("portal_search_queries"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("不动产登记") < html.index("登纪")
    assert "添加同义词" in html and "添加推荐结果" in html
    zero = admin_client.get(reverse("portal_search_queries"), {"zero_only": "on"}).content.decode()
    assert "登纪" in zero and "不动产登记" not in zero


def test_the_report_period_counts_only_recent_searches(admin_client):
    old = timezone.localdate() - datetime.timedelta(days=60)
    Query.get("陈年旧词").add_hit(date=old)
    assert "陈年旧词" not in admin_client.get(reverse("portal_search_queries")).content.decode()
    response = admin_client.get(reverse("portal_search_queries"), {"period": "90"})
    assert "陈年旧词" in response.content.decode()


def test_the_report_exports_a_spreadsheet(admin_client):
    search_query_record(query_string="公租房", result_count=2)
    response = admin_client.get(reverse("portal_search_queries"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "搜索词" in content and "公租房" in content


def test_the_report_is_for_editors_who_manage_search(client):
    user = WagtailTestUtils.create_user("editor", password="password")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("portal_search_queries")).status_code in (302, 403)
    user.user_permissions.add(
        Permission.objects.get(codename="add_searchsynonym", content_type__app_label="portal")
    )
    assert client.get(reverse("portal_search_queries")).status_code == 200


def test_add_synonym_link_prefills_the_form(admin_client):
    url = reverse("wagtailsnippets_portal_searchsynonym:add") + "?terms=登纪"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'value="登纪"' in response.content.decode()


def test_editors_manage_synonyms_in_the_admin(admin_client):
    url = reverse("wagtailsnippets_portal_searchsynonym:add")
    response = admin_client.post(url, {"terms": "一网通办，网上办事", "note": "常用说法"})
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(terms="一网通办，网上办事").exists()
    listing = admin_client.get(reverse("wagtailsnippets_portal_searchsynonym:list"), {"q": "一网"})
    assert "一网通办 ↔ 网上办事" in listing.content.decode()
    invalid = admin_client.post(url, {"terms": "一网通办"})
    assert "请至少填写两个词" in invalid.content.decode()
