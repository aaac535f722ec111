from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, department-scoped editing, the three-stage review and the checks before publishing."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("编辑审核")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Wiring only: the checks and the 错敏词 confirmer live in editorial.checks; the department
        # scope in portal.permissions.
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from disclosure.models import DisclosurePage
        from portal.permissions import DepartmentPagePermissionPolicy, register_department_pages
        from portal.publishing import register_confirmer, register_publish_check

        from .checks import CHECKS, CONFIRMER

        for check in CHECKS:
            register_publish_check(check)
        register_confirmer(CONFIRMER)
        # Every disclosed and decision page is a DisclosurePage (owning_department_id is its
        # issuing department). Registered for Page, so it applies to every page type.
        register_department_pages(DisclosurePage, "issuing_department")
        register_permission_policy(Page, DepartmentPagePermissionPolicy())
