import datetime
import uuid

from feedback.codes import (
    QUERY_CODE_ALPHABET,
    QUERY_CODE_RE,
    format_query_code,
    normalize_query_code,
    normalize_tracking_number,
    parse_token,
    query_code_for_token,
    stored_token,
    tracking_number,
)


def test_tracking_number_is_date_and_daily_sequence():
    assert tracking_number(datetime.date(2026, 11, 26), 1) == "TS202611260001"
    assert tracking_number(datetime.date(2026, 11, 26), 12345) == "TS2026112612345"


def test_query_code_is_derived_from_the_token_with_the_secret_key(settings):
    token = uuid.uuid4()
    code = query_code_for_token(token)
    assert QUERY_CODE_RE.match(code)
    assert set(code) <= set(QUERY_CODE_ALPHABET)
    assert query_code_for_token(token) == code
    assert query_code_for_token(uuid.uuid4()) != code
    settings.SECRET_KEY = "another-secret-key-for-this-test-only"
    assert query_code_for_token(token) != code


def test_query_code_avoids_characters_that_are_read_wrongly():
    assert not set("01OIL") & set(QUERY_CODE_ALPHABET)


def test_stored_token_is_a_one_way_hash():
    token = uuid.uuid4()
    assert stored_token(token) == stored_token(str(token))
    assert stored_token(token) != token


def test_normalisation_of_what_people_type():
    assert normalize_query_code(" abcd-2345 ") == "ABCD2345"
    assert normalize_query_code("abcd－2345") == "ABCD2345"
    assert normalize_tracking_number(" ts2026 1126 0001 ") == "TS202611260001"
    assert format_query_code("ABCD2345") == "ABCD-2345"


def test_parse_token_refuses_anything_but_a_uuid():
    token = uuid.uuid4()
    assert parse_token(str(token)) == token
    assert parse_token("<script>") is None
    assert parse_token(None) is None
    assert parse_token("") is None
