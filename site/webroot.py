"""What browsers and crawlers fetch at the site root without being told: /favicon.ico and
/robots.txt (which names the sitemap on the site's public address)."""

from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .hosts import absolute_url

FAVICON = Path(__file__).resolve().parent / "static" / "portal" / "favicon.ico"
# Paths no search engine should list: the editors' admin and single-use captcha images.
DISALLOWED = ("/admin/", "/captcha/")


@cache
def _favicon_bytes():
    return FAVICON.read_bytes()


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    """The site icon, for clients that ask /favicon.ico rather than read <link rel=icon>."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """robots.txt: everything public may be crawled; the sitemap on the public address."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'), request)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
