"""A Babel extractor for the response texts in domain.yml.

Each response text and button title becomes a message whose context (msgctxt) is the
response name, so the same English words in two responses can be translated differently.
Titles of buttons that name a language ("Español") stay as they are in every language.
"""

from typing import IO, Iterator, List, Tuple

import yaml

from bot.language.lexicon import language_names
from bot.text import fold

TRANSLATABLE_KEYS = ("text",)

Extracted = Tuple[int, str, Tuple[str, str], List[str]]


def extract_domain(fileobj: IO[bytes], keywords, comment_tags, options) -> Iterator[Extracted]:
    """Yield (line, "pgettext", (response name, text), comments) as Babel expects."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    responses = _mapping_value(root, "responses")
    if responses is None:
        return
    for name_node, variations in responses.value:
        if "/" in name_node.value:
            continue  # retrieval titles (utter_ask_topic/<key>) are never shown; see domain.yml
        for variation in variations.value:
            yield from _messages_of_variation(name_node.value, variation)


def _messages_of_variation(response_name: str, variation) -> Iterator[Extracted]:
    for key in TRANSLATABLE_KEYS:
        node = _mapping_value(variation, key)
        if node is not None and node.value:
            yield node.start_mark.line + 1, "pgettext", (response_name, node.value), []
    for list_key in ("buttons", "quick_replies"):
        buttons = _mapping_value(variation, list_key)
        for button in buttons.value if buttons is not None else []:
            title = _mapping_value(button, "title")
            payload = _mapping_value(button, "payload")
            if title is None or fold(title.value) in language_names():
                continue
            comment = [f"Button title. Payload: {payload.value}"] if payload is not None else []
            yield title.start_mark.line + 1, "pgettext", (response_name, title.value), comment


def _mapping_value(node, key):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


# Python modules whose `_("...")` strings are translated, with the context they get.
PYTHON_SOURCES = {"bot/helplines/render.py": "helplines"}

# Content folders (exercises, psychoeducation): every string under one of CONTENT_KEYS, at any
# depth, is translated with the context "<prefix>:<file stem>", so a translator sees which
# exercise or topic a sentence belongs to and the code finds it again by the same context.
CONTENT_SOURCES = {"data/exercises": "exercise", "data/psychoeducation": "topic"}
CONTENT_KEYS = ("text", "title", "label")


def source_messages(project_root) -> list:
    """Every translatable message: (context, text, file, line, comments), domain first."""
    from babel.messages.extract import extract_from_file

    found = []
    with open(project_root / "domain.yml", "rb") as handle:
        for lineno, _, (context, text), comments in extract_domain(handle, None, None, None):
            found.append((context, text, "domain.yml", lineno, comments))
    for relative, context in PYTHON_SOURCES.items():
        for lineno, text, comments, _ in extract_from_file("python", str(project_root / relative), keywords={"_": None}):
            found.append((context, text, relative, lineno, list(comments)))
    for folder, prefix in CONTENT_SOURCES.items():
        for path in sorted((project_root / folder).glob("*.yml")):
            relative = f"{folder}/{path.name}"
            with open(path, "rb") as handle:
                for lineno, text in content_strings(yaml.compose(handle)):
                    found.append((f"{prefix}:{path.stem}", text, relative, lineno, []))
    return found


def content_strings(node) -> Iterator[Tuple[int, str]]:
    """(line, text) of every string under a CONTENT_KEYS key in a composed YAML document."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in CONTENT_KEYS and isinstance(value, yaml.ScalarNode) and value.value.strip():
                yield value.start_mark.line + 1, value.value
            else:
                yield from content_strings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from content_strings(item)
