"""Benchmark: importing 10 000 service procedures from one CSV file (批量导入).

    .venv/bin/python bench/import_catalogue.py               # 10 000 rows (the target)
    .venv/bin/python bench/import_catalogue.py --rows 1000   # a quicker run

It creates the PostgreSQL database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/portal_bench_import; dropped and recreated), migrates it, makes
the home page, the disclosure catalogue and 30 departments, and writes a CSV of `--rows`
procedures (each with two materials and three steps). It times:

- the baseline: reading the CSV into rows (`read_table`), the least any import does;
- the preview (`plan_import`, what `--dry-run` and the admin's preview run): every cell checked;
- the import (`import_apply`): every row a draft page with its first revision, one transaction;
- the same file again: every row found unchanged, nothing written.

The target is the import in under a minute. Saving a page enqueues its search-index and
reference-index updates as tasks; in production the task worker runs them after the import, so
by default they are handed to django-tasks' dummy backend (recorded, not run) and the figure is
the import's own work. `--index-inline` runs them inside the import instead (the test settings'
immediate backend), the worst case.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from common import recreate_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_import"
DEPARTMENTS = 30
HEADER = (
    "事项编码,事项名称,部门编码,事项类型,设定依据,受理条件,申请材料,办理流程,"
    "法定办结时限,承诺办结时限,是否收费,办理地点,办理时间,咨询电话,监督投诉电话"
)


def setup_django(url, *, index_inline):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        "portal.settings.test" if index_inline else "bench.import_settings"
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def csv_file(rows):
    lines = [HEADER]
    for n in range(rows):
        department = 11330100 + n % DEPARTMENTS
        lines.append(
            ",".join(
                [
                    f"BENCH-{n:05d}",
                    f"第{n}项行政许可事项（新办）",
                    str(department),
                    "行政许可",
                    "《中华人民共和国行政许可法》第十二条",
                    "申请人具有完全民事行为能力",
                    '"申请书｜原件｜1\n身份证明｜复印件｜1"',
                    '"受理｜综合窗口｜即办\n审查｜审批科｜3 个工作日\n决定｜分管领导｜1 个工作日"',
                    "20",
                    "5",
                    "否",
                    "示例县政务服务中心一楼",
                    "工作日 8:30-17:30",
                    "0571-86010003",
                    "12345",
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def timed(label, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"{label:<34}{seconds:9.2f} s", flush=True)
    return result, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--index-inline", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    recreate_database(url)
    setup_django(url, index_inline=args.index_inline)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from disclosure.catalogue_import import import_apply, plan_import, read_table
    from disclosure.factories import DisclosureIndexPageFactory
    from portal.models import Department
    from tests.utils import make_home

    home = make_home()
    DisclosureIndexPageFactory(parent=home)
    Department.objects.bulk_create(
        Department(name=f"示例县第{n}局", code=str(11330100 + n)) for n in range(DEPARTMENTS)
    )
    data = csv_file(args.rows)
    indexing = "inline" if args.index_inline else "left to the task worker"
    print(
        f"{args.rows} procedure rows, {len(data) / 1e6:.1f} MB CSV, PostgreSQL, indexing {indexing}"
    )
    _rows, baseline = timed("baseline: read the CSV", lambda: read_table(data, "bench.csv"))
    plan, _ = timed("preview (plan_import)", lambda: plan_import("procedures", data, "bench.csv"))
    assert plan.ok and plan.created == args.rows, plan.errors[:3]
    plan, seconds = timed(
        "import (import_apply, drafts)",
        lambda: import_apply(kind="procedures", data=data, filename="bench.csv"),
    )
    assert plan.created == args.rows
    again, _ = timed(
        "same file again (all unchanged)",
        lambda: import_apply(kind="procedures", data=data, filename="bench.csv"),
    )
    assert again.unchanged == args.rows
    print(f"import: {args.rows / seconds:.0f} rows/s, {seconds / baseline:.0f}x the baseline")
    projected = seconds * 10000 / args.rows
    verdict = ("met" if projected < 60 else "NOT met") + (
        "" if args.rows >= 10000 else " (projected)"
    )
    print(f"10 000 rows at this rate: {projected:.0f} s; target under 60 s: {verdict}")


if __name__ == "__main__":
    main()
