"""The catalogue's Atom feed against RFC 4287, with every link on the site's public address."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from disclosure.factories import PolicyDocumentPageFactory
from portal.models import PortalSettings
from tests.atom import ATOM, check_atom, hrefs

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_site(home):
    Site.objects.filter(is_default_site=True).update(hostname="gk.example.gov.cn", port=443)
    return home


def test_catalogue_feed_has_author_and_entry_updated(client, public_site, catalogue):
    settings = PortalSettings.load()
    settings.host_organisation = "示例县人民政府办公室"
    settings.save()
    document = PolicyDocumentPageFactory(parent=catalogue, title="关于开展食品安全检查的通知")
    document.save_revision().publish()
    root = check_atom(client.get("/disclosure/?format=atom").content)
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "示例县人民政府办公室"
    (entry,) = root.findall(f"{ATOM}entry")
    document.refresh_from_db()
    updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    assert updated == document.last_published_at > published == document.first_published_at


def test_catalogue_feed_author_falls_back_to_the_site_name(client, public_site, catalogue):
    PolicyDocumentPageFactory(parent=catalogue)
    root = check_atom(client.get("/disclosure/?format=atom").content)
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "示例县政务公开"


def test_catalogue_feed_links_use_the_site_record_not_the_request_host(
    client, public_site, catalogue
):
    PolicyDocumentPageFactory(parent=catalogue)
    response = client.get("/disclosure/?format=atom", HTTP_HOST="localhost:8000")
    links = hrefs(check_atom(response.content))
    assert links and all(link.startswith("https://gk.example.gov.cn/") for link in links), links
    assert "https://gk.example.gov.cn/disclosure/?format=atom" in links


def test_empty_catalogue_feed_is_still_valid(client, public_site, catalogue):
    root = check_atom(client.get("/disclosure/?format=atom").content)
    assert root.findall(f"{ATOM}entry") == []
    assert timezone.now() - datetime.datetime.fromisoformat(
        root.findtext(f"{ATOM}updated")
    ) < datetime.timedelta(minutes=1)
