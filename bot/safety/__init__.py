"""Crisis-language detection: pure Python and spaCy, no Rasa, patterns as data.

    from bot.safety import assess
    assess("I want to die", language="en").crisis  -> True
"""

from bot.safety.detector import Assessment, assess

__all__ = ["Assessment", "assess"]
