"""Input channels: the built-in ones with validation, and the messaging apps."""
