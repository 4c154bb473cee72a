"""Blogs in the browser: reading, writing, comments, likes, follows, reports."""
