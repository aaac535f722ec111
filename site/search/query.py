"""What a person typed, parsed into a query every backend of ours compiles the same way.

Syntax kept deliberately small, because people type Chinese, not query languages:
- words separated by spaces must all match;
- "quoted text" (also “ ” and 「 」) matches as an exact phrase;
- a word starting with - (or －) excludes pages that contain it, when something else is searched;
- OR (upper case) or | between two words matches either.
Everything else that search engines treat as syntax (* ^ : ( ) NEAR AND NOT, stray quotes) is
text, and text without Chinese, letters or digits is ignored, so no input reaches a backend as
syntax and no input can raise a database error.

The parsed query becomes a tree of modelsearch's And / Or / Not around `Tokens` leaves: each
leaf is a run of index tokens (bigrams, words, pinyin) that must all match, in order for a
phrase, with the last one as a prefix where a single character, pinyin or autocomplete needs it.
"""

import re
from dataclasses import dataclass, field

from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText, SearchQuery

from portal.inputs import CONTROL_CHARACTERS

from . import pinyin
from .tokenizer import bigrams, normalize, runs

MAX_QUERY_LENGTH = 100
MAX_TERMS = 12
OPEN_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "＂": "＂"}
OPERATOR_WORDS = {"AND", "NOT", "NEAR"}
OR_WORDS = {"OR", "|", "｜"}
NEGATION = ("-", "－")


class Tokens(SearchQuery):
    """A leaf: index tokens that must all match (consecutively for a phrase); with `prefix`, the
    last token matches any token that starts with it."""

    def __init__(self, tokens, *, phrase=False, prefix=False):
        self.tokens = tuple(tokens)
        self.phrase = phrase and len(self.tokens) > 1
        self.prefix = prefix

    def __repr__(self):
        flags = "".join(("P" if self.phrase else "", "*" if self.prefix else ""))
        return f"<Tokens {' '.join(self.tokens)}{' ' + flags if flags else ''}>"

    def __eq__(self, other):
        return isinstance(other, Tokens) and (self.tokens, self.phrase, self.prefix) == (
            other.tokens,
            other.phrase,
            other.prefix,
        )

    def __hash__(self):
        return hash((self.tokens, self.phrase, self.prefix))


@dataclass(frozen=True)
class Term:
    """One thing the person typed: a word (or run of Chinese) or a quoted phrase."""

    text: str
    phrase: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """The query as typed (trimmed and cut to MAX_QUERY_LENGTH) and its terms, as groups of
    alternatives: [[a], [b, c]] means a AND (b OR c)."""

    text: str
    groups: tuple = field(default_factory=tuple)

    @property
    def terms(self):
        return [term for group in self.groups for term in group]

    @property
    def positive_terms(self):
        return [term for term in self.terms if not term.negated]

    def __bool__(self):
        return bool(self.positive_terms)


