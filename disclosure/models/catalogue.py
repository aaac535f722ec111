"""政府信息公开目录: the catalogue of everything the county has disclosed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from portal.models import BasePage


class DisclosureIndexPage(BasePage):
    """The disclosure catalogue at /disclosure/: every disclosed page, filtered, exported, fed."""

    introduction = RichTextField(_("目录说明"), blank=True, features=["bold", "ol", "ul", "link"])

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = [
        "disclosure.ServiceProcedurePage",
        "disclosure.FeeSchedulePage",
        "disclosure.PenaltyDiscretionPage",
        "disclosure.PolicyDocumentPage",
    ]
    template = "disclosure/disclosure_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    class Meta:
        verbose_name = _("政府信息公开目录")
        verbose_name_plural = _("政府信息公开目录")

    def serve(self, request, *args, **kwargs):
        from ..views import catalogue_export

        if request.GET.get("format"):
            return catalogue_export(request, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_page

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_page(self, request))
        return context
