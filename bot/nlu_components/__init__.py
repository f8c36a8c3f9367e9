"""Rasa graph components that run inside the NLU pipeline (see config.yml)."""
