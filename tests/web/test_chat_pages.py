"""Chat pages: the public schedule, managing rooms and hours, the live overview."""

from sqlalchemy import select

from community.chat.models import ChatRoom
from community.demo import load_demo_chat_room
from tests.socket.conftest import make_room


def test_the_schedule_is_public_and_shows_hours(client, session, clock):
    make_room(session, clock, name="Søndagshygge")
    page = client.get("/chat/").get_data(as_text=True)
    assert "Søndagshygge" in page
    assert "Mandag hele dagen" in page


def test_a_coordinator_creates_a_room_and_gives_it_hours(coordinator_client, session):
    response = coordinator_client.submit(
        "/chat/rooms/new", {"name": "Angst", "description": "Om angst", "max_members": "25"}
    )
    assert response.status_code == 302
    room = session.scalar(select(ChatRoom))
    assert (room.name, room.max_members) == ("Angst", 25)
    added = coordinator_client.submit(
        f"/chat/rooms/{room.id}/hours", {"weekday": "3", "starts": "19:00", "ends": "21:00"}
    )
    assert added.status_code == 302
    session.refresh(room)
    assert [(h.weekday, str(h.starts)) for h in room.hours] == [(3, "19:00:00")]


def test_a_room_form_with_problems_is_shown_again(coordinator_client):
    response = coordinator_client.submit("/chat/rooms/new", {"name": "", "max_members": "1"})
    assert response.status_code == 422


def test_the_room_page_loads_the_vendored_client_and_no_inline_script(
    follower_client, session, clock
):
    room = make_room(session, clock)
    page = follower_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert "/static/vendor/socket.io.min.js" in page
    assert "/static/js/chat.js" in page
    assert "<script>" not in page
    assert 'aria-live="polite"' in page
    assert "style=" not in page


def test_the_vendored_client_is_served_with_its_licence(client):
    assert client.get("/static/vendor/socket.io.min.js").status_code == 200
    assert "MIT" in client.get("/static/vendor/socket.io-client.LICENSE").get_data(as_text=True)


def test_the_demo_room_is_loaded_once(session, clock):
    assert load_demo_chat_room(session, clock()) is True
    assert load_demo_chat_room(session, clock()) is False


def test_the_moderation_console_partial_shows_room_author_and_text(app, session, clock, user_of):
    from flask import render_template

    from community.chat.models import ChatMessage

    room = make_room(session, clock, name="Aftenrummet")
    message = ChatMessage(
        room_id=room.id,
        author_id=user_of("follower").id,
        body="se min side https://example.com",
        state="held",
        created_at=clock(),
    )
    session.add(message)
    session.commit()
    with app.test_request_context():
        html = render_template("moderation/subjects/chat_message.html", subject=message)
    assert "Aftenrummet" in html
    assert "follower-user" in html
    assert "https://example.com" in html
    assert "UTC" not in html  # the reader's local time, as everywhere else


def _active_talk(session, clock, user_of, room):
    from community.chat.models import ChatTalk

    talk = ChatTalk(
        room_id=room.id,
        follower_id=user_of("follower").id,
        host_id=user_of("peer").id,
        state="active",
        requested_at=clock(),
        accepted_at=clock(),
        last_seq=0,
    )
    session.add(talk)
    session.commit()
    return talk


def test_the_live_overview_links_each_talk_for_a_moderator_to_watch(
    moderator_client, session, clock, user_of
):
    room = make_room(session, clock)
    talk = _active_talk(session, clock, user_of, room)
    overview = moderator_client.get("/chat/live").get_data(as_text=True)
    watch = f"/chat/rooms/{room.id}?talk={talk.id}"
    assert f'href="{watch}"' in overview
    page = moderator_client.get(watch).get_data(as_text=True)
    assert f'data-talk-id="{talk.id}"' in page
    assert 'data-talk-watching="1"' in page
    assert 'id="chat-held"' in page


def test_only_a_moderator_may_watch_a_talk_they_take_no_part_in(
    login_as, session, clock, user_of, make_user
):
    room = make_room(session, clock)
    talk = _active_talk(session, clock, user_of, room)
    stranger = login_as(make_user("nysgerrig"))
    assert stranger.get(f"/chat/rooms/{room.id}?talk={talk.id}").status_code == 403
    other = make_room(session, clock, name="Andet rum")
    moderator = login_as(user_of("moderator"))
    assert moderator.get(f"/chat/rooms/{other.id}?talk={talk.id}").status_code == 404
    # The follower's own talk is shown as theirs, not watched.
    own = login_as(user_of("follower")).get(f"/chat/rooms/{room.id}?talk={talk.id}")
    assert 'data-talk-watching="0"' in own.get_data(as_text=True)


def test_a_host_has_a_crisis_alert_panel_apart_from_the_feedback_line(peer_client, session, clock):
    room = make_room(session, clock)
    page = peer_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert '<div id="chat-alerts" class="chat-alerts" role="alert"></div>' in page
    assert 'id="chat-feedback"' in page


def test_the_chat_tells_an_ended_login_where_to_sign_in_again(follower_client, session, clock):
    room = make_room(session, clock)
    page = follower_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert 'data-login-url="/login"' in page
    assert 'id="chat-controls"' in page
    assert '<script type="module" src="/static/js/chat.js">' in page


def test_the_chat_modules_are_served_as_javascript(client):
    for name in ("chat.js", "chat-talks.js", "chat-moderation.js"):
        response = client.get(f"/static/js/{name}")
        assert response.status_code == 200
        assert response.mimetype in {"text/javascript", "application/javascript"}
