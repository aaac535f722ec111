"""Site-wide views: health check, elderly mode switch, search."""

import logging
import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .context_processors import ELDERLY_COOKIE

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_QUERY = 100
# Punctuation is query syntax to the search backends (FTS5's quotes, *, ^, -); words are enough.
QUERY_SYNTAX = re.compile(r"[^\w\s]|_")


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
    if turn_on:
        response.set_cookie(
            ELDERLY_COOKIE,
            "1",
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    else:
        response.delete_cookie(ELDERLY_COOKIE, samesite="Lax")
    return response


@require_GET
def search(request):
    """Search every live public page; the query is kept in the box."""
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_QUERY]
    terms = " ".join(QUERY_SYNTAX.sub(" ", query).split())
    results = Page.objects.none()
    if terms:
        results = (
            Page.objects.live()
            .public()
            .filter(depth__gt=2)
            .specific()
            .search(terms, operator="and")
        )
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(
        request,
        "portal/search.html",
        {"search_query": query, "search_results": page, "paginator": paginator},
    )
