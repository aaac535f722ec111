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


class MonthlyBulletinPageForm(DisclosurePageForm):
    """The month decides the slug (/bulletins/yyyy-mm/) and, when left empty, the title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("slug", "title"):
            if name in self.fields:
                self.fields[name].required = False
        if "slug" in self.fields:
            self.fields["slug"].help_text = _("由通报月份自动生成，例如 2026-11。")

    def clean(self):
        cleaned = super().clean()
        month = cleaned.get("month")
        if month:
            month = month.replace(day=1)
            cleaned["month"] = month
            cleaned["slug"] = self.instance.slug_for(month)
            if not cleaned.get("title"):
                cleaned["title"] = self.instance.title_for(month)
        elif not cleaned.get("title"):
            self.add_error("title", _("请填写标题或通报月份。"))
        return cleaned
