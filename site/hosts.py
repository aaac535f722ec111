"""The site's public address. Links that leave the page (feeds, the API, the sitemap, mail) are
built from the Site record, which `bootstrap_site` sets from PORTAL_BASE_URL or
WAGTAILADMIN_BASE_URL, never from the Host header a request arrived with, which behind a proxy
is often `localhost` or an internal port."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(url):
    """(hostname, port) of a base URL such as https://gk.example.gov.cn; a Chinese ValueError
    for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"网站地址须是以 http:// 或 https:// 开头的完整网址，收到的是“{url}”。")
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


def configured_base_url():
    """The public address the deployment declares: PORTAL_BASE_URL, else WAGTAILADMIN_BASE_URL."""
    return os.environ.get("PORTAL_BASE_URL") or settings.WAGTAILADMIN_BASE_URL


def site_root_url(request=None):
    """scheme://host[:port] of the request's Site (else the default Site), no trailing slash."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def absolute_url(path, request=None):
    """`path` (starting with /) on the site's public address."""
    return site_root_url(request) + path
