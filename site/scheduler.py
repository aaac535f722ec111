"""Every scheduled job in one place: SCHEDULED_JOBS in settings, run by `manage.py run_scheduler`.

Each job is a management command with a schedule: every minute, daily at a time, or monthly on
a day at a time (Beijing time). A job's *slot* is the latest time it was due; the scheduler runs
a job when its current slot has no run yet, so a scheduler that was down catches up with one run
on start, never with a burst. Each run is a `JobRun` row, unique per (job, slot): a second
scheduler started by mistake skips what the first has claimed, so a job never runs twice for one
slot. A failed run is tried again up to RETRIES times, RETRY_AFTER apart, within its slot. The
self-check page reads `job_states` and warns when a job has not succeeded on time."""

import datetime
import io
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import Max, Q
from django.utils import timezone

from .logs import mask_personal_data
from .models import JobRun

logger = logging.getLogger(__name__)

# A failed run is tried again this often within its slot, at most this many more times.
RETRY_AFTER = datetime.timedelta(minutes=10)
RETRIES = 2
# A run still marked running after this long died with its process: it may be claimed again.
STALE_AFTER = datetime.timedelta(hours=2)
# How much of a command's output is kept on its run.
OUTPUT_CHARS = 4000
# How late a job may be before the self-check warns, by kind of schedule.
GRACE = {
    "minute": datetime.timedelta(minutes=5),
    "daily": datetime.timedelta(hours=2),
    "monthly": datetime.timedelta(days=1),
}


@dataclass(frozen=True)
class Job:
    """One entry of SCHEDULED_JOBS: a management command and when it is due."""

    name: str
    title: str
    command: tuple
    kind: str  # "minute", "daily" or "monthly"
    hour: int = 0
    minute: int = 0
    day: int = 1

    def slot(self, now):
        """The latest time at or before `now` when this job was due (aware, Beijing time)."""
        local = timezone.localtime(now)
        if self.kind == "minute":
            return local.replace(second=0, microsecond=0)
        at = local.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)
        if self.kind == "daily":
            return at if at <= local else at - datetime.timedelta(days=1)
        this_month = at.replace(day=self.day)
        if this_month <= local:
            return this_month
        previous = (this_month.replace(day=1) - datetime.timedelta(days=1)).replace(day=self.day)
        return previous

    def expected_slot(self, now):
        """The latest slot that should have a successful run by `now`."""
        return self.slot(now - GRACE[self.kind])

    @property
    def schedule_label(self):
        if self.kind == "minute":
            return "每分钟"
        if self.kind == "daily":
            return f"每天 {self.hour:02d}:{self.minute:02d}"
        return f"每月 {self.day} 日 {self.hour:02d}:{self.minute:02d}"


def _parse_time(text, name):
    try:
        hour, minute = (int(part) for part in text.split(":"))
    except (AttributeError, ValueError):
        raise ImproperlyConfigured(
            f"SCHEDULED_JOBS {name}: time must be HH:MM, got {text!r}"
        ) from None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ImproperlyConfigured(f"SCHEDULED_JOBS {name}: no such time {text!r}")
    return hour, minute


def parse_job(entry):
    """A `Job` from one SCHEDULED_JOBS dict; ImproperlyConfigured on a malformed entry."""
    name = entry.get("name")
    command = tuple(entry.get("command") or ())
    if not name or not command:
        raise ImproperlyConfigured(f"SCHEDULED_JOBS entry needs a name and a command: {entry!r}")
    title = entry.get("title") or name
    if entry.get("every") == "minute":
        return Job(name=name, title=title, command=command, kind="minute")
    if "daily" in entry:
        hour, minute = _parse_time(entry["daily"], name)
        return Job(name=name, title=title, command=command, kind="daily", hour=hour, minute=minute)
    if "monthly" in entry:
        day, at = entry["monthly"]
        if not 1 <= int(day) <= 28:
            raise ImproperlyConfigured(f"SCHEDULED_JOBS {name}: monthly day must be 1-28")
        hour, minute = _parse_time(at, name)
        return Job(
            name=name,
            title=title,
            command=command,
            kind="monthly",
            day=int(day),
            hour=hour,
            minute=minute,
        )
    raise ImproperlyConfigured(
        f"SCHEDULED_JOBS {name}: give every='minute', daily='HH:MM' or monthly=(day, 'HH:MM')"
    )


