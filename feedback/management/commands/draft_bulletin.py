"""Compile the monthly bulletin's draft from live data (run monthly from cron)."""

from django.core.management.base import BaseCommand, CommandError

from feedback.services import BulletinDraftRefused, bulletin_draft, parse_month
from feedback.services.bulletins import previous_month


class Command(BaseCommand):
    help = (
        "按实时数据汇总某月的机关效能月通报草稿：各部门投诉、座谈会意见按时答复、明查暗访问题、"
        "问责立案和办结（含问责方式和一票否决），按考核权重计算得分和排名。"
        "已导入的政务服务中心数据、通报正文和表扬批评保持不变；只保存草稿，不会发布。"
        "建议每月初由 cron 运行一次（不带参数时汇总上个月）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "month",
            nargs="?",
            help="通报月份，写作 YYYY-MM，例如 2026-11；默认上个月（北京时间）。",
        )

    def handle(self, *args, **options):
        try:
            year, month = parse_month(options["month"]) if options["month"] else previous_month()
            result = bulletin_draft(year=year, month=month)
        except BulletinDraftRefused as refused:
            raise CommandError(refused.messages[0]) from None
        verb = "新建" if result.created else "更新"
        self.stdout.write(
            f"已{verb}《{result.page.title}》草稿：{result.departments} 个部门"
            + (f"（新增 {'、'.join(result.added)}）" if result.added else "")
            + "。请在后台核对、撰写通报正文后发布。"
        )
