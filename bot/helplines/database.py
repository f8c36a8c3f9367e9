"""The helpline directory in the app database (SQLAlchemy; SQLite under var/ by default).

The YAML files stay the source of truth that people edit and review; this table is what the
running app and other tools query. Set COMPANION_DATABASE_URL to use another database.
"""

from typing import List, Optional

from sqlalchemy import Column, Date, Integer, String, Text, create_engine, delete, select
from sqlalchemy.orm import Session, declarative_base

from bot.helplines.directory import all_countries
from bot.paths import VAR_DIR
from bot.storage.database import database_url


# SQLAlchemy 1.4 (pinned by Rasa), used in its 2.0 style: future engines and select().
Base = declarative_base()


class HelplineRow(Base):
    """One line of one country, as in data/helplines/<country>.yml."""

    __tablename__ = "helplines"

    id = Column(Integer, primary_key=True)
    country = Column(String(2), index=True, nullable=False)  # ISO 3166-1 alpha-2
    name = Column(Text, nullable=False)
    phone = Column(String(64))
    topics = Column(Text, default="")  # comma-separated, e.g. "suicide,crisis"
    hours = Column(Text, default="unknown")
    confidence = Column(String(16), nullable=False)
    source = Column(Text, nullable=False)
    last_verified = Column(Date, nullable=False)


def load_directory(url: Optional[str] = None) -> int:
    """Replace the table's contents with the YAML directory; returns the number of lines."""
    resolved = database_url(url)
    if resolved.startswith("sqlite:///"):
        VAR_DIR.mkdir(exist_ok=True)
    engine = create_engine(resolved, future=True)
    Base.metadata.create_all(engine)
    rows = [
        HelplineRow(
            country=country.code, name=line.name, phone=line.phone, topics=",".join(line.topics),
            hours=line.hours_text, confidence=line.confidence, source=line.source,
            last_verified=line.last_verified,
        )
        for country in all_countries()
        for line in country.lines
    ]
    with Session(engine) as session, session.begin():
        session.execute(delete(HelplineRow))
        session.add_all(rows)
    return len(rows)


def lines_in(country: str, url: Optional[str] = None) -> List[HelplineRow]:
    engine = create_engine(database_url(url), future=True)
    with Session(engine) as session:
        return list(session.scalars(select(HelplineRow).where(HelplineRow.country == country.upper())))
