import datetime
import uuid

from feedback.codes import (
    QUERY_CODE_ALPHABET,
    QUERY_CODE_HASH_PREFIX,
    QUERY_CODE_RE,
    format_query_code,
    hash_query_code,
    normalize_query_code,
    normalize_tracking_number,
    parse_token,
    query_code_for_token,
    query_code_matches,
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


def test_query_code_hash_is_keyed_and_survives_a_key_rotation(settings):
    settings.SECRET_KEY = "first-key-" + "x" * 40
    stored = hash_query_code("ABCD2345")
    assert stored.startswith(QUERY_CODE_HASH_PREFIX) and "ABCD2345" not in stored
    assert query_code_matches("abcd-2345", stored)
    assert not query_code_matches("ABCD2346", stored)

    settings.SECRET_KEY = "second-key-" + "y" * 40
    assert hash_query_code("ABCD2345") != stored  # another key, another hash
    assert not query_code_matches("ABCD2345", stored)
    settings.SECRET_KEY_FALLBACKS = ["first-key-" + "x" * 40]
    assert query_code_matches("ABCD2345", stored)


def test_query_code_matches_nothing_without_a_hash_of_its_own_kind():
    assert not query_code_matches("ABCD2345", "")
    assert not query_code_matches("ABCD2345", "pbkdf2_sha256$1$salt$hash")
