"""What Lighthouse and crawlers check on every page: the icon, robots.txt with the sitemap, a
meta description, the captcha image's cache policy and size, charsets."""

import io
import re

import pytest
from captcha.models import CaptchaStore
from django import forms
from PIL import Image
from wagtail.models import Site

from disclosure.factories import BulletinIndexPageFactory
from portal.captcha import PortalCaptchaField

pytestmark = pytest.mark.django_db
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


def test_favicon_answers_with_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]


def test_every_page_links_its_icon(client, home):
    assert '<link rel="icon" href="/static/portal/favicon.ico"' in client.get("/").content.decode()


def test_robots_txt_names_the_sitemap_on_the_public_address(client, home):
    Site.objects.filter(is_default_site=True).update(hostname="gk.example.gov.cn", port=443)
    response = client.get("/robots.txt", HTTP_HOST="localhost:8000")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://gk.example.gov.cn/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /search") for line in lines)


def test_search_and_bulletin_pages_have_a_meta_description(client, home):
    bulletins = BulletinIndexPageFactory(parent=home, title="月通报", summary="")
    for url in ("/", "/search/", "/search/?q=营业执照", bulletins.url):
        found = DESCRIPTION.findall(client.get(url).content.decode())
        assert len(found) == 1 and len(found[0]) >= 10, url
    html = client.get(bulletins.url).content.decode()
    assert DESCRIPTION.search(html).group(1).startswith("月通报：")


def test_suggestions_declare_utf8(client, home):
    response = client.get("/search/suggest", {"q": "营业"})
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_captcha_image_is_drawn_at_twice_the_displayed_size_and_may_be_kept_privately(client):
    key = CaptchaStore.generate_key()
    response = client.get(f"/captcha/image/{key}/")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.content)).size == (400, 100)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "max-age=1800" in cache_control
    gone = client.get("/captcha/image/nosuchkey/")
    assert gone.status_code == 410 and "no-cache" in gone["Cache-Control"]


class CaptchaForm(forms.Form):
    captcha = PortalCaptchaField()


def test_captcha_hidden_input_carries_no_attributes_a_hidden_input_may_not_have():
    form = CaptchaForm(data={"captcha_0": "x", "captcha_1": ""})
    assert not form.is_valid()
    html = str(form["captcha"])
    hidden = re.search(r"<input type=\"hidden\"[^>]*>", html).group(0)
    for attribute in ("required", "autocomplete", "aria-", "inputmode"):
        assert attribute not in hidden, hidden
    answer = re.search(r'<input type="text"[^>]*>', html).group(0)
    assert "required" in answer and "aria-describedby" in answer and 'aria-invalid="true"' in answer
    assert 'width="200" height="50"' in html
