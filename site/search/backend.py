"""Wagtail's database search backend, made to find Chinese: set
`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}`.

Index side, every search and autocomplete field is stored as bigrams (+ pinyin for short fields:
titles, keywords, names), also
Wagtail's own Page, Image and Document fields. Query side, whatever Wagtail passes (the admin's
search box, choosers, `PageQuerySet.search()`, our search page) is parsed, expanded with the
editors' synonyms and compiled by portal.search.compile, so all of them find the same pages.

SQLite (the embedded default) queries FTS5 directly and ranks with bm25() in one statement;
modelsearch's own query re-runs MATCH once per candidate row (seconds at 5 000 pages).
PostgreSQL stores the title in the body vector as well (weight A), so one GIN index answers the
match and one ts_rank call ranks it; for the first pages of results only candidates are ranked
(the newest matches and the newest title matches), because ranking every match of a common word
reads every body vector (see README, Search, for the measurements behind these choices).
"""

import contextlib

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, router, transaction
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    TextField,
)
from django.db.models.functions import Cast
from django.db.models.lookups import Lookup
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    EmptySearchResults,
    FilterFieldError,
    SearchFieldError,
)
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField, RelatedFields, SearchField, get_indexed_models
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from . import compile as compiler_syntax
from .fields import field_has_pinyin, raw_value, tokenised_value
from .query import from_search_query
from .tokenizer import flatten

# How many candidates PostgreSQL ranks on the whole body, from each of two sources: the newest
# matches and the newest title matches (measured: see README, Search).
PG_CANDIDATES = 500
# ts_rank weights [D, C, B, A]: body text, -, boosted fields, title.
PG_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# ts_rank normalisation 1: divide by 1 + log(length), so a long page does not win on length.
PG_NORMALIZATION = 1
# bm25() column weights in the order of the FTS table: autocomplete, body, title.
SQLITE_WEIGHTS = (0.0, 1.0, 4.0)
INTEGER_TYPES = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def index_entry_model():
    return get_app_config().get_model("IndexEntry")


# -- Index side ---------------------------------------------------------------------------------


def _field_values(obj, fields, kinds):
    """(field, tokenised value) of each field of the given kinds, following RelatedFields."""
    for field in fields:
        if isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for sub_obj in related:
                yield from _field_values(sub_obj, field.fields, kinds)
        elif isinstance(field, kinds):
            yield field, tokenised_value(field, obj)


class IndexedDocument:
    """What one object contributes to the index: title, autocomplete and body texts."""

    def __init__(self, obj):
        self.obj = obj
        fields = obj.get_search_fields()
        self.searchable = [
            (field, value) for field, value in _field_values(obj, fields, SearchField) if value
        ]
        self.autocomplete = " ".join(
            value for _, value in _field_values(obj, fields, AutocompleteField) if value
        )

    @property
    def id(self):
        return str(self.obj.pk)

    @property
    def title(self):
        return " ".join(v for f, v in self.searchable if f.field_name == "title")

    @property
    def body(self):
        return " ".join(v for f, v in self.searchable if f.field_name != "title")

    def weighted(self):
        """{weight letter: text} for PostgreSQL: title A, boosted fields B, the rest D."""
        texts = {"A": [], "B": [], "C": [], "D": []}
        for field, value in self.searchable:
            if field.field_name == "title":
                texts["A"].append(value)
            elif field.boost and field.boost > 1:
                texts["B"].append(value)
            else:
                texts["D"].append(value)
        return {weight: " ".join(values) for weight, values in texts.items()}


def vocabulary_documents(model, objs):
    """{object id: [(original text, short?)]} of each object's search and autocomplete fields;
    short fields (titles, keywords, names) keep their short runs whole as words."""
    fields = [
        f for f in model.get_search_fields() if isinstance(f, SearchField | AutocompleteField)
    ]
    documents = {}
    for obj in objs:
        texts = []
        for field in fields:
            try:
                value = flatten(raw_value(field, obj))
            except (AttributeError, ValueError):
                continue
            if value and (value, field_has_pinyin(field)) not in texts:
                texts.append((value, field_has_pinyin(field)))
        documents[str(obj.pk)] = texts
    return documents


