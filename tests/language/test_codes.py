import pytest

from bot.language.codes import language_name, negotiate, valid_country


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("pt-BR", "pt"),
        ("es-MX", "es"),
        ("fr_CA", "fr"),
        ("ar-EG", "ar"),
        ("sw-KE", "sw"),
        ("hi", "hi"),
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        (["de-DE", "sw-TZ"], "sw"),
    ],
)
def test_negotiate_maps_regional_tags_to_a_supported_language(tag, expected):
    assert negotiate(tag) == expected


@pytest.mark.parametrize("tag", ["zz", "de", "", None, 42, ["xx", 7], "x" * 100])
def test_negotiate_gives_none_for_unsupported_or_malformed_tags(tag):
    assert negotiate(tag) is None


def test_valid_country_accepts_real_codes_in_any_case():
    assert valid_country("ke") == "KE"
    assert valid_country(" BR ") == "BR"


@pytest.mark.parametrize("code", ["ZZ", "EU", "XX", "KEN", "1", "", None, 5, ["KE"]])
def test_valid_country_rejects_unknown_or_malformed_codes(code):
    assert valid_country(code) is None


def test_language_names_come_from_babel_in_the_display_language():
    assert language_name("fr", "es") == "francés"
    assert language_name("sw", "en") == "Swahili"
