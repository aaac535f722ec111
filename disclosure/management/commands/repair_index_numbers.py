"""Stamp the pages that went live without an index number or publication date."""

from django.core.management.base import BaseCommand

from disclosure.services import repair_index_numbers


class Command(BaseCommand):
    help = (
        "为已发布但缺少索引号或发布日期的公开信息页面补发：按首次发布的先后顺序编号，"
        "发布日期取首次发布当天。已有的索引号和发布日期不会改变。"
    )

    def handle(self, *args, **options):
        repaired = repair_index_numbers()
        for page in repaired:
            self.stdout.write(f"{page.index_number}  {page.date_published:%Y-%m-%d}  {page.title}")
        self.stdout.write(f"已修复 {len(repaired)} 个页面。")
