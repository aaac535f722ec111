from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, department-scoped editing, the three-stage review and the checks before publishing."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("编辑审核")
    default_auto_field = "django.db.models.BigAutoField"
