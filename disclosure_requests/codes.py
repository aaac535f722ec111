"""Disclosure-request tracking numbers (YS…) and query codes: `portal.codes` bound to this
app's namespace, so a complaint's code never opens a request."""

from portal import codes as _codes

NAMESPACE = "disclosure_requests"
TRACKING_PREFIX = "YS"
TRACKING_NUMBER_RE = _codes.tracking_number_re(TRACKING_PREFIX)


def tracking_number(day, number):
    """YS + the Beijing date + the day's sequence number, at least four digits."""
    return _codes.tracking_number(TRACKING_PREFIX, day, number)


def query_code_for_token(token):
    return _codes.query_code_for_token(token, namespace=NAMESPACE)


def hash_query_code(code):
    return _codes.hash_query_code(code, namespace=NAMESPACE)


def query_code_matches(code, stored):
    return _codes.query_code_matches(code, stored, namespace=NAMESPACE)


def stored_token(token):
    return _codes.stored_token(token, namespace=NAMESPACE)
