"""What the benchmarks share: a fresh PostgreSQL database and waiting for gunicorn to listen.

The scripts run as `python bench/<name>.py`, so this folder is first on sys.path and they
import this module as `common`."""

import socket
import time
from urllib.parse import urlparse


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
    raise RuntimeError("gunicorn did not start")
