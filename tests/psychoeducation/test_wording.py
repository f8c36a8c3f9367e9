"""What the texts must say, and must never say (issue 4: never therapy, no cure, no advice on medicines)."""

import re

import pytest


def _all_texts(library):
    """(where, text) for every English text a person can see."""
    for topic in library.topics.values():
        yield f"{topic.key}.title", topic.title
        for number, piece in enumerate(topic.pieces, start=1):
            yield f"{topic.key} piece {number}", piece.text
    for name, text in list(library.common.texts.items()) + list(library.common.labels.items()):
        yield f"_common {name}", text


FORBIDDEN = {
    "the bot calling itself a professional": r"\bI(?:'m| am)\s+(?:a|an|your)\s+(?:\w+\s+)?"
    r"(?:therapist|counsell?or|psychologist|psychiatrist|doctor|clinician)\b",
    "cure claims": r"\bcur(?:e|es|ed|ing)\b",
    "guarantees": r"\bguarantee",
    "efficacy claims": r"\b(?:highly effective|proven|evidence shows|works best|clinically shown|the best treatment)\b",
    "medicine names or dosing": r"\b(?:sertraline|fluoxetine|paroxetine|citalopram|escitalopram|venlafaxine|prazosin|"
    r"diazepam|lorazepam|alprazolam|quetiapine|antidepressants?|benzodiazepines?|ssris?|mg|milligrams?)\b",
    "neuromyths and oversimplified brain claims": r"\b(?:amygdala|hippocampus|left[- ]brain|right[- ]brain|"
    r"reptilian brain|10 ?%|trapped energy)\b",
    "telling someone what they have": r"\byou (?:have|are) (?:an? )?(?:anxious|avoidant|disorgani[sz]ed|ptsd|bpd|"
    r"borderline|bipolar|depressed)\b",
    "blame": r"\byour fault\b(?! ?\?)",
}


@pytest.mark.parametrize("rule", sorted(FORBIDDEN))
def test_no_text_breaks_the_rule(library, rule):
    pattern = re.compile(FORBIDDEN[rule], re.IGNORECASE)
    offending = [(where, text) for where, text in _all_texts(library) if pattern.search(text)]
    assert not offending, f"{rule}: {offending}"


def test_dose_is_only_mentioned_when_refusing_to_advise(library):
    for where, text in _all_texts(library):
        if re.search(r"\bdoses?\b", text, re.IGNORECASE):
            assert where == "_common medication_boundary", where


def _topic_text(library, key):
    return " ".join(piece.text for piece in library.topics[key].pieces)


def test_attachment_names_its_founders_and_working_models(library):
    text = _topic_text(library, "what_is_attachment")
    for needed in ("Bowlby", "Ainsworth", "Strange Situation", "internal working models"):
        assert needed in text


def test_attachment_styles_are_changeable_patterns_not_labels(library):
    text = _topic_text(library, "attachment_styles")
    for needed in ("Secure", "Anxious", "Avoidant", "disorganised", "Mary Main and Judith Solomon",
                   "not diagnoses or fixed labels", "can change"):
        assert needed in text


def test_trauma_names_its_kinds(library):
    text = _topic_text(library, "what_is_trauma")
    for needed in ("Single-event", "acute", "Chronic", "Complex", "developmental", "Relational"):
        assert needed in text


def test_every_approach_is_described_and_fit_is_left_to_a_professional(library):
    text = _topic_text(library, "therapy_approaches")
    for needed in ("Attachment-based", "psychodynamic", "EMDR", "Somatic experiencing", "Trauma-informed yoga",
                   "Internal Family Systems", "CBT", "DBT", "Neurofeedback", "biofeedback",
                   "Group therapy", "support groups", "whether it fits you"):
        assert needed in text


def test_is_it_my_fault_gets_a_clear_gentle_no(library):
    first = library.topics["self_worth"].pieces[0].text
    assert "my fault" in first and "The answer is no" in first
    assert "Children are not responsible for how adults treat them" in first


def test_relationships_answers_expecting_people_to_leave_and_pushing_them_away(library):
    text = _topic_text(library, "relationships")
    assert "expect people to leave" in text
    assert "Pushing people away" in text


def test_the_end_of_every_topic_points_to_a_trauma_informed_professional(library):
    assert "trauma-informed professional" in library.common.texts["professional_pointer"]


def test_the_diagnosis_answer_explains_the_idea_and_who_can_assess_it(library):
    text = library.common.texts["cannot_diagnose"]
    assert "are real" in text and "I can't diagnose" in text
    assert "qualified professional who gets to know you" in text


def test_the_medication_answer_sends_to_a_doctor_or_pharmacist_and_warns_against_stopping(library):
    text = library.common.texts["medication_boundary"]
    assert "can't give advice about medication" in text
    assert "doctor or pharmacist" in text
    assert "don't stop or change any medicine without" in text
