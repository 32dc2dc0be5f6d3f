"""Vocabularies are data files: lists and tables read the same way, comments and blank lines ignored."""
from __future__ import annotations

from govkg.quantity import BASE_UNITS, MULTIPLIERS
from govkg.vocab import word_list, word_table


def test_entries_on_one_line_are_separate_words():
    stop_words = word_list("name_stop_words")
    assert {"的", "和", "建成通车"} <= set(stop_words)
    assert not any(" " in word or "#" in word for word in stop_words)


def test_a_table_joins_lines_that_share_a_key():
    stages = word_table("stage_verbs")
    assert {"completed", "start", "accelerate", "plan", "early"} <= set(stages)
    assert "竣工" in stages["completed"] and "开工" in stages["start"]


def test_units_and_multipliers_are_read_from_their_tables():
    assert BASE_UNITS["平方公里"] == ("km2", 1.0)
    assert BASE_UNITS["%"] == ("percent", 1.0)  # a unit written with a symbol, not a comment
    assert MULTIPLIERS["万亿"] == 1e12
