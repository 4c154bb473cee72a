"""The chat page in a real browser: an ended login, one talk after another,
crisis alerts for hosts, and a moderator watching a private talk.

The server (and its demo database) is shared by the session, so each test
leaves room 1 as it found it: no talk left going.
"""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CRISIS = "jeg har pillerne klar og i nat gør jeg det"


def in_room(page, live_server):
    page.goto(live_server + "/chat/rooms/1")
    page.wait_for_selector("#chat-connection[data-state=connected]")
    if page.locator("#chat-join:visible").count():
        page.click("#chat-join")
        page.wait_for_selector("#chat-form:visible")


def start_talk(host, guest):
    guest.click("#chat-request-talk")
    host.locator("#chat-queue", has_text="1").wait_for()
    host.click("#chat-accept")
    for page in (host, guest):
        page.wait_for_selector("#chat-talk-form:visible")


def say_in_talk(page, text):
    page.fill("#chat-talk-input", text)
    page.keyboard.press("Enter")


def test_an_ended_login_stays_ended_and_the_person_is_asked_to_sign_in_again(person, live_server):
    guest = person("demo-follower")
    in_room(guest, live_server)
    other_tab = guest.context.new_page()
    other_tab.goto(live_server + "/settings")
    other_tab.locator("form[action='/logout']").evaluate("form => form.requestSubmit()")
    guest.wait_for_selector("#chat-connection[data-state=ended]")
    # The disconnect that follows must not turn it into "trying again".
    guest.wait_for_timeout(1500)
    assert guest.locator("#chat-connection").get_attribute("data-state") == "ended"
    assert guest.locator("#chat-connection a[href='/login']").count() == 1
    assert guest.locator("#chat-form").is_hidden()
    assert guest.locator("#chat-controls").is_hidden()
    assert not guest.errors


def test_the_next_private_talk_starts_without_the_last_ones_messages(person, live_server):
    host, guest = person("demo-peer"), person("demo-follower")
    for page in (host, guest):
        in_room(page, live_server)
    start_talk(host, guest)
    say_in_talk(guest, "Det her er den første samtale")
    host.locator("#chat-talk-log .chat-message", has_text="første samtale").wait_for()
    host.click("#chat-talk-end")
    guest.click("#chat-rating-skip")
    start_talk(host, guest)
    say_in_talk(guest, "Og nu den anden")
    for page in (host, guest):
        page.locator("#chat-talk-log .chat-message", has_text="den anden").wait_for()
        assert page.locator("#chat-talk-log .chat-message").count() == 1
    host.click("#chat-talk-end")
    assert not host.errors
    assert not guest.errors


def test_a_hosts_crisis_alert_stays_until_dismissed(person, live_server):
    host, guest = person("demo-peer"), person("demo-follower")
    for page in (host, guest):
        in_room(page, live_server)
    guest.fill("#chat-input", CRISIS)
    guest.keyboard.press("Enter")
    guest.wait_for_selector("#chat-crisis:visible")
    alert = host.locator("#chat-alerts[role=alert] .chat-alert", has_text="demo-follower")
    alert.wait_for()
    host.fill("#chat-input", "Jeg er her stadig")
    host.keyboard.press("Enter")
    host.locator("#chat-log .chat-message", has_text="Jeg er her stadig").wait_for()
    assert alert.count() == 1
    alert.locator("button").click()
    assert alert.count() == 0
    assert not host.errors


def test_a_moderator_watches_a_talk_from_the_live_overview_and_removes_a_message(
    person, live_server
):
    host, guest = person("demo-peer"), person("demo-follower")
    moderator = person("demo-moderator", width=1100)
    for page in (host, guest):
        in_room(page, live_server)
    start_talk(host, guest)
    say_in_talk(guest, "Noget jeg ikke burde have skrevet")
    moderator.goto(live_server + "/chat/live")
    moderator.locator("a[href*='?talk=']").last.click()
    moderator.wait_for_selector("#chat-connection[data-state=connected]")
    line = moderator.locator("#chat-talk-log .chat-message", has_text="ikke burde")
    line.wait_for()
    assert moderator.locator("#chat-talk-form").is_hidden()
    line.locator(".chat-mod-actions button").first.click()
    for page in (host, guest):
        page.locator("#chat-talk-log .chat-message.is-removed").wait_for()
        assert page.locator("#chat-talk-log", has_text="ikke burde").count() == 0
    host.click("#chat-talk-end")
    assert not moderator.errors
