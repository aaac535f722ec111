from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The shared kernel: base page, departments, working-day calendar, site settings."""

    name = "portal"
    label = "portal"
    verbose_name = _("门户公共")
    default_auto_field = "django.db.models.BigAutoField"
