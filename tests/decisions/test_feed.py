"""The major-decisions Atom feed against RFC 4287, on the site's public address."""

import pytest
from wagtail.models import Site

from decisions.factories import MajorDecisionPageFactory
from tests.atom import ATOM, check_atom, hrefs

pytestmark = pytest.mark.django_db


def test_decision_feed_is_valid_atom_on_the_public_address(client, section, department):
    Site.objects.filter(is_default_site=True).update(hostname="gk.example.gov.cn", port=443)
    for title in ("城区停车收费管理办法", "养老服务设施布局规划"):
        MajorDecisionPageFactory(parent=section, issuing_department=department, title=title)
    response = client.get(f"{section.url}?format=atom", HTTP_HOST="localhost:8000")
    root = check_atom(response.content)
    assert root.findtext(f"{ATOM}author/{ATOM}name")
    assert len(root.findall(f"{ATOM}entry")) == 2
    links = hrefs(root)
    assert all(link.startswith("https://gk.example.gov.cn/") for link in links), links
