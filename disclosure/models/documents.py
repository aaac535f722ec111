"""政策文件、通知公告、政策解读: the general disclosed document."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField

from portal.search.fields import ChineseSearchField

from .base import DisclosurePage


class DocumentKind(models.TextChoices):
    POLICY = "policy", _("政策文件")
    NOTICE = "notice", _("通知公告")
    INTERPRETATION = "interpretation", _("政策解读")
    PLAN = "plan", _("规划计划")
    REPORT = "report", _("工作报告")


class PolicyDocumentPage(DisclosurePage):
    """A disclosed document: policy, notice, plan, report, or the interpretation of another."""

    index_category = "A"

    kind = models.CharField(
        _("文件类别"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.POLICY
    )
    body = RichTextField(
        _("正文"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
    )

    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = []
    template = "disclosure/policy_document_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("body"),
        *DisclosurePage.metadata_panels,
    ]
    search_fields = [*DisclosurePage.search_fields, ChineseSearchField("body")]
    api_fields = [*DisclosurePage.api_fields, APIField("kind"), APIField("body")]

    class Meta:
        verbose_name = _("政策文件")
        verbose_name_plural = _("政策文件")

    @property
    def type_label(self):
        return self.get_kind_display()

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.kind == DocumentKind.INTERPRETATION and not self.interpretation_of_id:
            errors.setdefault("interpretation_of", []).append(_("政策解读须选择被解读的文件。"))
        if errors:
            raise ValidationError(errors)
