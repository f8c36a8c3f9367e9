"""The intent classifier and topic selector, trained on a small set in a temporary model store."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu_components.text_intent_classifier import TextIntentClassifier

EXAMPLES = {
    "greet": ["hello", "hi there", "good morning", "hola", "bonjour", "hey hey"],
    "thank": ["thank you", "thanks a lot", "gracias", "merci beaucoup", "cheers mate", "many thanks"],
    "ask_topic/body": ["why is my body always tense", "trauma in the body", "my shoulders are tight all the time",
                       "why does my chest feel tight", "does trauma live in the body", "body memories"],
    "ask_topic/relationships": ["why do i push people away", "why do i expect people to leave",
                                "i can't trust my partner", "relationships scare me", "why do i cling to people",
                                "i sabotage my relationships"],
}


def _training_data() -> TrainingData:
    messages = []
    for label, texts in EXAMPLES.items():
        intent, _, key = label.partition("/")
        for text in texts:
            data = {"text": text, "intent": intent}
            if key:
                data["intent_response_key"] = label
            messages.append(Message(data=data))
    responses = {"utter_ask_topic/body": [{"text": "The body"}],
                 "utter_ask_topic/relationships": [{"text": "Relationships"}]}
    return TrainingData(training_examples=messages, responses=responses)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    resource = Resource("intents")
    context = ExecutionContext(GraphSchema({}), "test")
    classifier = TextIntentClassifier.create(TextIntentClassifier.get_default_config(), storage, resource, context)
    classifier.train(_training_data())
    loaded = TextIntentClassifier.load(TextIntentClassifier.get_default_config(), storage, resource, context)
    return loaded


def _parse(classifier, text):
    message = Message(data={"text": text})
    classifier.process([message])
    return message.as_dict(only_output_properties=True)


def test_a_loaded_model_names_the_intent_with_a_ranking(trained):
    parsed = _parse(trained, "hello!")
    assert parsed["intent"]["name"] == "greet"
    ranking = parsed["intent_ranking"]
    assert [item["name"] for item in ranking][0] == "greet"
    assert ranking == sorted(ranking, key=lambda item: -item["confidence"])
    assert sum(item["confidence"] for item in ranking) == pytest.approx(1.0)


def test_a_typed_question_gets_its_topic_in_the_response_selector_shape(trained):
    parsed = _parse(trained, "why do I always push people away?")
    assert parsed["intent"]["name"] == "ask_topic"
    selected = parsed["response_selector"]["ask_topic"]["response"]
    assert selected["intent_response_key"] == "ask_topic/relationships"
    assert selected["utter_action"] == "utter_ask_topic/relationships"
    assert selected["responses"] == [{"text": "Relationships"}]
    assert parsed["response_selector"]["all_retrieval_intents"] == ["ask_topic"]


def test_accents_and_case_do_not_matter(trained):
    assert _parse(trained, "GRÁCIAS")["intent"]["name"] == "thank"


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_gets_no_intent_rather_than_an_error(trained, text):
    assert _parse(trained, text)["intent"] == {"name": None, "confidence": 0.0}
