from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    """Proactive disclosure: the catalogue and every page type the county must publish."""

    name = "disclosure"
    verbose_name = _("政务公开")
    default_auto_field = "django.db.models.BigAutoField"
