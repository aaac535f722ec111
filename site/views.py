"""Site-wide views: error pages, health check, elderly mode switch, search."""

import hashlib
import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .context_processors import ELDERLY_COOKIE
from .readiness import failed_checks
from .search.query import clean_text
from .search.selectors import (
    Filters,
    SearchExamples,
    SearchOutcome,
    Sort,
    popular_queries,
    search_examples,
    search_pages,
    title_suggestions,
)
from .search.services import search_query_record

logger = logging.getLogger(__name__)

# Parameters that refine a search already counted (see `search`).
REFINEMENTS = ("page", "sort", "type", "department", "year")
POPULAR_CACHE_KEY = "portal:search-popular"
POPULAR_CACHE_SECONDS = 600
EXAMPLES_CACHE_SECONDS = 600
SUGGEST_CACHE_SECONDS = 60


def _error_page(request, template_name, status):
    # Rendered without the request (no context processors, no site settings): the error may be
    # the database's, and the page must still tell the citizen what happened in Chinese.
    html = loader.get_template(template_name).render({"posted": request.method == "POST"})
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    """400: a malformed request, too many form fields (DATA_UPLOAD_MAX_NUMBER_FIELDS)."""
    return _error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form's token is missing or stale; nothing was saved."""
    return _error_page(request, "403_csrf.html", 403)


def server_error(request):
    """500 without touching the database: after a post, it says the text was not sent."""
    return _error_page(request, "500.html", 500)


@never_cache
@require_GET
def healthz(request):
    """200 with a JSON body when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Readiness: 200 when the database, cache, search and task queue all answer; 503 naming
    the failed ones, and nothing else (no versions, hosts or ages)."""
    failed = failed_checks()
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def elderly_mode(request):
    """Switch the large-text, high-contrast mode on or off; works without JavaScript."""
    turn_on = request.GET.get("on") == "1"
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    # Switching off sends the same attributes with an empty value and no lifetime:
    # delete_cookie() would drop Secure and HttpOnly from the header.
    response.set_cookie(
        ELDERLY_COOKIE,
        "1" if turn_on else "",
        max_age=365 * 24 * 3600 if turn_on else 0,
        expires=None if turn_on else "Thu, 01 Jan 1970 00:00:00 GMT",
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


# Private: every search is logged (the page cache would swallow repeats) and results change
# with each publication.
@cache_control(private=True)
@require_GET
def search(request):
    """The search page: every public page type, filters with counts, typo and popular hints."""
    params = request.GET
    sort = params.get("sort") if params.get("sort") in Sort.values else Sort.RELEVANCE
    filters = Filters.from_params(params)
    outcome, unavailable = SearchOutcome(query=clean_text(params.get("q", ""))), False
    try:
        outcome = search_pages(
            text=params.get("q", ""),
            site=Site.find_for_request(request),
            filters=filters,
            sort=sort,
            page_number=params.get("page", 1),
        )
        # A search typed in the box counts once; paging, sorting and filtering it do not.
        if outcome.searched and not any(params.get(name) for name in REFINEMENTS):
            search_query_record(query_string=outcome.query, result_count=outcome.total)
    except DatabaseError:
        logger.exception("Search failed for %r", outcome.query)
        unavailable = True
    popular = cache.get(POPULAR_CACHE_KEY)
    if popular is None:
        popular = popular_queries()
        cache.set(POPULAR_CACHE_KEY, popular, POPULAR_CACHE_SECONDS)
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "unavailable": unavailable,
        "popular_queries": popular,
        "examples": _search_examples(Site.find_for_request(request)),
        "sort": sort,
        "sort_links": [
            (label, _search_url(params, sort=value, page=None), value == sort)
            for value, label in Sort.choices
        ],
        "filter_groups": _filter_groups(params, outcome),
        "clear_filters_url": _search_url(params, type=None, department=None, year=None, page=None)
        if filters.active
        else "",
        "page_query": _search_url(params, page=None).lstrip("?"),
    }
    return render(request, "portal/search.html", context)


@require_GET
def search_suggest(request):
    """JSON title suggestions for the search box (Chinese prefixes and pinyin)."""
    query = clean_text(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    key = (
        "portal:search-suggest:"
        + hashlib.sha256(f"{site.pk if site else 0}:{query}".encode()).hexdigest()
    )
    suggestions = cache.get(key)
    if suggestions is None:
        try:
            suggestions = title_suggestions(text=query, site=site)
        except DatabaseError:
            logger.exception("Search suggestions failed for %r", query)
            suggestions = []
        cache.set(key, suggestions, SUGGEST_CACHE_SECONDS)
    # Declared, not implied: some clients read application/json without a charset as Latin-1.
    return JsonResponse(
        {"query": query, "suggestions": suggestions},
        content_type="application/json; charset=utf-8",
    )


def _search_examples(site):
    """The examples the search page prints, from the live index (a few queries, so cached)."""
    key = f"portal:search-examples:{site.pk if site else 0}"
    examples = cache.get(key)
    if examples is None:
        try:
            examples = search_examples(site)
        except DatabaseError:
            logger.exception("Search examples failed")
            return SearchExamples()
        cache.set(key, examples, EXAMPLES_CACHE_SECONDS)
    return examples


def _search_url(params, **changes):
    """The search page URL with some parameters changed (None removes one)."""
    query = params.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return "?" + query.urlencode(safe="")


def _filter_groups(params, outcome):
    """Facet groups with a link per option (choosing the selected one again clears it)."""
    groups = []
    for name, label, options in (
        ("type", "类型", outcome.types),
        ("department", "部门", outcome.departments),
        ("year", "年份", outcome.years),
    ):
        links = [
            {
                "label": option.label,
                "count": option.count,
                "selected": option.selected,
                "url": _search_url(
                    params, **{name: None if option.selected else option.value, "page": None}
                ),
            }
            for option in options
        ]
        if links:
            groups.append({"name": name, "label": label, "options": links})
    return groups
