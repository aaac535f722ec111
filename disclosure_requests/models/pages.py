"""The public pages of 依申请公开: the request page (form, receipt, status look-up, reply
downloads, 告知书) and its mandated guide (政府信息公开指南)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField

from portal.models import BasePage
from portal.search.fields import ChineseSearchField

from ..blocks import ReceivingOfficesStreamBlock

RICH = ["h3", "bold", "link", "ol", "ul"]


class DisclosureRequestIndexPage(RoutablePageMixin, BasePage):
    """`/requests/`: apply online, see the receipt, look up the status and download the reply."""

    intro = RichTextField(
        _("导语"),
        blank=True,
        features=["bold", "link", "ul"],
        help_text=_("申请表上方的说明，例如申请范围和注意事项。"),
    )

    max_count = 1
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["disclosure_requests.DisclosureGuidePage"]
    template = "disclosure_requests/disclosure_request_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, ChineseSearchField("intro")]

    class Meta:
        verbose_name = _("依申请公开页面")
        verbose_name_plural = _("依申请公开页面")

    @path("")
    def form_view(self, request):
        from ..views import request_form

        return request_form(request, self)

    @path("status/", name="status")
    def status_view(self, request):
        from ..views import request_status

        return request_status(request, self)

    @path("status/files/<int:pk>/", name="download")
    def download_view(self, request, pk):
        from ..views import reply_download

        return reply_download(request, self, pk)

    @path("status/letter/", name="letter")
    def letter_view(self, request):
        from ..views import reply_letter

        return reply_letter(request, self)

    def status_url(self):
        return self.url + self.reverse_subpage("status").lstrip("/")

    def guide(self):
        return DisclosureGuidePage.objects.child_of(self).live().first()


class DisclosureGuidePage(BasePage):
    """政府信息公开指南 (art. 12): how to apply, where, the time limits, fees and remedies."""

    how_to_apply = RichTextField(_("申请方式和程序"), features=RICH)
    offices = StreamField(ReceivingOfficesStreamBlock(), verbose_name=_("受理机构"), blank=True)
    time_limits = RichTextField(
        _("办理时限"),
        features=RICH,
        help_text=_(
            "收到申请之日起 20 个工作日内答复；需要延长的，经负责人同意可延长不超过 20 个工作日。"
        ),
    )
    fees = RichTextField(_("收费"), features=RICH, blank=True)
    remedies = RichTextField(_("监督和救济"), features=RICH)

    max_count = 1
    parent_page_types = ["disclosure_requests.DisclosureRequestIndexPage"]
    subpage_types = []
    template = "disclosure_requests/disclosure_guide_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("how_to_apply"),
        FieldPanel("offices"),
        FieldPanel("time_limits"),
        FieldPanel("fees"),
        FieldPanel("remedies"),
    ]
    search_fields = [
        *BasePage.search_fields,
        ChineseSearchField("how_to_apply"),
        ChineseSearchField("time_limits"),
        ChineseSearchField("remedies"),
    ]

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")
