"""Maintenance scripts for the moderation data (run by developers, never at run time)."""
