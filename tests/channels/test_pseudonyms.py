from bot.channels.pseudonyms import pseudonymous_id


def test_the_id_hides_the_number_and_is_stable():
    first = pseudonymous_id("whatsapp", "5511987654321", key="k")
    assert first == pseudonymous_id("whatsapp", "5511987654321", key="k")
    assert first.startswith("whatsapp-")
    assert "5511987654321" not in first and "987654" not in first


def test_another_key_channel_or_number_gives_another_id():
    base = pseudonymous_id("whatsapp", "5511987654321", key="k")
    assert base != pseudonymous_id("whatsapp", "5511987654321", key="other")
    assert base != pseudonymous_id("twilio", "5511987654321", key="k")
    assert base != pseudonymous_id("whatsapp", "5511987654322", key="k")


def test_the_key_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("CHANNEL_PSEUDONYM_KEY", "from-env")
    assert pseudonymous_id("telegram", "42") == pseudonymous_id("telegram", "42", key="from-env")
