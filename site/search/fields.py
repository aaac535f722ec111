"""Search fields that store pre-tokenised Chinese text; every indexed model uses these instead of
modelsearch's plain SearchField and AutocompleteField."""

from wagtail.search import index

from .tokenizer import index_text


class ChineseSearchField(index.SearchField):
    """A full-text field whose value is indexed as Chinese bigrams."""

    def get_value(self, obj):
        return index_text(super().get_value(obj))


class ChineseAutocompleteField(index.AutocompleteField):
    """An autocomplete field whose value is indexed as Chinese bigrams."""

    def get_value(self, obj):
        return index_text(super().get_value(obj))
