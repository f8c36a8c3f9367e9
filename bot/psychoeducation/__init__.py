"""Psychoeducation about attachment and trauma: short topics walked through piece by piece.

The texts live in data/psychoeducation/ (one file per topic, plus _common.yml); `content`
loads and validates them, `navigation` and `questions` decide what to say next as pure
functions over the `topic_progress` slot, and `messages.render` translates a reply into
the conversation's language. Nothing here imports Rasa; actions/psychoeducation.py adapts it.
"""
