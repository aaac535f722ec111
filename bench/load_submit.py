"""Load without loss: 20 clients post complaints and decision comments to gunicorn for 60 s.

    .venv/bin/python bench/load_submit.py                 # 20 clients, 60 s (the target run)
    .venv/bin/python bench/load_submit.py --seconds 10    # a quicker run
    .venv/bin/python bench/load_submit.py --seconds 21 --fault redis-hang   # fault injection

It creates the PostgreSQL database named by BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/portal_bench_load; dropped and recreated), migrates it, runs
bootstrap_site and adds a complaint form page and a decision open for comment, then starts
gunicorn with 2 sync workers (bench.settings: production settings, captcha in test mode).

Each client first loads the complaint form (for its CSRF cookie), then, until the time is up,
posts a complaint or a comment with a fresh submission token (the hidden field the real forms
carry). Of the submissions, 10 % are double submits: the same post sent twice at once on two
connections, as a double click does; 5 % lose their connection: the post is sent, the socket is
closed before the answer is read, and the same post is sent again. Every post comes from its own
simulated address (X-Forwarded-For behind one trusted proxy) and phone number, so the per-address
and per-phone rate limits do not throttle the run: they protect the site from one sender, and
this benchmark is many senders.

Afterwards it compares what the clients were told with what the database holds:

- lost: a receipt was shown but no row holds its number and token;
- doubled: one token got two different numbers, or one token or number has two rows;
- unanswered: a row was saved but its client never got a receipt (a client that gave up);
- 5xx: server errors of any request.

and prints accepted/s (distinct submissions with a receipt per second), p50/p95 latency of the
answered posts, lost, doubled. It exits 1 when anything was lost, doubled or answered with 5xx.

With --fault the run starts a private PostgreSQL cluster (initdb in a temporary folder) and a
private redis-server, each on a free loopback port (never the machine's shared servers), points
gunicorn at both (REDIS_URL: cache, page cache, rate limits) and splits the run into three
phases of --seconds/3 each: before, fault, after. At the start of the fault phase it

- redis-hang: freezes Redis with SIGSTOP (connections are accepted, never answered), SIGCONT
  at the end of the phase;
- redis-down: kills Redis, starts it again (empty) at the end of the phase;
- db-down: stops PostgreSQL at once (pg_ctl -m immediate), starts it again at the end;
- worker-kill: kill -9 one gunicorn worker, and another at the middle of the phase (the
  master starts new ones).

The fault phase lasts until the fault is undone and the servers are back (a restarted PostgreSQL
accepts connections, gunicorn has replaced its killed workers); the after phase starts then.
Per phase it prints the submissions sent in it with their receipts, rows, lost and doubled, and
the answers that arrived in it with their 5xx and the slowest. A fault run fails on anything
lost, doubled or saved without being sent, and on a 5xx outside the fault phase.
"""

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode

from common import PrivatePostgres, PrivateRedis, recreate_database, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_load"
PORT = 8766
DOUBLE_SHARE = 0.10
DROP_SHARE = 0.05
CSRF_COOKIE = "__Host-csrftoken"
COMPLAINT_RECEIPT = re.compile(r'<dd class="receipt__code">([^<]+)</dd>')
COMMENT_RECEIPT = re.compile(r'<span class="receipt-number">([^<]+)</span>')
FAULTS = ("redis-hang", "redis-down", "db-down", "worker-kill")
PHASES = ("before", "fault", "after")

PREPARE = """
import json
from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from feedback.factories import ComplaintFormPageFactory
from portal.factories import DepartmentFactory
from portal.models import HomePage

home = HomePage.objects.get()
department = DepartmentFactory(name="示例县发展和改革局", code="11331002")
complaints = ComplaintFormPageFactory(parent=home)
complaints.save_revision().publish()
section = DecisionIndexPageFactory(parent=home)
notice = MajorDecisionPageFactory(parent=section, issuing_department=department)
complaints.refresh_from_db()
notice.refresh_from_db()
print(json.dumps({"complaint": complaints.url, "comment": notice.url}))
"""


