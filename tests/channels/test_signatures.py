from bot.channels.signatures import sign, signature_matches

BODY = b'{"object":"whatsapp_business_account"}'


def test_a_body_signed_with_the_app_secret_matches():
    assert signature_matches("secret", BODY, sign("secret", BODY))


def test_another_secret_or_a_changed_body_does_not_match():
    assert not signature_matches("secret", BODY, sign("other", BODY))
    assert not signature_matches("secret", BODY + b" ", sign("secret", BODY))


def test_a_missing_header_or_secret_never_matches():
    assert not signature_matches("secret", BODY, None)
    assert not signature_matches("secret", BODY, "")
    assert not signature_matches("", BODY, sign("", BODY))


def test_the_algorithm_must_be_the_one_expected():
    assert not signature_matches("secret", BODY, sign("secret", BODY, "sha1"))
    assert signature_matches("secret", BODY, sign("secret", BODY, "sha1"), "sha1")
