"""Assess messages from the command line, one JSON object per line.

Usage:
    echo '{"text": "nataka kujiua", "language": "sw"}' | python -m bot.safety

Each input line {"text": ..., "language": optional} gives one output line
{"crisis": true|false, "level": ..., "categories": [...]}. A line that is not valid JSON gives
{"error": ...} and the next line is still read.
"""

import json
import sys

from bot.safety import assess


def main() -> int:
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"] if isinstance(item, dict) else None
            if not isinstance(text, str):
                raise ValueError("each line needs a string 'text'")
            language = item.get("language")
            result = assess(text, language=language if isinstance(language, str) else None).as_dict()
        except (ValueError, KeyError) as error:
            result = {"error": str(error)}
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
