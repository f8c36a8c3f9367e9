"""Progress records: kept only with a rating, summarised per person, deleted on request."""

import pytest

from bot.storage.progress import delete_progress, progress_of, record_exercise
from bot.storage.pseudonym import pseudonym, server_secret


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'app.db'}"


def test_an_exercise_without_any_rating_is_not_kept(url):
    assert not record_exercise("p1", "paced_breathing", None, None, True, url=url)
    assert progress_of("p1", url=url).exercises == 0


def test_rated_exercises_are_summarised_for_that_person_only(url):
    record_exercise("p1", "paced_breathing", 7, 4, True, url=url)
    record_exercise("p1", "grounding_54321", 6, None, False, url=url)
    record_exercise("p2", "calm_place", 5, 5, True, url=url)
    progress = progress_of("p1", url=url)
    assert (progress.exercises, progress.finished) == (2, 1)
    assert progress.ratings == [("paced_breathing", 7, 4), ("grounding_54321", 6, None)]
    assert progress.average_change == -3


def test_deleting_removes_every_record_of_that_person_and_no_other(url):
    record_exercise("p1", "paced_breathing", 7, 4, True, url=url)
    record_exercise("p1", "calm_place", 3, 2, True, url=url)
    record_exercise("p2", "calm_place", 5, 5, True, url=url)
    assert delete_progress("p1", url=url) == 2
    assert progress_of("p1", url=url).exercises == 0
    assert progress_of("p2", url=url).exercises == 1


def test_a_pseudonym_names_nobody_and_depends_on_the_secret():
    first = pseudonym("whatsapp", "+254700000000", secret=b"one")
    assert "254700000000" not in first and len(first) == 64
    assert first == pseudonym("whatsapp", "+254700000000", secret=b"one")
    assert first != pseudonym("whatsapp", "+254700000000", secret=b"two")
    assert first != pseudonym("telegram", "+254700000000", secret=b"one")


def test_without_a_configured_secret_a_private_local_one_is_created_once(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPANION_SECRET", raising=False)
    secret_file = tmp_path / "secret.key"
    first = server_secret(secret_file)
    assert first == server_secret(secret_file) and len(first) == 64
    assert oct(secret_file.stat().st_mode & 0o777) == "0o600"
