"""The shared name resolver (pipeline/names.py): data in models/names."""
from __future__ import annotations


def test_a_country_s_adjective_by_any_of_its_names():
    from pipeline.names import demonym
    assert demonym("Morocco") == "Moroccan" and demonym("Burma") == "Myanmar"
    assert demonym("the Netherlands") == "Dutch" and demonym("Velin") is None