def clean_text(text):
    """The query as it is shown back: whitespace collapsed, at most MAX_QUERY_LENGTH characters.
    Control characters count as blanks (PostgreSQL refuses a NUL byte)."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(text or "")).split())[:MAX_QUERY_LENGTH]


def has_tokens(text):
    return any(True for _ in runs(text))


def parse(text):
    """Parse what a person typed; never raises."""
    text = clean_text(text)
    pieces = _split(text)
    groups, pending_or = [], False
    for piece, quoted in pieces:
        if not quoted and piece in OR_WORDS:
            pending_or = bool(groups)
            continue
        if not quoted and piece in OPERATOR_WORDS:
            continue
        negated = False
        if not quoted and piece.startswith(NEGATION) and len(piece) > 1:
            negated, piece = True, piece[1:]
        if not has_tokens(piece):
            continue
        term = Term(piece, phrase=quoted, negated=negated)
        if pending_or and not negated and not any(t.negated for t in groups[-1]):
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
        if len(groups) >= MAX_TERMS:
            break
    return ParsedQuery(text, tuple(tuple(group) for group in groups))


def _split(text):
    """(piece, quoted) pairs: quoted phrases whole, the rest split on whitespace."""
    pieces, position = [], 0
    pattern = re.compile("|".join(re.escape(quote) for quote in OPEN_QUOTES))
    while position < len(text):
        match = pattern.search(text, position)
        if match is None:
            pieces.extend((word, False) for word in text[position:].split())
            break
        close = text.find(OPEN_QUOTES[match.group()], match.end())
        if close == -1:  # an unbalanced quote is just text
            pieces.extend((word, False) for word in text[position:].split())
            break
        pieces.extend((word, False) for word in text[position : match.start()].split())
        phrase = text[match.end() : close].strip()
        if phrase:
            pieces.append((phrase, True))
        position = close + 1
    return pieces


def term_query(text, *, phrase=False, prefix_last=False):
    """The query tree of one term: every run of it must match."""
    parts = list(runs(text))
    nodes = []
    for index, (kind, run) in enumerate(parts):
        last = index == len(parts) - 1
        if kind == "word":
            nodes.append(_word_query(run, prefix=prefix_last and last))
        elif len(run) == 1:
            nodes.append(Tokens([run], prefix=True))
        else:
            nodes.append(Tokens(bigrams(run), phrase=phrase, prefix=prefix_last and last))
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(nodes)


def _word_query(word, *, prefix=False):
    """A Latin word or number; a word that may be pinyin also matches title pinyin."""
    exact = Tokens([word], prefix=prefix)
    if not pinyin.is_pinyin_word(word):
        return exact
    return Or([exact, Tokens([pinyin.query_token(word)], prefix=True)])


def build(parsed, *, synonyms=None, autocomplete=False):
    """The query tree of a parsed query, each term expanded with its synonyms; None when
    nothing positive is left to search."""
    from .synonyms import expand

    if not parsed:
        return None
    positives, negatives = [], []
    groups = parsed.groups
    for group_index, group in enumerate(groups):
        alternatives = []
        for term in group:
            last = autocomplete and group_index == len(groups) - 1 and not term.phrase
            variants = [term.text] if term.phrase else expand(term.text, synonyms or {})
            nodes = [
                node
                for node in (
                    term_query(variant, phrase=term.phrase, prefix_last=last)
                    for variant in variants
                )
                if node is not None
            ]
            if not nodes:
                continue
            node = nodes[0] if len(nodes) == 1 else Or(nodes)
            if term.negated:
                negatives.append(node)
            else:
                alternatives.append(node)
        if alternatives:
            positives.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not positives:
        return None
    nodes = positives + [Not(node) for node in negatives]
    return nodes[0] if len(nodes) == 1 else And(nodes)


def from_search_query(query, *, operator=None, synonyms=None, autocomplete=False):
    """Translate what Wagtail passes to a backend (a string or modelsearch query objects) into our
    tree; a tree of ours passes through. None when there is nothing to search; MatchAll stays."""
    if isinstance(query, Tokens):
        return query
    if query is None or isinstance(query, MatchAll):
        return MatchAll()
    if isinstance(query, str):
        parsed = parse(query)
        if (operator or "and").lower() == "or":
            parsed = ParsedQuery(parsed.text, (tuple(parsed.positive_terms),))
        return build(parsed, synonyms=synonyms, autocomplete=autocomplete)
    if isinstance(query, PlainText | Fuzzy):
        return from_search_query(
            query.query_string,
            operator=query.operator,
            synonyms=synonyms,
            autocomplete=autocomplete,
        )
    if isinstance(query, Phrase):
        return term_query(query.query_string, phrase=True)
    if isinstance(query, Boost):
        return from_search_query(
            query.subquery, operator=operator, synonyms=synonyms, autocomplete=autocomplete
        )
    if isinstance(query, Not):
        inner = from_search_query(query.subquery, operator=operator, synonyms=synonyms)
        return None if inner is None else Not(inner)
    if isinstance(query, And | Or):
        children = [
            from_search_query(child, operator=operator, synonyms=synonyms)
            for child in query.subqueries
        ]
        children = [child for child in children if child is not None]
        if isinstance(query, Or) and any(isinstance(child, MatchAll) for child in children):
            return MatchAll()
        children = [child for child in children if not isinstance(child, MatchAll)]
        if not children:
            return MatchAll() if isinstance(query, And) else None
        if len(children) == 1:
            return children[0]
        return type(query)(children)
    return query


def normalized_text(text):
    """Full-width folded and lower-cased, for comparing what people typed."""
    return normalize(text).lower()
