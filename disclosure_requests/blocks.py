"""Blocks of the disclosure guide (政府信息公开指南)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ReceivingOfficeBlock(blocks.StructBlock):
    """One office that receives requests: where, when, how to reach it."""

    name = blocks.CharBlock(label=_("受理机构"), max_length=60)
    address = blocks.CharBlock(label=_("地址"), max_length=120)
    hours = blocks.CharBlock(label=_("办公时间"), max_length=120)
    phone = blocks.CharBlock(label=_("联系电话"), max_length=40, required=False)
    postcode = blocks.CharBlock(label=_("邮政编码"), max_length=10, required=False)

    class Meta:
        icon = "home"
        label = _("受理机构")
        template = "disclosure_requests/blocks/receiving_office_block.html"
        preview_value = {
            "name": "县人民政府办公室政务公开办",
            "address": "示范县人民路 1 号政务服务中心二楼 12 号窗口",
            "hours": "工作日 上午 8:30—12:00，下午 14:30—17:30",
            "phone": "0570-1234567",
            "postcode": "324000",
        }


class ReceivingOfficesStreamBlock(blocks.StreamBlock):
    """The list of receiving offices on the guide."""

    office = ReceivingOfficeBlock()

    class Meta:
        icon = "list-ul"
