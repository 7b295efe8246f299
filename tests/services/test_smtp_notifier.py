"""Direct SMTP for the workers: URLs read as Apprise reads them, one connection kept open."""

from __future__ import annotations

from kithkin.notify.apprise import AppriseNotifier
from kithkin.notify.smtp import SmtpConnections, SmtpNotifier, notifier, parse
from tests.cli.smtp_sink import Sink, free_port


def test_urls_that_name_their_server_are_sent_directly_the_rest_through_apprise() -> None:
    local = parse("mailto://127.0.0.1:2525?from=k@example.org&to=a@example.org,b@example.org")
    assert local is not None
    assert (local.host, local.port, local.mode, local.to) == (
        "127.0.0.1",
        2525,
        "plain",
        ("a@example.org", "b@example.org"),
    )
    named = parse("mailtos://me:p%40ss@example.org?smtp=mail.example.org&to=x@example.org")
    assert named is not None
    assert (named.host, named.port, named.mode, named.user, named.password) == (
        "mail.example.org",
        587,
        "starttls",
        "me",
        "p@ss",
    )
    assert named.sender == "me@example.org"
    ssl = parse("mailtos://me:pw@localhost:465?to=x@example.org")
    assert ssl is not None and ssl.mode == "ssl"
    assert parse("mailto://me:pw@gmail.com") is None  # Apprise knows where Gmail's server is
    assert parse("ntfy://topic") is None
    chosen = notifier(["mailto://me:pw@gmail.com"], SmtpConnections())
    assert isinstance(chosen, AppriseNotifier)


def test_messages_go_out_over_one_kept_connection() -> None:
    connections = SmtpConnections()
    with Sink() as sink:
        url = sink.url().replace("{account}", "ann")
        send = notifier([url], connections)
        assert isinstance(send, SmtpNotifier)
        for n in range(3):
            assert send.send(title=f"Hello {n}", body="A small hello still counts.").ok
        connections.close()
    assert sorted(sink.accepted) == [("ann@example.com", f"Hello {n}") for n in range(3)]
    assert len(sink.peers) == 1


def test_an_unreachable_server_is_a_failed_delivery_with_its_reason() -> None:
    target = parse(f"mailto://127.0.0.1:{free_port()}?from=k@example.org&to=a@example.org")
    assert target is not None
    result = SmtpNotifier([target], SmtpConnections(timeout=5)).send(title="t", body="b")
    assert not result.ok and "Connection" in result.error


def test_a_resent_reminder_keeps_its_message_id_and_other_messages_never_share_one() -> None:
    connections = SmtpConnections()
    with Sink() as sink:
        send = notifier([sink.url().replace("{account}", "ann")], connections)
        key = "r3.17"
        for _ in range(2):  # the first outcome was lost: the same reminder again
            assert send.send(title="Good morning", body="One small hello.", key=key).ok
        assert send.send(title="Good morning", body="A different body.", key=key).ok
        for _ in range(2):
            assert send.send(title="No key", body="b").ok
        connections.close()
    counts = sorted(sink.message_ids.values())
    assert counts == [1, 1, 1, 2]
    resent = next(m for m, n in sink.message_ids.items() if n == 2).strip()
    assert resent.startswith(f"<kithkin.{key}.") and resent.endswith("@example.com>")
