"""The public open-data API (Wagtail API v2): live, public pages and their declared api_fields."""

import re

from django.conf import settings
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .inputs import MAX_ID, has_control_characters, parse_count, parse_id

# Page ids Wagtail's filters read with int(): '²' or a number beyond the id column would fail
# there; "root" is Wagtail's name for the site's root page.
PAGE_ID_PARAMETERS = ("id", "child_of", "ancestor_of", "descendant_of", "translation_of")
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def check_parameters(params):
    """BadRequestError with a Chinese message for a query parameter the API cannot read: a
    control character anywhere, an offset or limit out of range, a page id or locale that is
    not one."""
    for name, values in params.lists():
        if has_control_characters(name) or any(has_control_characters(v) for v in values):
            raise BadRequestError("查询参数含有控制字符（例如空字符），请检查链接。")
    if parse_count(params.get("offset"), default=0, maximum=MAX_ID) is None:
        raise BadRequestError(f"offset 参数须为 0 至 {MAX_ID} 之间的整数。")
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_ID
    if parse_count(params.get("limit"), default=0, maximum=limit_max) is None:
        raise BadRequestError(f"limit 参数须为 0 至 {limit_max} 之间的整数。")
    for name in PAGE_ID_PARAMETERS:
        value = params.get(name)
        if value is not None and value != "root" and parse_id(value) is None:
            raise BadRequestError(f"{name} 参数须为页面编号（正整数）。")
    locale = params.get("locale")
    if locale is not None and not LANGUAGE_CODE.fullmatch(locale):
        raise BadRequestError("locale 参数须为语言代码，例如 zh-hans。")


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, loading each listed page's locale and the foreign keys its page
    type names in `api_select_related` together with the page: the queries of a listing do not
    grow with its length. Query parameters are checked first (`check_parameters`)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request.GET)

    def handle_exception(self, exc):
        # Wagtail's own refusals (an unknown parameter or field, a bad order) are English.
        if isinstance(exc, BadRequestError) and not CHINESE.search(str(exc)):
            exc = BadRequestError(f"查询参数不正确：{exc}")
        return super().handle_exception(exc)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("locale", *getattr(queryset.model, "api_select_related", ()))


api_router = WagtailAPIRouter("wagtailapi")
# Only pages: each page type lists its public fields in `api_fields`; nothing else is exposed.
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
