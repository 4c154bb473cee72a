"""A new version of the guidelines must be accepted before anything else."""

from sqlalchemy import select

from community.consent import ConsentRecord, publish_version


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
