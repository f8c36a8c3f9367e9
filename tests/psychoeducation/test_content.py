"""The topic files load, follow the size rules, and a broken file fails with its name."""

from pathlib import Path

import pytest

from bot.psychoeducation.content import (
    MAX_PIECE_CHARS,
    MAX_TITLE_CHARS,
    PSYCHOEDUCATION_DIR,
    PsychoeducationDataError,
    load_library,
)

# The sub-intents of ask_topic fixed in the project's intent list (issue 4).
TOPIC_KEYS = {
    "what_is_attachment", "attachment_styles", "what_is_trauma", "attachment_trauma", "relationships",
    "self_worth", "emotions", "body", "thinking", "culture", "healing", "setbacks",
    "therapy_approaches", "find_professional", "everyday_strategies", "healing_looks_like",
}


def test_there_is_exactly_one_file_per_topic_key(library):
    assert set(library.topics) == TOPIC_KEYS


@pytest.mark.parametrize("key", sorted(TOPIC_KEYS))
def test_every_topic_has_a_short_title_and_two_to_five_short_pieces(library, key):
    topic = library.topics[key]
    assert 0 < len(topic.title) <= MAX_TITLE_CHARS
    assert 2 <= len(topic.pieces) <= 5
    for piece in topic.pieces:
        assert 80 <= len(piece.text) <= MAX_PIECE_CHARS, piece.text
        assert piece.text.rstrip()[-1] in ".?!'\"", f"not a complete thought: {piece.text!r}"


def test_followups_are_one_to_three_other_topics(library):
    for topic in library.topics.values():
        assert 1 <= len(topic.followups) <= 3, topic.key
        assert set(topic.followups) <= TOPIC_KEYS - {topic.key}


def test_titles_are_distinct_so_menu_buttons_can_be_told_apart(library):
    titles = [topic.title.casefold() for topic in library.topics.values()]
    assert len(set(titles)) == len(titles)


def test_every_topic_is_in_the_default_menu_order_once(library):
    assert sorted(library.common.menu_order) == sorted(TOPIC_KEYS)


def test_every_data_file_starts_with_a_comment_for_translators():
    for path in PSYCHOEDUCATION_DIR.glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


# --- broken files fail loudly, naming the file ------------------------------------------

COMMON = (PSYCHOEDUCATION_DIR / "_common.yml").read_text(encoding="utf-8")
GOOD_TOPIC = """
title: "Short title"
pieces:
  - text: "First piece."
  - text: "Second piece."
followups: [other]
"""
OTHER_TOPIC = GOOD_TOPIC.replace("[other]", "[good]")


def _library_dir(tmp_path: Path, good: str = GOOD_TOPIC, common: str = None) -> Path:
    # The real _common.yml names every real topic; give the small library those names too.
    for key in TOPIC_KEYS:
        (tmp_path / f"{key}.yml").write_text(OTHER_TOPIC, encoding="utf-8")
    (tmp_path / "good.yml").write_text(good, encoding="utf-8")
    (tmp_path / "other.yml").write_text(OTHER_TOPIC, encoding="utf-8")
    (tmp_path / "_common.yml").write_text(common if common is not None else COMMON, encoding="utf-8")
    return tmp_path


def _load_error(directory: Path) -> str:
    with pytest.raises(PsychoeducationDataError) as raised:
        load_library.__wrapped__(directory)
    return str(raised.value)


def test_a_valid_small_library_loads(tmp_path):
    library = load_library.__wrapped__(_library_dir(tmp_path))
    assert library.topics["good"].pieces[1].text == "Second piece."


def test_a_piece_over_the_limit_names_the_file_and_the_piece(tmp_path):
    long_piece = GOOD_TOPIC.replace("Second piece.", "x" * (MAX_PIECE_CHARS + 1))
    message = _load_error(_library_dir(tmp_path, long_piece))
    assert "good.yml" in message and "piece 2" in message and str(MAX_PIECE_CHARS) in message


def test_a_followup_that_is_not_a_topic_names_the_file(tmp_path):
    message = _load_error(_library_dir(tmp_path, GOOD_TOPIC.replace("[other]", "[nowhere]")))
    assert "good.yml" in message and "nowhere" in message


def test_a_missing_title_names_the_file(tmp_path):
    message = _load_error(_library_dir(tmp_path, GOOD_TOPIC.replace('title: "Short title"', "")))
    assert "good.yml" in message and "title" in message


def test_a_title_too_long_for_a_button_is_rejected(tmp_path):
    message = _load_error(_library_dir(tmp_path, GOOD_TOPIC.replace("Short title", "A title far too long for a button")))
    assert "good.yml" in message and str(MAX_TITLE_CHARS) in message


def test_one_piece_is_not_enough(tmp_path):
    message = _load_error(_library_dir(tmp_path, GOOD_TOPIC.replace('  - text: "Second piece."\n', "")))
    assert "good.yml" in message and "2 to 5" in message


def test_a_misspelt_key_is_reported_not_ignored(tmp_path):
    message = _load_error(_library_dir(tmp_path, GOOD_TOPIC.replace("followups", "folowups")))
    assert "good.yml" in message and "folowups" in message


def test_broken_yaml_names_the_file(tmp_path):
    message = _load_error(_library_dir(tmp_path, "title: [unclosed"))
    assert "good.yml" in message and "YAML" in message


def test_a_missing_common_text_names_common_yml(tmp_path):
    common = COMMON.replace("professional_pointer:", "professional_pointr:")
    message = _load_error(_library_dir(tmp_path, common=common))
    assert "_common.yml" in message and "professional_pointer" in message


def test_a_menu_order_naming_no_topic_names_common_yml(tmp_path):
    common = COMMON.replace("  - find_professional\n", "  - find_professional\n  - astrology\n")
    message = _load_error(_library_dir(tmp_path, common=common))
    assert "_common.yml" in message and "astrology" in message
