"""Admin wiring of the disclosure app: the bulletin import page and its button."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import views
from .models import MonthlyBulletinPage


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
