from modelsearch.query import And, Not, Or

from portal.search.compile import es_query, fts5_match, tsquery
from portal.search.query import Tokens, build, parse


def test_fts5_quotes_every_token_and_restricts_columns():
    tree = build(parse('不动产 "教育引导" 县 -废止'))
    assert fts5_match(tree, ["title", "body"]) == (
        '{title body} : (((("不动" AND "动产") AND "教育 育引 引导" AND "县"*) NOT ("废止")))'
    )


def test_fts5_or_and_prefix():
    tree = Or([Tokens(["bdc"]), Tokens(["pybdc"], prefix=True)])
    assert fts5_match(tree, ["title"]) == '{title} : (("bdc" OR "pybdc"*))'


def test_fts5_has_nothing_to_match_for_a_pure_negation():
    assert fts5_match(Not(Tokens(["废止"])), ["body"]) is None


def test_tsquery_uses_and_followed_by_and_prefix_operators():
    tree = And(
        [
            Tokens(["不动", "动产"]),
            Tokens(["教育", "育引"], phrase=True),
            Not(Tokens(["县"], prefix=True)),
        ]
    )
    assert tsquery(tree) == "(('不动' & '动产') & ('教育' <-> '育引') & !'县':*)"


def test_elasticsearch_bodies():
    assert es_query(Tokens(["不动", "动产"]), "_all_text") == {
        "match": {"_all_text": {"query": "不动 动产", "operator": "and"}}
    }
    assert es_query(Tokens(["教育", "育引"], phrase=True), "f", boost=2.0) == {
        "match_phrase": {"f": {"query": "教育 育引", "boost": 2.0}}
    }
    assert es_query(Tokens(["县"], prefix=True), "f") == {"prefix": {"f": {"value": "县"}}}
    assert es_query(Tokens(["产登"], prefix=True), "_edgengrams", edgengrams=True) == {
        "match": {"_edgengrams": {"query": "产登", "operator": "and"}}
    }
    negated = es_query(And([Tokens(["通知"]), Not(Tokens(["教育"]))]), "f")
    assert negated["bool"]["must_not"] == [{"match": {"f": {"query": "教育", "operator": "and"}}}]
