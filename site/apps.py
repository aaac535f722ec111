from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The shared kernel: base page, departments, working-day calendar, site settings."""

    name = "portal"
    label = "portal"
    verbose_name = _("门户公共")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Cache invalidation is infrastructure, not domain logic: any change a reader could see
        # starts a new page-cache generation.
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import pagecache
        from .models import Department, PortalSettings

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(pagecache.invalidate, dispatch_uid=f"pagecache-{id(signal)}")
        post_delete.connect(
            pagecache.invalidate_on_page_delete, dispatch_uid="pagecache-page-delete"
        )
        for model in (Department, PortalSettings):
            post_save.connect(
                pagecache.invalidate, sender=model, dispatch_uid=f"pagecache-{model.__name__}"
            )
