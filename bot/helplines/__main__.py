"""Helpline data from the command line.

Usage:
    python -m bot.helplines lookup --country KE [--topic suicide] [--level imminent] [--language en]
        print what the bot would show a person in that country
    python -m bot.helplines check [--months 12]
        list entries whose last verification is older than that, and numbers that phonenumbers
        does not fully vouch for; exits 1 when there is something to review
    python -m bot.helplines load [--database-url URL]
        load data/helplines into the app database (default: SQLite under var/)
"""

import argparse
import sys
from datetime import date

from bot.helplines.directory import all_countries
from bot.helplines.formatting import validation
from bot.helplines.render import crisis_resources

TOPIC_TO_CATEGORY = {"suicide": "suicide", "domestic_violence": "abuse_now", "children": "child_abuse"}


def lookup(args) -> int:
    category = TOPIC_TO_CATEGORY.get(args.topic, "suicide")
    print(crisis_resources(args.country.upper(), args.level, [category], args.language))
    return 0


def check(args) -> int:
    today = date.today()
    problems = 0
    for country in all_countries():
        for line in country.lines:
            age_months = (today.year - line.last_verified.year) * 12 + today.month - line.last_verified.month
            if age_months > args.months:
                problems += 1
                print(f"{country.code}\t{line.name}\tlast verified {line.last_verified}\t({age_months} months)")
            for number in filter(None, [line.phone] + [phone for _, phone in line.other_numbers]):
                status = validation(number, country.code)
                if status != "valid":
                    print(f"{country.code}\t{line.name}\t{number}\t{status}")
                    problems += status == "invalid"
    print(f"{problems} entries to review", file=sys.stderr)
    return 1 if problems else 0


def load(args) -> int:
    from bot.helplines.database import load_directory

    count = load_directory(args.database_url)
    print(f"loaded {count} lines")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.helplines", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    find = commands.add_parser("lookup")
    find.add_argument("--country", required=True)
    find.add_argument("--topic", default="suicide", choices=sorted(TOPIC_TO_CATEGORY))
    find.add_argument("--level", default="ideation", choices=["ideation", "imminent"])
    find.add_argument("--language", default="en")
    find.set_defaults(run=lookup)
    stale = commands.add_parser("check")
    stale.add_argument("--months", type=int, default=12)
    stale.set_defaults(run=check)
    loader = commands.add_parser("load")
    loader.add_argument("--database-url", default=None)
    loader.set_defaults(run=load)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
