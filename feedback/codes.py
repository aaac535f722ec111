"""Complaint tracking numbers (TS…) and query codes: the shared machinery of `portal.codes`
bound to the complaint namespace. The namespace strings are the ones complaints always used, so
codes and hashes issued before the move still match."""

from django.conf import settings

from portal import codes as _codes
from portal.codes import (
    QUERY_CODE_ALPHABET,
    QUERY_CODE_HASH_PREFIX,
    QUERY_CODE_LENGTH,
    QUERY_CODE_RE,
    UNMATCHABLE_DIGEST,
    format_query_code,
    normalize_query_code,
    normalize_tracking_number,
    parse_token,
    tracking_number_re,
)

NAMESPACE = "feedback"
TRACKING_PREFIX = "TS"
TRACKING_NUMBER_RE = tracking_number_re(TRACKING_PREFIX)

__all__ = [
    "QUERY_CODE_ALPHABET",
    "QUERY_CODE_HASH_PREFIX",
    "QUERY_CODE_LENGTH",
    "QUERY_CODE_RE",
    "TRACKING_NUMBER_RE",
    "TRACKING_PREFIX",
    "UNMATCHABLE_DIGEST",
    "format_query_code",
    "hash_query_code",
    "normalize_query_code",
    "normalize_tracking_number",
    "parse_token",
    "query_code_for_token",
    "query_code_matches",
    "stored_token",
    "tracking_number",
]


def tracking_number(day, number):
    """TS + the Beijing date + the day's sequence number, at least four digits."""
    return _codes.tracking_number(TRACKING_PREFIX, day, number)


def query_code_for_token(token):
    return _codes.query_code_for_token(token, namespace=NAMESPACE)


def _code_digest(code, secret):
    return _codes.code_digest(code, secret, namespace=NAMESPACE)


def hash_query_code(code):
    return _codes.QUERY_CODE_HASH_PREFIX + _code_digest(code, settings.SECRET_KEY)


def query_code_matches(code, stored):
    # Through this module's _code_digest, looked up at each call (its tests count the hashes).
    return _codes.query_code_matches(
        code, stored, namespace=NAMESPACE, digest=lambda value, key: _code_digest(value, key)
    )


def stored_token(token):
    return _codes.stored_token(token, namespace=NAMESPACE)
