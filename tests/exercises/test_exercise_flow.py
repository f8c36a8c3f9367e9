"""The guide walks a person through an exercise at their pace: what they see at each turn."""

import json

import pytest

from bot.exercises import (
    NEXT, PAUSE, RATING, REPEAT, RESUME, SKIP, SLOWER, STOP, Completed, Stopped, apply, interrupt,
    is_running, menu, start,
)
from tests.exercises.conftest import buttons, texts

ALL_IDS = ["grounding_54321", "paced_breathing", "calm_place", "self_compassion_break",
           "butterfly_hug", "journaling", "boundary_rehearsal"]
STEP_CONTROLS = ["/exercise_next", "/exercise_slower", "/exercise_repeat", "/exercise_pause", "/exercise_stop"]


def at_step(exercise_id, index):
    """Progress at step `index` (0-based), started without the rating question."""
    outcome = start(exercise_id, ask_rating=False)
    for _ in range(index):
        outcome = apply(outcome.progress, NEXT)
    return outcome


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_exercise_walks_from_start_to_close_one_step_at_a_time(exercise_id, data):
    exercise = data.exercises[exercise_id]
    outcome = start(exercise_id, ask_rating=False)
    seen = [texts(outcome)[-1]]
    while outcome.progress is not None:
        assert [payload for _, payload in buttons(outcome)] == STEP_CONTROLS
        outcome = apply(outcome.progress, NEXT)
        json.dumps(outcome.progress)  # the slot value must stay JSON-able
        seen.extend(texts(outcome))
    assert [step.text for step in exercise.steps][0] == seen[0]
    for step in exercise.steps:  # each step once, in order, never two steps in one turn
        assert seen.count(step.text) == 1
    assert exercise.close in seen
    assert any("trauma-informed professional" in text for text in seen)
    assert outcome.record == Completed(exercise_id, None, None)


def test_start_says_what_and_how_long_then_asks_the_optional_rating_before_any_step(data):
    outcome = start("grounding_54321")
    shown = texts(outcome)
    assert shown[0] == data.exercises["grounding_54321"].intro and "minutes" in shown[0]
    assert "stop whenever you like" in shown[1]
    assert "from 0" in shown[-1] and "skip" in shown[-1]
    assert data.exercises["grounding_54321"].steps[0].text not in shown
    assert [title for title, _ in buttons(outcome)] == [str(n) for n in range(11)] + ["Skip"]
    assert ("7", '/give_rating{"rating":"7"}') in buttons(outcome)


def test_start_without_rating_shows_only_the_first_step(data):
    shown = texts(start("paced_breathing", ask_rating=False))
    steps = data.exercises["paced_breathing"].steps
    assert steps[0].text in shown and steps[1].text not in shown


def test_the_last_step_offers_done_instead_of_next(data):
    last = len(data.exercises["calm_place"].steps) - 1
    assert buttons(at_step("calm_place", last))[0] == ("Done", "/exercise_next")
    assert buttons(at_step("calm_place", 0))[0] == ("Next", "/exercise_next")


def test_pause_keeps_the_place_and_resume_continues_there(data):
    steps = data.exercises["grounding_54321"].steps
    paused = apply(at_step("grounding_54321", 2).progress, PAUSE)
    assert "pause" in texts(paused)[0] and steps[2].text not in texts(paused)
    assert [title for title, _ in buttons(paused)] == ["Resume", "Stop"]
    resumed = apply(paused.progress, NEXT)
    assert texts(resumed) == ["Welcome back. Here is where we were:", steps[2].text]
    assert texts(apply(resumed.progress, NEXT)) == [steps[3].text]


def test_resume_command_works_like_next_after_a_pause(data):
    paused = apply(at_step("journaling", 1).progress, PAUSE)
    assert texts(apply(paused.progress, RESUME))[-1] == data.exercises["journaling"].steps[1].text


