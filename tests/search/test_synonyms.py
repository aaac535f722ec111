import pytest
from django.core.exceptions import ValidationError

from portal.models import SearchSynonym
from portal.search.synonyms import build_table, expand, load_synonyms, split_terms

TABLE = build_table([["医保", "医疗保险"], ["社保", "社会保险"], ["ai", "人工智能"]])


def test_groups_are_split_on_chinese_and_latin_separators():
    assert split_terms("医保，医疗保险、城乡居民医保; 医保") == ["医保", "医疗保险", "城乡居民医保"]


def test_a_term_expands_to_each_synonym_inside_longer_text():
    assert expand("医保报销", TABLE) == ["医保报销", "医疗保险报销"]
    assert expand("医疗保险", TABLE) == ["医疗保险", "医保"]


def test_several_synonyms_in_one_term_combine():
    assert set(expand("医保社保", TABLE)) == {
        "医保社保",
        "医疗保险社保",
        "医保社会保险",
        "医疗保险社会保险",
    }


def test_latin_synonyms_match_whole_words_only():
    assert expand("ai", TABLE) == ["ai", "人工智能"]
    assert expand("mail", TABLE) == ["mail"]


def test_no_synonym_no_variant():
    assert expand("不动产", TABLE) == ["不动产"]


@pytest.mark.django_db
def test_the_starter_list_ships_with_the_migrations():
    table = load_synonyms()
    assert "医疗保险" in table["医保"]
    assert "公共租赁住房" in table["公租房"]
    assert "最低生活保障" in table["低保"]
    assert "个体工商户登记" in table["营业执照"]


@pytest.mark.django_db
def test_an_editors_change_is_seen_by_the_next_search():
    assert "乡村振兴" not in load_synonyms()
    SearchSynonym.objects.create(terms="乡村振兴 共同富裕")
    assert load_synonyms()["乡村振兴"] == ("共同富裕",)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("terms", "message"),
    [("医保", "至少填写两个词"), ("医保，" + "长" * 31, "太长"), ("医保，😀", "不含汉字")],
)
def test_a_group_needs_two_real_terms(terms, message):
    with pytest.raises(ValidationError) as error:
        SearchSynonym(terms=terms).full_clean()
    assert message in str(error.value)


@pytest.mark.django_db
def test_a_group_reads_as_its_terms():
    assert str(SearchSynonym(terms="医保，医疗保险")) == "医保 ↔ 医疗保险"
