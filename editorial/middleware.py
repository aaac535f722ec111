"""Admin answers for department scoping: 403 for another department's page, and the reason
when a review action is refused."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page

from portal.models import user_department
from portal.permissions import (
    choosable_pages,
    is_site_admin,
    other_department_staff,
    within_department_scope,
)

from .models import ReviewRefused

# URL keywords of the admin's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "parent_page_id", "destination_id", "pk")
# Views outside the wagtailadmin_pages namespace that name a page in the URL: the explorer of a
# page shows its draft title and latest revision's author, so it is scoped like the page's views.
EXPLORER_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}
# The page chooser's views that name pages (browsing below one, or the ones chosen).
CHOOSER_PAGE_VIEW = "wagtailadmin_choose_page_child"
CHOOSER_IDS_VIEW = "wagtailadmin_choose_page_chosen_multiple"
BULK_ACTION_VIEW = "wagtail_bulk_action"
# Reports that show pages of every department and offer no queryset to narrow: the page types
# report names the last edited page of each type, whoever's it is.
SITE_ADMIN_REPORTS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


# Views whose filter forms offer the users who own, edited or acted on pages as choices: the
# explorer, page search and the page reports. Names only; matched with the namespace.
USER_FILTER_VIEWS = {
    *EXPLORER_VIEWS,
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
}
USER_FILTER_NAMESPACE = "wagtailadmin_reports"


def _page_ids(values):
    return [int(value) for value in values if str(value).isdigit()]


def _keep_page_ids(request):
    """Drop `id` values that cannot name a page ("all" stays): Wagtail would fail on them."""
    ids = request.GET.getlist("id")
    kept = [value for value in ids if value == "all" or value.isdigit()]
    if kept != ids:
        query = request.GET.copy()
        query.setlist("id", kept)
        request.GET = query
    return kept


class DepartmentScopeMiddleware:
    """Every URL under the admin's page namespace (edit, publish, unpublish, move, copy, delete,
    revisions, history, previews, workflow actions and history …) that names a page outside the
    user's department gets 403. Wagtail itself would redirect to the dashboard with a generic
    message; a 403 says plainly that the page is off limits, and is what the tests check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or is_site_admin(user):
            return None
        if match.view_name in SITE_ADMIN_REPORTS:
            raise PermissionDenied
        if match.view_name == BULK_ACTION_VIEW and (
            view_kwargs.get("app_label"),
            view_kwargs.get("model_name"),
        ) == ("wagtailcore", "page"):
            return self.scope_bulk_action(request, user, view_kwargs)
        if match.view_name == CHOOSER_IDS_VIEW:
            return self.refuse_unchoosable(request, user, _keep_page_ids(request))
        if match.view_name == CHOOSER_PAGE_VIEW:
            return self.refuse_unchoosable(request, user, [view_kwargs["parent_page_id"]])
        if "wagtailadmin_pages" in match.namespaces or match.view_name in EXPLORER_VIEWS:
            page_ids = {view_kwargs[name] for name in PAGE_ID_KWARGS if name in view_kwargs}
            return self.refuse_out_of_department(request, user, page_ids)
        return None

    def process_template_response(self, request, response):
        """Wagtail builds the user choices of these filter forms from every page's owner and
        editors, with no hook: drop other departments' staff, whose names are not public."""
        match = request.resolver_match
        user = getattr(request, "user", None)
        filters = (response.context_data or {}).get("filters")
        if (
            match is None
            or filters is None
            or not (
                match.view_name in USER_FILTER_VIEWS or USER_FILTER_NAMESPACE in match.namespaces
            )
            or user is None
            or not user.is_authenticated
            or is_site_admin(user)
        ):
            return response
        hidden = other_department_staff(user)
        for field in filters.form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and queryset.model is get_user_model():
                field.queryset = queryset.exclude(hidden)
        return response

    def refuse_out_of_department(self, request, user, page_ids):
        for page in Page.objects.filter(pk__in=page_ids):
            permissions = page.permissions_for_user(user)
            if getattr(permissions, "out_of_department", False):
                return self.forbidden(request, permissions.page, user)
        return None

    def refuse_unchoosable(self, request, user, ids):
        """The chooser offers another department's page only while it is live with no
        unpublished changes; naming any other page of theirs gets the 403."""
        pages = Page.objects.filter(pk__in=_page_ids(ids))
        hidden = pages.exclude(pk__in=choosable_pages(pages, user).values("pk")).first()
        if hidden is not None:
            return self.forbidden(request, hidden.specific_deferred, user)
        return None

    def scope_bulk_action(self, request, user, view_kwargs):
        """Bulk actions on pages list every page named (those the user may not act on too, by
        title): naming another department's page gets the 403, and "all pages in this listing"
        leaves theirs out, as the explorer listing does."""
        ids = _keep_page_ids(request)
        if "all" not in ids:
            return self.refuse_out_of_department(request, user, _page_ids(ids))
        action_class = bulk_action_registry.get_bulk_action_class(
            view_kwargs["app_label"], view_kwargs["model_name"], view_kwargs["action"]
        )
        if action_class is None:
            return None
        parent_id = request.GET.get("childOf")
        if parent_id is not None and not Page.objects.filter(pk__in=_page_ids([parent_id])):
            raise Http404
        # The same listing Wagtail would expand "all" to, then the department scope.
        listed = action_class(request, Page).get_all_objects_in_listing_query(parent_id)
        visible = within_department_scope(Page.objects.filter(pk__in=list(listed)), user)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        request.GET = query
        return None

    def forbidden(self, request, page, user):
        department = getattr(page, "issuing_department", None)
        return TemplateResponse(
            request,
            "editorial/admin/out_of_department.html",
            {
                # A page that is not live has only its draft title, which is not public yet.
                "page_title": page.title if page.live else "",
                "department_name": department.name if department else "",
                "user_department": user_department(user),
            },
            status=403,
        )

    def process_exception(self, request, exception):
        if not isinstance(exception, ReviewRefused):
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse({"step": "error", "error": str(exception.message)}, status=403)
        messages.error(request, exception.message)
        if exception.page is not None:
            return redirect(reverse("wagtailadmin_pages:edit", args=[exception.page.pk]))
        return redirect("wagtailadmin_home")
