"""The public open-data API (Wagtail API v2): live, public pages and their declared api_fields."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, loading each listed page's locale and the foreign keys its page
    type names in `api_select_related` together with the page: the queries of a listing do not
    grow with its length."""

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("locale", *getattr(queryset.model, "api_select_related", ()))


api_router = WagtailAPIRouter("wagtailapi")
# Only pages: each page type lists its public fields in `api_fields`; nothing else is exposed.
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
