"""The development server: ``python -m app`` (what ``make run`` starts).

One process serving pages and Socket.IO (threading mode, WebSocket through
simple-websocket) on http://127.0.0.1:5000, with a request log that carries no
client addresses.
"""

import os

from app import create_app
from app.extensions import socketio
from app.logs import PrivateRequestHandler
from community.demo import DEMO_ACCOUNTS


def main() -> None:
    app = create_app()
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "5000"))
    if app.config.get("DEMO_ACCOUNTS"):
        print(f"\nDemo accounts (password: {app.config['DEMO_PASSWORD']}):")
        for account in DEMO_ACCOUNTS:
            print(f"  {account.alias}")
    print(f"\nServing on http://{host}:{port}  (Ctrl+C to stop)\n", flush=True)
    socketio.run(
        app,
        host=host,
        port=port,
        request_handler=PrivateRequestHandler,
        allow_unsafe_werkzeug=True,
        use_reloader=False,
        log_output=True,
    )


if __name__ == "__main__":
    main()
