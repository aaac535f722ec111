"""Every public URL, requested over HTTPS with production's security settings, carries the
security headers: a strict CSP, HSTS, no framing, a referrer and a permissions policy, nosniff."""

import io
import re
from urllib.parse import quote

import pytest
from captcha.models import CaptchaStore
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from decisions.models import DecisionIndexPage, MajorDecisionPage
from disclosure.models import (
    BulletinIndexPage,
    DisclosureIndexPage,
    FeeSchedulePage,
    MonthlyBulletinPage,
)
from feedback.models import AccountabilityIndexPage, Complaint, ComplaintFormPage

from .conftest import HTTPS

# Sources a directive may name: this origin, nothing, and data: URIs for inline images only.
ALLOWED_SOURCES = {"'self'", "'none'"}
DATA_ALLOWED_IN = {"img-src"}
STRICT_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """bootstrap_site and load_demo once for the module, rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("bootstrap_site", stdout=io.StringIO())
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def public_urls():
    """Every live page, the routes and formats of each page type, and the site-wide URLs."""
    urls = {page.url for page in Page.objects.live().public().specific() if page.url}
    catalogue = DisclosureIndexPage.objects.live().first()
    for fmt in ("csv", "json", "atom"):
        urls.add(f"{catalogue.url}?format={fmt}")
    decisions = DecisionIndexPage.objects.live().first()
    for fmt in ("csv", "json", "atom"):
        urls.add(f"{decisions.url}?format={fmt}")
    urls.add(f"{decisions.url}?format=csv&table=directory")
    for notice in MajorDecisionPage.objects.live():
        urls.add(f"{notice.url}?format=json")
        if notice.consultation_ended():
            urls.add(f"{notice.url}?format=csv")
    schedule = FeeSchedulePage.objects.live().first()
    for fmt in ("csv", "json", "xlsx"):
        urls.add(f"{schedule.url}?format={fmt}")
    bulletin = MonthlyBulletinPage.objects.live().first()
    for fmt in ("csv", "json"):
        urls.add(f"{bulletin.url}?format={fmt}")
    urls.add(BulletinIndexPage.objects.live().first().url)
    complaints = ComplaintFormPage.objects.live().first()
    urls.update({complaints.status_url(), complaints.public_url()})
    urls.add(complaints.status_url() + "?no=" + Complaint.objects.first().tracking_number)
    published = Complaint.objects.published().first()
    if published is not None:
        urls.add(f"{complaints.public_url()}{published.pk}/")
    urls.add(AccountabilityIndexPage.objects.live().first().url + "?format=csv")
    key = CaptchaStore.generate_key()
    urls.update(
        {
            "/search/?q=" + quote("不动产登记"),
            "/search/?q=" + quote("营业执照") + "&sort=date&page=2",
            "/search/suggest?q=" + quote("营业"),
            "/sitemap.xml",
            "/api/v2/pages/",
            "/api/v2/pages/?type=disclosure.ServiceProcedurePage&fields=*",
            f"/api/v2/pages/{catalogue.pk}/",
            "/elderly-mode/?on=1&next=/",
            "/elderly-mode/?next=/",
            f"/captcha/image/{key}/",
            f"/captcha/audio/{key}.wav",
            "/healthz",
            "/no-such-page/",
        }
    )
    return sorted(urls)


def header_problems(response):
    """What is missing or too loose in the response's security headers (empty when fine)."""
    problems = []
    csp = response.get("Content-Security-Policy", "")
    if not csp:
        problems.append("no Content-Security-Policy")
    directives = {}
    for part in filter(None, (item.strip() for item in csp.split(";"))):
        name, *sources = part.split()
        directives[name] = sources
        for source in sources:
            if source == "data:" and name in DATA_ALLOWED_IN:
                continue
            if source not in ALLOWED_SOURCES:
                problems.append(f"CSP {name} allows {source}")
    # Wagtail serves documents with the strictest policy of all, "default-src 'none'".
    needed = ["default-src"]
    if directives.get("default-src") != ["'none'"]:
        needed += ["script-src", "style-src", "object-src", "base-uri"]
    problems.extend(f"CSP lacks {name}" for name in needed if csp and name not in directives)
    hsts = response.get("Strict-Transport-Security", "")
    if not re.search(r"max-age=(\d{8,})", hsts) or "includeSubDomains" not in hsts:
        problems.append(f"HSTS missing or short: {hsts!r}")
    if response.get("X-Frame-Options") != "DENY" and directives.get("frame-ancestors") != [
        "'none'"
    ]:
        problems.append("framing allowed")
    if response.get("Referrer-Policy") not in STRICT_REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {response.get('Referrer-Policy')!r}")
    permissions = response.get("Permissions-Policy", "")
    if not all(f"{feature}=()" in permissions for feature in ("camera", "geolocation")):
        problems.append(f"Permissions-Policy {permissions!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    return problems


def test_every_public_url_carries_the_security_headers(demo_site, db, client, production):
    urls = public_urls()
    assert len(urls) > 40, urls
    failures, statuses = [], {}
    for url in urls:
        response = client.get(url, **HTTPS)
        statuses[url] = response.status_code
        if response.status_code >= 500:
            failures.append(f"{url}: HTTP {response.status_code}")
        failures.extend(f"{url}: {problem}" for problem in header_problems(response))
    assert not failures, "\n".join(failures)
    assert statuses["/no-such-page/"] == 404
    assert statuses["/healthz"] == 200
    assert sum(status == 200 for status in statuses.values()) > 40


def test_a_served_document_carries_the_security_headers(db, client, production):
    document = get_document_model().objects.create(
        title="办事指南", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf")
    )
    response = client.get(document.url, **HTTPS)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert header_problems(response) == []


def test_plain_http_is_redirected_to_https_and_healthz_is_exempt(db, client, production):
    response = client.get("/search/", headers={"X-Forwarded-Proto": "http"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz", headers={"X-Forwarded-Proto": "http"}).status_code == 200


def test_the_admin_login_is_not_framed_and_not_sniffed(db, client, production):
    # The admin is outside the CSP (Wagtail's inline scripts) but keeps every other header.
    response = client.get("/admin/login/", **HTTPS)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "max-age=" in response["Strict-Transport-Security"]
