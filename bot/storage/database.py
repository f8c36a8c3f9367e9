"""The app database: SQLite under var/ by default, any SQLAlchemy URL by environment variable.

One place decides the URL, so the helpline directory and the progress records always share
the same database, and a deployer changes it with COMPANION_DATABASE_URL alone.
"""

import os
from functools import lru_cache
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.paths import VAR_DIR


def database_url(url: Optional[str] = None) -> str:
    return url or os.environ.get("COMPANION_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'app.db'}"


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL for the life of the process (SQLAlchemy 2.0 style)."""
    if url.startswith("sqlite:///"):
        VAR_DIR.mkdir(exist_ok=True)
    return create_engine(url, future=True)
