"""网站自查: a live disclosure page without its 索引号 or 发布日期 is listed as an error."""

import pytest

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from disclosure.models import PolicyDocumentPage
from oversight.selectors import selfcheck_rows
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

KEY = "disclosure_unstamped"


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def department(db):
    return DepartmentFactory(code="11331003")


def row():
    return {row.key: row for row in selfcheck_rows()}[KEY]


def test_live_pages_without_number_or_date_are_errors(catalogue, department):
    PolicyDocumentPageFactory(parent=catalogue, issuing_department=department, title="已编号")
    no_number = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    no_date = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    # What a publication from a saved draft used to leave behind.
    PolicyDocumentPage.objects.filter(pk=no_number.pk).update(index_number=None)
    PolicyDocumentPage.objects.filter(pk=no_date.pk).update(date_published=None)
    found = row()
    assert found.severity == "danger" and found.count == 2
    details = {item["label"]: item["detail"] for item in found.items}
    assert details == {no_number.title: "缺少：索引号", no_date.title: "缺少：发布日期"}
    assert found.items[0]["url"] == f"/admin/pages/{no_number.pk}/edit/"


def test_stamped_and_draft_pages_are_not(catalogue, department):
    PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    PolicyDocumentPageFactory(parent=catalogue, issuing_department=department, published=False)
    found = row()
    assert found.ok and found.severity == "ok"


def test_selfcheck_page_shows_the_row(client, catalogue, department, django_user_model):
    page = PolicyDocumentPageFactory(parent=catalogue, issuing_department=department)
    PolicyDocumentPage.objects.filter(pk=page.pk).update(index_number=None, date_published=None)
    user = django_user_model.objects.create_superuser("chief", "chief@example.gov.cn", "x")
    client.force_login(user)
    html = client.get("/admin/selfcheck/").content.decode()
    assert "已发布的公开信息缺少索引号或发布日期" in html
    assert "缺少：索引号、发布日期" in html and f"/admin/pages/{page.pk}/edit/" in html
