"""Synonyms and abbreviations editors manage (医保 ↔ 医疗保险): a query term is expanded with them
before it is tokenised, so 医保报销 also searches 医疗保险报销.

A group's Chinese terms are the common names a citizen knows a thing by, so their full pinyin and
initials are terms of the group too: `sbk` and `shebaoka` search 社保卡 and 社会保障卡.
"""

import itertools
import re

from .query import normalized_text

MAX_VARIANTS = 8
SEPARATORS = re.compile(r"[,，、;；/\s]+")
ASCII_WORD = re.compile(r"^[0-9a-z]+$")

_cache = {"signature": None, "table": {}}


def split_terms(text):
    """The distinct terms of an editor's synonym group, in the order written."""
    terms = []
    for term in SEPARATORS.split(text or ""):
        term = term.strip()
        if term and normalized_text(term) not in {normalized_text(t) for t in terms}:
            terms.append(term)
    return terms


def pinyin_keys(term):
    """The full pinyin and the initials of a term written in Chinese (社保卡 → shebaoka, sbk);
    none for other terms."""
    from .pinyin import syllables
    from .tokenizer import CJK_ONLY

    term = normalized_text(term)
    if not CJK_ONLY.match(term):
        return []
    values = syllables(term)
    if None in values:
        return []
    return list(dict.fromkeys(["".join(values), "".join(value[0] for value in values)]))


def build_table(groups):
    """{normalised term: (every other term of its groups)} from lists of terms; the pinyin keys
    of a group's Chinese terms stand for every term of the group."""
    table = {}
    for terms in groups:
        chinese = [term for term in terms if pinyin_keys(term)]
        for term in terms:
            key = normalized_text(term)
            others = [t for t in terms if normalized_text(t) != key]
            merged = list(table.get(key, ()))
            merged.extend(t for t in others if t not in merged)
            table[key] = tuple(merged)
        for term in chinese:
            for key in pinyin_keys(term):
                if key in {normalized_text(t) for t in terms}:
                    continue
                merged = list(table.get(key, ()))
                merged.extend(t for t in chinese if t not in merged)
                table[key] = tuple(merged)
    return table


def load_synonyms():
    """The synonym table, rebuilt only when an editor changed a group (one small query)."""
    from django.db.models import Count, Max

    from portal.models import SearchSynonym

    signature = tuple(
        SearchSynonym.objects.aggregate(count=Count("pk"), changed=Max("updated_at")).values()
    )
    if signature != _cache["signature"]:
        groups = [
            split_terms(terms) for terms in SearchSynonym.objects.values_list("terms", flat=True)
        ]
        _cache["table"] = build_table(groups)
        _cache["signature"] = signature
    return _cache["table"]


def expand(text, table):
    """`text` and its variants with synonyms substituted, the original first, at most
    MAX_VARIANTS. Chinese terms are found anywhere in the text; Latin ones as whole words."""
    if not table:
        return [text]
    key = normalized_text(text)
    longest = max(len(term) for term in table)
    occurrences, position = [], 0
    while position < len(key):
        for length in range(min(longest, len(key) - position), 0, -1):
            candidate = key[position : position + length]
            if candidate in table and _whole(key, position, length, candidate):
                occurrences.append((position, position + length, table[candidate]))
                position += length
                break
        else:
            position += 1
    if not occurrences:
        return [text]
    choices = [[key[start:end], *alternatives] for start, end, alternatives in occurrences]
    variants = []
    for combination in itertools.product(*choices):
        pieces, cursor = [], 0
        for (start, end, _), choice in zip(occurrences, combination, strict=True):
            pieces.append(key[cursor:start])
            pieces.append(choice)
            cursor = end
        pieces.append(key[cursor:])
        variant = "".join(pieces)
        if variant not in variants:
            variants.append(variant)
        if len(variants) >= MAX_VARIANTS:
            break
    return [text, *(variant for variant in variants if variant != key)]


def _whole(key, position, length, candidate):
    """Latin synonyms match whole words only (ai must not match inside mail)."""
    if not ASCII_WORD.match(candidate):
        return True
    before = key[position - 1] if position else " "
    after = key[position + length] if position + length < len(key) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
