"""Chat pages: the public schedule, a room, room and hours management for
coordinators, and the live overview for moderators. The conversation itself
runs over Socket.IO (``app/chat/sockets.py``)."""

from contextlib import suppress

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.account.forms import ConfirmForm
from app.chat.forms import WEEKDAYS, HoursForm, RoomForm
from app.clock import now
from app.extensions import db
from app.forms import form_page, form_status, show_problems
from community.chat import moderation, rooms
from community.chat.models import ChatTalk
from community.chat.presence import membership
from community.chat.rooms import HoursInput, RoomInput
from community.chat.talks import join_talk, open_talk_of
from community.errors import NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize, can

bp = Blueprint("chat", __name__, url_prefix="/chat")


@bp.app_context_processor
def weekdays() -> dict[str, object]:
    return {"chat_weekdays": WEEKDAYS}


@bp.get("/")
def schedule() -> str:
    """Rooms, their weekly hours and whether they are open now: public."""
    authorize(current_user, "chat.schedule.view")
    return render_template("chat/schedule.html", rooms=rooms.schedule(db.session, now()))


@bp.get("/rooms/<int:room_id>")
@login_required
def room(room_id: int) -> str:
    """The chat itself; the page connects over Socket.IO.

    ``?talk=<id>`` (linked from the live overview) has a moderator watch a
    private talk of the room there: read along, decide on its held messages,
    remove a message in it. Anyone else gets 403 for a talk not their own.
    """
    found = rooms.get_room(db.session, room_id)
    status = rooms.room_status(db.session, found, now())
    member = membership(db.session, found.id, current_user.id) is not None
    watched = _watched_talk(found.id, request.args.get("talk", type=int))
    return render_template(
        "chat/room.html",
        status=status,
        room=found,
        member=member,
        talk=watched or open_talk_of(db.session, current_user.id, found.id),
        watching_talk=watched is not None,
        max_length=current_app.config["CHAT_MESSAGE_MAX_LENGTH"],
        watching=can(current_user, "chat.moderate") and not can(current_user, "chat.room.host"),
    )


def _watched_talk(room_id: int, talk_id: int | None) -> ChatTalk | None:
    """The talk of this room the user asked to watch (one they take no part in)."""
    if talk_id is None:
        return None
    talk = join_talk(db.session, current_user, talk_id)
    if talk.room_id != room_id:
        raise NotFound(N_("That talk does not exist."))
    return None if current_user.id in (talk.follower_id, talk.host_id) else talk


def _room_input(form: RoomForm) -> RoomInput:
    return RoomInput(
        name=form.name.data or "",
        description=form.description.data or "",
        max_members=form.max_members.data or 0,
    )


@bp.route("/rooms/new", methods=["GET", "POST"])
@login_required
@form_page(RoomForm, "chat/room_form.html")
def new_room() -> Response | tuple[str, int]:
    authorize(current_user, "chat.room.manage")
    form = RoomForm()
    if form.validate_on_submit():
        try:
            created = rooms.create_room(
                db.session,
                current_user,
                _room_input(form),
                now(),
                max_members_limit=current_app.config["CHAT_ROOM_MAX_SIZE"],
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            flash(_("The room is created. Now give it opening hours."), "success")
            return redirect(url_for("chat.edit_room", room_id=created.id))
    return render_template("chat/room_form.html", form=form, room=None), form_status(form)


@bp.route("/rooms/<int:room_id>/edit", methods=["GET", "POST"])
@login_required
@form_page(RoomForm, "chat/room_form.html")
def edit_room(room_id: int) -> Response | tuple[str, int]:
    authorize(current_user, "chat.room.manage")
    found = rooms.get_room(db.session, room_id)
    form = RoomForm(obj=found)
    if form.validate_on_submit():
        try:
            rooms.update_room(
                db.session,
                current_user,
                found.id,
                _room_input(form),
                now(),
                max_members_limit=current_app.config["CHAT_ROOM_MAX_SIZE"],
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            flash(_("Saved."), "success")
            return redirect(url_for("chat.edit_room", room_id=found.id))
    return render_template(
        "chat/room_form.html", form=form, room=found, hours_form=HoursForm(), confirm=ConfirmForm()
    ), form_status(form)


@bp.post("/rooms/<int:room_id>/hours")
@login_required
def add_hours(room_id: int) -> Response | tuple[str, int]:
    authorize(current_user, "chat.room.manage")
    found = rooms.get_room(db.session, room_id)
    hours_form = HoursForm()
    if hours_form.validate_on_submit():
        try:
            rooms.add_hours(
                db.session,
                current_user,
                found.id,
                HoursInput(
                    weekday=hours_form.weekday.data,
                    starts=hours_form.starts.data,
                    ends=hours_form.ends.data,
                ),
                now(),
            )
        except ValidationFailed as error:
            show_problems(hours_form, error)
        else:
            flash(_("The opening hours are added."), "success")
            return redirect(url_for("chat.edit_room", room_id=found.id))
    form = RoomForm(obj=found)
    return render_template(
        "chat/room_form.html",
        form=form,
        room=found,
        hours_form=hours_form,
        confirm=ConfirmForm(),
    ), 422


@bp.post("/rooms/<int:room_id>/hours/<int:hours_id>/delete")
@login_required
def remove_hours(room_id: int, hours_id: int) -> Response:
    authorize(current_user, "chat.room.manage")
    if ConfirmForm().validate_on_submit():
        # Removing what is already gone (a second click, another tab) is no error.
        with suppress(NotFound):
            rooms.remove_hours(db.session, current_user, hours_id, now())
        flash(_("The opening hours are removed."), "info")
    return redirect(url_for("chat.edit_room", room_id=room_id))


@bp.post("/rooms/<int:room_id>/archive")
@login_required
def archive_room(room_id: int) -> Response:
    authorize(current_user, "chat.room.manage")
    if ConfirmForm().validate_on_submit():
        with suppress(NotFound):
            rooms.archive_room(db.session, current_user, room_id, now())
        flash(_("The room is taken off the schedule."), "info")
    return redirect(url_for("chat.schedule"))


@bp.get("/live")
@login_required
def live() -> str:
    """Every live room and talk, and the chat messages waiting for a moderator."""
    overview = moderation.live_overview(db.session, current_user, now())
    return render_template("chat/live.html", overview=overview)
