from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureRequestsConfig(AppConfig):
    """依申请公开: information requests on the statutory clock, appeals, the annual report."""

    name = "disclosure_requests"
    label = "disclosure_requests"
    verbose_name = _("依申请公开")
    default_auto_field = "django.db.models.BigAutoField"
