"""Search fields that store pre-tokenised Chinese text; every indexed model uses these instead of
modelsearch's plain SearchField and AutocompleteField (a system check enforces it, see checks.py).

The short fields a citizen knows a thing by (titles, keywords, names and short names, subjects,
aliases: PINYIN_FIELDS) also carry their pinyin tokens, so `budongchan` and `bdc` find 不动产 in a
title and `yyzz` finds 营业执照 in the keywords. Long text carries none: its pinyin would find
pages by accident and multiply the index.
"""

from wagtail.search import index

from .tokenizer import index_text

# Fields indexed with pinyin unless a field says otherwise (`pinyin=True/False`). Procedure and
# document names are their titles; Department has name and short_name; symposiums a theme.
PINYIN_FIELDS = frozenset(
    {"title", "keywords", "name", "short_name", "subject", "theme", "alias", "aliases"}
)


def has_pinyin(field_name):
    """Whether a field of this name is indexed with its pinyin by default."""
    return field_name in PINYIN_FIELDS


class ChineseFieldMixin:
    """Tokenises the value as Chinese bigrams; `get_raw_value` keeps the original text for
    highlighting."""

    def __init__(self, field_name, *args, pinyin=None, **kwargs):
        super().__init__(field_name, *args, **kwargs)
        self.pinyin = has_pinyin(field_name) if pinyin is None else pinyin

    def get_raw_value(self, obj):
        return super().get_value(obj)

    def get_value(self, obj):
        return index_text(self.get_raw_value(obj), pinyin=self.pinyin)


class ChineseSearchField(ChineseFieldMixin, index.SearchField):
    """A full-text field whose value is indexed as Chinese bigrams (and pinyin for short fields)."""


class ChineseAutocompleteField(ChineseFieldMixin, index.AutocompleteField):
    """An autocomplete field whose value is indexed as Chinese bigrams (and pinyin for short
    fields)."""


def is_chinese_field(field):
    return isinstance(field, ChineseFieldMixin)


def field_has_pinyin(field):
    """Whether a search field (ours or a plain one of Wagtail's models) is indexed with pinyin."""
    if is_chinese_field(field):
        return field.pinyin
    return has_pinyin(field.field_name)


def tokenised_value(field, obj):
    """The index text of any search or autocomplete field: Chinese fields tokenise themselves;
    plain ones (Wagtail's own Page, Image and Document) are tokenised here, so that every
    indexed model is searched the same way."""
    if is_chinese_field(field):
        return field.get_value(obj)
    return index_text(field.get_value(obj), pinyin=field_has_pinyin(field))


def raw_value(field, obj):
    """The original, untokenised value of a search field, for highlighting."""
    if is_chinese_field(field):
        return field.get_raw_value(obj)
    return field.get_value(obj)
