import pytest

from portal.models import SearchWord
from portal.search.vocabulary import correct_run, record_words, suggest_correction, words_of


def test_words_of_a_title_include_its_parts():
    words = words_of("关于进一步加强中小学生教育引导工作的通知")
    assert {"教育", "引导", "通知"} <= words
    assert all(2 <= len(word) <= 8 for word in words)


@pytest.mark.django_db
def test_recorded_words_are_keyed_by_toneless_and_fuzzy_pinyin():
    record_words(["不动产登记办事指南"])
    word = SearchWord.objects.get(word="登记")
    assert word.pinyin == "deng-ji"
    assert word.fuzzy_pinyin == "den-ji"
    record_words(["不动产登记办事指南"])  # again: nothing duplicated
    assert SearchWord.objects.filter(word="登记").count() == 1


@pytest.mark.django_db
def test_a_homophone_typo_is_answered_with_the_word_of_the_site():
    record_words(["不动产登记办事指南", "营业执照办理指南"])
    assert suggest_correction("登纪") == "登记"
    assert suggest_correction("不动产登纪") == "不动产登记"
    assert suggest_correction("营业执招 流程") == "营业执照 流程"


@pytest.mark.django_db
def test_fuzzy_sounds_are_forgiven():
    record_words(["城乡居民医疗保险"])
    assert suggest_correction("城相居民") == "城乡居民"  # xiang / xiang
    assert suggest_correction("城乡居名") == "城乡居民"  # min / ming


@pytest.mark.django_db
def test_words_of_the_site_are_left_alone():
    record_words(["不动产登记办事指南"])
    assert suggest_correction("不动产登记") is None
    assert suggest_correction("ICP") is None


@pytest.mark.django_db
def test_synonym_terms_count_as_vocabulary():
    assert suggest_correction("低饱", synonym_terms=["低保", "最低生活保障"]) == "低保"


def test_a_word_that_only_sounds_the_same_is_not_a_typo():
    candidates = {
        "den-ji": [("等级", "deng-ji", 1)],
        "gong-ji-jin": [("公积金", "gong-ji-jin", 1)],
    }
    # 登记 typed right but missing from the vocabulary: every character would change.
    assert correct_run("登记", candidates) == "登记"
    assert correct_run("公基金", candidates) == "公积金"
    assert correct_run("大楼", candidates) == "大楼"


def test_body_text_gives_words_but_not_its_short_runs():
    assert "受理" in words_of("各乡镇受理后五日内办结", short=False)
    assert "依法受理" not in words_of("依法受理，限时办结", short=False)
    assert "依法受理" in words_of("依法受理，限时办结")


@pytest.mark.django_db
def test_each_object_counts_a_word_once_and_a_reindexed_one_adds_only_new_words():
    record_words(
        {
            "1": [("受理办法", True), ("窗口受理，当场受理", False)],
            "2": [("登记须知", True), ("登记后受理", False)],
        }
    )
    assert SearchWord.objects.get(word="受理").frequency == 2
    assert SearchWord.objects.get(word="登记").frequency == 1
    # Object 1 indexed again (edited): counted before, so nothing it had is counted twice; a
    # word new to the vocabulary starts at one.
    record_words({"1": [("受理办法", True), ("变更备案", False)]}, recounted={"1"})
    assert SearchWord.objects.get(word="受理").frequency == 2
    assert SearchWord.objects.get(word="备案").frequency == 1


@pytest.mark.django_db
def test_the_more_frequent_homophone_wins():
    # 登级 is one character off both 登记 and 等级; the site uses 登记 far more.
    record_words(["登记"] * 20 + ["等级"])
    assert suggest_correction("登级") == "登记"
    SearchWord.objects.filter(word="等级").update(frequency=400)
    assert suggest_correction("登级") == "等级"
