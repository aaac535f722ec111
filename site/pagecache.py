"""Cache of whole pages for anonymous readers (Redis when REDIS_URL is set).

Only a GET or HEAD from a visitor with no session is served from or stored in the cache, and
only a 200 HTML response that sets no cookie, did not use the CSRF token, and is not marked
private or no-store. Pages with a captcha or anything personal mark themselves no-store (Django's
`never_cache`), so they never enter. Every publish, unpublish, move or delete of a page, and
every change to departments or site settings, starts a new cache generation, so the next
anonymous request renders afresh.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_max_age

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
VARY_COOKIES = ("portal_elderly",)


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def current_generation():
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, 1, timeout=None)
            generation = cache.get(GENERATION_KEY, 1)
        return generation
    except Exception:
        logger.warning("Page cache unavailable")
        return None


def invalidate(**_kwargs):
    """Start a new generation: every cached page is stale from now on."""
    try:
        cache.add(GENERATION_KEY, 1, timeout=None)
        cache.incr(GENERATION_KEY)
    except Exception:
        logger.warning("Page cache could not be invalidated; entries expire by themselves")


def _cache_key(request, generation):
    cookies = "|".join(f"{name}={request.COOKIES.get(name, '')}" for name in VARY_COOKIES)
    raw = f"{request.method}|{request.get_host()}|{request.get_full_path()}|{cookies}"
    return f"pagecache:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _cacheable_request(request):
    return (
        page_cache_seconds() > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/documents/", "/captcha/", "/healthz"))
    )


def _cacheable_response(request, response):
    control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    anonymous = user is None or not user.is_authenticated
    return (
        anonymous
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in control
        and "no-store" not in control
        and "no-cache" not in control
        and get_max_age(response) != 0
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous page views; see the module docstring for what is cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        generation = current_generation()
        if generation is None:
            return self.get_response(request)
        key = _cache_key(request, generation)
        try:
            cached = cache.get(key)
        except Exception:
            cached = None
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            try:
                cache.set(key, response, timeout=page_cache_seconds())
                response["X-Page-Cache"] = "miss"
            except Exception:
                logger.warning("Page cache could not store %s", request.path)
        return response


def invalidate_on_page_delete(sender, instance, **_kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()
