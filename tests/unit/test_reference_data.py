"""Data files are validated at start-up, with the file and line of each problem."""

import gzip

import pytest

from community.reference import (
    ReferenceDataError,
    load_common_passwords,
    load_helplines,
    load_municipalities,
)
from config.settings import DATA_DIR


def test_the_shipped_files_are_valid():
    assert len(load_municipalities(DATA_DIR / "municipalities.csv")) == 98
    assert [h.phone for h in load_helplines(DATA_DIR / "helplines.toml")][:2] == [
        "70 201 201",
        "116 111",
    ]
    assert "123456" in load_common_passwords(DATA_DIR / "common-passwords.txt.gz")


def test_a_malformed_municipality_line_names_file_and_line(tmp_path):
    lines = (DATA_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = "12,København"
    path = tmp_path / "municipalities.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r"municipalities.csv:6: expected"):
        load_municipalities(path)


def test_a_duplicate_municipality_code_names_both_lines(tmp_path):
    lines = (DATA_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    lines.append("0101,København igen")
    path = tmp_path / "municipalities.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=r":\d+: code 0101 is already used on line \d+"):
        load_municipalities(path)


def test_a_missing_municipality_is_noticed(tmp_path):
    lines = (DATA_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()[:-1]
    path = tmp_path / "municipalities.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="97 municipalities"):
        load_municipalities(path)


def test_broken_helplines_toml_names_the_line(tmp_path):
    path = tmp_path / "helplines.toml"
    path.write_text('[[helpline]]\nkey = "x"\nname = \n', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="line 3"):
        load_helplines(path)


def test_a_truncated_password_list_is_refused(tmp_path):
    path = tmp_path / "p.txt.gz"
    with gzip.open(path, "wt") as handle:
        handle.write("123456\n")
    with pytest.raises(ReferenceDataError, match="truncated"):
        load_common_passwords(path)
