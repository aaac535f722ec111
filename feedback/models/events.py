"""The append-only log queryset every handling log in feedback uses; it lives in `portal.events`
because disclosure requests keep the same kind of log."""

from portal.events import EventLogQuerySet

__all__ = ["EventLogQuerySet"]
