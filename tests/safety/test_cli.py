import json
import subprocess
import sys

from bot.paths import PROJECT_ROOT


def _run(lines: str) -> list:
    completed = subprocess.run(
        [sys.executable, "-m", "bot.safety"], input=lines, capture_output=True, text=True,
        cwd=PROJECT_ROOT, timeout=300, check=True,
    )
    return [json.loads(line) for line in completed.stdout.splitlines()]


def test_the_command_line_answers_one_json_line_per_input_line():
    results = _run('{"text": "nataka kujiua"}\n{"text": "hello there", "language": "en"}\nnot json\n')
    assert results[0] == {"crisis": True, "level": "ideation", "categories": ["suicide"]}
    assert results[1] == {"crisis": False, "level": "none", "categories": []}
    assert "error" in results[2]
