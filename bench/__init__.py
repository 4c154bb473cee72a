"""Benchmarks that print their figures. Run one with ``python -m bench NAME``."""
