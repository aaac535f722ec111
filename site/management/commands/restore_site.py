"""Restore a backup_site folder into the configured database and MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "把 backup_site 写的备份恢复到 DATABASE_URL 指定的数据库（可以是空库）和 MEDIA_ROOT。"
        "会覆盖现有数据，必须加 --yes。恢复后运行 migrate 和 update_index。"
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="backup_site 写的备份目录。")
        parser.add_argument("--yes", action="store_true", help="确认覆盖现有数据库和上传文件。")

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError("恢复会覆盖现有数据库和上传文件；确认后加 --yes 再运行。")
        try:
            manifest = restore(options["folder"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"已恢复 {manifest['created_at']} 的备份。请运行 migrate 和 update_index。"
        )
