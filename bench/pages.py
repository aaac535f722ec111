"""Page speed: anonymous GETs of the portal's pages against two baselines, same process, same run.

    .venv/bin/python bench/pages.py                  # PostgreSQL, per-process memory cache
    .venv/bin/python bench/pages.py --redis          # page cache in Redis (REDIS_URL)
    .venv/bin/python bench/pages.py --no-cache       # PAGE_CACHE_SECONDS=0: every view rendered

It creates the database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/portal_bench_pages; dropped and recreated), migrates, runs
bootstrap_site and load_demo, adds one stock Wagtail page (plain `Page`, Wagtail's own template),
starts gunicorn with one worker and requests each URL for a fixed time with keep-alive clients
(wrk when installed, else a threaded Python client), then prints req/s of each page and its
ratio to the two baselines: a minimal Django view and the stock Wagtail page, both served by
the same gunicorn process.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import recreate_database, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_pages"
PORT = 8765


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def prepare(env):
    python = sys.executable
    manage = [python, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "bootstrap_site"], env, stdout=subprocess.DEVNULL)
    run([*manage, "load_demo"], env, stdout=subprocess.DEVNULL)
    run([*manage, "collectstatic", "--noinput", "-v0"], env)
    script = (
        "from wagtail.models import Page; from portal.models import HomePage;"
        "home = HomePage.objects.get();"
        "stock = home.get_children().filter(slug='bench-stock').first() or "
        "home.add_child(instance=Page(title='Stock Wagtail page', slug='bench-stock'));"
        "from disclosure.models import ServiceProcedurePage, MonthlyBulletinPage;"
        "urls = {'procedure': ServiceProcedurePage.objects.live().first().url,"
        " 'stock': stock.url};"
        "bulletin = MonthlyBulletinPage.objects.live().order_by('-month').first();"
        "urls['bulletin'] = bulletin.url if bulletin else '';"
        "from django.apps import apps;"
        "Decision = apps.get_model('decisions', 'MajorDecisionPage') "
        "if apps.is_installed('decisions') else None;"
        "decision = Decision.objects.live().first() if Decision else None;"
        "urls['decision'] = decision.url if decision else '';"
        "import json; print(json.dumps(urls))"
    )
    output = run([*manage, "shell", "-c", script], env, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def python_load(path, seconds, clients):
    """Keep-alive GETs from `clients` threads for `seconds`; returns (requests, errors)."""
    counts, errors = [0] * clients, [0] * clients
    stop = time.time() + seconds

    def worker(index):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        while time.time() < stop:
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    counts[index] += 1
                else:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), sum(errors)


def wrk_load(path, seconds, clients):
    output = subprocess.run(
        ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", f"http://127.0.0.1:{PORT}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = errors = 0
    for line in output.splitlines():
        if "requests in" in line:
            requests = int(line.split()[0])
        if "Non-2xx" in line or "Socket errors" in line:
            errors += sum(int(p) for p in line.replace(",", " ").split() if p.isdigit())
    return requests - errors, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--redis", action="store_true", help="page cache in REDIS_URL")
    parser.add_argument("--no-cache", action="store_true", help="PAGE_CACHE_SECONDS=0")
    args = parser.parse_args()

    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    recreate_database(database)
    static_root = tempfile.mkdtemp(prefix="portal-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database,
        "SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="portal-bench-media-"),
        "PAGE_CACHE_SECONDS": "0" if args.no_cache else "300",
        "PYTHONPATH": str(ROOT),
    }
    if args.redis:
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/5")
    else:
        env.pop("REDIS_URL", None)
    env.pop("ELASTICSEARCH_URL", None)
    print("Preparing the database and demo content …", flush=True)
    urls = prepare(env)
    pages = [
        ("Django hello view (baseline)", "/bench/hello"),
        ("Stock Wagtail page (baseline)", urls["stock"]),
        ("Home page", "/"),
        ("Disclosure catalogue", "/disclosure/"),
        ("Service procedure", urls["procedure"]),
        ("Major decision", urls["decision"]),
        ("Monthly bulletin", urls["bulletin"]),
        ("Search 不动产登记", "/search/?q=%E4%B8%8D%E5%8A%A8%E4%BA%A7%E7%99%BB%E8%AE%B0"),
    ]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    load = wrk_load if shutil.which("wrk") else python_load
    try:
        wait_for_port(PORT)
        results = []
        for label, path in pages:
            if not path:
                print(f"{label:32} skipped (no such page in the demo content)")
                continue
            load(path, 2, args.clients)  # warm-up: caches, connection pools
            ok, errors = load(path, args.seconds, args.clients)
            results.append((label, path, ok / args.seconds, errors))
        hello = results[0][2]
        stock = results[1][2]
        mode = (
            "no page cache"
            if args.no_cache
            else ("Redis page cache" if args.redis else "memory page cache")
        )
        print(
            f"\nPage speed, gunicorn 1 worker, {args.clients} keep-alive clients via "
            f"{load.__name__.split('_')[0]}, {args.seconds} s each, {mode}, "
            f"{os.cpu_count()} cores"
        )
        print(f"{'page':32} {'req/s':>9} {'vs hello':>9} {'vs stock':>9} {'errors':>7}")
        for label, _path, rate, errors in results:
            print(f"{label:32} {rate:9.1f} {rate / hello:9.2f} {rate / stock:9.2f} {errors:7d}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
