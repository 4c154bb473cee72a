"""The moderation console: the queue, one item at a time, decisions."""
