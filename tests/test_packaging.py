"""The wheel ships every package and data file the code loads."""
from __future__ import annotations

import tomllib

from .conftest import ROOT


def _setuptools():
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["tool"]["setuptools"]


def test_every_package_under_pipeline_is_listed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    listed = set(_setuptools()["packages"])
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "pipeline.models" in listed and _setuptools()["package-dir"]["pipeline.models"] == "models"


def test_data_files_are_covered_by_package_data():
    import fnmatch

    data = _setuptools()["package-data"]
    suffixes = {pattern.rsplit("*", 1)[-1] for pattern in data["pipeline.models"]}
    for path in (ROOT / "models").rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            assert any(path.name.endswith(s) for s in suffixes), f"{path} is not shipped"
    for path in (ROOT / "pipeline" / "inspect" / "assets").glob("*"):
        assert any(fnmatch.fnmatch(f"assets/{path.name}", pat) for pat in data["pipeline.inspect"])
