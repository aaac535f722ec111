"""The admin form of disclosed pages: refuses publication of a page that lacks mandated elements."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The buttons of Wagtail's page editor that put a page in front of the public or a reviewer.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class DisclosurePageForm(WagtailAdminPageForm):
    """Drafts may be incomplete; publishing or submitting for review needs every element."""

    def is_publishing(self):
        return any(action in self.data for action in PUBLISHING_ACTIONS)

    def _post_clean(self):
        super()._post_clean()
        if not self.is_publishing() or self.errors:
            return
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
        missing = self.instance.missing_elements(counts)
        if missing:
            self.add_error(
                None,
                _("缺少以下必备要素，不能发布或提交审核：%(items)s。可先保存草稿。")
                % {"items": "、".join(str(item) for item in missing)},
            )
