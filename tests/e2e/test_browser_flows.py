"""What the demo accounts can do in a real browser against ``python -m app``."""

import re

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_a_peer_writes_fixes_a_finding_and_a_moderator_publishes(person, live_server):
    peer = person("demo-peer", width=1100)
    peer.goto(live_server + "/write")
    peer.fill("#title", "Min vej ud af ensomheden")
    peer.click(".editor-area")
    peer.keyboard.type("Jeg var meget alene. Skriv til mig på 22 33 44 55.")
    peer.fill("#helps", "Jeg går en tur hver dag og ringer til min søster.")
    peer.check("input[name=topics] >> nth=2")
    peer.click("button[name=save]")
    peer.wait_for_url(re.compile(r"/posts/\d+/edit"))
    peer.click("button[name=send]")
    marked = peer.locator(".findings mark").first
    assert marked.inner_text() == "22 33 44 55"
    # Fix it in the editor and send again.
    peer.evaluate("""() => { const a = document.querySelector('.editor-area');
        a.innerHTML = '<p>Jeg var meget alene, men det blev bedre.</p>';
        a.dispatchEvent(new Event('input')); }""")
    peer.click("button[name=send]")
    assert "moderator" in peer.locator("main h1").inner_text()

    moderator = person("demo-moderator", width=1100)
    moderator.goto(live_server + "/moderation")
    moderator.locator("ol.queue a", has_text="#").last.click()
    assert "Min vej ud af ensomheden" in moderator.content()
    moderator.click("button[value=publish]")
    moderator.wait_for_url(live_server + "/moderation")

    reader = person(None)
    reader.goto(live_server + "/")
    assert reader.get_by_role("link", name="Min vej ud af ensomheden").count() == 1
    assert not peer.errors
    assert not moderator.errors


def test_lines_typed_in_the_editor_stay_separate_paragraphs(person, live_server):
    peer = person("demo-peer", width=1100)
    peer.goto(live_server + "/write")
    peer.fill("#title", "Tre linjer")
    peer.click(".editor-area")
    peer.keyboard.type("Første linje")
    peer.keyboard.press("Enter")
    peer.keyboard.type("Anden linje")
    peer.keyboard.press("Enter")
    peer.keyboard.press("Enter")
    peer.keyboard.type("Tredje afsnit")
    peer.fill("#helps", "Jeg skriver det ned.")
    peer.check("input[name=topics] >> nth=1")
    peer.click("button[name=save]")
    peer.wait_for_url(re.compile(r"/posts/\d+/edit"))
    peer.click("button[name=preview]")
    paragraphs = peer.locator("section.preview p").all_inner_texts()
    assert "Første linje" in paragraphs
    assert "Anden linje" in paragraphs
    assert "Tredje afsnit" in paragraphs
    assert not peer.errors


def test_a_follower_reads_likes_comments_and_follows(person, live_server):
    follower = person("demo-follower")
    follower.goto(live_server + "/")
    follower.get_by_role("link", name="Da angsten fyldte hele dagen").click()
    follower.click("#likes button[type=submit]")
    assert "1 synes godt om" in follower.locator(".likes").inner_text()
    follower.fill("#body", "Tak, det her hjalp mig i dag.")
    follower.click("#comment-form button[type=submit]")
    assert follower.locator(".comment", has_text="Tak, det her hjalp mig i dag.").count() == 1
    follower.goto(live_server + "/peers/demo-peer")
    assert "Følg ikke længere" in follower.locator(".profile").inner_text()


def test_a_crisis_comment_shows_the_helplines(person, live_server):
    follower = person("demo-follower")
    follower.goto(live_server + "/")
    follower.get_by_role("link", name="Ensom midt i en klasse").click()
    follower.fill("#body", "Jeg har pillerne klar og vil ikke leve mere. I nat gør jeg det.")
    follower.click("#comment-form button[type=submit]")
    box = follower.locator(".helplines-box")
    assert "70 201 201" in box.inner_text()


def test_two_people_chat_and_a_moderator_removes_a_message(person, live_server):
    host, guest, moderator = (
        person("demo-peer"),
        person("demo-follower"),
        person("demo-moderator", width=1100),
    )
    for page in (host, guest, moderator):
        page.goto(live_server + "/chat/rooms/1")
        page.wait_for_selector("#chat-connection[data-state=connected]")
    for page in (host, guest):
        if page.locator("#chat-join:visible").count():
            page.click("#chat-join")
    guest.fill("#chat-input", "Hej, er der nogen her i aften?")
    guest.keyboard.press("Enter")
    line = host.locator(".chat-message", has_text="Hej, er der nogen her i aften?")
    line.wait_for()
    moderator.locator(".chat-message", has_text="Hej, er der nogen her i aften?").wait_for()
    buttons = moderator.locator(".chat-message", has_text="Hej, er der nogen her i aften?").locator(
        "button"
    )
    # Whole short words on the buttons, the full sentence for screen readers.
    assert buttons.first.inner_text() == "Fjern"
    assert "demo-follower" in buttons.first.get_attribute("aria-label")
    buttons.first.click()
    host.locator(".chat-message", has_text="Hej, er der nogen her i aften?").wait_for(
        state="detached"
    )
    guest.fill("#chat-input", "Ring til mig på 22 33 44 55")
    guest.keyboard.press("Enter")
    assert "22 33 44 55" in guest.locator("mark").first.inner_text()
    assert host.locator(".chat-message", has_text="22 33 44 55").count() == 0
    # The refused text stays in the box, to change and send again.
    assert guest.input_value("#chat-input") == "Ring til mig på 22 33 44 55"


def test_the_language_switch_is_remembered(person, live_server):
    visitor = person(None)
    visitor.goto(live_server + "/guidelines")
    visitor.click("form.language button")
    assert visitor.locator("html").get_attribute("lang") == "en"
    visitor.goto(live_server + "/")
    assert "Young people helping young people" in visitor.content()
