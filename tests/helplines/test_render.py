"""What a person in crisis is shown, country by country."""

import subprocess
import sys

from bot.helplines.directory import country
from bot.helplines.render import crisis_resources
from bot.paths import PROJECT_ROOT


def test_brazil_shows_cvv_188():
    text = crisis_resources("BR", "ideation", ["suicide"], "pt")
    assert "188" in text and "CVV" in text


def test_imminent_danger_puts_the_emergency_number_first():
    text = crisis_resources("BR", "imminent", ["suicide"], "pt")
    first_line = text.splitlines()[0]
    assert any(number in first_line for number in country("BR").emergency_numbers)
    assert "188" in text.splitlines()[1]


def test_kenya_shows_a_kenyan_line():
    text = crisis_resources("KE", "ideation", ["suicide"], "sw")
    assert "1199" in text


def test_without_a_country_the_directory_and_emergency_advice_are_shown():
    text = crisis_resources(None, "imminent", ["suicide"], "en")
    assert "findahelpline.com" in text and "emergency" in text


def test_a_country_without_a_verified_line_says_so_and_gives_its_emergency_number():
    without_lines = next(c for c in __import__("bot.helplines.directory", fromlist=["x"]).all_countries() if not c.lines)
    text = crisis_resources(without_lines.code, "ideation", ["suicide"], "en")
    assert "don't have a verified helpline" in text
    assert without_lines.emergency_numbers[0].replace(" ", "")[:2] in text.replace(" ", "")


def test_a_country_without_a_confident_emergency_number_gets_no_guessed_one():
    text = crisis_resources("CD", "imminent", ["suicide"], "en")
    assert "don't have a verified emergency number" in text
    assert "112" not in text and "911" not in text


def test_lookup_command_prints_what_the_bot_would_show():
    completed = subprocess.run(
        [sys.executable, "-m", "bot.helplines", "lookup", "--country", "KE", "--topic", "suicide"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=True, timeout=120,
    )
    assert "1199" in completed.stdout


def test_check_command_lists_entries_older_than_the_limit():
    completed = subprocess.run(
        [sys.executable, "-m", "bot.helplines", "check", "--months", "-1"],
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )
    assert completed.returncode == 1 and "last verified" in completed.stdout


def test_the_directory_loads_into_the_database(tmp_path):
    from bot.helplines.database import lines_in, load_directory

    url = f"sqlite:///{tmp_path / 'app.db'}"
    assert load_directory(url) > 20
    assert any(row.phone == "188" for row in lines_in("BR", url))
