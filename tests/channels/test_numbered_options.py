from bot.channels.numbered_options import OfferedButtons, chosen_payload, numbered_text, usable_buttons

SAFETY = [
    {"title": "I'm safe for now", "payload": "/affirm"},
    {"title": "I'm not safe", "payload": "/crisis"},
]
RATING = [{"title": str(n), "payload": f'/rate{{"score":{n}}}'} for n in range(11)]


def test_buttons_become_numbered_lines_after_the_text():
    assert numbered_text("Are you safe right now?", SAFETY) == (
        "Are you safe right now?\n\n1. I'm safe for now\n2. I'm not safe"
    )


def test_a_numeric_scale_is_listed_without_a_second_numbering():
    text = numbered_text("How are you, 0 to 10?", RATING)
    assert text.endswith("\n\n0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10")
    assert "1. " not in text


def test_a_message_without_usable_buttons_is_unchanged():
    assert numbered_text("Hello", [{"title": "Site", "url": "https://example.org"}]) == "Hello"


def test_a_number_chooses_that_option():
    assert chosen_payload("2", SAFETY) == "/crisis"
    assert chosen_payload(" 1. ", SAFETY) == "/affirm"
    assert chosen_payload("#2", SAFETY) == "/crisis"


def test_digits_of_other_scripts_choose_too():
    assert chosen_payload("٢", SAFETY) == "/crisis"  # Arabic-Indic two
    assert chosen_payload("२", SAFETY) == "/crisis"  # Devanagari two


def test_the_title_in_any_case_chooses_that_option():
    assert chosen_payload("i'm NOT safe", SAFETY) == "/crisis"


def test_a_title_match_wins_over_a_position():
    # "7" is the button titled 7 (score 7), not the seventh button (score 6).
    assert chosen_payload("7", RATING) == '/rate{"score":7}'
    assert chosen_payload("0", RATING) == '/rate{"score":0}'


def test_a_number_outside_the_options_or_other_text_chooses_nothing():
    assert chosen_payload("3", SAFETY) is None
    assert chosen_payload("0", SAFETY) is None
    assert chosen_payload("I am not sure, 2 things happened", SAFETY) is None
    assert chosen_payload("2", []) is None


def test_offered_buttons_answer_only_the_next_reply():
    offered = OfferedButtons()
    offered.remember("conversation-a", SAFETY)
    assert offered.take("conversation-a") == SAFETY
    assert offered.take("conversation-a") == []


def test_offered_buttons_are_kept_per_conversation_and_bounded():
    offered = OfferedButtons(max_conversations=2)
    for name in ("a", "b", "c"):
        offered.remember(name, SAFETY)
    assert len(offered) == 2
    assert offered.take("a") == []  # the oldest was forgotten
    assert offered.take("c") == SAFETY


def test_only_buttons_with_a_title_and_a_payload_are_offered():
    mixed = SAFETY + [{"title": "", "payload": "/x"}, {"title": "No payload"}, "junk"]
    assert usable_buttons(mixed) == SAFETY
