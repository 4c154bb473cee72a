"""Live chat: rooms with opening hours, private talks with a peer, every message
checked by the moderation engine before it is delivered, history without loss."""
