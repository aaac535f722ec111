"""Admin wiring: the permission policy (registered first, as Wagtail 8 requires) and the
依申请公开办理 viewset: list, export, one request's page with its steps, its attachments."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import DisclosureRequest
from .permissions import request_policy

register_permission_policy(DisclosureRequest, request_policy)


class RequestAdminURLFinder(ModelAdminURLFinder):
    """Links to a request's page in the admin (it has no edit form)."""

    edit_url_name = f"{admin_views.URL_NAMESPACE}:detail"


class DisclosureRequestViewSet(ModelViewSet):
    """依申请公开办理: requests come from applicants (or are recorded through the services) and
    are handled here step by step; never edited as a form or deleted."""

    model = DisclosureRequest
    name = admin_views.URL_NAMESPACE
    icon = "doc-full"
    menu_label = _("依申请公开办理")
    menu_order = 215
    add_to_admin_menu = True
    index_view_class = admin_views.RequestIndexView
    filterset_class = admin_views.RequestFilterSet
    search_fields = ["tracking_number"]
    search_backend_name = None
    list_per_page = 30
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    export_filename = "disclosure-requests"
    url_finder_class = RequestAdminURLFinder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.RequestDetailView.as_view(), name="detail"),
            path(
                "<int:pk>/actions/<slug:action_name>/",
                admin_views.RequestActionView.as_view(),
                name="action",
            ),
            path(
                "<int:pk>/attachments/<int:attachment_pk>/",
                admin_views.RequestAttachmentView.as_view(),
                name="attachment",
            ),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="disclosure_requests",
            codename__in=["handle_disclosurerequest", "supervise_disclosurerequest"],
        )


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return DisclosureRequestViewSet()
