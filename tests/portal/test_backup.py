"""backup_site and restore_site: a PostgreSQL backup restored into an empty database, SQLite
copied, the media folder brought back whole, and clear refusals."""

import sqlite3
import subprocess
import uuid

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal import backup
from portal.models import Department


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "通知.pdf").write_bytes(b"%PDF-1.4 test")
    settings.MEDIA_ROOT = root
    return root


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgres_backup_restores_into_an_empty_database(media, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    Department.objects.create(name="示例县备份测试局", short_name="备份局", code="11339999")
    call_command("backup_site", str(tmp_path / "backup"))
    (media / "documents" / "通知.pdf").unlink()
    (media / "stray.txt").write_text("added after the backup")

    db = connection.settings_dict
    empty = {**db, "NAME": f"restore_{uuid.uuid4().hex[:8]}"}
    server = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{empty["NAME"]}"')
    try:
        backup.restore(tmp_path / "backup", database=empty)
        with psycopg.connect(dbname=empty["NAME"], **server) as restored:
            names = restored.execute("SELECT name FROM portal_department").fetchall()
            migrations = restored.execute("SELECT count(*) FROM django_migrations").fetchone()
        assert ("示例县备份测试局",) in names
        assert migrations[0] > 0
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{empty["NAME"]}" WITH (FORCE)')
    assert (media / "documents" / "通知.pdf").read_bytes() == b"%PDF-1.4 test"
    assert not (media / "stray.txt").exists()


def test_sqlite_backup_and_restore_round_trip(media, tmp_path, monkeypatch):
    live = tmp_path / "db.sqlite3"
    with sqlite3.connect(live) as db:
        db.execute("CREATE TABLE t (name TEXT)")
        db.execute("INSERT INTO t VALUES ('before')")
    fake = type("C", (), {"vendor": "sqlite", "settings_dict": {"NAME": str(live)}})()
    fake.close = lambda: None
    monkeypatch.setattr(backup, "connections", {"default": fake})
    manifest = backup.backup(tmp_path / "backup")
    assert manifest["database"] == "sqlite" and manifest["media"] == "media.tar.gz"
    with sqlite3.connect(live) as db:
        db.execute("DELETE FROM t")
    backup.restore(tmp_path / "backup")
    with sqlite3.connect(live) as db:
        assert db.execute("SELECT name FROM t").fetchall() == [("before",)]


def test_restore_needs_yes_and_a_backup_folder(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore_site", str(tmp_path))
    with pytest.raises(CommandError, match="不是备份目录"):
        call_command("restore_site", str(tmp_path), "--yes")


def test_a_failing_pg_dump_is_reported_in_chinese(monkeypatch, tmp_path):
    def fail(*args, **kwargs):
        raise subprocess.CalledProcessError(1, "pg_dump", stderr="connection refused")

    fake = type("C", (), {"vendor": "postgresql", "settings_dict": {"NAME": "portal"}})()
    monkeypatch.setattr(backup, "connections", {"default": fake})
    monkeypatch.setattr(backup.subprocess, "run", fail)
    with pytest.raises(backup.BackupError, match="数据库备份失败：connection refused"):
        backup.backup(tmp_path / "backup")
