from bot.channels.settings import CHANNEL_VARIABLES, setting, with_channel_variables


def test_unset_channel_variables_exist_empty_and_set_ones_are_kept():
    environment = with_channel_variables({"WHATSAPP_APP_SECRET": "s", "PATH": "/bin"})
    assert environment["WHATSAPP_APP_SECRET"] == "s"
    assert environment["PATH"] == "/bin"
    assert all(environment[name] == "" for name in CHANNEL_VARIABLES if name != "WHATSAPP_APP_SECRET")


def test_every_variable_referenced_in_credentials_is_known():
    import re

    from bot.paths import PROJECT_ROOT

    referenced = set(re.findall(r"\$\{(\w+)\}", (PROJECT_ROOT / "credentials.yml").read_text()))
    assert referenced <= set(CHANNEL_VARIABLES)


def test_an_empty_setting_gives_the_default():
    assert setting({"api_url": "  "}, "api_url", "https://x") == "https://x"
    assert setting({"api_url": "http://127.0.0.1:9"}, "api_url", "https://x") == "http://127.0.0.1:9"
    assert setting(None, "api_url") == ""
