"""Custom actions for the Rasa action server (`rasa run actions`), one module per feature.

Each action stays thin: it reads slots, calls into `bot/`, and dispatches messages. The
foundation needs none yet; language, country and responses are handled in-process so that
they keep working when this server is down.
"""
