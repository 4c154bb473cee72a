"""A user downloads everything stored about them, and can delete all of it."""

import io
import json

from PIL import Image
from sqlalchemy import func, select

from community.accounts.models import LoginSession, User
from community.audit import AuditEntry
from community.consent import ConsentRecord
from community.review.models import ReviewItem
from tests.conftest import PASSWORD


def test_the_download_holds_profile_consents_and_pictures(login_as, make_user):
    user = make_user("Skovsti", description="Jeg går tit ture.")
    data = login_as(user).get("/settings/data.json")
    assert data.headers["Content-Disposition"].startswith("attachment")
    exported = json.loads(data.get_data())
    assert exported["profile"]["alias"] == "Skovsti"
    assert exported["profile"]["email"] == "skovsti@example.test"
    assert exported["profile"]["description_waiting_for_review"] == "Jeg går tit ture."
    assert {c["document"] for c in exported["consents"]} == {"guidelines", "privacy"}
    assert exported["logins"]
    assert "token" not in json.dumps(exported["logins"])


def test_deleting_the_account_removes_everything_and_ends_every_login(
    app, login_as, make_user, session
):
    out = io.BytesIO()
    Image.new("RGB", (64, 64)).save(out, format="PNG")
    user = make_user("Skovsti", description="Hej", avatar=out.getvalue())
    here, elsewhere = login_as(user), login_as(user)
    wrong = here.submit("/settings/delete", {"password": "not-my-password"})
    assert wrong.status_code == 422
    assert here.submit("/settings/delete", {"password": PASSWORD}).status_code == 302

    assert session.scalar(select(User)) is None
    for model in (LoginSession, ConsentRecord, ReviewItem):
        assert session.scalar(select(func.count()).select_from(model)) == 0
    assert elsewhere.get("/settings").status_code == 302
    deletion = session.scalar(select(AuditEntry).where(AuditEntry.action == "account.delete"))
    assert deletion.actor_id is None
    # The log outlives the account, and holds nothing that names the person.
    assert all(e.actor_id is None for e in session.scalars(select(AuditEntry)))
