"""The root URL configuration: the composition root, which may name every app."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views, webroot
from .api import api_router
from .captcha import captcha_audio, captcha_image

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("elderly-mode/", views.elderly_mode, name="elderly_mode"),
    path("search/", views.search, name="search"),
    path("search/suggest", views.search_suggest, name="search_suggest"),
    path("sitemap.xml", sitemap_view, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("captcha/audio/<str:key>.wav", captcha_audio, name="captcha_audio"),
    path("captcha/image/<str:key>/", captcha_image, name="captcha_image"),
    path("captcha/", include("captcha.urls")),
    path("robots.txt", webroot.robots_txt, name="robots_txt"),
    path("favicon.ico", webroot.favicon, name="favicon"),
    path("api/v2/", api_router.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# The portal's Chinese error pages, none of which needs the database.
handler400 = views.bad_request
handler403 = views.permission_denied
handler500 = views.server_error
