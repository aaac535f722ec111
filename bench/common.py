"""What the benchmarks share: a fresh PostgreSQL database, waiting for gunicorn to listen, and
private Redis and PostgreSQL servers that a fault-injection run may stop, freeze and kill.

The scripts run as `python bench/<name>.py`, so this folder is first on sys.path and they
import this module as `common`. The private servers listen on loopback ports of their own and
live in temporary folders: a benchmark never touches the machine's shared Redis or PostgreSQL."""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

POSTGRES_BIN = Path(os.environ.get("BENCH_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))


def recreate_database(url):
    """Drop and create the database named by `url` (a benchmark owns its database)."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    admin = url.replace(f"/{name}", "/postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def wait_for_port(port, timeout=60):
    """Return once something listens on 127.0.0.1:`port`; fail after `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


def free_port():
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A redis-server of the benchmark's own, without persistence, on a free loopback port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--loglevel", "warning"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout=20)

    def freeze(self):
        """SIGSTOP: connections are still accepted by the kernel and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=20)


class PrivatePostgres:
    """A PostgreSQL cluster of the benchmark's own (initdb in a temporary folder, a free port).

    PostgreSQL refuses to run as root, so as root it runs as the `postgres` user."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-bench-pg-"))
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal_bench"
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *command, check=True):
        if self.user:
            command = ("runuser", "-u", self.user, "--", *command)
        return subprocess.run(
            command, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120
        )

    def start(self):
        if self.user:
            record = pwd.getpwnam(self.user)
            os.chown(self.folder, record.pw_uid, record.pw_gid)
        if not self.data.exists():
            # Trust on loopback only: the cluster lives for one run and listens on 127.0.0.1.
            self._run(
                str(POSTGRES_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"
            )
        self._run(
            str(POSTGRES_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=50",
            "start",
        )

    def create_database(self):
        import psycopg

        with psycopg.connect(self.url.replace("/portal_bench", "/postgres")) as connection:
            connection.autocommit = True
            connection.execute("CREATE DATABASE portal_bench")

    def crash(self):
        """Stop at once, as a crash or a killed server would (in-flight transactions abort)."""
        self._run(str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run(
                str(POSTGRES_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "fast",
                "stop",
                check=False,
            )
        shutil.rmtree(self.folder, ignore_errors=True)
