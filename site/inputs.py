"""What the public types into a URL or a form, read in one place: ids and free text.

A query string or a form post can hold anything: Unicode digits that `str.isdigit()` accepts and
`int()` refuses ('²'), numbers beyond the database's integer range, a NUL byte that PostgreSQL
refuses to store or compare. Ids read here never reach the database unless they are ids it can
hold; text with control characters is refused with a message that says what is wrong."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

# The largest value of a 32-bit integer column, the narrowest id column the portal has (Wagtail
# pages, documents): an id beyond it exists in no table.
MAX_ID = 2**31 - 1
ASCII_DIGITS = re.compile(r"[0-9]{1,10}")
# C0 control characters and DEL; tab, line feed and carriage return are ordinary typing.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"[\n\r]")
CONTROL_CHARACTER_MESSAGE = _(
    "填写的内容含有无法显示的控制字符（例如空字符），通常是从其他软件复制时带入的。"
    "请删除该栏内容后重新输入。"
)
# Django's own check of NUL bytes in every CharField reports under this code.
NULL_CHARACTER_CODE = "null_characters_not_allowed"


def parse_id(value):
    """The id in `value` (a query-string or form value) as an int; None for anything but 1 to
    10 ASCII digits within the database's integer range. Surrounding blanks are ignored."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_count(value, *, default=None, maximum=MAX_ID):
    """A non-negative whole number from `value` (ASCII digits), at most `maximum`; `default`
    when `value` is absent; None when it is not such a number."""
    if value is None or value == "":
        return default
    text = str(value).strip()
    if not ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= maximum else None


def has_control_characters(value, *, multiline=True):
    text = str(value or "")
    return bool(CONTROL_CHARACTERS.search(text) or (not multiline and LINE_BREAKS.search(text)))


def clean_text(value, *, multiline=True):
    """`value` as typed, or ValidationError with a Chinese message when it holds a NUL or another
    control character (line breaks too in a one-line field: a crafted post can send them)."""
    text = "" if value is None else str(value)
    if has_control_characters(text, multiline=multiline):
        raise ValidationError(CONTROL_CHARACTER_MESSAGE, code=NULL_CHARACTER_CODE)
    return text


def validate_text(value):
    """Field validator: `clean_text` for a multi-line field."""
    clean_text(value)


class PublicTextMixin:
    """For public forms: every text field refuses control characters with the message of
    `clean_text`, in place of Django's bare "null characters are not allowed"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.error_messages[NULL_CHARACTER_CODE] = CONTROL_CHARACTER_MESSAGE
                field.validators = [
                    *(
                        v
                        for v in field.validators
                        if not isinstance(v, ProhibitNullCharactersValidator)
                    ),
                    validate_text,
                ]


def keep_form_in_history(response):
    """A page with a public form: never kept by a shared cache nor reused without asking, but
    not no-store, so that the browser restores what was typed when the citizen comes back to it
    (after an error page, for one)."""
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    return response
