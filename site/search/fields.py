"""Search fields that store pre-tokenised Chinese text; every indexed model uses these instead of
modelsearch's plain SearchField and AutocompleteField (a system check enforces it, see checks.py).

Titles also carry their pinyin tokens (`pinyin` defaults to True for a field named "title"), so
`budongchan` and `bdc` find 不动产 in a title.
"""

from wagtail.search import index

from .tokenizer import index_text


class ChineseFieldMixin:
    """Tokenises the value as Chinese bigrams; `get_raw_value` keeps the original text for
    highlighting."""

    def __init__(self, field_name, *args, pinyin=None, **kwargs):
        super().__init__(field_name, *args, **kwargs)
        self.pinyin = field_name == "title" if pinyin is None else pinyin

    def get_raw_value(self, obj):
        return super().get_value(obj)

    def get_value(self, obj):
        return index_text(self.get_raw_value(obj), pinyin=self.pinyin)


class ChineseSearchField(ChineseFieldMixin, index.SearchField):
    """A full-text field whose value is indexed as Chinese bigrams (and pinyin for titles)."""


class ChineseAutocompleteField(ChineseFieldMixin, index.AutocompleteField):
    """An autocomplete field whose value is indexed as Chinese bigrams (and pinyin for titles)."""


def is_chinese_field(field):
    return isinstance(field, ChineseFieldMixin)


def tokenised_value(field, obj):
    """The index text of any search or autocomplete field: Chinese fields tokenise themselves;
    plain ones (Wagtail's own Page, Image and Document) are tokenised here, so that every
    indexed model is searched the same way."""
    if is_chinese_field(field):
        return field.get_value(obj)
    return index_text(field.get_value(obj), pinyin=field.field_name == "title")


def raw_value(field, obj):
    """The original, untokenised value of a search field, for highlighting."""
    if is_chinese_field(field):
        return field.get_raw_value(obj)
    return field.get_value(obj)
