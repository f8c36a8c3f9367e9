"""What the companion keeps about a person, with consent, and how it is forgotten.

Only numbers and exercise names are kept (never message text), under a pseudonymous id.
"""
