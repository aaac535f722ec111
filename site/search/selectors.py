"""Reads for the public search page, the search box suggestions and the admin query report.

The search page works over every live public page type, knowing none of them: a page's type is
its model's verbose name; its department is its `issuing_department` or `department` foreign key
to Department; its date is the date field its model names in `search_date_field` (else a
`date_published` date field), else the day it was first published.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear, Length, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from portal.inputs import parse_id

from .highlight import highlight_title, page_text, patterns_for, snippet
from .query import build, parse
from .synonyms import load_synonyms
from .vocabulary import suggest_correction

PAGE_SIZE = 10
SUGGESTION_LIMIT = 8
POPULAR_DAYS = 30
POPULAR_LIMIT = 8
FEW_RESULTS = 3
DEPARTMENT_FIELDS = ("issuing_department", "department")
DATE_FIELDS = ("date_published",)


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("按相关度")
    DATE = "date", _("按日期")


# -- What every page type is known by -------------------------------------------------------


def _lookup_from_page(model, field_name):
    """The ORM path from Page to a field defined on a (multi-table) page model."""
    chain = [model]
    while True:
        parents = [parent for parent in chain[0]._meta.parents if issubclass(parent, Page)]
        if not parents or parents[0] is Page:
            break
        chain.insert(0, parents[0])
    return "__".join([m._meta.model_name for m in chain] + [field_name])


def _field_paths(names, accept, attribute=None):
    """Distinct ORM paths from Page to the first field of `names` (after the one a model names in
    its `attribute`) that each page model has and `accept`s."""
    paths = []
    for model in get_page_models():
        if model is Page:
            continue
        for name in [getattr(model, attribute, None) if attribute else None, *names]:
            if not name:
                continue
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if accept(model_field):
                path = _lookup_from_page(model_field.model, model_field.name)
                if path not in paths:
                    paths.append(path)
                break
    return paths


@functools.cache
def department_paths():
    return _field_paths(DEPARTMENT_FIELDS, _is_department)


@functools.cache
def date_paths():
    return _field_paths(DATE_FIELDS, _is_date, attribute="search_date_field")


def _is_department(model_field):
    from portal.models import Department

    return model_field.many_to_one and model_field.related_model is Department


def _is_date(model_field):
    return isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    )


def _coalesce(expressions, output_field):
    if not expressions:
        return Value(None, output_field=output_field)
    if len(expressions) == 1:
        return expressions[0]
    return Coalesce(*expressions, output_field=output_field)


def live_pages(site):
    """Live public pages of the site, without its root (every site when `site` is None)."""
    pages = Page.objects.live().public()
    if site is not None:
        return pages.descendant_of(site.root_page)
    return pages.filter(depth__gt=2)


def with_search_metadata(pages):
    """Pages annotated with search_date and search_department, for filters, facets and sorting."""
    date = _coalesce(
        [F(path) for path in date_paths()] + [TruncDate("first_published_at")],
        models.DateField(),
    )
    department = _coalesce(
        [F(path) for path in department_paths()],
        models.BigIntegerField(),
    )
    return pages.annotate(search_date=date, search_department=department)


def page_date(page):
    """The date shown for a page (see the module docstring)."""
    for name in [getattr(page, "search_date_field", None), *DATE_FIELDS]:
        value = getattr(page, name, None) if name else None
        if isinstance(value, datetime.date):
            return value
    if page.first_published_at:
        return timezone.localdate(page.first_published_at)
    return None


def page_department(page, departments):
    """The department shown for a page: its issuing_department or department, if any."""
    for name in DEPARTMENT_FIELDS:
        department_id = getattr(page, f"{name}_id", None)
        if department_id is not None:
            return departments.get(department_id)
        value = getattr(page, name, None)
        if value:
            return value
    return None


# -- The search page ----------------------------------------------------------------------------


@dataclass
class Hit:
    page: Page
    url: str
    title: str
    snippet: str
    type_label: str
    department: object
    date: object


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    query: str
    parsed: object = None
    page: object = None
    hits: list = field(default_factory=list)
    total: int = 0
    types: list = field(default_factory=list)
    departments: list = field(default_factory=list)
    years: list = field(default_factory=list)
    suggestion: str = ""
    expanded_terms: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    searched: bool = False


@dataclass(frozen=True)
class Filters:
    """Filters chosen on the search page; invalid values are dropped, never an error."""

    content_type: int | None = None
    department: int | None = None
    year: int | None = None

    @classmethod
    def from_params(cls, params):
        return cls(
            content_type=parse_id(params.get("type")),
            department=parse_id(params.get("department")),
            year=_year(params.get("year")),
        )

    def apply(self, pages, skip=None):
        if self.content_type and skip != "type":
            pages = pages.filter(content_type_id=self.content_type)
        if self.department and skip != "department":
            pages = pages.filter(search_department=self.department)
        if self.year and skip != "year":
            pages = pages.filter(search_date__year=self.year)
        return pages

    @property
    def active(self):
        return bool(self.content_type or self.department or self.year)


def _year(value):
    number = parse_id(value)
    return number if number and 1949 <= number <= 2100 else None


class KnownCount:
    """Search results whose total is already known (from the facet query), for the paginator."""

    def __init__(self, results, count):
        self.results = results
        self.total = count

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.results[key]


def search_pages(*, text, site=None, filters=Filters(), sort=Sort.RELEVANCE, page_number=1):
    """Everything the search page shows for one request."""
    parsed = parse(text)
    outcome = SearchOutcome(query=parsed.text, parsed=parsed)
    synonyms = load_synonyms()
    tree = build(parsed, synonyms=synonyms)
    if tree is None:
        return outcome
    outcome.searched = True
    backend = get_search_backend()
    pages = live_pages(site)
    annotated = with_search_metadata(pages)
    matched = backend.filter_matches(annotated, tree)
    with backend.counting():
        groups = list(
            matched.annotate(search_year=ExtractYear("search_date"))
            .order_by()
            .values("content_type", "search_department", "search_year")
            .annotate(count=Count("pk"))
        )
    total = _facets(outcome, groups, filters)
    if sort == Sort.DATE:
        results = filters.apply(matched).order_by("-search_date", "-pk").specific()
    else:
        # The annotations (and their joins) only when a filter needs them.
        queryset = filters.apply(annotated) if filters.active else pages
        results = backend.search(tree, queryset.specific())
    paginator = Paginator(KnownCount(results, total), PAGE_SIZE)
    try:
        outcome.page = paginator.page(page_number)
    except PageNotAnInteger:
        outcome.page = paginator.page(1)
    except EmptyPage:
        outcome.page = paginator.page(paginator.num_pages)
    outcome.total = total
    strings, pinyin_words = patterns_for(parsed, synonyms)
    outcome.hits = _hits(list(outcome.page.object_list), strings, pinyin_words)
    outcome.expanded_terms = [string for string in strings if not string.own]
    if outcome.total < FEW_RESULTS and not filters.active:
        outcome.suggestion = _typo_suggestion(parsed, pages, outcome.total, synonyms)
    if outcome.page.number == 1:
        outcome.promotions = promotions_for(parsed.text)
    return outcome


def _facets(outcome, groups, filters):
    """Facet options from the grouped counts, each facet counted with the other filters applied
    (so an option shows what choosing it would give); returns the total with every filter."""
    from portal.models import Department

    wanted = {
        "type": ("content_type", filters.content_type),
        "department": ("search_department", filters.department),
        "year": ("search_year", filters.year),
    }

    def counts(skip):
        totals = {}
        for row in groups:
            if all(
                value is None or row[column] == value
                for name, (column, value) in wanted.items()
                if name != skip
            ):
                key = row[wanted[skip][0]] if skip else None
                totals[key] = totals.get(key, 0) + row["count"]
        return totals

    for content_type_id, count in sorted(counts("type").items(), key=lambda item: -item[1]):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            outcome.types.append(
                FacetOption(
                    str(content_type_id),
                    str(model._meta.verbose_name),
                    count,
                    filters.content_type == content_type_id,
                )
            )
    by_department = counts("department")
    departments = Department.objects.in_bulk([pk for pk in by_department if pk is not None])
    for department_id, count in sorted(by_department.items(), key=lambda item: -item[1]):
        department = departments.get(department_id)
        if department is not None:
            outcome.departments.append(
                FacetOption(
                    str(department.pk),
                    department.name,
                    count,
                    filters.department == department.pk,
                )
            )
    for year, count in sorted(counts("year").items(), key=lambda item: -(item[0] or 0)):
        if year is not None:
            outcome.years.append(FacetOption(str(year), f"{year}年", count, filters.year == year))
    return counts(None).get(None, 0)


def _hits(pages, strings, pinyin_words):
    from portal.models import Department

    specific = [page.specific for page in pages]  # already specific: no queries
    department_ids = {
        getattr(page, f"{name}_id", None) for page in specific for name in DEPARTMENT_FIELDS
    } - {None}
    departments = Department.objects.in_bulk(department_ids)
    hits = []
    for page in specific:
        hits.append(
            Hit(
                page=page,
                url=page.get_url() or page.url_path,
                title=highlight_title(page.title, strings, pinyin_words),
                snippet=snippet(page_text(page), strings),
                type_label=str(page._meta.verbose_name),
                department=page_department(page, departments),
                date=page_date(page),
            )
        )
    return hits


def _typo_suggestion(parsed, pages, count, synonyms):
    """您是不是要找: the query with homophone typos fixed, if that finds more pages."""
    backend = get_search_backend()
    corrected = suggest_correction(parsed.text, synonym_terms=list(synonyms))
    if not corrected or corrected == parsed.text:
        return ""
    tree = build(parse(corrected), synonyms=synonyms)
    if tree is None:
        return ""
    return corrected if backend.filter_matches(pages, tree).count() > count else ""


# -- Examples the search page prints ----------------------------------------------------------


@dataclass(frozen=True)
class SearchExamples:
    """Examples for the search page's hints, taken from the live index so that each one finds
    what it promises: a word of the site with its full pinyin and initials, and common names
    (synonyms editors entered) that find pages."""

    word: str = ""
    full_pinyin: str = ""
    initials: str = ""
    common_names: tuple = ()


EXAMPLE_WORD_LENGTHS = (4, 5, 3)
EXAMPLE_TRIES = 12
EXAMPLE_NAMES = 2


def _finds(backend, pages, text, synonyms):
    tree = build(parse(text), synonyms=synonyms)
    return tree is not None and backend.filter_matches(pages, tree).exists()


def search_examples(site=None):
    """Examples that work on this site's live pages now (see SearchExamples); empty fields when
    the site has nothing to show them with."""
    from portal.models import SearchSynonym, SearchWord

    from .pinyin import syllables
    from .synonyms import split_terms
    from .tokenizer import CJK_ONLY

    backend = get_search_backend()
    pages = live_pages(site)
    synonyms = load_synonyms()
    word = full = initials = ""
    # The site's most frequent words first; a word's pinyin is indexed only where it is in a
    # short field (a title, keywords, a name), which the search itself tells.
    for length in EXAMPLE_WORD_LENGTHS:
        candidates = (
            SearchWord.objects.annotate(length=Length("word"))
            .filter(length=length)
            .order_by("-frequency", "word")
            .values_list("word", flat=True)[:EXAMPLE_TRIES]
        )
        for candidate in candidates:
            values = syllables(candidate)
            if None in values:
                continue
            candidate_full = "".join(values)
            candidate_initials = "".join(value[0] for value in values)
            # Each must find a page that has the word itself, not only another word that
            # sounds alike.
            if all(
                _finds(backend, pages, f'{text} "{candidate}"', synonyms)
                for text in (candidate_full, candidate_initials)
            ):
                word, full, initials = candidate, candidate_full, candidate_initials
                break
        if word:
            break
    names = []
    groups = SearchSynonym.objects.order_by("pk").values_list("terms", flat=True)
    for terms in groups[:EXAMPLE_TRIES]:
        # A group's shortest Chinese term is its common name (医保 of 医疗保险).
        short = sorted(
            (term for term in split_terms(terms) if CJK_ONLY.match(term) and len(term) <= 4),
            key=len,
        )
        if short and _finds(backend, pages, short[0], synonyms):
            names.append(short[0])
        if len(names) == EXAMPLE_NAMES:
            break
    return SearchExamples(word, full, initials, tuple(names))


def promotions_for(text):
    """Editors' promoted results (Wagtail search promotions) for exactly this query."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(text)
    ).select_related("page")
    return [
        promotion
        for promotion in promotions
        if promotion.page is None
        or (promotion.page.live and not promotion.page.get_view_restrictions())
    ]


