"""Back up the database and the uploaded media into one folder (portal/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "把数据库（PostgreSQL 用 pg_dump，SQLite 直接复制）和上传的文件（MEDIA_ROOT）"
        "备份到一个目录；用 restore_site 恢复。"
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="备份写入的目录，例如 /backups/2026-12-07。")

    def handle(self, *args, **options):
        try:
            manifest = backup(options["folder"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"已备份到 {options['folder']}：数据库（{manifest['database']}），{manifest['media']}。"
        )
