import pytest
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from portal.search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    Tokens,
    build,
    from_search_query,
    parse,
    term_query,
)


def test_words_and_quoted_phrases_are_terms():
    parsed = parse('不动产 “教育引导” "ICP 备案"')
    assert [(t.text, t.phrase) for t in parsed.terms] == [
        ("不动产", False),
        ("教育引导", True),
        ("ICP 备案", True),
    ]


def test_a_leading_minus_excludes_and_or_joins_alternatives():
    parsed = parse("医保 OR 社保 -废止")
    assert [[t.text for t in group] for group in parsed.groups] == [["医保", "社保"], ["废止"]]
    assert parsed.groups[1][0].negated


def test_query_syntax_of_the_engines_is_only_text():
    parsed = parse('"* NEAR ^ AND NOT ( ) : -')
    assert not parsed
    assert parsed.terms == []


@pytest.mark.parametrize("text", ["", "   ", "😀😀", '"', "*", "NEAR", "OR", "-", "^"])
def test_input_without_words_builds_no_query(text):
    assert build(parse(text)) is None


def test_only_exclusions_build_no_query():
    assert build(parse("-废止")) is None


def test_long_input_is_cut_and_terms_are_capped():
    assert len(parse("教" * 1000).text) == MAX_QUERY_LENGTH
    assert len(parse(" ".join(f"词{i}" for i in range(50))).terms) == MAX_TERMS


def test_an_unbalanced_quote_is_text():
    parsed = parse('"不动产')
    assert [(t.text, t.phrase) for t in parsed.terms] == [('"不动产', False)]


def test_a_chinese_run_is_its_bigrams_a_single_character_a_prefix():
    assert term_query("不动产") == Tokens(["不动", "动产"])
    assert term_query("县") == Tokens(["县"], prefix=True)
    assert term_query('"不动产"', phrase=True) == Tokens(["不动", "动产"], phrase=True)


def test_a_word_that_may_be_pinyin_also_matches_title_pinyin():
    assert repr(term_query("bdc")) == repr(Or([Tokens(["bdc"]), Tokens(["pybdc"], prefix=True)]))
    assert term_query("2026") == Tokens(["2026"])


def test_mixed_script_terms_match_each_run():
    node = term_query("ICP备案2026")
    assert isinstance(node, And)
    assert node.subqueries[1] == Tokens(["备案"])


def test_synonyms_expand_a_term_before_it_is_tokenised():
    tree = build(parse("医保卡"), synonyms={"医保": ("医疗保险",), "医疗保险": ("医保",)})
    assert repr(tree) == repr(
        Or([Tokens(["医保", "保卡"]), Tokens(["医疗", "疗保", "保险", "险卡"])])
    )


def test_autocomplete_makes_the_last_term_a_prefix():
    tree = build(parse("不动产 登"), autocomplete=True)
    assert tree.subqueries[1] == Tokens(["登"], prefix=True)
    assert build(parse("budo"), autocomplete=True).subqueries[0] == Tokens(["budo"], prefix=True)


def test_wagtail_queries_are_translated():
    assert isinstance(from_search_query(None), MatchAll)
    assert from_search_query(Phrase("教育引导")) == Tokens(["教育", "育引", "引导"], phrase=True)
    tree = from_search_query(PlainText("教育 引导", operator="or"))
    assert isinstance(tree, Or)
    negated = from_search_query(And([PlainText("通知"), Not(PlainText("教育"))]))
    assert isinstance(negated.subqueries[1], Not)
    assert from_search_query("😀") is None
