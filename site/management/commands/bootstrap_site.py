"""Idempotent first-run and every-deploy set-up: admin user, home page, default Site."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from portal.discovery import app_modules
from portal.hosts import configured_base_url, parse_base_url
from portal.models import HomePage

WELCOME_TITLE = "Welcome to your new Wagtail site!"


class Command(BaseCommand):
    help = "创建管理员、首页和站点记录并删除 Wagtail 欢迎页；可重复运行。"

    def handle(self, *args, **options):
        with transaction.atomic():
            self.remove_welcome_page()
            home = self.ensure_home_page()
            self.ensure_site(home)
            message = self.ensure_admin()
            self.ensure_apps()
        self.stdout.write(self.style.SUCCESS(f"站点已就绪：首页「{home.title}」。"))
        self.stdout.write(message)

    def ensure_apps(self):
        """Run `<app>.bootstrap.ensure(stdout)` of every installed app that has one (roles,
        workflows …): portal knows no app, so it discovers them, as load_demo does."""
        for _config, module in app_modules("bootstrap"):
            module.ensure(self.stdout)

    def remove_welcome_page(self):
        page_type = ContentType.objects.get_for_model(Page)
        for page in Page.objects.filter(depth=2, content_type=page_type, title=WELCOME_TITLE):
            if not page.get_children().exists():
                page.delete()

    def ensure_home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title=os.environ.get("PORTAL_HOME_TITLE", "政务公开"),
                    slug="home",
                    summary="政务公开、办事服务与投诉建议平台。",
                )
            )
            home.save_revision().publish()
        return home

    def ensure_site(self, home):
        """The default Site answers at the public address (PORTAL_BASE_URL, else
        WAGTAILADMIN_BASE_URL; PORTAL_SITE_HOSTNAME/PORT override): feeds, the sitemap, the API
        and mail build their links from it, so it is brought up to date on every deploy."""
        try:
            hostname, port = parse_base_url(configured_base_url())
        except ValueError as error:
            raise CommandError(str(error)) from error
        hostname = os.environ.get("PORTAL_SITE_HOSTNAME") or hostname
        port = int(os.environ.get("PORTAL_SITE_PORT") or port)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=port, root_page=home, is_default_site=True
            )
        elif (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
            site.root_page, site.hostname, site.port = home, hostname, port
            site.save()
        return site

    def ensure_admin(self):
        User = get_user_model()
        username = os.environ.get("PORTAL_ADMIN_USERNAME", "admin")
        if User.objects.filter(username=username).exists():
            return (
                f"管理员账号 {username} 已存在，密码未改变"
                f"（忘记密码请运行 python manage.py changepassword {username}）。"
            )
        password = os.environ.get("PORTAL_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username,
            email=os.environ.get("PORTAL_ADMIN_EMAIL", "admin@example.gov.cn"),
            password=password,
        )
        if os.environ.get("PORTAL_ADMIN_PASSWORD"):
            return f"已创建管理员账号 {username}，密码取自 PORTAL_ADMIN_PASSWORD。"
        return f"已创建管理员账号：{username}  密码：{password}（仅显示这一次，请妥善保存）"