def test_slower_gives_the_gentler_wording_and_stays_slower(data):
    steps = data.exercises["paced_breathing"].steps
    slower = apply(at_step("paced_breathing", 1).progress, SLOWER)
    assert texts(slower) == ["Of course. Let's slow down.", steps[1].slower]
    assert texts(apply(slower.progress, NEXT)) == [steps[2].slower]
    assert texts(apply(slower.progress, REPEAT)) == [steps[1].slower]


def test_slower_on_a_step_without_a_slower_wording_repeats_its_text(data):
    steps = data.exercises["boundary_rehearsal"].steps
    last = len(steps) - 1
    assert steps[last].slower is None
    assert texts(apply(at_step("boundary_rehearsal", last).progress, SLOWER))[-1] == steps[last].text


def test_repeat_gives_the_same_step_again_and_does_not_move_on(data):
    here = at_step("butterfly_hug", 1)
    again = apply(here.progress, REPEAT)
    assert texts(again) == [data.exercises["butterfly_hug"].steps[1].text]
    assert again.progress["step"] == 1


def test_an_alternative_wording_is_shown_with_its_step(data):
    steps = data.exercises["self_compassion_break"].steps
    index = next(i for i, step in enumerate(steps) if step.alternative)
    shown = texts(at_step("self_compassion_break", index))
    assert shown == [steps[index].text, steps[index].alternative]
    assert "faith" in shown[1]


def test_stop_ends_kindly_offers_the_menu_and_reports_how_far_it_went():
    stopped = apply(at_step("calm_place", 2).progress, STOP)
    shown = " ".join(texts(stopped))
    assert "completely OK" in shown and "counts" in shown
    for guilt in ("fail", "should", "give up", "too bad"):
        assert guilt not in shown.lower()
    assert ("Menu", "/show_menu") in buttons(stopped)
    assert stopped.progress is None
    assert stopped.record == Stopped("calm_place", None, 3)


def test_stop_while_paused_still_stops():
    paused = apply(at_step("calm_place", 1).progress, PAUSE)
    assert apply(paused.progress, STOP).progress is None


def walk_with_ratings(before, after, exercise_id="grounding_54321"):
    outcome = apply(start(exercise_id).progress, RATING, before)
    while outcome.progress["phase"] == "steps":
        outcome = apply(outcome.progress, NEXT)
    assert "How much distress do you feel now" in texts(outcome)[0]
    return apply(outcome.progress, RATING, after) if after is not None else apply(outcome.progress, SKIP)


def test_a_lower_rating_after_is_named_as_a_real_change():
    finished = walk_with_ratings("7", "4")
    assert texts(finished)[0] == "From 7 to 4: that's a real change."
    assert finished.record == Completed("grounding_54321", 7, 4) and finished.progress is None


def test_the_same_rating_after_is_named_gently():
    finished = walk_with_ratings("5", "5")
    assert texts(finished)[0] == "It's the same as before, and that's OK too: noticing is something."


def test_a_higher_rating_after_is_met_without_alarm():
    finished = walk_with_ratings("3", "6")
    assert texts(finished)[0].startswith("It went from 3 to 6.") and "gently" in texts(finished)[0]


def test_skipping_the_rating_after_closes_without_naming_a_change(data):
    finished = walk_with_ratings("6", None)
    assert texts(finished)[0] == data.exercises["grounding_54321"].close
    assert finished.record == Completed("grounding_54321", 6, None)


def test_skipping_the_rating_before_starts_the_steps_and_asks_nothing_after(data):
    skipped = apply(start("paced_breathing").progress, SKIP)
    assert texts(skipped) == [data.exercises["paced_breathing"].steps[0].text]
    outcome = skipped
    while outcome.progress is not None:
        outcome = apply(outcome.progress, NEXT)
        assert not any("from 0 to 10" in text for text in texts(outcome))
    assert outcome.record == Completed("paced_breathing", None, None)


