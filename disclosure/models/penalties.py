"""行政处罚裁量基准: offences in 3–5 tiers, so that equal cases get equal penalties."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

from portal.search.fields import ChineseSearchField

from ..blocks import ExemptionBlock, OffenceBlock
from .base import DisclosurePage


class PenaltyDiscretionPage(DisclosurePage):
    """A department's penalty discretion standard, with its exemption lists."""

    index_category = "D"

    introduction = RichTextField(_("适用说明"), blank=True, features=["bold", "ol", "ul", "link"])
    offences = StreamField(
        [("offence", OffenceBlock())], blank=True, verbose_name=_("违法行为及裁量档次")
    )
    first_offence_exemptions = StreamField(
        [("exemption", ExemptionBlock())], blank=True, verbose_name=_("首违不罚清单")
    )
    minor_offence_exemptions = StreamField(
        [("exemption", ExemptionBlock())], blank=True, verbose_name=_("轻微违法免罚清单")
    )

    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types = []
    template = "disclosure/penalty_discretion_page.html"

    content_panels = [
        *DisclosurePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("offences"),
        FieldPanel("first_offence_exemptions"),
        FieldPanel("minor_offence_exemptions"),
        *DisclosurePage.metadata_panels,
    ]
    search_fields = [
        *DisclosurePage.search_fields,
        ChineseSearchField("offences"),
        ChineseSearchField("first_offence_exemptions"),
        ChineseSearchField("minor_offence_exemptions"),
    ]
    api_fields = [
        *DisclosurePage.api_fields,
        APIField("introduction"),
        APIField("offences"),
        APIField("first_offence_exemptions"),
        APIField("minor_offence_exemptions"),
    ]

    class Meta:
        verbose_name = _("行政处罚裁量基准")
        verbose_name_plural = _("行政处罚裁量基准")

    def missing_elements(self, counts=None):
        missing = super().missing_elements(counts)
        if not len(self.offences):
            missing.append(_("违法行为及裁量档次"))
        return missing

    def matching_offences(self, words):
        """Offences whose name, clauses or tier circumstances contain every word."""
        words = [word for word in words.split() if word]
        matches = []
        for block in self.offences:
            offence = block.value
            haystack = " ".join(
                [
                    offence["name"],
                    offence["violated_clause"],
                    offence["penalty_clause"],
                    *(tier["circumstances"] for tier in offence["tiers"]),
                ]
            )
            if all(word in haystack for word in words):
                matches.append(offence)
        return matches

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = " ".join(request.GET.get("q", "").split())[:100]
        context["tier_query"] = query
        context["matching_offences"] = self.matching_offences(query) if query else None
        return context
