from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Complaints from citizens and their handling by departments and county supervisors."""

    name = "feedback"
    label = "feedback"
    verbose_name = _("投诉与建议")
    default_auto_field = "django.db.models.BigAutoField"
