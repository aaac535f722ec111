"""重大决策: the section page listing every notice, and the year's decision directory."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.models import BasePage


class DecisionIndexPage(BasePage):
    """The major-decisions section at /decisions/: notices filtered by status, department and
    year, the year's decision directory, exports and an Atom feed."""

    introduction = RichTextField(_("栏目说明"), blank=True, features=["bold", "ol", "ul", "link"])

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["decisions.MajorDecisionPage"]
    template = "decisions/decision_index_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        HelpPanel(
            content=_(
                "年度重大行政决策事项目录经政府研究确定后在此逐项录入，发布后在栏目页以表格公开；"
                "事项启动公示后，在“公示页面”中选择对应的决策公示，目录会显示其进展。"
            )
        ),
        InlinePanel(
            "directory_entries", heading=_("年度重大行政决策事项目录"), label=_("目录事项")
        ),
    ]

    class Meta:
        verbose_name = _("重大决策栏目")
        verbose_name_plural = _("重大决策栏目")

    def serve(self, request, *args, **kwargs):
        from ..views import index_export

        if request.GET.get("format"):
            return index_export(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class DirectoryEntry(Orderable):
    """One item of a year's 重大行政决策事项目录: what will be decided, by whom, by when."""

    page = ParentalKey(
        DecisionIndexPage, on_delete=models.CASCADE, related_name="directory_entries"
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("决策事项名称"), max_length=200)
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("承办单位"),
        on_delete=models.PROTECT,
        related_name="decision_directory_entries",
    )
    basis = models.CharField(
        _("决策依据"),
        max_length=300,
        blank=True,
        help_text=_("例如：《示例县国民经济和社会发展第十五个五年规划纲要》"),
    )
    planned_time = models.CharField(
        _("计划完成时间"), max_length=50, help_text=_("例如：2026 年第三季度")
    )
    hearing_planned = models.BooleanField(_("拟举行听证"), default=False)
    notice = models.ForeignKey(
        "decisions.MajorDecisionPage",
        verbose_name=_("公示页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_entries",
        help_text=_("事项启动公示后选择对应的决策公示。"),
    )
    notes = models.CharField(_("备注"), max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("title")]),
        FieldRowPanel(
            [FieldPanel("department"), FieldPanel("planned_time"), FieldPanel("hearing_planned")]
        ),
        FieldPanel("basis"),
        PageChooserPanel("notice", "decisions.MajorDecisionPage"),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("目录事项")
        verbose_name_plural = _("目录事项")

    def __str__(self):
        return f"{self.year} {self.title}"
