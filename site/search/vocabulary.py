"""The site's own vocabulary, keyed by toneless pinyin, and the homophone-typo suggestion on it.

Most Chinese typos come from pinyin input: the right syllables, the wrong characters (登纪 for
登记). Edit distance cannot tell those apart on two-character words; the pinyin can. Words come
from titles (every autocomplete field: page titles, department names, document titles) as the
search backend indexes them, segmented with jieba; synonyms editors entered count as words too.
"""

import logging
import re

from .pinyin import typed_keys, word_keys
from .tokenizer import CJK_CHARS, normalize

WORD = re.compile(rf"^[{CJK_CHARS}]{{2,8}}$")
CJK_RUN = re.compile(rf"[{CJK_CHARS}]+")
MAX_SEGMENT = 6
MAX_RUN = 16
# Costs of the segmentation that picks the suggestion: a character left as typed costs 1, a word
# of the vocabulary typed exactly costs nothing, a homophone costs a little per changed character.
KEEP_COST = 1.0
REPLACE_COST = 0.4
CHANGED_CHAR_COST = 0.7
FUZZY_COST = 0.2

_jieba = None


def _segmenter():
    global _jieba
    if _jieba is None:
        import jieba

        # jieba logs its dictionary loading to standard error; nobody needs to read that.
        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba


def words_of(text):
    """The vocabulary words of a title: jieba's words of two to eight Chinese characters."""
    words = set()
    for run in CJK_RUN.findall(normalize(text)):
        if WORD.match(run) and len(run) <= 4:
            words.add(run)
        for word in _segmenter().cut_for_search(run, HMM=False):
            if WORD.match(word):
                words.add(word)
    return words


def record_words(texts):
    """Add the words of these titles to the vocabulary (existing words are left alone)."""
    from portal.models import SearchWord

    words = set()
    for text in texts:
        words |= words_of(text)
    rows = []
    for word in sorted(words):
        keys = word_keys(word)
        if keys is not None:
            rows.append(SearchWord(word=word, pinyin=keys[0], fuzzy_pinyin=keys[1]))
    if rows:
        SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def _candidates(runs, synonym_terms):
    """{fuzzy key: [(word, toneless key)]} for every substring of the typed runs."""
    from portal.models import SearchWord

    wanted = set()
    for run in runs:
        for start in range(len(run)):
            for end in range(start + 2, min(len(run), start + MAX_SEGMENT) + 1):
                wanted.update(fuzzy for _, fuzzy in typed_keys(run[start:end]))
    found = {}
    if not wanted:
        return found
    rows = SearchWord.objects.filter(fuzzy_pinyin__in=sorted(wanted)).values_list(
        "word", "pinyin", "fuzzy_pinyin"
    )
    for word, toneless, fuzzy in rows:
        found.setdefault(fuzzy, []).append((word, toneless))
    for term in synonym_terms:
        if WORD.match(term):
            keys = word_keys(term)
            if keys and keys[1] in wanted:
                found.setdefault(keys[1], []).append((term, keys[0]))
    return found


def correct_run(run, candidates):
    """The best reading of one run of Chinese: each stretch either kept as typed or replaced by
    a vocabulary word that sounds the same (cheapest segmentation wins)."""
    size = len(run)
    best = [(0.0, "")] + [(float("inf"), "")] * size
    for start in range(size):
        cost, text = best[start]
        if cost == float("inf"):
            continue
        if cost + KEEP_COST < best[start + 1][0]:
            best[start + 1] = (cost + KEEP_COST, text + run[start])
        for end in range(start + 2, min(size, start + MAX_SEGMENT) + 1):
            typed = run[start:end]
            option = _best_word(typed, candidates)
            if option is None:
                continue
            word, step = option
            if cost + step < best[end][0]:
                best[end] = (cost + step, text + word)
    return best[size][1]


def _best_word(typed, candidates):
    """(word, cost) of the vocabulary word that best replaces a typed stretch, or None."""
    options = []
    for toneless, fuzzy in typed_keys(typed):
        for word, word_toneless in candidates.get(fuzzy, ()):
            if len(word) != len(typed):
                continue
            changed = sum(1 for a, b in zip(word, typed, strict=True) if a != b)
            if changed == 0:
                return word, 0.0
            if changed == len(word):
                # Nothing typed right: another word that sounds the same, not a typo of it.
                continue
            cost = REPLACE_COST + CHANGED_CHAR_COST * changed
            if word_toneless != toneless:
                cost += FUZZY_COST
            options.append((cost, -len(word), word))
    if not options:
        return None
    cost, _, word = min(options)
    return word, cost


def suggest_correction(text, *, synonym_terms=()):
    """The query with homophone typos replaced by words of the site, or None if nothing changes."""
    text = normalize(text)
    runs = [run for run in CJK_RUN.findall(text) if 2 <= len(run) <= MAX_RUN]
    if not runs:
        return None
    candidates = _candidates(runs, synonym_terms)
    if not candidates:
        return None
    corrected = text
    for run in sorted(set(runs), key=len, reverse=True):
        fixed = correct_run(run, candidates)
        if fixed and fixed != run:
            corrected = corrected.replace(run, fixed)
    return corrected if corrected != text else None
