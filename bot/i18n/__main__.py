"""Extract, update and compile the translation catalogs.

Usage:
    python -m bot.i18n extract   # domain.yml -> locales/messages.pot
    python -m bot.i18n update    # merge the template into locales/<lang>/LC_MESSAGES/messages.po
    python -m bot.i18n compile   # .po -> .mo (fails on a broken catalog)
    python -m bot.i18n all       # the three above, in order (what `make i18n` runs)

Translators edit the .po files (Poedit, Weblate or any text editor). Entries marked fuzzy
after an update are left out of the compiled catalog until a person reviews them.
"""

import sys
from datetime import datetime, timezone

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalogs import DOMAIN, catalog_path
from bot.i18n.extract import source_messages
from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from bot.paths import LOCALES_DIR, PROJECT_ROOT

TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"
TRANSLATED_LANGUAGES = [code for code in SUPPORTED_LANGUAGES if code != DEFAULT_LANGUAGE]


def extract() -> Catalog:
    template = Catalog(
        project="attachment-companion",
        msgid_bugs_address="",
        creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
        fuzzy=False,
    )
    for context, message, path, lineno, comments in source_messages(PROJECT_ROOT):
        template.add(message, locations=[(path, lineno)], auto_comments=comments, context=context)
    with open(TEMPLATE, "wb") as handle:
        write_po(handle, template, width=100, omit_header=False)
    print(f"extracted {len(template)} messages to {TEMPLATE.relative_to(PROJECT_ROOT)}")
    return template


def update() -> None:
    with open(TEMPLATE, "rb") as handle:
        template = read_po(handle)
    for language in TRANSLATED_LANGUAGES:
        po_file = catalog_path(language, "po")
        if po_file.exists():
            with open(po_file, "rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            po_file.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, project="attachment-companion")
        catalog.update(template, update_header_comment=False)
        catalog.fuzzy = False  # the header is generated here, not a translation to review
        catalog.obsolete.clear()
        with open(po_file, "wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True)
        missing = sum(1 for message in catalog if message.id and not message.string)
        fuzzy = sum(1 for message in catalog if message.id and message.fuzzy)
        print(f"updated {language}: {len(catalog)} messages, {missing} untranslated, {fuzzy} fuzzy")


def compile_catalogs() -> None:
    for language in TRANSLATED_LANGUAGES:
        po_file = catalog_path(language, "po")
        with open(po_file, "rb") as handle:
            catalog = read_po(handle, locale=language)
        errors = list(catalog.check())
        if errors:
            for message, problems in errors:
                print(f"{po_file}: {message.id!r}: {problems}", file=sys.stderr)
            raise SystemExit(1)
        with open(catalog_path(language, "mo"), "wb") as handle:
            write_mo(handle, catalog)
    print(f"compiled {len(TRANSLATED_LANGUAGES)} catalogs")


def main(argv: list) -> None:
    command = argv[1] if len(argv) > 1 else "all"
    steps = {
        "extract": [extract],
        "update": [update],
        "compile": [compile_catalogs],
        "all": [extract, update, compile_catalogs],
    }
    if command not in steps:
        raise SystemExit(__doc__)
    for step in steps[command]:
        step()


if __name__ == "__main__":
    main(sys.argv)
