"""bot.web.server: the demo page carries the Rasa address, files are served with a charset,
and the REST relay answers kindly when Rasa is down. No browser needed."""

import json
import urllib.error
import urllib.request

from tests.browser.conftest import WidgetSite, free_port


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.headers, reply.read().decode("utf-8")


def test_the_demo_page_embeds_the_widget_with_the_configured_addresses():
    site = WidgetSite("http://127.0.0.1:5999", "https://example.org/?q=weather&x=<1>")
    try:
        headers, page = _get(site.url)
    finally:
        site.server.shutdown()
    assert '<script src="widget.js"' in page
    assert 'data-server="http://127.0.0.1:5999"' in page
    assert 'data-exit-url="https://example.org/?q=weather&amp;x=&lt;1&gt;"' in page  # escaped
    assert "{{" not in page
    assert "<title>Chat</title>" in page
    assert headers["Cache-Control"] == "no-store"
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "ws://127.0.0.1:5999" in policy


def test_the_widget_script_is_served_as_utf8_javascript():
    site = WidgetSite("http://127.0.0.1:5999", "https://example.org/")
    try:
        headers, script = _get(site.url + "widget.js")
    finally:
        site.server.shutdown()
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert script.startswith("/*! ") and "socket.io-client 4." in script.splitlines()[0]


def test_the_rest_relay_answers_kindly_when_rasa_is_down():
    site = WidgetSite(f"http://127.0.0.1:{free_port()}", "https://example.org/")
    request = urllib.request.Request(
        site.url + "api/message",
        data=json.dumps({"sender": "a", "message": "hello"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        urllib.request.urlopen(request, timeout=10)
        raise AssertionError("expected 503")
    except urllib.error.HTTPError as error:
        status, body = error.code, json.loads(error.read())
    finally:
        site.server.shutdown()
    assert status == 503
    assert "local emergency number" in body[0]["text"]
