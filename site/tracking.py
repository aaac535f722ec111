"""Daily sequence numbers for tracking numbers (TS…, YS…): one row per Beijing date whose lock
serialises concurrent submissions, so that no number is issued twice."""

from django.db import IntegrityError, transaction
from django.db.models import F


def next_number(sequence_model, day):
    """The next sequence number of `day` in `sequence_model` (fields `day`, `last_number`).
    The UPDATE takes the day row's lock until the transaction ends, so concurrent submissions
    get consecutive, distinct numbers."""
    sequences = sequence_model.objects.filter(day=day)
    if not sequences.update(last_number=F("last_number") + 1):
        try:
            with transaction.atomic():
                sequence_model.objects.create(day=day, last_number=1)
                return 1
        except IntegrityError:  # another submission created the day's row first
            sequences.update(last_number=F("last_number") + 1)
    return sequences.values_list("last_number", flat=True).get()