def title_suggestions(*, text, site=None, limit=SUGGESTION_LIMIT):
    """Titles for the search box as a person types: Chinese prefixes and pinyin."""
    parsed = parse(text)
    if not parsed:
        return []
    backend = get_search_backend()
    results = backend.autocomplete(parsed.text, live_pages(site))[:limit]
    return [{"title": page.title, "url": page.get_url() or page.url_path} for page in results]


# -- Query statistics -------------------------------------------------------------------------


def query_statistics(*, days=None):
    """Logged queries with their searches and zero-result searches in the last `days` days
    (all time when None), most searched first."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from portal.models import ZeroResultQueryDailyHits

    since = timezone.localdate() - datetime.timedelta(days=days - 1) if days else None
    hits = QueryDailyHits.objects.filter(query=OuterRef("pk"))
    zero = ZeroResultQueryDailyHits.objects.filter(query=OuterRef("pk"))
    if since:
        hits, zero = hits.filter(date__gte=since), zero.filter(date__gte=since)
    total = hits.order_by().values("query").annotate(total=Sum("hits")).values("total")
    empty = zero.order_by().values("query").annotate(total=Sum("hits")).values("total")
    return (
        Query.objects.annotate(
            searches=Coalesce(Subquery(total), 0),
            zero_results=Coalesce(Subquery(empty), 0),
        )
        .filter(searches__gt=0)
        .order_by("-searches", "query_string")
    )


def popular_queries(*, limit=POPULAR_LIMIT, days=POPULAR_DAYS):
    """What people searched most lately, among queries that found something."""
    rows = (
        query_statistics(days=days)
        .annotate(length=Length("query_string"))
        .filter(zero_results__lt=F("searches"), length__lte=20)
    )
    return [row.query_string for row in rows[:limit]]