class VocabularyIndexMixin:
    """Every index of ours also records the vocabulary of what it indexes (typo suggestions).
    update_index recounts it: its Rebuilder sets `recount`, so objects already indexed count too."""

    recount = False

    def record_vocabulary(self, model, objs, existing=()):
        from .vocabulary import record_words

        record_words(
            vocabulary_documents(model, objs), recounted=() if self.recount else set(existing)
        )


class ChineseIndex(VocabularyIndexMixin, BaseIndex):
    """Writes pre-tokenised rows (SQLite: Wagtail's FTS5 triggers copy them into the FTS table)."""

    def __init__(self, backend):
        super().__init__(backend)
        self.entries = index_entry_model()._default_manager.all()
        self.write_connection = connections[router.db_for_write(index_entry_model())]

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        documents = [IndexedDocument(obj) for obj in objs]
        if not documents:
            return
        IndexEntry = index_entry_model()
        content_type_id = get_content_type_pk(model)
        data = {doc.id: (doc.title, doc.autocomplete, doc.body) for doc in documents}
        entries = self.entries.filter(content_type_id=content_type_id)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        with transaction.atomic(using=self.write_connection.alias):
            for object_id in existing:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(
                    title=title, autocomplete=autocomplete, body=body
                )
            IndexEntry._default_manager.bulk_create(
                [
                    IndexEntry(
                        content_type_id=content_type_id,
                        object_id=object_id,
                        title=title,
                        autocomplete=autocomplete,
                        body=body,
                    )
                    for object_id, (title, autocomplete, body) in data.items()
                    if object_id not in existing
                ],
                batch_size=500,
            )
            self.record_vocabulary(model, objs, existing)

    def delete_item(self, item):
        item.index_entries.all()._raw_delete(using=self.write_connection.alias)

    def delete_stale_entries(self):
        """Drop the entries of deleted objects (`update_index` starts with this)."""
        for model in get_indexed_models():
            if not model._meta.parents:  # a root model's entries cover its subclasses
                existing = model._default_manager.annotate(
                    indexed_id=Cast("pk", TextField())
                ).values("indexed_id")
                self.entries.filter(
                    content_type_id__in=get_descendants_content_types_pks(model)
                ).exclude(object_id__in=existing).delete()

    def reset(self):
        self.entries._raw_delete(using=self.write_connection.alias)


