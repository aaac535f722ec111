"""Pinyin for search: tokens that let `budongchan`, `bdc`, `yingyezhizhao` or `yyzz` find a title
or keyword, and toneless keys that turn a homophone typo (登纪) back into a word of the site (登记).

Index side, each run of Chinese in a short field (fields.PINYIN_FIELDS: titles, keywords, names)
yields, for every character position, the full pinyin and the initials of up to MAX_SYLLABLES
characters starting there, prefixed with PREFIX so they never collide with Latin words of the
text (不动产登记 → pybudongchandengji, pydongchandengji …, pybdcdj, pydcdj …). Runs separated
only by spaces are read as one (不动产 转移登记 → pybdczydj): a citizen types no space in pinyin.
Query side, a Latin word is also matched as a prefix of those tokens (`pybudongchan*`), which
finds any run of syllables that starts on a character boundary without having to split the query
into syllables.
"""

import itertools
import re

from pypinyin import Style, lazy_pinyin, pinyin

from .tokenizer import CJK_RUN, normalize

PREFIX = "py"
MAX_SYLLABLES = 8
# A query word that may be pinyin: letters only, short enough to be a prefix of a token.
PINYIN_WORD = re.compile(rf"^[a-z]{{2,{MAX_SYLLABLES * 6}}}$")
SYLLABLE = re.compile(r"^[a-z]+$")
# Fuzzy initials and finals of Chinese input methods (模糊音): z/zh, c/ch, s/sh, n/l, -n/-ng.
FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
MAX_READINGS = 16
# Runs of Chinese separated by nothing but whitespace, read as one for pinyin.
SPACED_RUNS = re.compile(rf"{CJK_RUN}(?:\s+{CJK_RUN})*")
# The same in a title as shown (not normalised), for highlighting: letters that are not Latin.
SPACED_TITLE_RUNS = re.compile(r"[^\W\d_A-Za-z]+(?:\s+[^\W\d_A-Za-z]+)*")


def syllables(run):
    """Toneless pinyin of each character of a run of Chinese, chosen in context (银行 → yin hang);
    None for a character pypinyin does not know."""
    result = lazy_pinyin(run, style=Style.NORMAL, errors=lambda chars: [None] * len(chars))
    if len(result) != len(run):  # pypinyin merged or split something unexpectedly
        result = [lazy_pinyin(char, style=Style.NORMAL)[0] for char in run]
    return [s if s and SYLLABLE.match(s) else None for s in result]


def pinyin_tokens(text):
    """The pinyin tokens of the Chinese in `text`: full pinyin and initials of each character
    position, up to MAX_SYLLABLES characters long, without duplicates."""
    tokens = {}
    for match in SPACED_RUNS.finditer(normalize(text)):
        run = "".join(match.group().split())
        for segment in _known_segments(syllables(run)):
            for start in range(len(segment)):
                window = segment[start : start + MAX_SYLLABLES]
                tokens[PREFIX + "".join(window)] = None
                tokens[PREFIX + "".join(s[0] for s in window)] = None
    return list(tokens)


def _known_segments(values):
    """Split a list of syllables at the characters without pinyin."""
    segment = []
    for value in values:
        if value is None:
            if segment:
                yield segment
            segment = []
        else:
            segment.append(value)
    if segment:
        yield segment


def is_pinyin_word(word):
    """Whether a lower-cased query word may be pinyin or pinyin initials."""
    return bool(PINYIN_WORD.match(word))


def query_token(word):
    """The index token a pinyin query word is a prefix of."""
    return PREFIX + word


def fuzzy_syllable(syllable):
    """One syllable with the fuzzy sounds folded together (zhi → zi, neng → len, lü → lu)."""
    syllable = syllable.replace("v", "u").replace("ü", "u")
    for long, short in FUZZY_INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    for long, short in FUZZY_FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


def word_keys(word):
    """(toneless key, fuzzy key) of a vocabulary word, read in context; None if a character has
    no pinyin."""
    values = syllables(word)
    if not values or None in values:
        return None
    return "-".join(values), "-".join(fuzzy_syllable(s) for s in values)


def typed_keys(text):
    """Every (toneless key, fuzzy key) a typed string may stand for: each character with each of
    its readings (a typo has no context), at most MAX_READINGS combinations."""
    readings = []
    for char in text:
        options = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda c: [[]])
        choices = [s for s in (options[0] if options else []) if SYLLABLE.match(s or "")]
        if not choices:
            return []
        readings.append(list(dict.fromkeys(choices)))
    keys = []
    for combination in itertools.islice(itertools.product(*readings), MAX_READINGS):
        keys.append(("-".join(combination), "-".join(fuzzy_syllable(s) for s in combination)))
    return keys


def title_matches(title, word):
    """(start, end) spans of `title` whose pinyin or initials begin with the pinyin `word`, for
    highlighting a title found by pinyin."""
    spans = []
    for match in SPACED_TITLE_RUNS.finditer(title):
        # Positions in the title of the run's characters, spaces left out.
        positions = [
            match.start() + i for i, char in enumerate(match.group()) if not char.isspace()
        ]
        run = "".join(match.group().split())
        values = syllables(run)
        for start in range(len(values)):
            if values[start] is None:
                continue
            full, initials = "", ""
            for end in range(start, len(values)):
                if values[end] is None:
                    break
                full += values[end]
                initials += values[end][0]
                if (full.startswith(word) and len(full) - len(values[end]) < len(word)) or (
                    initials == word
                ):
                    spans.append((positions[start], positions[end] + 1))
                    break
                if len(full) >= len(word) and len(initials) >= len(word):
                    break
    return spans
