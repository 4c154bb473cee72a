"""Chat data is deleted after its retention period, exported, and goes with the account."""

from datetime import timedelta

from sqlalchemy import func, select

from community.accounts.data_rights import delete_account, export_account_data
from community.chat.channels import Channel
from community.chat.messages import send_message
from community.chat.models import ChatMessage, ChatPresence
from community.chat.presence import join_room, register_connection
from community.retention import RetentionPolicy, run_retention
from tests.conftest import PASSWORD
from tests.socket.conftest import make_room


def chat_with_message(session, clock, user_of, text="Hej fra bænken"):
    room = make_room(session, clock)
    host = user_of("peer")
    register_connection(session, "sid-host", "h" * 64, clock())
    join_room(session, host, room.id, "sid-host", clock())
    send_message(session, host, Channel("room", room.id), text, clock(), max_length=1000)
    return room, host


def test_messages_older_than_the_retention_period_are_deleted(session, clock, user_of, runner):
    chat_with_message(session, clock, user_of)
    clock.advance(days=29)
    assert run_retention(session, RetentionPolicy(), clock())["chat messages"] == 0
    clock.advance(days=2)
    assert run_retention(session, RetentionPolicy(), clock())["chat messages"] == 1
    assert session.scalar(select(func.count(ChatMessage.id))) == 0


def test_the_retention_command_reads_the_period_from_the_settings(
    app, session, clock, user_of, runner
):
    chat_with_message(session, clock, user_of)
    clock.advance(days=3)
    app.config["CHAT_RETENTION_DAYS"] = 2
    try:
        result = runner.invoke(args=["retention", "run"])
    finally:
        app.config["CHAT_RETENTION_DAYS"] = 30
    assert "chat messages: 1 deleted" in result.output


def test_the_data_download_holds_the_persons_chat_messages(session, clock, user_of):
    _, host = chat_with_message(session, clock, user_of)
    exported = export_account_data(session, host, clock())
    assert [m["text"] for m in exported["chat_messages"]] == ["Hej fra bænken"]


def test_deleting_an_account_deletes_its_chat_data(app, session, clock, user_of):
    _, host = chat_with_message(session, clock, user_of)
    delete_account(session, app.extensions["account_rules"], host, password=PASSWORD, now=clock())
    assert session.scalar(select(func.count(ChatMessage.id))) == 0
    assert session.scalar(select(func.count(ChatPresence.id))) == 0


def test_stale_sockets_are_forgotten(session, clock, user_of):
    chat_with_message(session, clock, user_of)
    clock.advance(hours=25)
    assert run_retention(session, RetentionPolicy(), clock())["chat connections"] == 1


def test_the_retention_period_default_is_thirty_days():
    assert RetentionPolicy().chat_messages == timedelta(days=30)
