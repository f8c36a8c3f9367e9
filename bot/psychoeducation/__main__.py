"""Psychoeducation data from the command line.

Usage:
    python -m bot.psychoeducation check
        load and validate every file in data/psychoeducation; exits 1 with the file named
    python -m bot.psychoeducation domain-fragment
        print the domain.yml fragment (the utter_ask_topic/<key> responses are the titles);
        paste its responses into domain.yml after renaming or retitling a topic
"""

import sys

import yaml

from bot.psychoeducation.content import PsychoeducationDataError, load_library
from bot.psychoeducation.domain_fragment import domain_fragment


def main(argv) -> int:
    command = argv[0] if argv else ""
    if command not in ("check", "domain-fragment"):
        print(__doc__)
        return 2
    try:
        library = load_library()
    except PsychoeducationDataError as error:
        print(error, file=sys.stderr)
        return 1
    if command == "check":
        print(f"{len(library.topics)} topics, {sum(len(t.pieces) for t in library.topics.values())} pieces: OK")
    else:
        print(yaml.safe_dump(domain_fragment(library), allow_unicode=True, sort_keys=False, width=1000), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
