"""The public open-data API (Wagtail API v2): live, public pages and their declared api_fields."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Only pages: each page type lists its public fields in `api_fields`; nothing else is exposed.
api_router.register_endpoint("pages", PagesAPIViewSet)
