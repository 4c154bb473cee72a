"""Live chat in the web app: pages (schedule, room, management, live overview)
and the Socket.IO handlers. Thin: parse, call one service, render or emit."""
