"""What every handling log shares (complaint events, view events, disclosure-request events):
rows are added, never changed or removed."""

from django.db import models


class EventLogQuerySet(models.QuerySet):
    """An append-only log: bulk updates and deletes are refused."""

    def update(self, **kwargs):
        raise TypeError(f"{self.model.__name__} rows are immutable.")

    def delete(self):
        raise TypeError(f"{self.model.__name__} rows are immutable.")
