"""Wagtail's Elasticsearch 8 backend, made to find Chinese: set
`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.elasticsearch8", "URLS": [...]}}`
(base settings do so when ELASTICSEARCH_URL is set).

Elasticsearch's standard analyzer splits Chinese into single characters and the catch-all query
ORs them, so 不动产登记 matches any page with any of those five characters. Here documents carry
the same pre-tokenised text as the database backends (bigrams, words, pinyin), the index's
default analyzer only splits on whitespace and lower-cases, the autocomplete field's edge n-grams
are built over those tokens (and searched with the whitespace analyzer, not `standard`), and
queries are compiled from the same tree as on SQLite and PostgreSQL (portal.search.compile).
"""

import copy

from modelsearch.backends.base import (
    BaseSearchResults,
    FilterError,
    FilterFieldError,
    OrderByFieldError,
)
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)
from modelsearch.index import AutocompleteField, SearchField, class_is_indexed
from modelsearch.query import MatchAll, Not
from modelsearch.utils import deep_update

from .backend import ChineseBackendMixin, VocabularyIndexMixin
from .compile import es_query
from .fields import tokenised_value

WHITESPACE_ANALYZER = "portal_whitespace"
# The most matches fetched when the database has to apply filters Elasticsearch cannot see.
MAX_IDS = 10000

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                # Every text field without its own analyzer (the catch-all _all_text fields too).
                "default": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
                WHITESPACE_ANALYZER: {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["lowercase"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "whitespace",
                    "filter": ["lowercase", "edgengram"],
                },
            },
            "filter": {
                # Long enough for pinyin tokens (pyyingyezhizhao…).
                "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 50},
            },
        },
        "index": {"max_ngram_diff": 49},
    }
}


class ChineseElasticsearchMapping(Elasticsearch8Mapping):
    """Documents carry pre-tokenised text; autocomplete is searched with the whitespace analyzer."""

    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": WHITESPACE_ANALYZER,
    }

    def _get_document_field_data(self, field, obj):
        if isinstance(field, AutocompleteField):
            value = tokenised_value(field, obj)
            return self.get_field_column_name(field), value, [value]
        if isinstance(field, SearchField):
            return self.get_field_column_name(field), tokenised_value(field, obj), []
        return super()._get_document_field_data(field, obj)


class ChineseElasticsearchIndex(VocabularyIndexMixin, Elasticsearch8Index):
    def add_item(self, item):
        super().add_item(item)
        if class_is_indexed(item.__class__):
            self.record_vocabulary(item.__class__, [item])

    def add_items(self, model, items):
        super().add_items(model, items)
        if class_is_indexed(model):
            self.record_vocabulary(model, items)


class ChineseQueryMixin:
    """Compile our tree over the catch-all fields (dis_max, as Wagtail does for boosts)."""

    def get_inner_query(self):
        if isinstance(self.query, MatchAll):
            return {"match_all": {}}
        if isinstance(self.query, Not):
            return {
                "bool": {
                    "must_not": [
                        es_query(self.query.subquery, field.field_name, boost=field.boost)
                        for field in self.remapped_fields
                    ]
                }
            }
        queries = [
            es_query(self.query, field.field_name, boost=float(field.boost))
            for field in self.remapped_fields
        ]
        return queries[0] if len(queries) == 1 else {"dis_max": {"queries": queries}}


class ChineseElasticsearchSearchQueryCompiler(ChineseQueryMixin, Elasticsearch8SearchQueryCompiler):
    mapping_class = ChineseElasticsearchMapping


class ChineseElasticsearchAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = ChineseElasticsearchMapping

    def get_inner_query(self):
        if isinstance(self.query, MatchAll):
            return {"match_all": {}}
        fields = self.remapped_fields or ["_edgengrams"]
        queries = [es_query(self.query, field, edgengrams=True) for field in fields]
        return queries[0] if len(queries) == 1 else {"dis_max": {"queries": queries}}


class ChineseElasticsearchSearchResults(Elasticsearch8SearchResults):
    pass


class DatabaseFilteredResults(BaseSearchResults):
    """For querysets with filters Elasticsearch cannot apply (annotations, unindexed fields):
    the best MAX_IDS matches of the model come from Elasticsearch, the database filters them."""

    def __init__(self, backend, query_compiler, queryset, prefetch_related=None):
        super().__init__(backend, query_compiler, prefetch_related=prefetch_related)
        self.queryset = queryset

    def _clone(self):
        new = self.__class__(
            self.backend, self.query_compiler, self.queryset, prefetch_related=self.prefetch_related
        )
        new.start, new.stop, new._score_field = self.start, self.stop, self._score_field
        return new

    def _ranked(self):
        return self.backend.ranked_ids(self.query_compiler)

    def _matching(self):
        ranked = self._ranked()
        order = {pk: position for position, (pk, _) in enumerate(ranked)}
        scores = dict(ranked)
        objects = list(self.queryset.filter(pk__in=list(order)))
        objects.sort(key=lambda obj: order[str(obj.pk)])
        if self._score_field:
            for obj in objects:
                setattr(obj, self._score_field, scores[str(obj.pk)])
        return objects

    def _do_search(self):
        return self._matching()[self.start : self.stop]

    def _do_count(self):
        count = len(self._matching()) - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)


class ChineseElasticsearchSearchBackend(ChineseBackendMixin, Elasticsearch8SearchBackend):
    mapping_class = ChineseElasticsearchMapping
    index_class = ChineseElasticsearchIndex
    query_compiler_class = ChineseElasticsearchSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseElasticsearchAutocompleteQueryCompiler
    results_class = ChineseElasticsearchSearchResults
    settings = deep_update(copy.deepcopy(Elasticsearch8SearchBackend.settings), INDEX_SETTINGS)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        try:
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        except (FilterError, FilterFieldError, OrderByFieldError, AttributeError):
            # Filters only the database understands (modelsearch's check raises AttributeError
            # on a filter over an annotation): search the whole model, filter after.
            queryset = model_or_queryset
            base = queryset.model._default_manager.all()
            results = super()._search(query_compiler_class, query, base, **kwargs)
            if not hasattr(results, "query_compiler") or results.query_compiler is None:
                return results
            return DatabaseFilteredResults(self, results.query_compiler, queryset)

    def ranked_ids(self, query_compiler, limit=MAX_IDS):
        """[(pk, score)] of the best `limit` matches, as strings, best first."""
        index = self.get_index_for_model(query_compiler.queryset.model)
        body = {"query": query_compiler.get_query()}
        response = self.es.search(
            index=index.name, **body, size=limit, _source=False, stored_fields="pk"
        )
        return [(str(hit["fields"]["pk"][0]), hit["_score"]) for hit in response["hits"]["hits"]]

    def filter_matches(self, queryset, query):
        from .query import from_search_query
        from .synonyms import load_synonyms

        tree = from_search_query(query, synonyms=load_synonyms())
        if tree is None:
            return queryset.none()
        if isinstance(tree, MatchAll):
            return queryset
        base = queryset.model._default_manager.all()
        compiler = self.query_compiler_class(base, tree, order_by_relevance=False)
        ids = [pk for pk, _ in self.ranked_ids(compiler)]
        return queryset.filter(pk__in=ids)


SearchBackend = ChineseElasticsearchSearchBackend
