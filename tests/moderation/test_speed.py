"""A coarse guard against the engine getting many times slower.

The figures that count come from ``python -m bench moderation`` (targets: 0.5 ms for
a 500-character chat message, 20 ms for a 10,000-character post, on one core);
these limits are three times looser so a busy CI machine does not fail them.
"""

from __future__ import annotations

import statistics
import time

from bench.moderation import CHAT_DA, CHAT_EN, POST_PARAGRAPHS
from moderation import check


def _median_ms(text: str, kind: str, repeat: int) -> float:
    check(text, kind)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check(text, kind)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_a_chat_message_of_500_characters_is_checked_in_well_under_two_milliseconds():
    for text in (CHAT_DA, CHAT_EN):
        assert _median_ms(text[:500], "chat", 200) < 1.5


def test_a_post_of_10000_characters_is_checked_in_well_under_a_tenth_of_a_second():
    post = ("\n\n".join(POST_PARAGRAPHS) * 40)[:10_000]
    assert _median_ms(post, "post", 15) < 60
