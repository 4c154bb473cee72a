"""Chat delivery benchmark: ``python -m bench chat [--clients N] [--rate R] [--seconds S]``.

Starts the app (``python -m app``) on loopback, once as one process and once as
two processes sharing Redis, connects N WebSocket clients to one room (split
over the processes), and lets the room's host send R messages per second for S
seconds. Each message is timed from just before it is sent until each client
receives it. Prints p50 and p99 delivery latency, deliveries per second and
lost deliveries per run; the last line is one JSON object.

Everything stays on 127.0.0.1 and every wait is bounded; the two processes
share Redis on a Socket.IO channel of the run's own (SOCKETIO_CHANNEL), so
concurrent runs or tests on the same Redis never deliver each other's events. The servers run with
the per-user message rate and per-socket event limits raised (through their
environment settings), since one host sends far faster than any person may.
"""

import argparse
import contextlib
import json
import os
import re
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from datetime import time as clock_time

import websocket

from bench._servers import free_port, start_app, stop, unique_channel, wait_until_serving

SECRET = "bench-chat-secret-key"
# The benchmark measures delivery, not the limits meant for people.
UNLIMITED = {"CHAT_RATE_LIMIT_MESSAGES": "100000", "CHAT_EVENT_LIMIT_PER_10S": "100000"}
GOAL_P99_MS = 100.0


def prepare_database(url: str, clients: int) -> tuple[int, list[str]]:
    """Migrate, create a room open all day, a host and the followers; return the
    room id and one signed session cookie per person (host first)."""
    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db
    from community.accounts.logins import start_login
    from community.accounts.models import Task, UserTask
    from community.accounts.services import SignUpInput, sign_up
    from community.chat.models import ChatRoom, OpeningHours

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SECRET_KEY=SECRET)
    now = datetime.now(UTC)
    with app.app_context():
        upgrade()
        room = ChatRoom(
            name="Bænken", description="", max_members=clients + 10, created_at=now, last_seq=0
        )
        room.hours = [
            OpeningHours(weekday=d, starts=clock_time(0), ends=clock_time(0)) for d in range(7)
        ]
        db.session.add(room)
        db.session.commit()
        serializer = app.session_interface.get_signing_serializer(app)
        cookies = []
        rules = app.extensions["account_rules"]
        for n in range(clients + 1):
            alias = "benchhost" if n == 0 else f"benchmedlem{n}"
            user = sign_up(
                db.session,
                rules,
                SignUpInput(
                    alias=alias,
                    email=f"{alias}@example.test",
                    password="bench-password-long-enough",
                    birth_year=now.year - 20,
                    municipality_code="0101",
                    accepted_guidelines=True,
                    accepted_privacy=True,
                ),
                now,
            )
            if n == 0:
                db.session.add(UserTask(user_id=user.id, task=Task.CHAT, granted_at=now))
                db.session.commit()
            token = start_login(db.session, user, remember=False, now=now)
            cookies.append(serializer.dumps({"_user_id": token, "_fresh": True}))
        room_id = room.id
        db.session.remove()
        db.engine.dispose()
    return room_id, cookies


class Client:
    """A minimal Socket.IO v4 client over one WebSocket, read by its own thread."""

    def __init__(self, port: int, cookie: str, on_message) -> None:
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket",
            header=[f"Cookie: session={cookie}"],
            timeout=30,
        )
        self.on_message = on_message
        self.acks: dict[int, object] = {}
        self.ack_ready = threading.Condition()
        self.next_ack = 0
        self.ws.recv()  # Engine.IO open
        self.ws.send("40")
        answer = self.ws.recv()
        if not answer.startswith("40"):
            raise RuntimeError(f"connection refused: {answer}")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while True:
            try:
                frame = self.ws.recv()
            except Exception:
                return
            received = time.perf_counter()
            if frame == "2":
                self.ws.send("3")
            elif frame.startswith('42["chat_message"'):
                self.on_message(json.loads(frame[2:])[1], received)
            elif frame.startswith("43"):
                number = re.match(r"43(\d+)", frame).group(1)
                with self.ack_ready:
                    self.acks[int(number)] = json.loads(frame[2 + len(number) :])[0]
                    self.ack_ready.notify_all()

    def call(self, event: str, data: dict, timeout: float = 30) -> object:
        self.next_ack += 1
        number = self.next_ack
        self.ws.send(f"42{number}" + json.dumps([event, data]))
        with self.ack_ready:
            self.ack_ready.wait_for(lambda: number in self.acks, timeout=timeout)
            return self.acks.pop(number, None)

    def close(self) -> None:
        # A short close handshake: waiting the default 3 s per client makes the
        # teardown of 200 clients take minutes.
        with contextlib.suppress(Exception):
            self.ws.close(timeout=0.2)


