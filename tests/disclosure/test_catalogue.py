"""The disclosure catalogue: filters in the URL, exports, feed, constant query count."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from disclosure.factories import (
    FeeSchedulePageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
)
from disclosure.models import Topic
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(catalogue):
    market = DepartmentFactory(name="示例县市场监督管理局", code="11331003")
    health = DepartmentFactory(name="示例县医疗保障局", code="11331007")
    return {
        "notice": PolicyDocumentPageFactory(
            parent=catalogue,
            title="关于开展食品安全检查的通知",
            issuing_department=market,
            topic=Topic.MARKET,
        ),
        "procedure": ServiceProcedurePageFactory(
            parent=catalogue,
            title="城乡居民医保参保登记",
            issuing_department=health,
            topic=Topic.HEALTH,
        ),
        "fees": FeeSchedulePageFactory(
            parent=catalogue, title="医保收费目录", issuing_department=health, topic=Topic.FINANCE
        ),
    }


def titles(response):
    return [row["title"] for row in response.context["rows"]]


def test_catalogue_lists_every_disclosed_page(client, documents):
    response = client.get("/disclosure/")
    assert response.status_code == 200
    assert set(titles(response)) == {
        "关于开展食品安全检查的通知",
        "城乡居民医保参保登记",
        "医保收费目录",
    }
    assert documents["notice"].index_number in response.content.decode()


def test_filters_by_type_department_topic_year_and_validity(client, documents):
    health = documents["procedure"].issuing_department_id
    assert titles(client.get("/disclosure/?type=serviceprocedurepage")) == ["城乡居民医保参保登记"]
    assert set(titles(client.get(f"/disclosure/?department={health}"))) == {
        "城乡居民医保参保登记",
        "医保收费目录",
    }
    assert titles(client.get("/disclosure/?topic=market")) == ["关于开展食品安全检查的通知"]
    year = timezone.localdate().year
    assert len(titles(client.get(f"/disclosure/?year={year}"))) == 3
    assert titles(client.get(f"/disclosure/?year={year - 3}")) == []
    assert titles(client.get("/disclosure/?validity=repealed")) == []
    html = client.get(f"/disclosure/?department={health}&topic=health").content.decode()
    assert f'<option value="{health}" selected>' in html


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "type=nonsense",
        "department=xyz",
        "department=999999",
        "topic=<script>",
        "sort=drop table",
        "page=-1",
        "page=9999",
        "validity=1",
    ],
)
def test_garbage_filters_give_200_and_the_unfiltered_list(client, documents, query):
    response = client.get(f"/disclosure/?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_sort_oldest_first(client, catalogue):
    first = PolicyDocumentPageFactory(parent=catalogue, title="甲")
    second = PolicyDocumentPageFactory(parent=catalogue, title="乙")
    type(first).objects.filter(pk=first.pk).update(date_published="2025-01-02")
    type(second).objects.filter(pk=second.pk).update(date_published="2026-01-02")
    assert titles(client.get("/disclosure/?sort=oldest")) == ["甲", "乙"]
    assert titles(client.get("/disclosure/")) == ["乙", "甲"]


def test_csv_export_has_bom_and_follows_filters(client, documents):
    response = client.get("/disclosure/?type=policydocumentpage&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff索引号,标题")
    assert "关于开展食品安全检查的通知" in body
    assert "城乡居民医保参保登记" not in body


def test_json_export(client, documents):
    data = json.loads(client.get("/disclosure/?format=json").content)
    assert data["count"] == 3
    assert {row["title"] for row in data["results"]} >= {"医保收费目录"}
    assert all(row["index_number"] for row in data["results"])


def test_atom_feed(client, documents):
    response = client.get("/disclosure/?format=atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "关于开展食品安全检查的通知" in body


def test_unknown_format_is_404(client, documents):
    assert client.get("/disclosure/?format=exe").status_code == 404


def test_drafts_and_private_pages_are_not_listed(client, catalogue):
    PolicyDocumentPageFactory(parent=catalogue, title="草稿", published=False)
    assert titles(client.get("/disclosure/")) == []


def _count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_query_count_does_not_grow_with_items(client, catalogue, settings):
    department = DepartmentFactory()
    for n in range(10):
        PolicyDocumentPageFactory(parent=catalogue, issuing_department=department, title=f"文件{n}")
    few_page = _count_queries(client, "/disclosure/")
    few_csv = _count_queries(client, "/disclosure/?format=csv")
    for n in range(10, 100):
        PolicyDocumentPageFactory(parent=catalogue, issuing_department=department, title=f"文件{n}")
    assert _count_queries(client, "/disclosure/") == few_page
    assert _count_queries(client, "/disclosure/?format=csv") == few_csv
    assert _count_queries(client, "/disclosure/?format=json") == few_csv


def test_api_exposes_public_fields_only(client, documents):
    response = client.get("/api/v2/pages/?type=disclosure.PolicyDocumentPage&fields=*")
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["index_number"] == documents["notice"].index_number
    assert item["issuing_department_name"] == "示例县市场监督管理局"
    assert "owner" not in item and "locked_by" not in item
    procedure = client.get(f"/api/v2/pages/{documents['procedure'].pk}/").json()
    assert procedure["materials"] and procedure["steps"]


def test_sitemap_lists_disclosed_pages(client, documents):
    body = client.get("/sitemap.xml").content.decode()
    assert documents["procedure"].url in body
