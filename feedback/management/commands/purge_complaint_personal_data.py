"""Blank the personal data of complaints concluded, and of decision comments submitted, more
than N years ago (run monthly)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from decisions.models import PublicComment
from decisions.services import comment_purge_personal_data
from feedback.models import Complaint
from feedback.services import complaint_purge_personal_data


def years_before(moment, years):
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February in a year without one
        return moment.replace(year=moment.year - years, day=28)


class Command(BaseCommand):
    help = (
        "清除办结（含不予受理）超过保存年限的投诉中的个人信息：姓名、电话、邮箱、附件，"
        "并隐去投诉内容、答复和办理记录中的个人信息；类别、部门、日期、状态和评价保留用于统计。"
        "同时清除提交超过保存年限的决策征求意见中的意见人姓名和联系方式，并隐去意见文本中的个人信息。"
        "保存年限默认取 PERSONAL_DATA_RETENTION_YEARS。建议每月运行一次。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years",
            type=int,
            default=None,
            help="保存年限（年），默认取设置 PERSONAL_DATA_RETENTION_YEARS。",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="只统计将被清除的投诉和意见件数，不做修改。"
        )

    def handle(self, *args, **options):
        years = options["years"]
        if years is None:
            years = settings.PERSONAL_DATA_RETENTION_YEARS
        if years < 1:
            raise CommandError("保存年限至少为 1 年。")
        cutoff = years_before(timezone.now(), years)
        day = f"{timezone.localtime(cutoff):%Y-%m-%d}"
        if options["dry_run"]:
            count = (
                Complaint.objects.closed_before(cutoff)
                .filter(personal_data_purged_at__isnull=True)
                .count()
            )
            comments = PublicComment.objects.due_for_purge(cutoff).count()
            self.stdout.write(f"{day} 前办结的投诉中，有 {count} 件的个人信息将被清除。")
            self.stdout.write(f"{day} 前提交的决策征求意见中，有 {comments} 条的个人信息将被清除。")
            return
        purged = complaint_purge_personal_data(closed_before=cutoff)
        self.stdout.write(f"已清除 {purged} 件投诉的个人信息（{day} 前办结）。")
        comments = comment_purge_personal_data(submitted_before=cutoff)
        self.stdout.write(f"已清除 {comments} 条决策征求意见的个人信息（{day} 前提交）。")
