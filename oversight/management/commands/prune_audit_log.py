"""Delete audit entries older than a retention period of at least 180 days."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.services import MIN_RETENTION_DAYS, audit_prune


class Command(BaseCommand):
    help = (
        "清理超过保留期的审计日志（页面和对象操作记录、投诉和座谈会意见办理记录）。"
        f"保留期不得少于 {MIN_RETENTION_DAYS} 天；尚未办结的投诉和意见的记录不清理。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days",
            type=int,
            required=True,
            help=f"删除多少天以前的记录，不得少于 {MIN_RETENTION_DAYS}。",
        )
        parser.add_argument("--dry-run", action="store_true", help="只统计将删除的条数，不删除。")

    def handle(self, *args, older_than_days, dry_run, **options):
        try:
            counts = audit_prune(older_than_days=older_than_days, dry_run=dry_run)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        verb = "将删除" if dry_run else "已删除"
        for label, count in counts.items():
            self.stdout.write(f"{label}：{verb} {count} 条")
        total = sum(counts.values())
        self.stdout.write(
            f"合计{verb} {total} 条（{older_than_days} 天以前）。"
            + ("未做任何修改（--dry-run）。" if dry_run else "")
        )
