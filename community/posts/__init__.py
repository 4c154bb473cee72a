"""Blogs: posts and their revisions, topics, likes, comments, follows, reports."""
