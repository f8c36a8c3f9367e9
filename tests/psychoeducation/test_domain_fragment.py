"""The utter_ask_topic/<key> responses Rasa needs are the topic titles, never hand-copied text."""

import pytest
import yaml

from bot.paths import DOMAIN_FILE
from bot.psychoeducation.domain_fragment import domain_fragment, retrieval_responses


def test_there_is_one_retrieval_response_per_topic_and_its_text_is_the_title(library):
    responses = retrieval_responses(library)
    assert set(responses) == {f"utter_ask_topic/{key}" for key in library.topics}
    for key, topic in library.topics.items():
        assert responses[f"utter_ask_topic/{key}"] == [{"text": topic.title}]


def test_the_fragment_declares_the_progress_slot_outside_the_policies(library):
    slot = domain_fragment(library)["slots"]["topic_progress"]
    assert slot["type"] == "any" and slot["influence_conversation"] is False


def test_domain_yml_matches_the_titles_once_merged(library):
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    responses = domain.get("responses") or {}
    merged = {name: value for name, value in responses.items() if name.startswith("utter_ask_topic/")}
    if not merged:
        pytest.skip("the psychoeducation domain fragment is not merged into domain.yml yet")
    assert merged == retrieval_responses(library), "update domain.yml from `python -m bot.psychoeducation domain-fragment`"
