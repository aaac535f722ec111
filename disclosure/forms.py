"""The admin form of disclosed pages: publication and submission run every publish check.

The checks themselves (mandated elements, dead links, 错敏词) are registered with
portal.publishing; this form only adds what disclosed pages need on top of the kernel's form.
"""

from django.utils.translation import gettext_lazy as _

from portal.permissions import is_site_admin, user_department_id
from portal.publishing import PublishCheckedPageForm


class DisclosurePageForm(PublishCheckedPageForm):
    """Drafts may be incomplete; publishing or submitting for review needs every element
    (reported by the metadata publish check with the unsaved inline rows counted).
    An editor or reviewer can only name their own department as the issuing department."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_name = "issuing_department"
        field = self.fields.get(field_name)
        user = self.for_user
        if field is None or user is None or is_site_admin(user):
            return
        department_id = user_department_id(user)
        field.queryset = (
            field.queryset.filter(pk=department_id) if department_id else field.queryset.none()
        )
        field.error_messages["invalid_choice"] = _("只能选择您所在的部门作为发布机构。")
        field.help_text = _(
            "编辑和审核人员只能以本部门名义发布；如需代其他部门发布，请联系站点管理员。"
        )
        if self.instance.pk is None and department_id and not self.initial.get(field_name):
            # A new page starts as the editor's department: the only choice they have.
            self.initial[field_name] = department_id


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
