"""Tracking numbers and query codes shared by every citizen submission (complaints, disclosure
requests): their formats, and how a query code is derived and checked.

A query code is derived from the form's random submission token with a keyed hash
(SECRET_KEY), so a double-clicked submit can show the same code again without the code ever
being stored: the database keeps only a keyed hash of the code and a hash of the token. Each
kind of submission passes its own `namespace`, so a complaint's token never yields a request's
code.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

# No 0/O, 1/I/L: the code is read aloud on the phone and typed from paper.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8
QUERY_CODE_RE = re.compile(rf"^[{QUERY_CODE_ALPHABET}]{{{QUERY_CODE_LENGTH}}}$")
QUERY_CODE_HASH_PREFIX = "hmac_sha256$"
# 64 characters outside hex: the same length as a real digest, equal to none.
UNMATCHABLE_DIGEST = "-" * 64


def tracking_number(prefix, day, number):
    """prefix + the Beijing date + the day's sequence number, at least four digits."""
    return f"{prefix}{day:%Y%m%d}{number:04d}"


def tracking_number_re(prefix):
    return re.compile(rf"^{re.escape(prefix)}\d{{8}}\d{{4,6}}$")


def normalize_tracking_number(value):
    # Control characters go with the blanks: a NUL byte in a link must not reach PostgreSQL.
    return re.sub(r"[\s\x00-\x1f\x7f]+", "", value or "").upper()


def normalize_query_code(value):
    return re.sub(r"[\s\-－—]+", "", value or "").upper()


def format_query_code(code):
    """ABCD2345 → ABCD-2345, easier to copy down."""
    return f"{code[:4]}-{code[4:]}" if len(code) == QUERY_CODE_LENGTH else code


def query_code_for_token(token, *, namespace):
    """The query code of the submission with form token `token` (a UUID)."""
    digest = salted_hmac(f"{namespace}.query-code", str(token), algorithm="sha256").digest()
    number = int.from_bytes(digest, "big")
    chars = []
    for _ in range(QUERY_CODE_LENGTH):
        number, index = divmod(number, len(QUERY_CODE_ALPHABET))
        chars.append(QUERY_CODE_ALPHABET[index])
    return "".join(chars)


def code_digest(code, secret, *, namespace):
    """The keyed digest of a query code (hex), under `secret` and the submission kind."""
    return salted_hmac(
        f"{namespace}.query-code-hash",
        normalize_query_code(code),
        secret=secret,
        algorithm="sha256",
    ).hexdigest()


def hash_query_code(code, *, namespace):
    """What the database keeps of a query code: an HMAC keyed with SECRET_KEY.

    Not a slow password hash: whoever holds the table already holds what the code guards (the
    submission and its reply), and PBKDF2 cost every submission and every status look-up about
    a second of CPU (bench/load_submit.py), which made the public forms easy to overload. The
    key keeps a stolen table from being matched against the 31^8 possible codes."""
    return QUERY_CODE_HASH_PREFIX + code_digest(code, settings.SECRET_KEY, namespace=namespace)


def query_code_matches(code, stored, *, namespace, digest=None):
    """True when `code` is the code whose hash is `stored`; keys in SECRET_KEY_FALLBACKS still
    verify, so rotating SECRET_KEY does not lock citizens out.

    A missing or malformed `stored` (an unknown tracking number) runs the very same HMACs
    against a digest no code has: the time taken must not tell whether a number exists.
    `digest(code, secret)` replaces `code_digest` for one kind of submission (its tests count
    the hashes through it)."""
    digest_of = digest or (lambda value, key: code_digest(value, key, namespace=namespace))
    valid = bool(stored) and stored.startswith(QUERY_CODE_HASH_PREFIX)
    expected = stored.removeprefix(QUERY_CODE_HASH_PREFIX) if valid else UNMATCHABLE_DIGEST
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    matches = [constant_time_compare(expected, digest_of(code, key)) for key in keys]
    return valid and any(matches)


def stored_token(token, *, namespace):
    """What the database keeps of a form token: a one-way hash, so the token (and with it the
    query code) cannot be recovered from the table."""
    digest = hashlib.sha256(f"{namespace}.submission:".encode() + uuid.UUID(str(token)).bytes)
    return uuid.UUID(bytes=digest.digest()[:16])


def parse_token(value):
    """The UUID in `value`, or None for anything else (a missing or tampered hidden field)."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None
