"""Admin wiring of the disclosure app: the bulletin import page and its button, and the
index-number stamp on the admin paths that make a page live without calling Page.publish()."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from portal.permissions import is_site_admin

from . import views
from .models import DisclosurePage, MonthlyBulletinPage


@hooks.register("register_admin_urls")
def bulletin_import_urls():
    return [
        path(
            "bulletins/<int:page_id>/import/",
            views.bulletin_import,
            name="disclosure_bulletin_import",
        )
    ]


@hooks.register("register_page_header_buttons")
def bulletin_import_button(page, user, view_name, next_url=None):
    if page.specific_class is MonthlyBulletinPage and page.permissions_for_user(user).can_edit():
        yield Button(
            "导入政务服务中心数据",
            reverse("disclosure_bulletin_import", args=[page.pk]),
            icon_name="upload",
            priority=80,
        )


@hooks.register("before_publish_page")
def stamp_before_publish(request, page):
    """Wagtail's page editor (publish after a draft or autosave, revert and publish) builds its
    publish action itself instead of calling Page.publish(): stamp the revision it has just saved
    here, before the action reads it. On the create view Page.publish() runs too and finds the
    stamp already there."""
    if isinstance(page, DisclosurePage) and page.goes_live_now():
        page.stamp_publication(page.latest_revision)


@hooks.register("after_copy_page")
def stamp_live_copies(request, page, new_page):
    """A copy kept live is made live without publishing: each live disclosure page of the copy
    (its descendants too, when copied with them) gets its own number and date, in tree order."""
    copies = (
        DisclosurePage.objects.descendant_of(new_page, inclusive=True)
        .live()
        .filter(index_number=None)
        .order_by("path")
        .specific()
    )
    for copy in copies:
        copy.stamp_publication(copy.live_revision)


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action(
        "disclosure.import_publish",
        "批量导入直接发布",
        "站点管理员批量导入时直接发布了页面（未经审核流程）",
    )


@hooks.register("register_admin_urls")
def catalogue_import_urls():
    from . import import_admin

    return [
        path("catalogue-import/", import_admin.import_index, name="disclosure_import"),
        path("catalogue-import/<int:pk>/", import_admin.import_run, name="disclosure_import_run"),
        path(
            "catalogue-import/<int:pk>/confirm/",
            import_admin.import_confirm,
            name="disclosure_import_confirm",
        ),
        path(
            "catalogue-import/<int:pk>/report/",
            import_admin.import_report,
            name="disclosure_import_report",
        ),
        path(
            "catalogue-import/templates/<str:kind>/",
            import_admin.import_template,
            name="disclosure_import_template",
        ),
    ]


class SiteAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_site_admin(request.user)


@hooks.register("register_settings_menu_item")
def catalogue_import_menu_item():
    return SiteAdminMenuItem(
        "批量导入", reverse("disclosure_import"), icon_name="upload", order=900
    )