class ChinesePostgresIndex(ChineseIndex):
    """One upsert per batch; the body vector holds the title too (weight A) so that one GIN index
    answers every match, and the trigram text columns stay empty (fuzzy search is not used)."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        documents = [IndexedDocument(obj) for obj in objs]
        if not documents:
            return
        IndexEntry = index_entry_model()
        content_type_id = get_content_type_pk(model)
        config = self.backend.config
        vector = "to_tsvector(%s::regconfig, %s)"
        body = " || ".join(f"setweight({vector}, '{weight}')" for weight in "ABCD")
        row = f"(%s, %s, setweight({vector}, 'A'), {vector}, {body}, 1.0, '', '')"
        table = IndexEntry._meta.db_table
        existing = set(
            self.entries.filter(
                content_type_id=content_type_id, object_id__in=[doc.id for doc in documents]
            ).values_list("object_id", flat=True)
        )
        with transaction.atomic(using=self.write_connection.alias):
            for start in range(0, len(documents), 500):
                batch = documents[start : start + 500]
                params = []
                for doc in batch:
                    weighted = doc.weighted()
                    params.extend(
                        [content_type_id, doc.id, config, doc.title, config, doc.autocomplete]
                    )
                    for weight in "ABCD":
                        params.extend([config, weighted[weight]])
                values = ", ".join([row] * len(batch))
                with self.write_connection.cursor() as cursor:
                    cursor.execute(
                        f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, "
                        f"body, title_norm, title_text, body_text) VALUES {values} "
                        "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                        "title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, "
                        "body = EXCLUDED.body",
                        params,
                    )
            self.record_vocabulary(model, objs, existing)


class Rebuilder:
    """`update_index`: drop entries of deleted objects first, then re-add everything, counting
    the vocabulary again from zero."""

    def __init__(self, index):
        self.index = index

    def start(self):
        from .vocabulary import start_recount

        self.index.delete_stale_entries()
        start_recount()
        self.index.recount = True
        return self.index

    def finish(self):
        from .vocabulary import finish_recount

        self.index.recount = False
        finish_recount()


# -- Query side -------------------------------------------------------------------------------


class FTSMatch(Lookup):
    """`<fts table> MATCH %s` in a WHERE clause (a Lookup, so Django adds no `= true`)."""

    lookup_name = "portal_fts_match"

    def __init__(self, table, expression):
        self.table = table
        self.expression = expression
        super().__init__(None, None)

    def as_sql(self, compiler, connection):
        return f"{self.table} MATCH %s", [self.expression]


class BM25(Func):
    output_field = FloatField()

    def __init__(self, table, weights):
        self.table = table
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({self.table}, {weights})", []


class ChineseQueryCompiler(BaseSearchQueryCompiler):
    """Shared by the SQLite and PostgreSQL compilers: the query is our tree (portal.search.query);
    any filter or ordering on the queryset is applied by the database as it is."""

    HANDLES_ORDER_BY_EXPRESSIONS = True
    autocomplete = False

    def check(self):
        # The database applies the queryset itself, so any filter or ordering works; named
        # fields must be search fields, as modelsearch requires.
        if self.fields:
            allowed = {f.field_name for f in self.queryset.model.get_searchable_search_fields()}
            for name in self.fields:
                if name not in allowed:
                    raise SearchFieldError(
                        f'Cannot search with field "{name}". Please add index.SearchField('
                        f'"{name}") to {self.queryset.model.__name__}.search_fields.',
                        field_name=name,
                    )

    def _object_id(self):
        """The index entry's object id, cast to the queryset's primary key type."""
        pk = self.queryset.model._meta.pk
        while pk.is_relation:
            pk = pk.target_field
        if pk.get_internal_type() in INTEGER_TYPES:
            return IntegerField()
        return pk

    def _content_types(self):
        return get_descendants_content_types_pks(self.queryset.model)

    def _contained(self, rows, object_id):
        """Index rows whose object the queryset contains (all of them for an unfiltered one)."""
        if not self.queryset.query.has_filters():
            return rows
        contained = self.queryset.filter(
            pk=Cast(OuterRef(object_id), output_field=self._object_id())
        )
        return rows.filter(Exists(contained.values("pk")))

    def _positive(self):
        """(tree to match, negated?): a top-level Not excludes its matches."""
        if isinstance(self.query, Not):
            return self.query.subquery, True
        return self.query, False

    def matching_ids(self, tree):
        """Values of the object ids matching `tree` (a subquery), or None if nothing can match."""
        raise NotImplementedError

    def filtered(self):
        """The queryset restricted to the matches (order untouched)."""
        if isinstance(self.query, MatchAll):
            return self.queryset
        tree, negated = self._positive()
        ids = self.matching_ids(tree)
        if ids is None:
            return self.queryset if negated else self.queryset.none()
        if negated:
            return self.queryset.exclude(pk__in=ids)
        return self.queryset.filter(pk__in=ids)

    def ranked_ids(self, start, stop):
        """[(object id, score)] of the matches, best first."""
        raise NotImplementedError

    def results(self, start, stop, score_field=None):
        negated = self._positive()[1]
        if isinstance(self.query, MatchAll) or negated or not self.order_by_relevance:
            queryset = self.filtered()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[start:stop])
        ranked = self.ranked_ids(start, stop)
        if not ranked:
            return []
        objects = {
            str(obj.pk): obj for obj in self.queryset.filter(pk__in=[pk for pk, _ in ranked])
        }
        results = []
        for pk, score in ranked:
            obj = objects.get(str(pk))
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                results.append(obj)
        return results

    def count(self):
        return self.filtered().count()


class ChineseSQLiteQueryCompiler(ChineseQueryCompiler):
    def _columns(self):
        if self.autocomplete:
            return ["autocomplete"]
        if self.fields:
            return sorted({"title" if name == "title" else "body" for name in self.fields})
        return ["title", "body"]

    def _hits(self, tree):
        """FTS rows matching the tree, of the queryset's types, that the queryset contains."""
        match = compiler_syntax.fts5_match(tree, self._columns())
        if match is None:
            return None
        fts_model = get_app_config().get_model("SQLiteFTSIndexEntry")
        hits = fts_model.objects.filter(FTSMatch(fts_model._meta.db_table, match)).filter(
            index_entry__content_type_id__in=self._content_types()
        )
        return self._contained(hits, "index_entry__object_id")

    def matching_ids(self, tree):
        hits = self._hits(tree)
        if hits is None:
            return None
        return hits.values_list(
            Cast("index_entry__object_id", output_field=self._object_id()), flat=True
        )

    def ranked_ids(self, start, stop):
        hits = self._hits(self._positive()[0])
        if hits is None:
            return []
        fts_table = hits.model._meta.db_table
        weights = (1.0, 0.0, 0.0) if self.autocomplete else SQLITE_WEIGHTS
        ranked = (
            hits.annotate(score=BM25(fts_table, weights))
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")
        )
        # bm25() is lower for better matches; callers expect higher-is-better scores.
        return [(pk, -score) for pk, score in ranked[start:stop]]


