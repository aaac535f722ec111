"""Turn Chinese text into overlapping character bigrams, the same way at index and query time.

The stock backends keep each run of Chinese characters between punctuation as one token, so a
word inside a phrase is never found; bigrams make every two-character substring a token.
"""

import re

# CJK Unified Ideographs, Extension A and Compatibility Ideographs.
CJK_RUN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"
TOKEN = re.compile(rf"(?P<cjk>{CJK_RUN})|(?P<word>[0-9A-Za-z]+)")


def tokenize(text):
    """Bigrams for each run of Chinese (a lone character stays whole); Latin words and numbers
    lower-cased and whole."""
    tokens = []
    for match in TOKEN.finditer(text or ""):
        run = match.group("cjk")
        if run is None:
            tokens.append(match.group("word").lower())
        elif len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


def index_text(value):
    """The text a search backend stores for `value` (a string, or a list of strings)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = " ".join(str(part) for part in value if part)
    return " ".join(tokenize(str(value)))
