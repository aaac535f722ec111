"""Turn Chinese text into overlapping character bigrams, the same way at index and query time.

The stock backends keep each run of Chinese characters between punctuation as one token, so a
word inside a phrase is never found; bigrams make every two-character substring a token.

Index side, each run of two or more characters also keeps its last character as a token, so a
one-character query can be answered with a prefix match (`县*`): every character of a run starts
a bigram except the last one, which is then a token of its own. That costs one token per run;
indexing every character as well would double the index (see README, Search).
"""

import functools
import re
import unicodedata

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-F, and 〇 (used in
# dates such as 二〇二六年).
CJK_CHARS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
)
CJK_RUN = rf"[{CJK_CHARS}]+"
TOKEN = re.compile(rf"(?P<cjk>{CJK_RUN})|(?P<word>[0-9A-Za-z]+)")
CJK_ONLY = re.compile(rf"^{CJK_RUN}$")


def normalize(text):
    """NFKC folds full-width Latin letters and digits (ＩＣＰ２０２６) into ASCII."""
    return unicodedata.normalize("NFKC", text or "")


def runs(text):
    """(kind, run) pairs: kind "cjk" for a run of Chinese characters, "word" for a lower-cased
    Latin word or number. Everything else separates runs."""
    for match in TOKEN.finditer(normalize(text)):
        run = match.group("cjk")
        if run is None:
            yield "word", match.group("word").lower()
        else:
            yield "cjk", run


def bigrams(run):
    """Overlapping bigrams of a run of Chinese characters; a lone character stays whole."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokenize(text):
    """Query-side tokens: bigrams for each run of Chinese (a lone character stays whole); Latin
    words and numbers lower-cased and whole."""
    tokens = []
    for kind, run in runs(text):
        if kind == "word":
            tokens.append(run)
        else:
            tokens.extend(bigrams(run))
    return tokens


def index_tokens(text):
    """Index-side tokens: the query-side tokens plus the last character of every run of two or
    more Chinese characters (what a one-character prefix query needs)."""
    tokens = []
    for kind, run in runs(text):
        if kind == "word":
            tokens.append(run)
        else:
            tokens.extend(bigrams(run))
            if len(run) > 1:
                tokens.append(run[-1])
    return tokens


def flatten(value):
    """A search field's value as one string: lists (StreamField, tags) are joined."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(flatten(part) for part in value if part)
    if isinstance(value, dict):
        return " ".join(flatten(part) for part in value.values() if part)
    return str(value)


def index_text(value, *, pinyin=False):
    """The text a search backend stores for `value` (a string, or a list of strings); with
    `pinyin`, the pinyin tokens of its Chinese are appended (see portal.search.pinyin)."""
    return _index_text(flatten(value), pinyin)


@functools.lru_cache(maxsize=2048)
def _index_text(text, pinyin):
    # Cached: a title is indexed as a search field and as an autocomplete field in a row.
    tokens = index_tokens(text)
    if pinyin:
        from .pinyin import pinyin_tokens

        tokens.extend(pinyin_tokens(text))
    return " ".join(tokens)
