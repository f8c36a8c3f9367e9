"""In-process dialogue policies (see config.yml)."""