def run(processes: int, clients: int, rate: float, seconds: float, queue_url: str | None) -> dict:
    tmp = tempfile.mkdtemp(prefix="bench-chat-")
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    room_id, cookies = prepare_database(database_url, clients)
    ports = [free_port() for _ in range(processes)]
    # Redis pub/sub ignores the database index: a channel of this run's own keeps a
    # concurrent run (or test) on the same Redis out of the figures.
    channel = unique_channel("bench-chat")
    servers = [
        start_app(
            database_url,
            port,
            secret=SECRET,
            message_queue=queue_url,
            channel=channel if queue_url else None,
            settings=UNLIMITED,
            keep_errors=False,
        )
        for port in ports
    ]
    sent: dict[str, float] = {}
    latencies: list[float] = []
    seen: set[tuple[int, str]] = set()
    lock = threading.Lock()
    connected: list[Client] = []
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)

        def receiver(index: int):
            def on_message(event: dict, at: float) -> None:
                text = event["text"]
                with lock:
                    if text in sent and (index, text) not in seen:
                        seen.add((index, text))
                        latencies.append((at - sent[text]) * 1000)

            return on_message

        host = Client(ports[0], cookies[0], lambda e, t: None)
        connected.append(host)
        assert host.call("join", {"room_id": room_id})["ok"]
        for index in range(clients):
            client = Client(ports[index % processes], cookies[index + 1], receiver(index))
            connected.append(client)
            answer = client.call("join", {"room_id": room_id})
            if not answer or not answer.get("ok"):
                raise RuntimeError(f"client {index} could not join: {answer}")
        # The first check loads the engine's word lists; not part of the figures.
        host.call("send", {"channel": f"room:{room_id}", "body": "velkommen til målingen"})
        time.sleep(1)
        total = int(rate * seconds)
        started = time.perf_counter()
        for k in range(total):
            due = started + k / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            text = f"måling nummer {k} fra bænken"
            with lock:
                sent[text] = time.perf_counter()
            answer = host.call("send", {"channel": f"room:{room_id}", "body": text})
            if not answer or answer.get("status") != "delivered":
                raise RuntimeError(f"message {k} not delivered: {answer}")
        send_phase = time.perf_counter() - started
        expected = total * clients
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len(seen) < expected:
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
    finally:
        for client in connected:
            client.close()
        stop(servers)
    ordered = sorted(latencies)
    return {
        "processes": processes,
        "clients": clients,
        "rate_per_s": rate,
        "messages": total,
        "deliveries": len(seen),
        "lost": expected - len(seen),
        "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 1) if ordered else None,
        "max_ms": round(ordered[-1], 1) if ordered else None,
        "deliveries_per_s": round(len(seen) / max(send_phase, elapsed - 10, 1e-9), 1),
    }


def redis_reachable(url: str) -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except Exception:
        return False


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench chat", description=__doc__)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="messages per second")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    args = parser.parse_args(argv)
    results = {}
    print(f"chat bench: {args.clients} clients, {args.rate}/s for {args.seconds} s")
    results["one_process"] = run(1, args.clients, args.rate, args.seconds, None)
    print("one process:", results["one_process"])
    if redis_reachable(args.redis):
        results["two_processes"] = run(2, args.clients, args.rate, args.seconds, args.redis)
        print("two processes over Redis:", results["two_processes"])
    else:
        print(f"two processes: skipped, no Redis at {args.redis}")
    results["goal"] = {"p99_ms_under": GOAL_P99_MS, "lost": 0}
    results["goal_met"] = all(
        r["lost"] == 0 and r["p99_ms"] is not None and r["p99_ms"] < GOAL_P99_MS
        for key, r in results.items()
        if key.endswith("process") or key.endswith("processes")
    )
    print(json.dumps(results))
    return 0 if results["goal_met"] else 1
