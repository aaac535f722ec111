"""Queries per page do not grow with the number of items listed (10 vs 100): the home page,
search results and the API listing."""

import pytest

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from portal.factories import DepartmentFactory
from tests.utils import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(home):
    catalogue = DisclosureIndexPageFactory(parent=home)
    department = DepartmentFactory(name="示例县财政局", code="11331005")

    def add(count):
        PolicyDocumentPageFactory.create_batch(
            count,
            parent=catalogue,
            issuing_department=department,
            title="关于做好不动产登记工作的通知",
        )

    return add


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/", {}),
        ("/search/", {"q": "不动产登记"}),
        ("/api/v2/pages/", {"limit": "100"}),
        ("/api/v2/pages/", {"type": "disclosure.PolicyDocumentPage", "fields": "*"}),
    ],
)
def test_queries_do_not_grow_with_pages(client, documents, url, params):
    documents(10)
    at_10 = queries_for(client, url, **params)
    documents(90)
    assert queries_for(client, url, **params) == at_10
