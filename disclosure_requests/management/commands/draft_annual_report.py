"""manage.py draft_annual_report YYYY [--department CODE]: draft the year's reports."""

from django.core.management.base import BaseCommand, CommandError

from disclosure_requests.models import AnnualReportIndexPage
from disclosure_requests.services import annual_report_draft
from portal.models import Department


class Command(BaseCommand):
    help = "根据申请、复议诉讼和政策文件数据生成政府信息公开工作年度报告草稿（不发布）。"

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument(
            "--department", help="部门编码；不填时生成各部门报告和县人民政府汇总报告"
        )

    def handle(self, *args, year, department=None, **options):
        if not 2008 <= year <= 2100:
            raise CommandError(f"年度 {year} 无效。")
        index_page = AnnualReportIndexPage.objects.first()
        if index_page is None:
            raise CommandError("尚未创建“政府信息公开工作年度报告栏目”页面，请先在后台创建。")
        if department:
            found = Department.objects.filter(code=department).first()
            if found is None:
                raise CommandError(f"没有编码为 {department} 的部门。")
            targets = [found]
        else:
            targets = [*Department.objects.order_by("code"), None]
        for target in targets:
            page, created = annual_report_draft(index_page=index_page, year=year, department=target)
            verb = "已生成" if created else "已更新"
            total = page.get_latest_revision_as_object().requests_table["total"][-1]
            self.stdout.write(f"{verb}草稿：{page.title}（办理结果总计 {total} 件）")
