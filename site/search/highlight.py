"""Highlight what matched, computed from the original text (Wagtail has no highlighter): a snippet
around the densest cluster of matched words, each wrapped in <mark>, everything else escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.index import SearchField

from . import pinyin
from .fields import raw_value
from .query import term_query
from .synonyms import expand
from .tokenizer import bigrams, flatten, runs

SNIPPET_LENGTH = 120
CONTEXT_BEFORE = 20


class Pattern(str):
    """A string to mark; `own` when the person typed it (not a synonym of what they typed)."""

    own = True


def _pattern(text, own):
    pattern = Pattern(text)
    pattern.own = own
    return pattern


def patterns_for(parsed, synonyms=None):
    """(strings to mark, pinyin words) for a parsed query: every run of Chinese, Latin word and
    number of its positive terms and of their synonyms."""
    strings, pinyin_words = [], []
    for term in parsed.positive_terms:
        variants = [term.text] if term.phrase else expand(term.text, synonyms or {})
        for index, variant in enumerate(variants):
            if term_query(variant) is None:
                continue
            for kind, run in runs(variant):
                if run not in strings:
                    strings.append(_pattern(run, own=index == 0))
                if kind == "word" and pinyin.is_pinyin_word(run) and run not in pinyin_words:
                    pinyin_words.append(run)
    return strings, pinyin_words


def _spans(text, strings):
    """Non-overlapping (start, end) spans of `strings` in `text`. A run of Chinese the person
    typed that does not occur whole (its bigrams matched apart) is marked bigram by bigram; a
    synonym only where it occurs whole."""
    needles = []
    for string in strings:
        if re.search(re.escape(string), text, flags=re.IGNORECASE) or len(string) < 3:
            needles.append(string)
        elif getattr(string, "own", True) and not string.isascii():
            needles.extend(bigrams(string))
    if not needles:
        return []
    needles = sorted(set(needles), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), flags=re.IGNORECASE)
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def _merge(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _markup(text, spans, offset=0):
    pieces, cursor = [], offset
    for start, end in spans:
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def highlight_title(title, strings, pinyin_words=()):
    """The whole title, escaped, with matched words (and pinyin matches) marked."""
    spans = _spans(title, strings)
    for word in pinyin_words:
        spans.extend(pinyin.title_matches(title, word))
    return mark_safe(_markup(title, _merge(spans)))


def snippet(text, strings, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around the most matched words, escaped and marked;
    the start of the text when nothing matches in it."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    spans = _merge(_spans(text, strings))
    if not spans:
        cut = text[:length]
        return mark_safe(escape(cut) + ("…" if len(text) > length else ""))
    # The window (starting at a match) that covers the most distinct matched words.
    best_start, best_score = spans[0][0], -1
    for start, _ in spans:
        inside = {text[s:e].lower() for s, e in spans if s >= start and e <= start + length}
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
    window_start = max(0, best_start - CONTEXT_BEFORE)
    window_end = min(len(text), window_start + length)
    window_spans = [
        (max(s, window_start), min(e, window_end))
        for s, e in spans
        if e > window_start and s < window_end
    ]
    body = _markup(text[:window_end], window_spans, offset=window_start)
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(text) else ""
    return mark_safe(prefix + body + suffix)


def page_text(page):
    """The original text of a page's searchable fields other than the title, in declared order."""
    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        try:
            value = raw_value(field, page)
        except (AttributeError, ValueError):
            continue
        value = flatten(value).strip()
        if value and value not in texts:
            texts.append(value)
    description = getattr(page, "search_description", "")
    if description and description not in texts:
        texts.append(description)
    return " ".join(texts)
