"""A new version of the guidelines must be accepted before anything else."""

import json
import re

from sqlalchemy import select

from community.accounts.models import User
from community.consent import ConsentRecord, publish_version
from tests.conftest import PASSWORD


def test_new_guidelines_are_accepted_before_anything_else(follower_client, session, clock, user_of):
    assert follower_client.get("/settings").status_code == 200
    publish_version(session, None, "guidelines", "Clearer rule 4", clock())

    blocked = follower_client.get("/settings")
    assert blocked.status_code == 302
    assert blocked.headers["Location"].startswith("/consent")
    # Reading the new text is allowed while the choice is pending.
    assert follower_client.get("/guidelines").status_code == 200

    refused = follower_client.submit("/consent", {"accept_privacy": "y"})
    assert refused.status_code == 422
    assert follower_client.get("/settings").status_code == 302

    accepted = follower_client.submit(
        "/consent?next=/settings", {"accept_guidelines": "y", "accept_privacy": "y"}
    )
    assert accepted.headers["Location"] == "/settings"
    assert follower_client.get("/settings").status_code == 200
    versions = session.scalars(
        select(ConsentRecord.version).where(
            ConsentRecord.user_id == user_of("follower").id,
            ConsentRecord.document == "guidelines",
        )
    ).all()
    assert sorted(versions) == [1, 2]


def test_visitors_are_not_asked_for_consent(client, session, clock):
    publish_version(session, None, "privacy", "", clock())
    assert client.get("/").status_code == 200


def test_the_cli_publishes_a_new_version(runner, session):
    result = runner.invoke(args=["policy", "publish", "guidelines", "--summary", "Rule 4"])
    assert result.exit_code == 0, result.output
    assert "version 2" in result.output


def test_a_user_who_has_not_accepted_new_guidelines_can_still_take_their_data_and_leave(
    login_as, make_user, session, clock
):
    user = make_user("Skovsti")
    client = login_as(user)
    publish_version(session, None, "guidelines", "Clearer rule 4", clock())
    assert client.get("/settings").status_code == 302

    export = client.get("/settings/data.json")
    assert export.status_code == 200
    assert json.loads(export.get_data())["profile"]["alias"] == "Skovsti"
    assert client.get("/settings/delete").status_code == 200
    deleted = client.submit("/settings/delete", {"password": PASSWORD})
    assert deleted.status_code == 302
    assert deleted.headers["Location"] == "/"
    assert session.scalar(select(User).where(User.alias == "Skovsti")) is None


def test_a_refused_consent_is_shown_beside_the_checkbox_it_is_about(
    follower_client, session, clock
):
    publish_version(session, None, "guidelines", "", clock())
    follower_client.submit("/language", {"lang": "en"})
    page = follower_client.submit("/consent", {"accept_privacy": "y"})
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    beside = re.search(r'<p class="error" id="accept_guidelines-error">([^<]*)</p>', html)
    assert beside
    assert beside.group(1) == "Please accept the guidelines to go on."
    assert 'class="form-errors"' not in html

    both = follower_client.submit("/consent", {}).get_data(as_text=True)
    assert 'id="accept_guidelines-error"' in both
    assert 'id="accept_privacy-error"' in both


def test_the_consent_page_says_which_document_changed_and_what_is_new(
    follower_client, session, clock
):
    follower_client.submit("/language", {"lang": "en"})
    publish_version(session, None, "privacy", "We keep chat logs for 30 days", clock())
    page = follower_client.get("/consent").get_data(as_text=True)
    assert "Our privacy notice has changed" in page
    assert "The privacy notice has changed since you last accepted it." in page
    assert "What is new: We keep chat logs for 30 days" in page
    assert "The guidelines have changed since you last accepted them." not in page

    publish_version(session, None, "guidelines", "", clock())
    page = follower_client.get("/consent").get_data(as_text=True)
    assert "Our guidelines have changed" in page
    assert "The guidelines have changed since you last accepted them." in page
