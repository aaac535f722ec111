"""Warn handlers one working day before a complaint's deadline (run daily from cron)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from feedback.services import complaint_send_deadline_reminders


class Command(BaseCommand):
    help = (
        "向承办部门的投诉处理员发送提醒：受理期限或答复期限在下一个工作日前到期的投诉。"
        "建议每天运行一次；同一期限只提醒一次，可重复运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="按这一天（YYYY-MM-DD，北京时间）计算，默认今天；用于补发或测试。",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD，例如 2026-11-26。") from None
        sent = complaint_send_deadline_reminders(today=today)
        self.stdout.write(f"已发送 {sent} 条到期提醒。")
