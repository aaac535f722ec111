from portal.search import pinyin


def test_title_pinyin_tokens_start_at_every_character():
    tokens = pinyin.pinyin_tokens("不动产登记")
    assert "pybudongchandengji" in tokens
    assert "pydengji" in tokens
    assert "pybdcdj" in tokens
    assert "pydcdj" in tokens


def test_polyphonic_characters_are_read_in_context():
    assert "pyyinhang" in pinyin.pinyin_tokens("银行")


def test_tokens_are_capped_so_long_titles_stay_small():
    tokens = pinyin.pinyin_tokens("关于进一步加强中小学生教育引导工作的通知")
    assert max(len(token) for token in tokens) <= len(pinyin.PREFIX) + 6 * pinyin.MAX_SYLLABLES
    assert "pygyjybjqz" in tokens  # eight initials from the first character
    assert "pyguanyujinyibujiaqiangzhong" in tokens


def test_latin_and_digits_have_no_pinyin():
    assert pinyin.pinyin_tokens("ICP 2026") == []


def test_which_query_words_may_be_pinyin():
    assert pinyin.is_pinyin_word("budongchan")
    assert pinyin.is_pinyin_word("yyzz")
    assert not pinyin.is_pinyin_word("2026")
    assert not pinyin.is_pinyin_word("x")


def test_fuzzy_syllables_fold_the_sounds_input_methods_confuse():
    assert pinyin.fuzzy_syllable("zhi") == pinyin.fuzzy_syllable("zi")
    assert pinyin.fuzzy_syllable("neng") == pinyin.fuzzy_syllable("len")
    assert pinyin.fuzzy_syllable("shang") == pinyin.fuzzy_syllable("san")
    assert pinyin.fuzzy_syllable("lv") == "lu"
    assert pinyin.fuzzy_syllable("dong") == "dong"


def test_typed_keys_cover_every_reading_of_a_typo():
    toneless = {key for key, _ in pinyin.typed_keys("行")}
    assert {"xing", "hang"} <= toneless


def test_title_matches_mark_the_characters_a_pinyin_query_found():
    assert pinyin.title_matches("不动产登记办事指南", "budongchan") == [(0, 3)]
    assert pinyin.title_matches("不动产登记办事指南", "bdc") == [(0, 3)]
    assert pinyin.title_matches("营业执照办理", "yyzz") == [(0, 4)]
    assert pinyin.title_matches("营业执照办理", "xyz") == []
