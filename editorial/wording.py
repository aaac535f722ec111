"""错敏词: the editable list of wrong or sensitive wordings, the one-pass matcher over a page's
text, and reviewers' confirmations that a flagged wording is correct in its context."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from portal.permissions import is_site_admin, page_in_users_department
from portal.search.fields import ChineseAutocompleteField, ChineseSearchField

from .roles import REVIEWER_GROUP

GENERATION_KEY = "editorial:sensitive-words:generation"
WORDS_KEY = "editorial:sensitive-words:{generation}"

# Page fields that are machine-made or duplicates of another field: never scanned.
SKIPPED_FIELDS = {"slug", "url_path", "draft_title", "path", "index_number", "keywords"}


class SensitiveWord(index.Indexed, models.Model):
    """One wrong or sensitive wording, with the replacement editors should use."""

    word = models.CharField(
        _("错敏词"),
        max_length=50,
        unique=True,
        help_text=_("页面中出现即提示，例如：做为。区分大小写，按原文逐字匹配。"),
    )
    replacement = models.CharField(
        _("建议改为"),
        max_length=50,
        blank=True,
        help_text=_("例如：作为。确实无替代写法时可留空，并在说明中写明如何处理。"),
    )
    note = models.CharField(
        _("说明"),
        max_length=200,
        blank=True,
        help_text=_("为什么要改、什么情况下原写法也正确，例如：“截止”用于“截止日期”时无误。"),
    )
    enabled = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [
        FieldPanel("word"),
        FieldPanel("replacement"),
        FieldPanel("note"),
        FieldPanel("enabled"),
    ]
    search_fields = [
        ChineseSearchField("word"),
        ChineseSearchField("replacement"),
        ChineseSearchField("note"),
        ChineseAutocompleteField("word"),
    ]

    class Meta:
        verbose_name = _("错敏词")
        verbose_name_plural = _("错敏词")
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.replacement}" if self.replacement else self.word

    def clean(self):
        self.word = (self.word or "").strip()
        self.replacement = (self.replacement or "").strip()
        if not self.word:
            raise ValidationError({"word": _("请填写错敏词。")})
        if self.replacement and self.word in self.replacement:
            # The fixed text would be flagged again, and the editor could never clear the hint.
            raise ValidationError(
                {"replacement": _("建议写法不能包含错敏词本身，否则改正后仍会被提示。")}
            )

    @staticmethod
    def list_changed():
        """Make every process load the word list again (called after each change to the list)."""
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


@dataclass(frozen=True)
class Entry:
    word: str
    replacement: str
    note: str


@dataclass(frozen=True)
class Hit:
    """A word of the list found in one field of a page, `count` times."""

    path: str
    field: str
    word: str
    replacement: str
    note: str
    count: int

    @property
    def key(self):
        """What a confirmation covers: the same word, in the same field, as many times."""
        return (self.path, self.word, self.count)


class Matcher:
    """All enabled words compiled into one alternation, longest first: one pass per text."""

    def __init__(self, entries):
        self.entries = {entry.word: entry for entry in entries}
        words = sorted(self.entries, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, words))) if words else None

    def counts(self, text):
        if self.pattern is None or not text:
            return Counter()
        return Counter(match.group() for match in self.pattern.finditer(text))


_matchers = {}


def current_matcher():
    """The compiled list, cached per process and in the shared cache under a generation key."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Lost (evicted or a fresh cache): start a new generation, so no stale list is reused.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    if generation is None:
        # The shared cache is down: nothing can tell this process when the list changes.
        return _load_matcher()
    matcher = _matchers.get(generation)
    if matcher is None:
        key = WORDS_KEY.format(generation=generation)
        rows = cache.get(key)
        if rows is None:
            rows = _enabled_rows()
            cache.set(key, rows, 24 * 3600)
        matcher = Matcher(Entry(*row) for row in rows)
        _matchers.clear()  # only the current generation is worth keeping
        _matchers[generation] = matcher
    return matcher


def _enabled_rows():
    return list(
        SensitiveWord.objects.filter(enabled=True).values_list("word", "replacement", "note")
    )


def _load_matcher():
    return Matcher(Entry(*row) for row in _enabled_rows())


def page_texts(page):
    """(path, field label, plain text) of every text a reader of the page sees, inline rows
    included. The path (field names and row positions) is language-independent: confirmations
    are keyed by it, the label is for people."""
    yield from _object_texts(page, path="", label="")


def _object_texts(obj, *, path, label):
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or field.choices or field.is_relation:
            continue
        if (
            isinstance(obj, Page)
            and field.model is Page
            and field.name not in ("title", "seo_title", "search_description")
        ):
            continue  # Page's own bookkeeping columns
        value = field.value_from_object(obj)
        if not value:
            continue
        if isinstance(field, StreamField):
            text = " ".join(str(part) for part in field.get_searchable_content(value))
        elif isinstance(field, RichTextField):
            text = get_text_for_indexing(str(value))
        elif isinstance(field, models.CharField | models.TextField):
            text = str(value)
        else:
            continue
        yield path + field.name, label + str(field.verbose_name), text
    if isinstance(obj, ClusterableModel):
        for relation in get_all_child_relations(obj):
            name = relation.get_accessor_name()
            verbose = relation.related_model._meta.verbose_name
            for position, child in enumerate(getattr(obj, name).all(), 1):
                yield from _object_texts(
                    child,
                    path=f"{path}{name}.{position}.",
                    label=f"{label}{verbose}（第 {position} 条）→ ",
                )


def find_hits(page, matcher=None) -> list[Hit]:
    """Every listed word in the page's text, grouped by field, in field order."""
    matcher = matcher or current_matcher()
    if matcher.pattern is None:
        return []
    hits = []
    for path, label, text in page_texts(page):
        for word, count in matcher.counts(text).items():
            entry = matcher.entries[word]
            hits.append(Hit(path, label, word, entry.replacement, entry.note, count))
    return hits


class SensitiveWordConfirmation(models.Model):
    """A reviewer's record that the flagged wordings of a page are correct as written."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("页面"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("确认时的版本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is deleted: the record must still say who confirmed.
    user_name = models.CharField(_("确认人姓名"), max_length=150)
    hits = models.JSONField(
        _("确认的提示"),
        help_text=_("每项为 {path, field, word, count}：哪个字段、哪个词、出现几次。"),
    )
    created_at = models.DateTimeField(_("确认时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("错敏词确认记录")
        verbose_name_plural = _("错敏词确认记录")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "-created_at"])]

    def __str__(self):
        words = "、".join(sorted({hit["word"] for hit in self.hits}))
        return f"{self.user_name} 确认 {words}"

    @property
    def keys(self):
        return {(hit["path"], hit["word"], hit["count"]) for hit in self.hits}


def confirmed_keys(page):
    """Every hit some reviewer has confirmed on this page (one query)."""
    if page.pk is None:
        return set()
    keys = set()
    for hits in SensitiveWordConfirmation.objects.filter(page_id=page.pk).values_list(
        "hits", flat=True
    ):
        keys.update((hit["path"], hit["word"], hit["count"]) for hit in hits)
    return keys


def may_confirm_sensitive_words(user, page):
    """Reviewers of the page's department and site administrators; never editors."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_site_admin(user):
        return True
    if not user.groups.filter(name=REVIEWER_GROUP).exists():
        return False
    if getattr(page, "department_scoped", False):
        return page_in_users_department(user, page)
    return False  # pages of no department are reviewed by site administrators only