class ChinesePostgresQueryCompiler(ChineseQueryCompiler):
    def _column(self):
        if self.autocomplete:
            return "autocomplete"
        if self.fields and set(self.fields) == {"title"}:
            return "title"
        return "body"

    def _tsquery(self, tree):
        return SearchQuery(compiler_syntax.tsquery(tree), search_type="raw", config="simple")

    def _entries(self, tree, column=None):
        entries = (
            index_entry_model()
            ._default_manager.filter(content_type_id__in=self._content_types())
            .filter(**{column or self._column(): self._tsquery(tree)})
        )
        return self._contained(entries, "object_id")

    def matching_ids(self, tree):
        return self._entries(tree).values_list(
            Cast("object_id", output_field=self._object_id()), flat=True
        )

    def _rank(self, column, tree):
        return SearchRank(
            F(column), self._tsquery(tree), weights=PG_WEIGHTS, normalization=PG_NORMALIZATION
        )

    def _candidates(self, tree):
        """Ids of the entries worth ranking (a subquery): the newest PG_CANDIDATES matches and the
        newest PG_CANDIDATES whose title matches."""
        entries = (
            index_entry_model()
            ._default_manager.filter(content_type_id__in=self._content_types())
            .order_by("-id")
        )
        newest = entries.filter(body=self._tsquery(tree)).values("id")[:PG_CANDIDATES]
        # The body vector holds the title too, so a title match is a match; the small title
        # vector is checked alone.
        by_title = entries.filter(title=self._tsquery(tree)).values("id")[:PG_CANDIDATES]
        return newest.union(by_title)

    def ranked_ids(self, start, stop):
        tree = self._positive()[0]
        column = self._column()
        ranked = self._entries(tree)
        if column == "body" and stop is not None and stop <= PG_CANDIDATES:
            # Ranking reads each match's whole body vector, and so does the queryset check: a
            # common word matches most pages, and reading them all takes far longer than the
            # 100 ms we allow. So only candidates are ranked (newest matches and newest title
            # matches, found walking the primary key backwards, which stops early). When that
            # leaves too few results (a rare query, or a queryset that rejects most candidates),
            # every match is ranked: cheap for a rare query, and correct for the other.
            # The candidates are matches already; matching them again would only give the
            # planner a chance to misjudge how many there are (it once chose a nested loop of
            # 9 000 x 1 000 rows for a word missing from its statistics).
            candidates = self._contained(
                index_entry_model()._default_manager.filter(id__in=self._candidates(tree)),
                "object_id",
            )
            results = self._ranked(candidates, column, tree, start, stop)
            if len(results) == stop - start:
                return results
        return self._ranked(ranked, column, tree, start, stop)

    def _ranked(self, entries, column, tree, start, stop):
        rows = (
            entries.annotate(score=self._rank(column, tree))
            .order_by("-score", "-id")
            .values_list("object_id", "score")
        )
        return list(rows[start:stop])


