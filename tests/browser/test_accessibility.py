"""WCAG 2.1 AA as far as a machine can check: axe-core, reflow at 360 and 320 px, 200% text,
a visible focus ring, reduced motion. axe-core comes from npm (widget/ build) and is
committed in tests/browser/vendor/."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.widget_page import Widget

SERIOUS = {"serious", "critical"}


def _serious_violations(page, axe_source) -> list:
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "targets": [n["target"] for n in v["nodes"]]}
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.server
def test_axe_finds_no_serious_violation_in_a_real_conversation(widget_site, open_page, axe_source):
    page = open_page(widget_site.url, bypass_csp=True)
    widget = Widget(page).wait_until_connected()
    widget.send("hello")
    widget.wait_for_bot_messages(1)
    page.get_by_role("button", name="Language: English").click()  # the open language list too
    violations = _serious_violations(page, axe_source)
    assert not violations, json.dumps(violations, indent=1)


def test_axe_finds_no_serious_violation_right_to_left_offline_with_replies(
    fake_widget_site, offline_widget_site, open_page, axe_source
):
    page = open_page(fake_widget_site.url, locale="ar", bypass_csp=True)
    widget = Widget(page).wait_until_connected()
    widget.send("/choices")
    widget.wait_for_bot_messages(1)
    expect(widget.panel).to_have_attribute("dir", "rtl")
    assert not _serious_violations(page, axe_source)

    offline = open_page(offline_widget_site.url, bypass_csp=True)
    expect(Widget(offline).status).not_to_be_empty(timeout=10_000)
    assert not _serious_violations(offline, axe_source)


def _has_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [360, 320])
def test_a_phone_screen_needs_no_sideways_scrolling(fake_widget_site, open_page, width):
    page = open_page(fake_widget_site.url, width=width, height=740, is_mobile=True, has_touch=True)
    widget = Widget(page).wait_until_connected()
    widget.send("a long message " * 20 + "withaverylongwordthatdoesnotbreakeasilyatall" * 3)
    widget.send("/choices")
    widget.wait_for_bot_messages(2)
    page.get_by_role("button", name="Language: English").click()
    assert not _has_horizontal_scroll(page)
    for name in ("Quick exit", "Send", "First choice", "Second choice"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, name


def test_text_at_200_percent_still_fits_a_360_pixel_screen(fake_widget_site, open_page):
    page = open_page(fake_widget_site.url, width=360, height=740)
    page.add_style_tag(content="html { font-size: 200% !important; }")
    widget = Widget(page).wait_until_connected()
    widget.send("/choices")
    widget.wait_for_bot_messages(1)
    assert page.get_by_role("button", name="Quick exit").bounding_box()["height"] >= 60  # text really grew
    assert not _has_horizontal_scroll(page)
    for name in ("Quick exit", "Send", "First choice"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, name


def test_keyboard_focus_is_visible(fake_widget_site, open_page):
    page = open_page(fake_widget_site.url)
    Widget(page).wait_until_connected()
    page.keyboard.press("Tab")
    outline = page.get_by_role("button", name="Quick exit").evaluate(
        "(element) => { const style = getComputedStyle(element); return [style.outlineStyle, style.outlineWidth]; }"
    )
    assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2


def test_reduced_motion_turns_off_transitions(fake_widget_site, open_page):
    calm = open_page(fake_widget_site.url, reduced_motion="reduce")
    moving = open_page(fake_widget_site.url, reduced_motion="no-preference")
    duration = "(element) => getComputedStyle(element).transitionDuration"
    assert calm.get_by_role("button", name="Send").evaluate(duration) == "0s"
    assert moving.get_by_role("button", name="Send").evaluate(duration) != "0s"
