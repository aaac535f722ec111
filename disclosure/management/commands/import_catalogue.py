"""Import departments, service procedures or power items from a CSV or XLSX file."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from disclosure.catalogue_import import KINDS, ImportRefused, import_apply, plan_import


class Command(BaseCommand):
    help = (
        "从 CSV（UTF-8 或 GBK）或 Excel（.xlsx）文件批量导入部门、办事指南或权责事项。"
        "按编码匹配已有记录：新增、更新或不变；任何一行有错误则整个文件都不导入。"
        "页面导入为草稿，经正常审核后发布（--publish 直接发布并记入审计日志）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="导入类型")
        parser.add_argument("file", help="CSV 或 XLSX 文件路径")
        parser.add_argument("--dry-run", action="store_true", help="只检查并预览，不写入")
        parser.add_argument(
            "--publish", action="store_true", help="直接发布导入的页面（记入审计日志）"
        )
        parser.add_argument("--user", help="以该用户名导入（记在修订记录和日志中）")

    def handle(self, *args, kind, file, dry_run, publish, user=None, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"找不到文件：{file}")
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"找不到用户：{user}")
        data = path.read_bytes()
        if dry_run:
            plan = plan_import(kind, data, path.name)
        else:
            try:
                plan = import_apply(
                    kind=kind, data=data, filename=path.name, user=actor, publish=publish
                )
            except ImportRefused as refused:
                plan = refused.plan
        for row in plan.rows:
            if row.action != "unchanged":
                detail = f"（{'、'.join(row.changes)}）" if row.changes else ""
                label = {"create": "新增", "update": "更新"}[row.action]
                self.stdout.write(f"第 {row.row} 行 {label} {row.code} {row.label}{detail}")
        for error in plan.errors:
            self.stderr.write(str(error))
        self.stdout.write(str(plan.summary()))
        if not plan.ok:
            raise CommandError("文件有错误，没有导入任何内容。请改正后重新导入。")
        if dry_run:
            self.stdout.write("这是预览（--dry-run），没有写入任何内容。")
        else:
            self.stdout.write(
                "已导入。" + ("页面已发布。" if publish else "页面为草稿，请提交审核。")
            )