def jobs():
    """Every scheduled job, in the order of SCHEDULED_JOBS."""
    parsed = [parse_job(entry) for entry in settings.SCHEDULED_JOBS]
    names = [job.name for job in parsed]
    if len(set(names)) != len(names):
        raise ImproperlyConfigured("SCHEDULED_JOBS: job names must be unique")
    return parsed


def _claim(job, slot, now):
    """The run this process may start for `job`'s `slot`, or None when another process has
    it, it succeeded, or its retries are used up or not yet due."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(job=job.name, slot=slot, started_at=now)
    except IntegrityError:
        pass
    # The slot has a run: take it over only if it failed long enough ago, or died running.
    retryable = Q(succeeded=False, finished_at__lte=now - RETRY_AFTER) | Q(
        succeeded__isnull=True, started_at__lte=now - STALE_AFTER
    )
    run = JobRun.objects.filter(retryable, job=job.name, slot=slot, attempts__lte=RETRIES).first()
    if run is None:
        return None
    # A conditional update: of two schedulers racing for the retry, one matches the row.
    claimed = JobRun.objects.filter(pk=run.pk, attempts=run.attempts).update(
        attempts=run.attempts + 1, started_at=now, finished_at=None, succeeded=None
    )
    if not claimed:
        return None
    run.refresh_from_db()
    return run


def run_job(job, run):
    """Run `job`'s command and record how it ended on `run`; never raises."""
    output = io.StringIO()
    began = time.monotonic()
    try:
        call_command(*job.command, stdout=output, stderr=output)
    except BaseException as exc:  # a job's failure must not stop the scheduler
        if isinstance(exc, KeyboardInterrupt):
            raise
        run.succeeded = False
        text = f"{output.getvalue()}\n{type(exc).__name__}: {exc}".strip()
        logger.exception("Scheduled job %s failed", job.name)
    else:
        run.succeeded = True
        text = output.getvalue().strip()
    run.output = mask_personal_data(text)[-OUTPUT_CHARS:]
    # From the claimed start, so a run's times agree with the slot it was claimed for.
    run.finished_at = run.started_at + datetime.timedelta(seconds=time.monotonic() - began)
    run.save(update_fields=["succeeded", "output", "finished_at"])
    return run


def run_pending(now=None):
    """Run every job whose current slot has no successful run yet; return the runs made."""
    now = now or timezone.now()
    done = []
    for job in jobs():
        run = _claim(job, job.slot(now), now)
        if run is not None:
            done.append(run_job(job, run))
    return done


def prune_runs(now=None):
    """Delete runs older than JOB_RUN_KEEP_DAYS (the minute job alone adds 1 440 a day)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.JOB_RUN_KEEP_DAYS)
    return JobRun.objects.filter(slot__lt=cutoff).delete()[0]


def run_forever(*, tick=20, stop=lambda: False):
    """The scheduler's loop: run what is due, then sleep until the next tick."""
    last_prune = None
    while not stop():
        close_old_connections()
        run_pending()
        today = timezone.localdate()
        if last_prune != today:
            prune_runs()
            last_prune = today
        time.sleep(tick)


@dataclass
class JobState:
    """What the self-check shows of one job: its last run, last success and whether it is late."""

    job: Job
    last_run: JobRun | None
    last_success_slot: datetime.datetime | None
    overdue: bool

    @property
    def failing(self):
        return self.last_run is not None and self.last_run.succeeded is False


def job_states(now=None):
    """Every job's state from two queries, whatever the number of recorded runs."""
    now = now or timezone.now()
    scheduled = jobs()
    names = [job.name for job in scheduled]
    summary = {
        row["job"]: row
        for row in JobRun.objects.filter(job__in=names)
        .values("job")
        .annotate(last_slot=Max("slot"), last_ok=Max("slot", filter=Q(succeeded=True)))
    }
    latest = Q(pk__in=[])
    for row in summary.values():
        latest |= Q(job=row["job"], slot=row["last_slot"])
    last_runs = {run.job: run for run in JobRun.objects.filter(latest)} if summary else {}
    states = []
    for job in scheduled:
        last_ok = summary.get(job.name, {}).get("last_ok")
        overdue = last_ok is None or last_ok < job.expected_slot(now)
        states.append(
            JobState(
                job=job,
                last_run=last_runs.get(job.name),
                last_success_slot=last_ok,
                overdue=overdue,
            )
        )
    return states
