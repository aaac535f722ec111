"""Backup and restore of the database and the uploaded media, as two files in one folder.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore (--clean,
--no-owner) into the database DATABASE_URL names, which may be empty; SQLite is copied with
its online backup API. Media on local disk is one tar.gz of MEDIA_ROOT; media on object storage
(AWS_STORAGE_BUCKET_NAME) is left to the bucket's own versioning or replication."""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


class BackupError(Exception):
    """A backup or restore step failed; the message says which, in Chinese."""


def _pg_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db):
    args = ["--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _run(command, env, step):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{step}失败：找不到 {command[0]}，请安装 PostgreSQL 客户端。") from None
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{step}失败：{exc.stderr.strip()[-500:]}") from None


def media_is_local():
    return not getattr(settings, "AWS_STORAGE_BUCKET_NAME", "")


def backup(folder, *, using="default"):
    """Write the database dump, the media archive and a manifest into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    db = connections[using].settings_dict
    vendor = connections[using].vendor
    target = folder / DATABASE_FILE
    if vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *_pg_args(db)],
            _pg_env(db),
            "数据库备份",
        )
    elif vendor == "sqlite":
        source = sqlite3.connect(str(db["NAME"]))
        with sqlite3.connect(str(target)) as copy:
            source.backup(copy)
        source.close()
    else:
        raise BackupError(f"不支持备份 {vendor} 数据库。")
    media = None
    if media_is_local():
        media = folder / MEDIA_FILE
        root = Path(settings.MEDIA_ROOT)
        with tarfile.open(media, "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname="media")
    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "media": MEDIA_FILE if media else "object storage (not in this backup)",
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def restore(folder, *, using="default", database=None):
    """Load a backup written by `backup` into the configured database (or the `database`
    settings dict given, e.g. an empty one) and MEDIA_ROOT."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        raise BackupError(f"{folder} 不是备份目录：缺少或无法读取 {MANIFEST_FILE}。") from None
    connection = connections[using]
    if manifest.get("database") != connection.vendor:
        raise BackupError(
            f"备份来自 {manifest.get('database')} 数据库，不能恢复到 {connection.vendor}。"
        )
    db = database or connection.settings_dict
    dump = folder / DATABASE_FILE
    if database is None:
        connection.close()
    if connection.vendor == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                *_pg_args(db),
                str(dump),
            ],
            _pg_env(db),
            "数据库恢复",
        )
    else:
        with sqlite3.connect(str(dump)) as source, sqlite3.connect(str(db["NAME"])) as target:
            source.backup(target)
    media = folder / MEDIA_FILE
    if media.exists() and media_is_local():
        root = Path(settings.MEDIA_ROOT)
        with tarfile.open(media, "r:gz") as archive:
            staging = root.parent / f".{root.name}-restoring"
            shutil.rmtree(staging, ignore_errors=True)
            archive.extractall(staging, filter="data")
            shutil.rmtree(root, ignore_errors=True)
            extracted = staging / "media"
            if extracted.exists():
                extracted.rename(root)
            else:
                root.mkdir(parents=True)
            shutil.rmtree(staging, ignore_errors=True)
    return manifest
