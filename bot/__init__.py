"""The companion's own logic.

Modules that hold logic (language, i18n, text) never import rasa, so they are tested in
milliseconds; the thin adapters that plug them into Rasa live in `nlg`, `nlu_components`,
`policies` and `channels`.
"""
