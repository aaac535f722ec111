"""System check: every model of this project indexes its text through the Chinese fields.

A plain `index.SearchField` on text stores whole runs of Chinese as single tokens, so a word inside
a phrase is never found; `ChineseSearchField` / `ChineseAutocompleteField` store bigrams. Models of
Wagtail and other installed packages (Page, Image, Document) keep their declarations: the search
backend tokenises their plain fields itself (see fields.tokenised_value).
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from modelsearch.index import AutocompleteField, RelatedFields, SearchField, get_indexed_models

from .fields import is_chinese_field

NON_TEXT_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "BigIntegerField",
    "IntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
    "FloatField",
    "DecimalField",
    "BooleanField",
    "NullBooleanField",
    "DateField",
    "DateTimeField",
    "TimeField",
    "DurationField",
    "UUIDField",
}


def is_project_model(model):
    """Whether a model belongs to this project (its app lives in the checkout, not a package)."""
    base = Path(settings.BASE_DIR).resolve()
    app_path = Path(apps.get_app_config(model._meta.app_label).path).resolve()
    return base in app_path.parents and "site-packages" not in app_path.parts


def _is_text(model, field):
    try:
        model_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:
        return True  # a property or method: its value is text as far as the index knows
    while model_field.is_relation and model_field.target_field is not None:
        model_field = model_field.target_field
    return model_field.get_internal_type() not in NON_TEXT_TYPES


def _plain_text_fields(model, fields, path=""):
    for field in fields:
        if isinstance(field, RelatedFields):
            try:
                related = model._meta.get_field(field.field_name).related_model
            except FieldDoesNotExist:
                continue
            yield from _plain_text_fields(related, field.fields, f"{path}{field.field_name}__")
        elif (
            isinstance(field, SearchField | AutocompleteField)
            and not is_chinese_field(field)
            and _is_text(model, field)
        ):
            yield f"{path}{field.field_name}", type(field).__name__


@checks.register(checks.Tags.models)
def check_chinese_search_fields(app_configs=None, **kwargs):
    """portal.E101: an indexed model of this project uses a plain SearchField or AutocompleteField
    on text."""
    errors = []
    for model in get_indexed_models():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        if not is_project_model(model):
            continue
        for name, kind in _plain_text_fields(model, model.get_search_fields()):
            replacement = (
                "ChineseSearchField" if kind == "SearchField" else "ChineseAutocompleteField"
            )
            errors.append(
                checks.Error(
                    f"{model._meta.label}.search_fields uses a plain {kind} on the text field "
                    f"'{name}': Chinese in it would only be found as whole runs of characters.",
                    hint=f"Use portal.search.fields.{replacement}('{name}') instead.",
                    obj=model,
                    id="portal.E101",
                )
            )
    return errors
