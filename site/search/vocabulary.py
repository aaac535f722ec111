"""The site's own vocabulary, keyed by toneless pinyin, and the homophone-typo suggestion on it.

Most Chinese typos come from pinyin input: the right syllables, the wrong characters (登纪 for
登记). Edit distance cannot tell those apart on two-character words; the pinyin can. Words come
from every search field as the search backend indexes it (titles, keywords, names and body text),
segmented with jieba; synonyms editors entered count as words too.

Each word counts the indexed objects that contain it (`frequency`); between two homophones the
more frequent one wins. A new object adds one to each of its words; re-indexing an object already
in the index only adds the words that are new to the vocabulary (they start at one); deleting one
subtracts nothing. `update_index` recounts everything and drops the words nothing contains any
more.
"""

import collections
import logging
import math
import re

from .pinyin import typed_keys, word_keys
from .tokenizer import CJK_CHARS, normalize

WORD = re.compile(rf"^[{CJK_CHARS}]{{2,8}}$")
CJK_RUN = re.compile(rf"[{CJK_CHARS}]+")
MAX_SEGMENT = 6
MAX_RUN = 16
# Costs of the segmentation that picks the suggestion: a character left as typed costs 1.2, a word
# of the vocabulary typed exactly costs nothing, a homophone costs a little per changed character.
# A character kept costs more than one changed in a homophone (1.1), so 三十分种 reads 三十分钟,
# not the word 三十分 and a stray 种.
KEEP_COST = 1.2
REPLACE_COST = 0.4
CHANGED_CHAR_COST = 0.7
FUZZY_COST = 0.2
# A frequent word is a likelier meaning than a rare homophone: FREQUENCY_BONUS per doubling off the
# cost, at most FREQUENCY_BONUS_MAX (less than any other cost step, so it only decides between
# otherwise equal readings).
FREQUENCY_BONUS = 0.05
FREQUENCY_BONUS_MAX = 0.15
# Words are looked up and written in chunks (databases cap the parameters of one statement).
CHUNK = 500

_jieba = None


def _segmenter():
    global _jieba
    if _jieba is None:
        import jieba

        # jieba logs its dictionary loading to standard error; nobody needs to read that.
        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba


def words_of(text, *, short=True):
    """The vocabulary words of a text: jieba's words of two to eight Chinese characters; for a
    short field (title, keywords, name) also each run of two to four characters whole."""
    words = set()
    for run in CJK_RUN.findall(normalize(text)):
        if short and WORD.match(run) and len(run) <= 4:
            words.add(run)
        for word in _segmenter().cut_for_search(run, HMM=False):
            if WORD.match(word):
                words.add(word)
    return words


def document_words(document):
    """The words of one indexed object: `document` is a text (a title) or a list of (text,
    short) pairs, one per search field."""
    if isinstance(document, str):
        return words_of(document)
    words = set()
    for text, short in document:
        words |= words_of(text, short=short)
    return words


def record_words(documents, *, recounted=()):
    """Add the words of these indexed objects to the vocabulary and count them. `documents` maps
    each object to its texts (see document_words; a plain list of texts counts each as one
    object); objects in `recounted` were counted before, so only their words that are new to the
    vocabulary are added."""
    from django.db.models import F

    from portal.models import SearchWord

    if not isinstance(documents, dict):
        documents = dict(enumerate(documents))
    counted, seen_again = collections.Counter(), collections.Counter()
    for key, document in documents.items():
        (seen_again if key in recounted else counted).update(document_words(document))
    words = sorted(set(counted) | set(seen_again))
    existing = set()
    for start in range(0, len(words), CHUNK):
        existing.update(
            SearchWord.objects.filter(word__in=words[start : start + CHUNK]).values_list(
                "word", flat=True
            )
        )
    rows = []
    for word in words:
        if word in existing:
            continue
        keys = word_keys(word)
        if keys is not None:
            frequency = counted[word] + seen_again[word]
            rows.append(
                SearchWord(word=word, pinyin=keys[0], fuzzy_pinyin=keys[1], frequency=frequency)
            )
    if rows:
        SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)
    by_increment = collections.defaultdict(list)
    for word in sorted(existing):
        if counted[word]:
            by_increment[counted[word]].append(word)
    for increment, group in by_increment.items():
        for start in range(0, len(group), CHUNK):
            SearchWord.objects.filter(word__in=group[start : start + CHUNK]).update(
                frequency=F("frequency") + increment
            )


def start_recount():
    """Before update_index re-adds every object: every word starts again from zero."""
    from portal.models import SearchWord

    SearchWord.objects.update(frequency=0)


def finish_recount():
    """After update_index: words no indexed object contains any more are dropped."""
    from portal.models import SearchWord

    SearchWord.objects.filter(frequency=0).delete()


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
        "word", "pinyin", "fuzzy_pinyin", "frequency"
    )
    for word, toneless, fuzzy, frequency in rows:
        found.setdefault(fuzzy, []).append((word, toneless, frequency))
    for term in synonym_terms:
        if WORD.match(term):
            keys = word_keys(term)
            if keys and keys[1] in wanted:
                found.setdefault(keys[1], []).append((term, keys[0], 1))
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
        for word, word_toneless, frequency in candidates.get(fuzzy, ()):
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
            cost -= frequency_bonus(frequency)
            options.append((cost, -frequency, -len(word), word))
    if not options:
        return None
    cost, _, _, word = min(options)
    return word, cost


def frequency_bonus(frequency):
    """What a word's frequency takes off its cost: more for more objects, capped."""
    if frequency <= 1:
        return 0.0
    return min(FREQUENCY_BONUS_MAX, FREQUENCY_BONUS * math.log2(frequency))


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
