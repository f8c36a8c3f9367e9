"""Where the project's files live, so no module guesses paths relative to its own location."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
LOCALES_DIR = PROJECT_ROOT / "locales"
VAR_DIR = PROJECT_ROOT / "var"
DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