def prepare(env):
    import json

    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--noinput", "-v0"], ["bootstrap_site"]):
        subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    output = subprocess.run(
        [*manage, "shell", "-c", PREPARE],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


class Results:
    """What every client saw, gathered under one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.receipts = defaultdict(set)  # (kind, token) -> numbers shown
        self.attempted = {}  # (kind, token) -> when it was first sent
        self.latencies = []
        self.answers = []  # (started, seconds, status) of every answered request
        self.statuses = Counter()
        self.errors = Counter()
        self.doubles = self.drops = 0

    def answer(self, kind, token, status, number, seconds, started):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            self.answers.append((started, seconds, status))
            if number:
                self.receipts[(kind, token)].add(number)


def build_post(kind, token, path, csrf, index):
    """The request line, headers and body of one form post."""
    address = f"10.{index % 250}.{random.randrange(256)}.{random.randrange(1, 255)}"
    phone = f"139{random.randrange(10**8):08d}"
    if kind == "complaint":
        fields = {
            "submission_token": token,
            "category": "service_attitude",
            "subject": "窗口人员态度生硬",
            "description": "在政务服务中心二楼窗口办理营业执照变更时，工作人员一直低头看手机。",
            "name": "张三",
            "phone": phone,
            "website": "",
            "captcha_0": "load",
            "captcha_1": "PASSED",
        }
    else:
        fields = {
            "submission_token": token,
            "text": "建议第三条的补贴标准按物价水平每两年调整一次，并公布测算依据。",
            "sector": "",
            "name": "",
            "contact": phone,
            "website": "",
            "captcha_0": "load",
            "captcha_1": "PASSED",
        }
    fields["csrfmiddlewaretoken"] = csrf
    body = urlencode(fields).encode()
    headers = {
        "Host": "127.0.0.1",
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"{CSRF_COOKIE}={csrf}",
        "X-Forwarded-For": address,
    }
    return path, body, headers


def receipt_number(kind, html):
    match = (COMPLAINT_RECEIPT if kind == "complaint" else COMMENT_RECEIPT).search(html)
    return match.group(1).strip() if match else ""


def send(connection, kind, token, post, results, tries=3):
    """Post and read the answer, reconnecting on a broken connection (same token)."""
    path, body, headers = post
    for _attempt in range(tries):
        start, started = time.perf_counter(), time.time()
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            html = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            with results.lock:
                results.errors[type(error).__name__] += 1
            connection.close()
            continue
        number = receipt_number(kind, html) if response.status == 200 else ""
        results.answer(kind, token, response.status, number, time.perf_counter() - start, started)
        if response.status == 200 and not number:
            with results.lock:
                results.errors["200 without receipt"] += 1
        return
    with results.lock:
        results.errors["gave up"] += 1


def drop_after_sending(post):
    """Send the whole post on a fresh socket and close it before reading anything."""
    path, body, headers = post
    request = f"POST {path} HTTP/1.1\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in {**headers, "Content-Length": len(body)}.items()
    )
    with socket.create_connection(("127.0.0.1", PORT), timeout=10) as sock:
        sock.sendall(request.encode() + b"\r\n" + body)


def csrf_cookie(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    connection.close()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(CSRF_COOKIE + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise RuntimeError("the complaint form set no CSRF cookie")


def client(index, urls, csrf, clock, results):
    rng = random.Random(index)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    while time.time() < clock.deadline:
        kind = rng.choice(("complaint", "comment"))
        token = str(uuid.uuid4())
        post = build_post(kind, token, urls[kind], csrf, index)
        with results.lock:
            results.attempted[(kind, token)] = time.time()
        roll = rng.random()
        if roll < DOUBLE_SHARE:
            # A double click: the same post twice at the same moment on two connections.
            with results.lock:
                results.doubles += 1
            twin = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            second = threading.Thread(target=send, args=(twin, kind, token, post, results))
            second.start()
            send(connection, kind, token, post, results)
            second.join()
            twin.close()
        elif roll < DOUBLE_SHARE + DROP_SHARE:
            with results.lock:
                results.drops += 1
            try:
                drop_after_sending(post)
            except OSError:
                with results.lock:
                    results.errors["drop failed"] += 1
            send(connection, kind, token, post, results)
        else:
            send(connection, kind, token, post, results)
    connection.close()


def saved_rows(database):
    """(kind, form token, number) of every saved complaint and comment."""
    import psycopg

    sys.path.insert(0, str(ROOT))
    # A complaint keeps only a one-way hash of its form token; hash the tokens sent to match.
    from feedback.codes import stored_token

    with psycopg.connect(database) as connection:
        complaints = connection.execute(
            "SELECT submission_token::text, tracking_number FROM feedback_complaint"
        ).fetchall()
        comments = connection.execute(
            "SELECT submission_token::text, receipt_number FROM decisions_publiccomment"
        ).fetchall()
    return [("complaint", token, number) for token, number in complaints] + [
        ("comment", token, number) for token, number in comments
    ], stored_token


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fault", choices=FAULTS, help="inject this fault in the middle third")
    args = parser.parse_args()

    postgres = redis = None
    if args.fault:
        postgres, redis = PrivatePostgres(), PrivateRedis()
        print("Starting a private PostgreSQL and Redis …", flush=True)
        postgres.start()
        postgres.create_database()
        redis.start()
        database = postgres.url
    else:
        database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
        recreate_database(database)
    try:
        return run(args, database, postgres, redis)
    finally:
        if redis:
            redis.stop()
        if postgres:
            postgres.stop()


def worker_pids(master):
    """The gunicorn workers: the processes whose parent is the master (read from /proc)."""
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        # The fields after the parenthesised command name: state, parent pid, …
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            workers.append(int(entry.name))
    return sorted(workers)


class Clock:
    """The run's phases: before, fault, after. The after phase starts when the fault is over,
    a restarted server included, and lasts as long as the others; the clients stop at its end."""

    def __init__(self, seconds):
        self.started = time.time()
        self.third = seconds / 3
        self.fault_start = self.started + self.third
        self.fault_end = self.fault_start + self.third
        self.deadline = self.fault_end + self.third

    def recovered(self):
        self.fault_end = time.time()
        self.deadline = self.fault_end + self.third

    def phase_of(self, moment):
        if moment < self.fault_start:
            return "before"
        return "fault" if moment < self.fault_end else "after"

    def at(self, moment=None):
        return f"{(moment or time.time()) - self.started:5.1f} s"


def inject(fault, server, postgres, redis, clock, log):
    """Run `fault` during the fault phase, then undo it and start the after phase."""
    start, end = clock.fault_start, clock.fault_end
    time.sleep(max(0.0, start - time.time()))
    log.append(f"{clock.at()}  {fault} begins")
    if fault == "redis-hang":
        redis.freeze()
    elif fault == "redis-down":
        redis.stop()
    elif fault == "db-down":
        postgres.crash()
    elif fault == "worker-kill":
        workers_wanted = len(worker_pids(server.pid))
        for kill_at in (start, (start + end) / 2):
            time.sleep(max(0.0, kill_at - time.time()))
            workers = worker_pids(server.pid)
            if workers:
                os.kill(workers[0], signal.SIGKILL)
                log.append(f"{clock.at()}  killed worker {workers[0]}")
    time.sleep(max(0.0, end - time.time()))
    if fault == "redis-hang":
        redis.thaw()
    elif fault == "redis-down":
        redis.start()
    elif fault == "db-down":
        postgres.start()  # waits until PostgreSQL accepts connections (crash recovery)
    log.append(f"{clock.at()}  {fault} undone")
    if fault == "worker-kill":  # over once the master has started a worker for each killed one
        for _attempt in range(100):
            if len(worker_pids(server.pid)) >= workers_wanted:
                break
            time.sleep(0.1)
    clock.recovered()
    log.append(f"{clock.at()}  recovered; the after phase ends at {clock.at(clock.deadline)}")


def run(args, database, postgres, redis):
    media_root = tempfile.mkdtemp(prefix="portal-bench-load-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database,
        "SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(Path(media_root) / "media"),
        "STATIC_ROOT": str(Path(media_root) / "static"),
        "BENCH_CAPTCHA_TEST_MODE": "1",
        # One (simulated) proxy in front: X-Forwarded-For names the sender.
        "TRUSTED_PROXY_COUNT": "1",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_URL", "EMAIL_HOST"):
        env.pop(name, None)
    if redis:
        env["REDIS_URL"] = redis.url
    print("Preparing the database and the two forms …", flush=True)
    urls = prepare(env)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
            # The access log (gunicorn.conf.py) would interleave with the report.
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    results = Results()
    try:
        wait_for_port(PORT)
        # Each client loads the form once, as a citizen does; the clock starts after that
        # (the first requests of a fresh worker also pay for its imports).
        cookies = [csrf_cookie(urls["complaint"]) for _ in range(args.clients)]
        clock = Clock(args.seconds)
        if not args.fault:
            clock.deadline = clock.started + args.seconds
        threads = [
            threading.Thread(target=client, args=(i, urls, cookies[i], clock, results))
            for i in range(args.clients)
        ]
        fault_log = []
        if args.fault:
            threads.append(
                threading.Thread(
                    target=inject, args=(args.fault, server, postgres, redis, clock, fault_log)
                )
            )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - clock.started
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        shutil.rmtree(media_root, ignore_errors=True)

    rows, stored_token = saved_rows(database)
    # Complaint rows hold the hash of the token: translate what the clients sent.
    sent = {
        (kind, str(stored_token(token)) if kind == "complaint" else token): (kind, token)
        for kind, token in results.attempted
    }
    by_token = defaultdict(list)
    for kind, token, number in rows:
        by_token[sent.get((kind, token), (kind, token))].append(number)
    numbers = Counter((kind, number) for kind, _token, number in rows)
    receipted = {key for key, shown in results.receipts.items() if shown}
    lost = sum(
        1
        for key, shown in results.receipts.items()
        if any(number not in by_token.get(key, []) for number in shown)
    )
    doubled = (
        sum(1 for shown in results.receipts.values() if len(shown) > 1)
        + sum(1 for saved in by_token.values() if len(saved) > 1)
        + sum(1 for count in numbers.values() if count > 1)
    )
    unanswered = sum(1 for key in by_token if key not in receipted)
    stray = sum(1 for key in by_token if key not in results.attempted)
    server_errors = sum(count for status, count in results.statuses.items() if status >= 500)
    latencies = results.latencies

    print(
        f"\nLoad without loss: gunicorn {args.workers} sync workers, PostgreSQL, "
        f"{args.clients} clients, {elapsed:.0f} s, {os.cpu_count()} cores"
    )
    print(f"submissions attempted     {len(results.attempted):7d}")
    print(f"  of which double submits {results.doubles:7d}")
    print(f"  of which dropped+retried{results.drops:7d}")
    print(f"receipts (distinct)       {len(receipted):7d}")
    print(f"rows saved                {len(rows):7d}")
    print(f"accepted/s                {len(receipted) / elapsed:9.1f}")
    print(f"p50 latency               {percentile(latencies, 0.50) * 1000:9.1f} ms")
    print(f"p95 latency               {percentile(latencies, 0.95) * 1000:9.1f} ms")
    if latencies:
        print(f"mean latency              {statistics.mean(latencies) * 1000:9.1f} ms")
    print(f"HTTP statuses             {dict(sorted(results.statuses.items()))}")
    print(f"client-side errors        {dict(results.errors)}")
    print(f"lost                      {lost:7d}")
    print(f"doubled                   {doubled:7d}")
    print(f"saved, no receipt         {unanswered:7d}")
    print(f"rows nobody sent          {stray:7d}")
    print(f"5xx                       {server_errors:7d}")
    if args.fault:
        for line in fault_log:
            print(f"fault: {line}")
        outside = report_phases(results, clock, by_token, receipted)
        ok = not lost and not doubled and not stray and not outside and rows
        print("RESULT: " + ("no loss, no double, no 5xx outside the fault" if ok else "FAILED"))
        return 0 if ok else 1
    ok = (
        not lost
        and not doubled
        and not server_errors
        and not stray
        and len(receipted) == len(rows)
        and rows
    )
    print("RESULT: " + ("no loss, no double" if ok else "FAILED"))
    return 0 if ok else 1


def report_phases(results, clock, by_token, receipted):
    """Print one line per phase; return the number of 5xx outside the fault phase.

    A submission counts in the phase it was first sent in; an answer (its status and time) in
    the phase it arrived in, so a request caught in flight by the fault counts in the fault."""
    phase_of = clock.phase_of

    table = {name: Counter() for name in PHASES}
    slowest = dict.fromkeys(PHASES, 0.0)
    for key, sent_at in results.attempted.items():
        tally = table[phase_of(sent_at)]
        tally["sent"] += 1
        shown, saved = results.receipts.get(key, set()), by_token.get(key, [])
        tally["receipts"] += key in receipted
        tally["rows"] += len(saved)
        tally["lost"] += any(number not in saved for number in shown)
        tally["doubled"] += len(shown) > 1 or len(saved) > 1
    for started_at, seconds, status in results.answers:
        name = phase_of(started_at + seconds)
        table[name]["answered"] += 1
        table[name]["5xx"] += status >= 500
        slowest[name] = max(slowest[name], seconds)
    print(
        f"\n{'phase':7s} {'sent':>6s} {'answered':>8s} {'receipts':>8s} {'rows':>6s} "
        f"{'lost':>5s} {'doubled':>7s} {'5xx':>5s} {'slowest':>9s}"
    )
    for name in PHASES:
        tally = table[name]
        print(
            f"{name:7s} {tally['sent']:6d} {tally['answered']:8d} {tally['receipts']:8d} "
            f"{tally['rows']:6d} {tally['lost']:5d} {tally['doubled']:7d} {tally['5xx']:5d} "
            f"{slowest[name] * 1000:7.0f} ms"
        )
    return table["before"]["5xx"] + table["after"]["5xx"]


if __name__ == "__main__":
    sys.exit(main())
