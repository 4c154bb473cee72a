"""The word model (moderation/model.py): a gated, review-only net behind the frames."""

from __future__ import annotations

from moderation import Engine, check
from moderation.model import features, position_features, windows


def _with_weights(data_copy, lines: list[str]) -> Engine:
    path = data_copy / "model" / "weights.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Engine(data_copy)


def test_features_are_words_pairs_beginnings_and_negated_words():
    engine = Engine()
    found = features(engine.view("I'm not taking everything").keys)
    assert {"u|taking", "b|not taking", "p|every", "n|taking"} <= set(found)
    assert len(position_features(engine.view("a b c").keys)) == 3


def test_windows_cover_up_to_three_sentences_and_reach_the_end():
    engine = Engine()
    assert windows(engine.view("one. two. three. four. five")) == [(0, 3), (1, 4), (2, 5)]
    assert windows(engine.view("just one sentence here")) == [(0, 4)]


def test_a_model_finding_needs_a_topic_word_of_its_target_inside_it(data_copy):
    engine = _with_weights(
        data_copy,
        ["crisis\tbias\t-5", "crisis\tthreshold\t0.5", "crisis\tu|zebra\t10"],
    )
    assert not engine.check("zebra zebra", "chat").crisis  # no crisis class word
    verdict = engine.check("zebra, I have the rope", "chat")
    assert verdict.crisis
    assert any(f.rule == "model.crisis" for f in verdict.findings)


def test_model_findings_are_vetoed_like_frames(data_copy):
    engine = _with_weights(
        data_copy,
        ["crisis\tbias\t-5", "crisis\tthreshold\t0.5", "crisis\tu|zebra\t10"],
    )
    assert not engine.check("last year: zebra, I had the rope", "chat").crisis


def test_bad_weight_lines_are_reported(data_copy):
    engine = _with_weights(data_copy, ["crisis\tbias", "nonsense\tu|x\t1", "crisis\tu|x\tabc"])
    problems = [str(p) for p in engine.load_problems]
    assert sum("weights.tsv" in p for p in problems) == 3


def test_the_shipped_model_adds_nothing_to_everyday_text():
    for text in (
        "we had pizza and watched a film tonight",
        "jeg var til fodbold i dag og vi vandt",
        "my psychologist says I'm doing better, and I believe her",
    ):
        assert check(text, "chat").action == "allow"
