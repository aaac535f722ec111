from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    """The audit trail, the inspection-readiness self-check and the security of the admin login."""

    name = "oversight"
    label = "oversight"
    verbose_name = _("审计与自查")
    default_auto_field = "django.db.models.BigAutoField"
