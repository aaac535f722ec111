from portal.search.tokenizer import index_text, index_tokens, tokenize


def test_chinese_runs_become_overlapping_bigrams():
    assert tokenize("不动产登记") == ["不动", "动产", "产登", "登记"]


def test_latin_words_and_numbers_stay_whole_and_lower_case():
    assert tokenize("ICP备案 2026年") == ["icp", "备案", "2026", "年"]


def test_full_width_letters_and_digits_are_folded():
    assert tokenize("ＩＣＰ２０２６") == ["icp2026"]


def test_punctuation_separates_runs_and_single_characters_stay():
    assert tokenize("加强教育引导，县") == ["加强", "强教", "教育", "育引", "引导", "县"]


def test_emoji_and_syntax_produce_no_tokens():
    assert tokenize('😀 " * ^ - ( ) :') == []


def test_index_side_keeps_the_last_character_of_each_run_for_single_character_queries():
    assert index_tokens("不动产登记，县") == ["不动", "动产", "产登", "登记", "记", "县"]


def test_index_text_joins_lists_and_handles_none():
    assert index_text(["教育局", None, "ab"]) == "教育 育局 局 ab"
    assert index_text(None) == ""


def test_index_text_adds_title_pinyin_when_asked():
    text = index_text("低保", pinyin=True)
    assert text.split() == ["低保", "保", "pydibao", "pydb", "pybao", "pyb"]
