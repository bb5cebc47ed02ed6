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


def _project():
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]


def _names(requirements: list[str]) -> set[str]:
    """Distribution names (normalized) a list of requirements installs, the project's own
    extras (``newsclaims[export]``) followed."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = _project()
    out: set[str] = set()
    for text in requirements:
        req = Requirement(text)
        if canonicalize_name(req.name) == canonicalize_name(project["name"]):
            for extra in req.extras:
                out |= _names(project["optional-dependencies"][extra])
        else:
            out.add(canonicalize_name(req.name))
    return out


def test_the_readme_names_an_extra_for_what_its_examples_import():
    import re
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    extras = re.findall(r"newsclaims\[(\w+)\]", readme)
    installed = _names(_project()["dependencies"])
    for extra in extras:
        installed |= _names(_project()["optional-dependencies"][extra])
    for block in re.findall(r"```python\n(.*?)```", readme, re.S):
        imported = {m for m in re.findall(r"^(?:import|from) (\w+)", block, re.M)
                    if m not in sys.stdlib_module_names and m != "pipeline"}
        if ".parquet" in block:  # the example reads `newsclaims export --format parquet`
            imported.add("pyarrow")
        assert imported <= installed, f"name an extra that installs {sorted(imported - installed)}"


def test_make_install_upgrades_pip_before_installing_the_package():
    # pip before 23.3 does not normalize extra names (PEP 685): trafilatura's justext
    # asks for lxml[html_clean], lxml 6 provides html-clean, and a fresh `make run`
    # (a venv's bundled pip) printed "lxml 6.2.0 does not provide the extra 'html_clean'"
    import re

    from packaging.version import Version

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(STAMP): pyproject.toml\n", 1)[1].split("\n\n", 1)[0].splitlines()
    pip_min = re.search(r"^PIP_MIN\s*:?=\s*(\S+)", makefile, re.M)
    upgrade = [i for i, line in enumerate(recipe) if '"pip>=$(PIP_MIN)"' in line]
    install = [i for i, line in enumerate(recipe) if "-e " in line]
    assert pip_min and upgrade and install, "make install must install pip>=$(PIP_MIN) first"
    pip_min = pip_min.group(1)
    assert upgrade[0] < install[0] and Version(pip_min) >= Version("23.3")
    # the README's install by hand says the same
    assert f'pip install "pip>={pip_min}"' in (ROOT / "README.md").read_text(encoding="utf-8")
