"""Compile the query tree of portal.search.query into each engine's syntax: an FTS5 MATCH string
(SQLite), a to_tsquery string (PostgreSQL) and an Elasticsearch query body.

Tokens only ever contain Chinese characters, ASCII letters and digits (see tokenizer.py), and are
quoted anyway, so nothing a person typed is ever read as syntax by an engine.
"""

from modelsearch.query import And, MatchAll, Not, Or

from .query import Tokens


def split_negations(node):
    """(positive children, negated children) of an And; other nodes are all positive."""
    if isinstance(node, And):
        positives = [child for child in node.subqueries if not isinstance(child, Not)]
        negatives = [child.subquery for child in node.subqueries if isinstance(child, Not)]
        return positives, negatives
    return [node], []


# -- SQLite FTS5 ------------------------------------------------------------------------------


def fts5(node):
    """The FTS5 expression of a tree; None when nothing positive can be matched."""
    if isinstance(node, Tokens):
        quoted = [f'"{token}"' for token in node.tokens]
        if node.phrase:
            return '"' + " ".join(node.tokens) + '"' + ("*" if node.prefix else "")
        if node.prefix:
            quoted[-1] += "*"
        return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"
    if isinstance(node, And):
        positives, negatives = split_negations(node)
        parts = [part for part in map(fts5, positives) if part]
        if not parts:
            return None
        expression = parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"
        excluded = [part for part in map(fts5, negatives) if part]
        if excluded:
            expression = f"({expression} NOT ({' OR '.join(excluded)}))"
        return expression
    if isinstance(node, Or):
        # "a OR NOT b" cannot be said in FTS5 and nobody types it: negated alternatives drop.
        children = [child for child in node.subqueries if not isinstance(child, Not)]
        parts = [part for part in map(fts5, children) if part]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    if isinstance(node, Not):
        return None
    raise TypeError(f"Cannot compile {node!r} for SQLite")


def fts5_match(node, columns):
    """The MATCH argument: the expression restricted to the given FTS columns."""
    expression = fts5(node)
    if expression is None:
        return None
    return "{" + " ".join(columns) + "} : (" + expression + ")"


# -- PostgreSQL tsquery -----------------------------------------------------------------------


def _lexeme(token, prefix=False):
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'" + (":*" if prefix else "")


def tsquery(node):
    """The to_tsquery text of a tree (for the 'simple' configuration)."""
    if isinstance(node, Tokens):
        last = len(node.tokens) - 1
        lexemes = [
            _lexeme(token, prefix=node.prefix and index == last)
            for index, token in enumerate(node.tokens)
        ]
        joiner = " <-> " if node.phrase else " & "
        return lexemes[0] if len(lexemes) == 1 else "(" + joiner.join(lexemes) + ")"
    if isinstance(node, And):
        return "(" + " & ".join(tsquery(child) for child in node.subqueries) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(tsquery(child) for child in node.subqueries) + ")"
    if isinstance(node, Not):
        return "!" + tsquery(node.subquery)
    raise TypeError(f"Cannot compile {node!r} for PostgreSQL")


# -- Elasticsearch ----------------------------------------------------------------------------


def es_query(node, field, *, boost=1.0, edgengrams=False):
    """The Elasticsearch query of a tree over one field. Against an edge-n-gram field (autocomplete)
    every token already matches as a prefix."""
    if isinstance(node, Tokens):
        return _es_tokens(node, field, boost=boost, edgengrams=edgengrams)
    if isinstance(node, And):
        positives, negatives = split_negations(node)
        query = {
            "bool": {
                "must": [es_query(c, field, boost=boost, edgengrams=edgengrams) for c in positives]
            }
        }
        if negatives:
            query["bool"]["must_not"] = [
                es_query(c, field, boost=boost, edgengrams=edgengrams) for c in negatives
            ]
        return query
    if isinstance(node, Or):
        return {
            "bool": {
                "should": [
                    es_query(c, field, boost=boost, edgengrams=edgengrams) for c in node.subqueries
                ],
                "minimum_should_match": 1,
            }
        }
    if isinstance(node, Not):
        return {
            "bool": {"must_not": es_query(node.subquery, field, boost=boost, edgengrams=edgengrams)}
        }
    if isinstance(node, MatchAll):
        return {"match_all": {}}
    raise TypeError(f"Cannot compile {node!r} for Elasticsearch")


def _es_tokens(node, field, *, boost, edgengrams):
    text = " ".join(node.tokens)
    options = {"boost": boost} if boost != 1.0 else {}
    if node.phrase:
        kind = "match_phrase_prefix" if node.prefix and not edgengrams else "match_phrase"
        return {kind: {field: {"query": text, **options}}}
    if not node.prefix or edgengrams:
        return {"match": {field: {"query": text, "operator": "and", **options}}}
    prefix = {"prefix": {field: {"value": node.tokens[-1], **options}}}
    if len(node.tokens) == 1:
        return prefix
    rest = " ".join(node.tokens[:-1])
    return {
        "bool": {
            "must": [{"match": {field: {"query": rest, "operator": "and", **options}}}, prefix]
        }
    }
