"""The wheel ships every package and data file the code loads."""
from __future__ import annotations

import tomllib

from .conftest import ROOT


def _setuptools():
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["setuptools"]


def _folders(top):
    """Every folder under ``top`` that holds a file (``__pycache__`` aside), as a
    dotted package name relative to ``top``."""
    return {".".join(p.parent.relative_to(top).parts) for p in top.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_every_folder_under_pipeline_and_models_is_listed():
    # setuptools warns about (and may drop) an importable folder left off the list
    found = {".".join(filter(None, ("pipeline", f))) for f in _folders(ROOT / "pipeline")}
    found |= {".".join(filter(None, ("pipeline.models", f))) for f in _folders(ROOT / "models")}
    listed = set(_setuptools()["packages"])
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert _setuptools()["package-dir"]["pipeline.models"] == "models"


def test_data_files_are_covered_by_package_data():
    import fnmatch

    data = _setuptools()["package-data"]
    suffixes = {pattern.rsplit("*", 1)[-1] for pattern in data["pipeline.models"]}
    for path in (ROOT / "models").rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            assert any(path.name.endswith(s) for s in suffixes), f"{path} is not shipped"
    for path in (ROOT / "pipeline" / "inspect" / "assets").glob("*"):
        assert any(fnmatch.fnmatch(f"assets/{path.name}", pat) for pat in data["pipeline.inspect"])
