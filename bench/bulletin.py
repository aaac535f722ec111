"""Benchmark: compiling a monthly bulletin's draft for a month with 100 000 complaints.

    .venv/bin/python bench/bulletin.py                      # 100 000 complaints (the target)
    .venv/bin/python bench/bulletin.py --complaints 20000   # a quicker run

It creates the PostgreSQL database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/portal_bench_bulletin; dropped and recreated), migrates it,
bootstraps the site and adds 30 departments and a bulletin section, then inserts in bulk, all in
last month: the complaints (every status, answered on time or late, rated or not), 2 000
symposium views whose replies fell due, 1 000 inspection findings and 300 accountability cases
with their sources and outcomes (some with a one-vote veto). It runs ANALYZE, then times, each
the best of three:

- the baseline: one `COUNT(*) … GROUP BY` of the month's complaints per department, the
  cheapest query that touches the same rows;
- `bulletin_figures` (the nine queries behind a draft);
- `bulletin_draft`, the whole service: figures, the page's latest revision, scoring, a new
  revision (the first run creates the draft page and is reported on its own).

and prints each time and its ratio to the baseline. The target is a draft in under 10 s.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

from common import recreate_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_bulletin"
SEED = 20261126
BATCH = 5000
DEPARTMENTS = 30
VIEWS = 2000
FINDINGS = 1000
CASES = 300


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("bootstrap_site", stdout=quiet)


def best_of(runs, function):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def populate(complaint_count, year, month):
    """Rows inserted in bulk (no services: the benchmark is about reading them)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    from disclosure.factories import BulletinIndexPageFactory
    from feedback import models as m
    from portal.models import Department, HomePage

    generator = random.Random(SEED)
    home = HomePage.objects.get()
    BulletinIndexPageFactory(parent=home).save_revision().publish()
    departments = Department.objects.bulk_create(
        Department(
            name=f"示例县第{i + 1}局",
            short_name=f"第{i + 1}局",
            code=f"1133{i + 1:04d}",
            sort_order=i * 10,
        )
        for i in range(DEPARTMENTS)
    )
    first = datetime.date(year, month, 1)
    days_in_month = (datetime.date(year + month // 12, month % 12 + 1, 1) - first).days
    tz = timezone.get_current_timezone()
    code_hash = make_password("ABCD2345")

    def moment(day_offset, hour):
        day = first + datetime.timedelta(days=day_offset)
        return datetime.datetime.combine(day, datetime.time(hour, generator.randrange(60)), tz)

    statuses = [
        (m.Status.SUBMITTED, 8),
        (m.Status.REJECTED, 5),
        (m.Status.ACCEPTED, 15),
        (m.Status.REPLIED, 20),
        (m.Status.CLOSED, 42),
        (m.Status.REOPENED, 5),
        (m.Status.ESCALATED, 3),
        (m.Status.REFERRED, 2),
    ]
    population, weights = zip(*statuses, strict=True)
    answered = {
        m.Status.REPLIED,
        m.Status.CLOSED,
        m.Status.REOPENED,
        m.Status.ESCALATED,
        m.Status.REFERRED,
    }
    start = time.perf_counter()
    for batch_start in range(0, complaint_count, BATCH):
        rows = []
        for number in range(batch_start, min(batch_start + BATCH, complaint_count)):
            offset = generator.randrange(days_in_month)
            submitted = moment(offset, generator.randrange(8, 22))
            status = generator.choices(population, weights)[0]
            department = generator.choice(departments)
            reply = status in answered
            rating = ""
            if status == m.Status.CLOSED:
                rating = generator.choice(["satisfied", "satisfied", "basically_satisfied", ""])
            elif status in (m.Status.REOPENED, m.Status.ESCALATED):
                rating = "dissatisfied"
            rows.append(
                m.Complaint(
                    tracking_number=f"TS{year}{month:02d}{number:08d}",
                    query_code_hash=code_hash,
                    category=generator.choice(m.Category.values),
                    department=department,
                    handling_department=None if status == m.Status.SUBMITTED else department,
                    subject="窗口办事被多次退回材料",
                    description="窗口工作人员前后三次要求补交不同的材料。",
                    name="张三",
                    phone="13812345678",
                    publish_consent=True,
                    status=status,
                    submitted_at=submitted,
                    accept_deadline=submitted.date() + datetime.timedelta(days=1),
                    accepted_at=None if status == m.Status.SUBMITTED else submitted,
                    reply_deadline=(
                        None
                        if status in (m.Status.SUBMITTED, m.Status.REJECTED)
                        else submitted.date() + datetime.timedelta(days=21)
                    ),
                    replied_at=submitted + datetime.timedelta(days=10) if reply else None,
                    reply="已核查并整改。" if reply else "",
                    reply_count=1 if reply else 0,
                    replied_late=reply and generator.random() < 0.1,
                    rating=rating,
                )
            )
        m.Complaint.objects.bulk_create(rows)
    inserted = time.perf_counter() - start

    session = m.SymposiumPage(
        title="基准测试座谈会",
        slug="bench-session",
        date=first - datetime.timedelta(days=40),
        period=f"{first.year}年上半年",
        place="会议室",
        host_department=departments[0],
    )
    home.add_child(instance=session)
    views = []
    for number in range(1, VIEWS + 1):
        deadline = first + datetime.timedelta(days=generator.randrange(days_in_month))
        replied = generator.random() < 0.85
        views.append(
            m.SymposiumView(
                session=session,
                number=number,
                text="建议问责结果公开。",
                sector=generator.choice(m.Sector.values),
                topic=generator.choice(m.ViewTopic.values),
                handling_department=generator.choice(departments),
                status=m.ViewStatus.REPLIED if replied else m.ViewStatus.IN_PROGRESS,
                assigned_at=moment(0, 9) - datetime.timedelta(days=20),
                reply_deadline=deadline,
                reply="已答复。" if replied else "",
                replied_at=moment(0, 10) if replied else None,
                replied_late=replied and generator.random() < 0.15,
                published=True,
            )
        )
    m.SymposiumView.objects.bulk_create(views, batch_size=BATCH)
    findings = m.InspectionFinding.objects.bulk_create(
        (
            m.InspectionFinding(
                inspected_on=first + datetime.timedelta(days=generator.randrange(days_in_month)),
                department=generator.choice(departments),
                post="综合受理窗口",
                mode=generator.choice(m.InspectionMode.values),
                category=generator.choice(m.FindingCategory.values),
                problem="窗口无人值守。",
                rectification="落实 AB 岗。",
                rectification_deadline=first + datetime.timedelta(days=days_in_month + 10),
                referred_at=moment(0, 9),
            )
            for _ in range(FINDINGS)
        ),
        batch_size=BATCH,
    )
    cases = []
    for number in range(1, CASES + 1):
        opened = first + datetime.timedelta(days=generator.randrange(days_in_month))
        decided = generator.random() < 0.7
        outcome = generator.choice(m.Outcome.values[1:]) if decided else ""
        veto = decided and generator.random() < 0.05
        cases.append(
            m.AccountabilityCase(
                number=f"{year}-{number:04d}",
                department=generator.choice(departments),
                post_level=generator.choice(m.PostLevel.values),
                person_name="王五",
                ground=generator.choice(m.Ground.values),
                allegation="审查事项。",
                findings="查明的事实。" if decided else "",
                outcome=outcome,
                veto=veto,
                veto_reason="王五吃拿卡要" if veto else "",
                status=m.CaseStatus.DECIDED if decided else m.CaseStatus.OPEN,
                opened_on=opened,
                decided_on=min(opened + datetime.timedelta(days=7), first.replace(day=28))
                if decided
                else None,
            )
        )
    cases = m.AccountabilityCase.objects.bulk_create(cases, batch_size=BATCH)
    m.AccountabilityCaseSource.objects.bulk_create(
        (
            m.AccountabilityCaseSource(case=case, finding=generator.choice(findings))
            for case in cases
        ),
        batch_size=BATCH,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return inserted


def run(complaint_count):
    from django.db.models import Count

    from feedback.models import Complaint
    from feedback.selectors import bulletin_figures, month_bounds
    from feedback.services import bulletin_draft
    from feedback.services.bulletins import previous_month

    year, month = previous_month()
    inserted = populate(complaint_count, year, month)
    total = Complaint.objects.count()
    print(f"数据：{total} 件投诉（{inserted:.1f} s 批量写入），{year}-{month:02d}")

    start, end = month_bounds(year, month)

    def baseline():
        list(
            Complaint.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
            .values("handling_department")
            .annotate(n=Count("pk"))
            .order_by()
        )

    base_best, base_median = best_of(3, baseline)
    figures_best, figures_median = best_of(3, lambda: bulletin_figures(year, month))
    first_start = time.perf_counter()
    bulletin_draft(year=year, month=month)
    first_run = time.perf_counter() - first_start
    draft_best, draft_median = best_of(3, lambda: bulletin_draft(year=year, month=month))
    print(f"基线 COUNT(*) GROUP BY：{base_best * 1000:8.1f} ms（中位数 {base_median * 1000:.1f}）")
    print(
        f"bulletin_figures：{figures_best * 1000:8.1f} ms"
        f"（中位数 {figures_median * 1000:.1f}），基线的 {figures_best / base_best:.1f} 倍"
    )
    print(
        f"bulletin_draft 首次（新建页面）：{first_run:8.2f} s，"
        f"基线的 {first_run / base_best:.1f} 倍"
    )
    print(
        f"bulletin_draft 再次汇总：{draft_best:8.2f} s（中位数 {draft_median:.2f}），"
        f"基线的 {draft_best / base_best:.1f} 倍"
    )
    worst = max(first_run, draft_median)
    verdict = "达标" if worst < 10 else "未达标"
    print(f"目标 < 10 s：{verdict}（最慢一次 {worst:.2f} s）")
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    recreate_database(url)
    setup_django(url)
    worst = run(args.complaints)
    sys.exit(0 if worst < 10 else 1)


if __name__ == "__main__":
    main()
