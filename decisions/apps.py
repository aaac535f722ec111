from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """Major decisions: notices, consultation, public comments, adoption report and tracking."""

    name = "decisions"
    verbose_name = _("重大决策")
    default_auto_field = "django.db.models.BigAutoField"
