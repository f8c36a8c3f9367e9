import pytest

from bot.channels.phone_country import country_of, with_country


@pytest.mark.parametrize(
    "number, country",
    [
        ("+5511987654321", "BR"),
        ("5511987654321", "BR"),  # WhatsApp's wa_id has no "+"
        ("whatsapp:+254712345678", "KE"),
        ("+33 6 12 34 56 78", "FR"),
        ("+919876543210", "IN"),
        ("+14155550123", "US"),
        ("+525512345678", "MX"),
    ],
)
def test_the_country_comes_from_the_number(number, country):
    assert country_of(number) == country


@pytest.mark.parametrize("number", ["", "hello", None, "+999", "+80012345678"])
def test_no_country_for_what_is_not_a_country_number(number):
    assert country_of(number) is None


def test_the_country_is_added_to_the_metadata():
    assert with_country({"language": "pt"}, "+5511987654321") == {"language": "pt", "country": "BR"}


def test_a_country_already_in_the_metadata_is_kept():
    metadata = {"country": "PT"}
    assert with_country(metadata, "+5511987654321") == {"country": "PT"}
    assert with_country(None, "nonsense") == {}
