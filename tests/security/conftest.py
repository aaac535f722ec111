"""Fixtures of the security tests: the production values of every security setting, applied to
the test settings, and requests that arrive over HTTPS through the proxy as in production."""

import importlib
import sys

import pytest
from django.core.cache import cache

PRODUCTION = "portal.settings.production"
PRODUCTION_ENV = {
    "SECRET_KEY": "k3Y-for-security-tests-only-0123456789abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "portal.example.gov.cn",
}
# Every setting that decides a security header or a cookie attribute; the test settings take
# them from the production module itself, so a change there is what the tests see.
SECURITY_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_COOKIE_NAME",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAILDOCS_INLINE_CONTENT_TYPES",
    "WAGTAILIMAGES_EXTENSIONS",
)
HTTPS = {"secure": True, "headers": {"X-Forwarded-Proto": "https"}}


def production_module(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION, None)
    try:
        return importlib.import_module(PRODUCTION)
    finally:
        sys.modules.pop(PRODUCTION, None)


@pytest.fixture
def production(settings, monkeypatch):
    """The test settings with production's security values (HSTS, secure cookies, CSP …)."""
    module = production_module(monkeypatch)
    for name in SECURITY_SETTINGS:
        if hasattr(module, name):
            setattr(settings, name, getattr(module, name))
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "portal.example.gov.cn"]
    return settings


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters and cached pages live in the cache: every test starts with none.
    cache.clear()
    yield
    cache.clear()
