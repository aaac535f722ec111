"""The one scheduler entry point: runs every job in SCHEDULED_JOBS on time (portal/scheduler.py)."""

import signal

from django.core.management.base import BaseCommand

from portal import scheduler


class Command(BaseCommand):
    help = (
        "按 SCHEDULED_JOBS 的时间表运行所有定时任务（定时发布、到期提醒、个人信息清理、"
        "审计日志清理、月通报草稿、Wagtail 日常清理），每次运行都有记录，显示在后台“网站自查”。"
        "同一时段只运行一次，可以重复启动；加 --once 只运行当前到期的任务后退出（用于 cron）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="运行当前到期的任务后退出，不常驻。"
        )
        parser.add_argument(
            "--tick", type=float, default=20, help="常驻时每隔多少秒检查一次（默认 20）。"
        )
        parser.add_argument("--list", action="store_true", help="只列出时间表，不运行。")

    def handle(self, *args, **options):
        if options["list"]:
            for job in scheduler.jobs():
                self.stdout.write(f"{job.name}\t{job.schedule_label}\t{' '.join(job.command)}")
            return
        if options["once"]:
            runs = scheduler.run_pending()
            for run in runs:
                result = "成功" if run.succeeded else "失败"
                self.stdout.write(f"{run.job}：{result}")
            self.stdout.write(f"已运行 {len(runs)} 个到期任务。")
            return
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("定时任务已启动（Ctrl+C 停止）。")
        scheduler.run_forever(tick=options["tick"], stop=lambda: bool(stopping))
