"""Admin answers for department scoping: 403 for another department's page, and the reason
when a review action is refused."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.models import Page

from portal.models import user_department

from .models import ReviewRefused

# URL keywords of the admin's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "parent_page_id", "destination_id", "pk")


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
        if match is None or "wagtailadmin_pages" not in match.namespaces:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        page_ids = {view_kwargs[name] for name in PAGE_ID_KWARGS if name in view_kwargs}
        for page in Page.objects.filter(pk__in=page_ids):
            permissions = page.permissions_for_user(user)
            if getattr(permissions, "out_of_department", False):
                return self.forbidden(request, permissions.page, user)
        return None

    def forbidden(self, request, page, user):
        department = getattr(page, "issuing_department", None)
        return TemplateResponse(
            request,
            "editorial/admin/out_of_department.html",
            {
                "page_title": page.title,
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
