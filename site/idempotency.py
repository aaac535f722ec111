"""Submissions that are saved once however often the form is sent (double clicks, retries)."""

from django.db import IntegrityError, transaction


def create_once(model, *, token, create):
    """Return (row, created): the row already saved with this submission `token`, or the one
    `create()` saves now. `model.submission_token` must be unique: under a race the second
    insert fails and returns the winner's row."""
    if token:
        existing = model.objects.filter(submission_token=token).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        if token:
            existing = model.objects.filter(submission_token=token).first()
            if existing is not None:
                return existing, False
        raise
