"""Which language a conversation is in: codes, detection, named languages, and the decision.

Nothing here imports rasa; `bot.nlu_components.language_signals` and
`bot.policies.conversation_context` plug these functions into the bot.
"""

from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, negotiate

__all__ = ["DEFAULT_LANGUAGE", "SUPPORTED_LANGUAGES", "negotiate"]
