"""The companion over the real REST channel with the action server running: what a person sees.

A guided exercise in Spanish that crisis language interrupts, a psychoeducation topic in
English, the honest answers to "are you a therapist?" and "do I have PTSD?", and deleting
one's data. Expected texts come from the same data files and catalogs the bot uses.
"""

import pytest

from bot import exercises
from bot.psychoeducation.content import load_library as psychoeducation_library
from bot.i18n.catalogs import translations_for
from tests.server.helpers import new_sender

pytestmark = [pytest.mark.server, pytest.mark.usefixtures("action_server")]


def _texts(replies):
    return [reply.get("text", "") for reply in replies]


def _exercise_texts(messages, language):
    return [message["text"] for message in exercises.render(messages, language)]


def test_an_exercise_goes_at_the_persons_pace_and_a_crisis_interrupts_it(rasa_server):
    sender = new_sender()
    replies = _texts(rasa_server.say(sender, "necesito calmarme, ¿hacemos la respiración?", language="es", country="MX"))
    started = exercises.start("paced_breathing", ask_rating=True)
    assert replies == _exercise_texts(started.messages, "es")

    replies = _texts(rasa_server.say(sender, "6", language="es", country="MX"))
    first_step = exercises.apply(started.progress, exercises.RATING, "6", "es")
    assert replies == _exercise_texts(first_step.messages, "es")

    replies = rasa_server.say(sender, "la verdad es que ya no quiero vivir", language="es", country="MX")
    assert "800 911 2000" in "\n".join(_texts(replies))

    replies = "\n".join(_texts(rasa_server.say(sender, "/exercise_next", language="es", country="MX")))
    paused = translations_for("es").pgettext("exercise:_messages", exercises.library().messages["crisis_paused"])
    assert paused in replies


def test_a_topic_answers_the_question_and_goes_deeper_on_request(rasa_server):
    sender = new_sender()
    library = psychoeducation_library()
    relationships = library.topics["relationships"]
    replies = _texts(rasa_server.say(sender, "why do I always expect people to leave me?", language="en"))
    assert relationships.pieces[0].text in replies
    replies = _texts(rasa_server.say(sender, "tell me more", language="en"))
    assert relationships.pieces[1].text in replies


def test_progress_is_kept_only_with_a_rating_and_deleting_forgets_everything(rasa_server):
    sender = new_sender()
    assert "I'm not keeping anything" in "\n".join(_texts(rasa_server.say(sender, "/how_am_i_doing", language="en")))
    rasa_server.say(sender, '/ask_exercise{"exercise":"grounding_54321"}', language="en")
    rasa_server.say(sender, "8", language="en")
    rasa_server.say(sender, "/exercise_stop", language="en")
    summary = "\n".join(_texts(rasa_server.say(sender, "/how_am_i_doing", language="en")))
    assert "Exercises with a rating: 1" in summary and "8 → –" in summary

    assert "can't be undone" in "\n".join(_texts(rasa_server.say(sender, "/delete_my_data", language="en")))
    done = "\n".join(_texts(rasa_server.say(sender, "/affirm", language="en")))
    assert "number deleted: 1" in done
    assert "I'm not keeping anything" in "\n".join(_texts(rasa_server.say(sender, "/how_am_i_doing", language="en")))
    assert rasa_server.slots(sender).get("exercise_progress") is None
