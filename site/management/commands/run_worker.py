"""The background-task worker: runs queued notifications, retrying failures (portal/tasks.py)."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS

from portal import tasks


class Command(BaseCommand):
    help = (
        "运行后台任务（通知邮件等）：失败的任务按 1、2、4… 分钟递增间隔重试，"
        "超过 TASK_MAX_ATTEMPTS 次后标记为失败，在后台“设置 → 后台任务”中显示错误。"
        "加 --batch 运行完当前到期的任务后退出。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="运行完到期的任务后退出。")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="队列为空时每隔多少秒查看一次（默认 1）。"
        )
        parser.add_argument(
            "--backend",
            default=DEFAULT_TASK_BACKEND_ALIAS,
            help="TASKS 中的后端名（默认 default）。",
        )

    def handle(self, *args, **options):
        if options["backend"] not in tasks.database_backend_names():
            raise CommandError(
                f"后台任务后端“{options['backend']}”不是数据库队列（TASKS_BACKEND=database），"
                "无需运行 run_worker：任务已在请求中立即运行，或由其队列自己的 worker 运行。"
            )
        worker = tasks.run_worker(
            backend_name=options["backend"],
            batch=options["batch"],
            interval=options["interval"],
            startup_delay=not options["batch"],
        )
        if not options["batch"]:
            worker.configure_signals()
            self.stdout.write("后台任务 worker 已启动（Ctrl+C 停止）。")
        worker.run()
