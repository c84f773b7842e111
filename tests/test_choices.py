"""ui.choices: a choice widget's value is always one of its options."""

from __future__ import annotations

from ui.choices import clean_value

OPTIONS = ["rosenbrock", "himmelblau", "beale"]


def test_a_valid_value_is_kept():
    assert clean_value("beale", OPTIONS, "rosenbrock", multi=False) == ("beale", None)


def test_a_translated_label_is_not_an_option():
    """The wire value after a language switch is a label: it must be replaced, never used."""
    assert clean_value("Rosenbrock's banana valley", OPTIONS, "rosenbrock", multi=False) == (
        "rosenbrock", "Rosenbrock's banana valley")


def test_types_must_match():
    """1 is not the option 1.0 (nor True), so a crafted value cannot slip through by ==."""
    assert clean_value(True, [1, 2], 2, multi=False) == (2, True)
    assert clean_value(0.999, [0.9, 0.999], 0.9, multi=False) == (0.999, None)


def test_multiselect_keeps_known_options_once_in_order():
    """Known options are kept once, in order; unknown and repeated ones are reported, each
    named once (800 copies of one optimizer make one run and one short notice)."""
    value, junk = clean_value(["beale", "warp", "beale", "rosenbrock"] + ["x"] * 3, OPTIONS,
                              ["rosenbrock"], multi=True)
    assert value == ["beale", "rosenbrock"]
    assert junk == ["warp", "beale", "x"]
    value, junk = clean_value(["beale"] * 800, OPTIONS, ["rosenbrock"], multi=True)
    assert (value, junk) == (["beale"], ["beale"])


def test_multiselect_that_is_not_a_list_falls_back():
    assert clean_value("beale", OPTIONS, ["rosenbrock"], multi=True) == (["rosenbrock"],
                                                                          ["beale"])
    assert clean_value(None, OPTIONS, ["rosenbrock"], multi=True) == (["rosenbrock"],
                                                                       ["None"])
    assert clean_value(None, OPTIONS, "rosenbrock", multi=False) == ("rosenbrock", "None")


def test_a_multiselect_of_junk_only_falls_back_but_an_empty_one_is_kept():
    assert clean_value([1, 2], OPTIONS, ["rosenbrock"], multi=True) == (["rosenbrock"],
                                                                         ["1", "2"])
    assert clean_value([], OPTIONS, ["rosenbrock"], multi=True) == ([], None)


def test_unhashable_or_uncomparable_values_are_rejected():
    class Weird:
        def __eq__(self, other):
            raise RuntimeError("no")

    weird = Weird()
    assert clean_value(weird, OPTIONS, "beale", multi=False) == ("beale", weird)
    assert clean_value({"a": 1}, OPTIONS, "beale", multi=False)[0] == "beale"
