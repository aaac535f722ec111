"""Load realistic demo content for 示例县; safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal import demo as portal_demo
from portal.discovery import app_modules
from portal.models import HomePage


class Command(BaseCommand):
    help = "载入示例县的演示内容（部门、站点设置及各栏目示例）；可重复运行，不会重复创建。"

    def handle(self, *args, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("尚未创建首页，请先运行 python manage.py bootstrap_site。")
        loaded = []
        with transaction.atomic():
            for config, module in app_modules("demo"):
                module.load(home.specific)
                loaded.append(config.verbose_name)
            portal_demo.finish(HomePage.objects.get(pk=home.pk))
        self.stdout.write(self.style.SUCCESS("演示内容已载入：" + "、".join(map(str, loaded))))
