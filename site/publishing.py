"""Checks a page must pass before it goes live, and the admin form that runs them.

Apps register checks here (editorial registers the metadata, dead-link and 错敏词 checks in its
AppConfig.ready); every path that publishes asks `publish_problems` — the page edit form on
publish and submit, the final review stage, the dashboard. The kernel knows no app: who may
confirm a confirmable problem, and how a confirmation is recorded, is registered by the app that
owns the rule (`register_confirmer`).

Actions: "publish" (the page goes live now: publish button, final approval) and "submit" (sent to
review: submit button, approving an earlier review stage). A check decides per action whether its
problem blocks; a non-blocking problem is shown as a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .slugs import default_slug

PUBLISH, SUBMIT = "publish", "submit"

# The buttons of Wagtail's page editor and the action each one means for the checks.
FORM_ACTIONS = {
    "action-publish": PUBLISH,
    "action-submit": SUBMIT,
    "action-restart-workflow": SUBMIT,
    # Approving a review stage from the edit view; the final stage re-checks with "publish".
    "action-workflow-action": SUBMIT,
}

_checks = []
_confirmers = []


@dataclass(frozen=True)
class PublishProblem:
    """One reason a page should not (yet) go live, worded for the editor who must fix it."""

    code: str
    message: str
    blocking: bool = True
    confirmable: bool = False


def register_publish_check(check):
    """Add `check(page, *, user, action, counts=None)` -> iterable of PublishProblem.

    `counts` maps a child relation to its row count while an edit form is not saved yet.
    Registering the same function twice is a no-op, so a re-run ready() does not duplicate.
    Usable as a decorator.
    """
    if check not in _checks:
        _checks.append(check)
    return check


def unregister_publish_check(check):
    """Remove a check (tests that register a temporary one)."""
    if check in _checks:
        _checks.remove(check)


def publish_problems(page, *, user=None, action=PUBLISH, counts=None) -> list[PublishProblem]:
    """Every problem of `page` (as it is in memory) for `action`, in registration order."""
    if action not in (PUBLISH, SUBMIT):
        raise ValueError(f"unknown publish action {action!r}")
    page = page.specific_deferred if type(page) is Page else page
    problems = []
    for check in _checks:
        problems.extend(check(page, user=user, action=action, counts=counts))
    return problems


def blocking_problems(page, *, user=None, action=PUBLISH, counts=None) -> list[PublishProblem]:
    """Only the problems that stop `action`."""
    return [
        p for p in publish_problems(page, user=user, action=action, counts=counts) if p.blocking
    ]


def register_confirmer(confirmer):
    """Register the owner of confirmable problems.

    `confirmer.can_confirm(user, page) -> bool` and
    `confirmer.confirm(page, *, user, problems)` which records the confirmation so that the same
    problems are no longer reported by their check.
    """
    if confirmer not in _confirmers:
        _confirmers.append(confirmer)
    return confirmer


def _confirmer_for(user, page):
    for confirmer in _confirmers:
        if user is not None and confirmer.can_confirm(user, page):
            return confirmer
    return None


class PublishCheckedPageForm(WagtailAdminPageForm):
    """Page edit form: drafts may be incomplete; publishing or submitting runs every check.

    Reviewers (as the registered confirmer decides) get a checkbox to confirm confirmable
    problems (错敏词) after reading them; editors see those as warnings when submitting.
    """

    confirm_problems = forms.BooleanField(
        label=_("已核对错敏词提示，确认无误"),
        required=False,
        help_text=_("仅审核人员可见。勾选即确认以上提示的用词无误，系统将记录确认人和时间。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.confirmer = _confirmer_for(self.for_user, self.instance)
        if "confirm_problems" in self.fields and not self._offer_confirmation():
            # Removing the field also hides its FieldPanel (Wagtail shows only bound fields).
            del self.fields["confirm_problems"]
        if "slug" in self.fields:
            # The browser cannot spell Chinese in pinyin, so it leaves the slug empty for a
            # Chinese title; clean() fills it in.
            self.fields["slug"].required = False

    def clean(self):
        title, slug = self.cleaned_data.get("title"), self.cleaned_data.get("slug")
        if title and "slug" in self.cleaned_data:
            parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
            slug = self.cleaned_data["slug"] = default_slug(self.instance, title, slug, parent)
            if not slug:
                self.add_error(
                    "slug",
                    _("标题中没有能转成拼音的文字，请填写网址别名，只用小写字母、数字和连字符。"),
                )
        return super().clean()

    def _offer_confirmation(self):
        if self.confirmer is None:
            return False
        if self.is_bound:
            return True  # the hits of the submitted content are only known after cleaning
        problems = publish_problems(self.instance, user=self.for_user, action=PUBLISH)
        confirmable = [p for p in problems if p.confirmable]
        if confirmable:
            self.fields["confirm_problems"].help_text = "；".join(p.message for p in confirmable)
        return bool(confirmable)

    @property
    def changed_data(self):
        # Ticking the confirmation box is not an edit of the page: a reviewer who confirms while
        # approving must not create a revision (and so become an author of the page).
        return [name for name in super().changed_data if name != "confirm_problems"]

    def publish_action(self):
        """PUBLISH or SUBMIT for the button pressed, or None for saving a draft (and for
        sending a page back: a rejection must never be refused for the page's problems)."""
        if "action-workflow-action" in self.data and self.data.get("workflow-action-name") != (
            "approve"
        ):
            return None
        for button, action in FORM_ACTIONS.items():
            if button in self.data:
                return action
        return None

    def is_publishing(self):
        """The publish or submit button (not a review decision): subclasses' stricter rules."""
        return any(button in self.data for button in ("action-publish", "action-submit"))

    def child_counts(self):
        """Rows each inline formset and multiple-choice field will hold once saved."""
        counts = {}
        for name, formset in self.formsets.items():
            if formset.is_valid():
                counts[name] = sum(
                    1
                    for form in formset.forms
                    if form.has_changed() or form.instance.pk
                    if not form.cleaned_data.get("DELETE") and form.cleaned_data
                )
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                counts[name] = len(self.cleaned_data.get(name) or [])
        return counts

    def _rows_in_memory(self):
        """Put the inline rows as submitted on the unsaved page, so the checks read the text and
        links the editor is publishing. The view's own save(commit=False) later reconciles the
        same objects (modelcluster keeps rows with an id and re-adds the new and changed ones)."""
        for name, formset in self.formsets.items():
            if name == "comments" or not formset.is_valid():
                continue  # reviewers' comments are not page content
            rows = [
                form.instance
                for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            setattr(self.instance, formset.rel_name, rows)

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        action = self.publish_action()
        confirming = self.confirmer is not None and self.cleaned_data.get("confirm_problems")
        if action is None and not confirming:
            return
        counts = self.child_counts()
        self._rows_in_memory()
        problems = publish_problems(
            self.instance, user=self.for_user, action=action or SUBMIT, counts=counts
        )
        confirmable = [p for p in problems if p.confirmable]
        if confirming and confirmable:
            if self.instance.pk is None:
                self.add_error("confirm_problems", _("请先保存草稿，再确认错敏词提示。"))
                return
            self.confirmer.confirm(self.instance, user=self.for_user, problems=confirmable)
            problems = [p for p in problems if not p.confirmable]
        if action is None:
            return
        for problem in problems:
            if problem.blocking:
                self.add_error(None, problem.message)
