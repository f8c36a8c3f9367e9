"""Exercise records and distress ratings, kept only for people who chose to rate.

Giving a rating after the bot has said it keeps ratings is the consent; skipping it keeps
nothing. A record holds the exercise id, the two numbers and the date: no message text.
"""

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import List, Optional

from sqlalchemy import Column, DateTime, Integer, String, delete, select
from sqlalchemy.orm import Session, declarative_base

from bot.storage.database import database_url, engine_for

Base = declarative_base()


class ExerciseRecord(Base):
    """One exercise a person rated. `person` is a pseudonym (bot.storage.pseudonym), never an id."""

    __tablename__ = "exercise_records"

    id = Column(Integer, primary_key=True)
    person = Column(String(64), index=True, nullable=False)
    exercise_id = Column(String(64), nullable=False)
    distress_before = Column(Integer)  # 0-10, None when skipped
    distress_after = Column(Integer)
    finished = Column(Integer, nullable=False, default=1)  # 0 when stopped early
    recorded_at = Column(DateTime(timezone=True), nullable=False)


@dataclass(frozen=True)
class Progress:
    exercises: int
    finished: int
    ratings: List[tuple]  # (exercise_id, before, after) of the latest records, oldest first

    @property
    def average_change(self) -> Optional[float]:
        changes = [after - before for _, before, after in self.ratings if before is not None and after is not None]
        return sum(changes) / len(changes) if changes else None


def _engine(url: Optional[str]):
    engine = engine_for(database_url(url))
    Base.metadata.create_all(engine)
    return engine


def record_exercise(person: str, exercise_id: str, before: Optional[int], after: Optional[int],
                    finished: bool, url: Optional[str] = None) -> bool:
    """Keep one exercise if the person gave a rating (their consent); True when kept."""
    if before is None and after is None:
        return False
    with Session(_engine(url)) as session, session.begin():
        session.add(ExerciseRecord(
            person=person, exercise_id=exercise_id, distress_before=before, distress_after=after,
            finished=int(finished), recorded_at=datetime.now(timezone.utc),
        ))
    return True


def progress_of(person: str, latest: int = 5, url: Optional[str] = None) -> Progress:
    with Session(_engine(url)) as session:
        rows = session.execute(
            select(ExerciseRecord).where(ExerciseRecord.person == person).order_by(ExerciseRecord.id)
        ).scalars().all()
    return Progress(
        exercises=len(rows),
        finished=sum(row.finished for row in rows),
        ratings=[(row.exercise_id, row.distress_before, row.distress_after) for row in rows[-latest:]],
    )


def delete_progress(person: str, url: Optional[str] = None) -> int:
    """Delete every record of this person; returns how many there were."""
    with Session(_engine(url)) as session, session.begin():
        result = session.execute(delete(ExerciseRecord).where(ExerciseRecord.person == person))
    return result.rowcount or 0
