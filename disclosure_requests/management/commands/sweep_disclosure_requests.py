"""manage.py sweep_disclosure_requests: the daily run (idempotent) that closes requests not
corrected or not paid for in time and records reminders before deadlines."""

from django.core.management.base import BaseCommand

from disclosure_requests.services import requests_sweep


class Command(BaseCommand):
    help = "办结逾期不补正、逾期未缴费的政府信息公开申请，并登记到期提醒。"

    def handle(self, *args, **options):
        closed, reminded = requests_sweep()
        self.stdout.write(f"办结 {closed} 件，提醒 {reminded} 件。")
