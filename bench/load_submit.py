"""Load without loss: 20 clients post complaints and decision comments to gunicorn for 60 s.

    .venv/bin/python bench/load_submit.py                 # 20 clients, 60 s (the target run)
    .venv/bin/python bench/load_submit.py --seconds 10    # a quicker run

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

from common import recreate_database, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench_load"
PORT = 8766
DOUBLE_SHARE = 0.10
DROP_SHARE = 0.05
CSRF_COOKIE = "__Host-csrftoken"
COMPLAINT_RECEIPT = re.compile(r'<dd class="receipt__code">([^<]+)</dd>')
COMMENT_RECEIPT = re.compile(r'<span class="receipt-number">([^<]+)</span>')

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
        self.attempted = set()
        self.latencies = []
        self.statuses = Counter()
        self.errors = Counter()
        self.doubles = self.drops = 0

    def answer(self, kind, token, status, number, seconds):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
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
        start = time.perf_counter()
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
        results.answer(kind, token, response.status, number, time.perf_counter() - start)
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


def client(index, urls, csrf, deadline, results):
    rng = random.Random(index)
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    while time.time() < deadline:
        kind = rng.choice(("complaint", "comment"))
        token = str(uuid.uuid4())
        post = build_post(kind, token, urls[kind], csrf, index)
        with results.lock:
            results.attempted.add((kind, token))
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
    args = parser.parse_args()

    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    recreate_database(database)
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
        started = time.time()
        deadline = started + args.seconds
        threads = [
            threading.Thread(target=client, args=(i, urls, cookies[i], deadline, results))
            for i in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - started
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


if __name__ == "__main__":
    sys.exit(main())