class ChineseSearchResults(BaseSearchResults):
    supports_facet = True

    def _do_search(self):
        return self.query_compiler.results(self.start, self.stop, self._score_field)

    def _do_count(self):
        count = self.query_compiler.count() - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def facet(self, field_name):
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to "
                f"{self.query_compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        rows = (
            self.query_compiler.filtered()
            .order_by()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return {row[field_name]: row["count"] for row in rows}


class ChineseBackendMixin:
    """Query side, shared by our three backends: parse, expand synonyms, compile."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        from .synonyms import load_synonyms

        autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        tree = from_search_query(
            query,
            operator=kwargs.get("operator"),
            synonyms=load_synonyms(),
            autocomplete=autocomplete,
        )
        if tree is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, tree, model_or_queryset, **kwargs)

    def filter_matches(self, queryset, query):
        """`queryset` restricted to what `query` (text or a tree of ours) matches, unordered by
        relevance: for counts and facets over every match."""
        from .synonyms import load_synonyms

        tree = from_search_query(query, synonyms=load_synonyms())
        if tree is None:
            return queryset.none()
        # The index rows are matched for the whole model; the queryset filters the objects once.
        base = queryset.model._default_manager.all()
        compiler = self.query_compiler_class(base, tree, order_by_relevance=False)
        if isinstance(tree, MatchAll):
            return queryset
        positive, negated = compiler._positive()
        ids = compiler.matching_ids(positive)
        if ids is None:
            return queryset if negated else queryset.none()
        return queryset.exclude(pk__in=ids) if negated else queryset.filter(pk__in=ids)

    def counting(self):
        """A context for queries that count every match (facets, totals); see PostgreSQL's."""
        return contextlib.nullcontext()


class DatabaseBackendBase(ChineseBackendMixin, BaseSearchBackend):
    results_class = ChineseSearchResults
    rebuilder_class = Rebuilder
    atomic_rebuilder_class = Rebuilder
    catch_indexing_errors = False

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "simple"
        self.autocomplete_config = "simple"

    def get_index_for_model(self, model):
        return self.index_class(self)


class ChineseSQLiteSearchQueryCompiler(ChineseSQLiteQueryCompiler):
    pass


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteQueryCompiler):
    autocomplete = True


class ChinesePostgresSearchQueryCompiler(ChinesePostgresQueryCompiler):
    pass


class ChinesePostgresAutocompleteQueryCompiler(ChinesePostgresQueryCompiler):
    autocomplete = True


class ChineseSQLiteSearchBackend(DatabaseBackendBase):
    index_class = ChineseIndex
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler


class ChinesePostgresSearchBackend(DatabaseBackendBase):
    index_class = ChinesePostgresIndex
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler

    @contextlib.contextmanager
    def counting(self):
        """Counting every match of a common word costs PostgreSQL hundreds of milliseconds at
        100 000 pages, enough for its planner to compile the query with JIT, which then adds
        300 ms more (measured). JIT is switched off for this transaction only."""
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
            yield


def SearchBackend(params):
    """The backend for the default database: SQLite (FTS5) or PostgreSQL."""
    vendor = connection.vendor
    if vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if not fts5_available():
            raise ImproperlyConfigured("中文搜索需要 SQLite 的 FTS5 扩展。")
        return ChineseSQLiteSearchBackend(params)
    if vendor == "postgresql":
        return ChinesePostgresSearchBackend(params)
    raise ImproperlyConfigured(
        f"portal.search.backend supports SQLite and PostgreSQL, not {vendor}; "
        "set ELASTICSEARCH_URL to use Elasticsearch."
    )
