"""StreamField blocks shared by every app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class EntryPointStructValue(blocks.StructValue):
    """Resolves where an entry point leads, so templates never re-derive it."""

    def href(self):
        page = self.get("page")
        if page is not None and page.live:
            return page.url
        return self.get("url") or ""


class EntryPointBlock(blocks.StructBlock):
    """A large link on the home page to one section (办事服务, 政务公开 …)."""

    title = blocks.CharBlock(label=_("标题"), max_length=20)
    description = blocks.CharBlock(label=_("说明"), max_length=60, required=False)
    page = blocks.PageChooserBlock(label=_("链接页面"), required=False)
    url = blocks.CharBlock(
        label=_("链接地址"),
        required=False,
        help_text=_("未选择页面时使用，例如 /complaints/"),
        max_length=200,
    )

    class Meta:
        icon = "link"
        label = _("入口")
        template = "components/entry_point_block.html"
        value_class = EntryPointStructValue
        preview_value = {"title": "办事服务", "description": "办事指南、收费标准", "url": "/"}
