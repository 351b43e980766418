"""tools/report_fingerprint.py on made-up text: winnowing, its guarantee, the file, the command."""

from __future__ import annotations

import random

import pytest

from tools import report_fingerprint as rf

# A made-up "report": random kana and kanji, so no two windows are alike by accident.
ALPHABET = "あいうえおかきくけこさしすせそたちつてとなにぬねの日本国内開発支援計算資源政策"


def made_up(seed: int, length: int = 3000) -> str:
    return "".join(random.Random(seed).choices(ALPHABET, k=length))


TEXT = made_up(14)
KEPT = rf.fingerprint(TEXT)


@pytest.mark.parametrize(("values", "span", "kept"), [
    ([5, 3, 8, 1, 9], 3, {3, 1}),
    ([5, 3, 8, 1, 9], 1, {5, 3, 8, 1, 9}),
    ([4, 4, 4, 4], 2, {4}),
    ([7, 2], 3, {2}),  # fewer values than the span: the smallest
    ([], 3, set()),
])
def test_winnow(values, span, kept):
    assert rf.winnow(values, span) == kept


@pytest.mark.parametrize(("text", "normalised"), [
    ("国内での AI の\n開発", "国内でのAIの開発"),
    ("ＡＩ　２０２４", "AI2024"),  # full-width letters, digits and space
    ("生成 AI¹", "生成AI1"),
])
def test_normalise(text, normalised):
    assert rf.normalise(text) == normalised


def test_every_copy_as_long_as_the_guarantee_is_caught():
    assert all(rf.copied_windows(TEXT[i:i + rf.GUARANTEE], KEPT)
               for i in range(len(TEXT) - rf.GUARANTEE + 1))


def test_shorter_copies_are_sometimes_caught_and_own_text_never():
    caught = [bool(rf.copied_windows(TEXT[i:i + rf.WINDOW], KEPT))
              for i in range(len(TEXT) - rf.WINDOW + 1)]
    assert 0.1 < sum(caught) / len(caught) < 0.35  # about 2 / (SPAN + 1)
    assert not rf.copied_windows(TEXT[:rf.WINDOW - 1], KEPT)
    assert not rf.copied_windows(made_up(15), KEPT)


def test_copied_windows_are_reported_once_each():
    copy = TEXT[100:100 + 3 * rf.WINDOW]
    found = rf.copied_windows(copy, set(rf.hashes(rf.normalise(TEXT))))
    assert found == [copy[:30], copy[30:60], copy[60:90]]


def test_the_file_records_its_parameters(tmp_path):
    path = tmp_path / "fingerprint.txt"
    path.write_text(rf.dump(KEPT, 2971), encoding="utf-8")
    loaded = rf.Fingerprint(path)
    assert (loaded.kept, loaded.windows) == (KEPT, 2971)
    path.write_text(rf.dump(KEPT, 2971).replace("span=9", "span=4"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"fingerprint.txt:3: made with other parameters"):
        rf.Fingerprint(path)


def test_the_command_writes_checks_and_names_a_missing_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(rf, "ROOT", tmp_path)
    monkeypatch.setattr(rf, "FINGERPRINT", tmp_path / "fingerprint.txt")
    report = tmp_path / "report.ja.txt"
    report.write_text(TEXT, encoding="utf-8")
    assert rf.main([str(report), "--check"]) == 1
    assert rf.main([str(report)]) == 0
    assert rf.Fingerprint(tmp_path / "fingerprint.txt").kept == KEPT
    assert rf.main([str(report), "--check"]) == 0
    assert rf.main([str(tmp_path / "missing.txt")]) == 2
    assert "report not found: " in capsys.readouterr().err