def test_next_at_the_rating_question_skips_it(data):
    assert texts(apply(start("journaling").progress, NEXT))[0] == data.exercises["journaling"].steps[0].text


@pytest.mark.parametrize("typed, expected", [("7", 7), ("7/10", 7), ("about a 4", 4), ("maybe 3 out of 10", 3),
                                            ("ten", 10), ("0", 0), (" ٧ ", 7)])
def test_a_rating_typed_as_text_is_understood(typed, expected):
    outcome = apply(start("calm_place").progress, RATING, typed)
    assert outcome.progress["before"] == expected
    assert texts(outcome)[0] == "Thank you for telling me. Let's begin."


@pytest.mark.parametrize("typed", ["12", "not sure", "", None, "-"])
def test_an_unclear_rating_asks_again_without_moving_on(typed):
    outcome = apply(start("calm_place").progress, RATING, typed)
    assert texts(outcome) == ["I didn't catch a number from 0 to 10 there. Any number is fine, or you can skip."]
    assert outcome.progress["phase"] == "rating_before" and len(buttons(outcome)) == 12


def test_a_number_typed_in_the_middle_of_the_steps_does_not_skip_a_step(data):
    outcome = apply(at_step("grounding_54321", 2).progress, RATING, "5")
    assert texts(outcome)[-1] == data.exercises["grounding_54321"].steps[2].text
    assert outcome.progress["step"] == 2 and outcome.progress["before"] is None


def test_rating_in_the_person_s_language_is_understood():
    assert apply(start("calm_place").progress, RATING, "siete", language="es").progress["before"] == 7
    assert apply(start("calm_place").progress, RATING, "saba", language="sw").progress["before"] == 7


def test_crisis_interrupts_and_the_bot_never_resumes_on_its_own(data):
    interrupted = interrupt(at_step("paced_breathing", 2).progress)
    for command in (NEXT, RESUME, REPEAT, SLOWER, RATING, PAUSE):
        outcome = apply(interrupted, command, "5")
        assert texts(outcome) == [data.messages["crisis_paused"]]
        assert not any(step.text in texts(outcome) for step in data.exercises["paced_breathing"].steps)
        assert outcome.progress["crisis"] is True
        interrupted = outcome.progress
    assert ("Start again", '/ask_exercise{"exercise":"paced_breathing"}') in buttons(outcome)


def test_an_exercise_paused_by_crisis_can_still_be_stopped():
    outcome = apply(interrupt(at_step("calm_place", 1).progress), STOP)
    assert outcome.progress is None and "stop here" in texts(outcome)[0]


def test_interrupt_without_a_running_exercise_changes_nothing():
    assert interrupt(None) is None and interrupt({}) is None


@pytest.mark.parametrize("progress", [None, {}, {"exercise": "no_such"}, "text", {"exercise": "calm_place", "phase": "steps", "step": 99}])
def test_controls_without_a_running_exercise_offer_one(progress):
    outcome = apply(progress, NEXT)
    assert texts(outcome) == ["We're not in the middle of an exercise right now. Would you like to try one?"]
    assert buttons(outcome)[0][1] == '/ask_exercise{"exercise":"grounding_54321"}'
    assert outcome.progress is None and not is_running(progress)


def test_an_unknown_command_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown exercise command"):
        apply(start("calm_place").progress, "jump")


def test_the_menu_offers_grounding_and_breathing_first_and_a_few_choices(data):
    shown = menu()
    titles = [button.title for button in shown[0].buttons]
    assert titles[:2] == ["5-4-3-2-1 grounding", "Paced breathing"] and 3 <= len(titles) <= 4


def test_the_menu_follows_a_preferred_order_and_skips_unknown_ids():
    payloads = [button.payload for button in menu(["journaling", "nonexistent", "calm_place"])[0].buttons]
    assert payloads[:3] == ['/ask_exercise{"exercise":"journaling"}', '/ask_exercise{"exercise":"calm_place"}',
                            '/ask_exercise{"exercise":"grounding_54321"}']
