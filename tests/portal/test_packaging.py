import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGE_FOLDERS = {
    "portal": "site",
    "disclosure": "disclosure",
    "decisions": "decisions",
    "feedback": "feedback",
    "disclosure_requests": "disclosure_requests",
    "editorial": "editorial",
    "oversight": "oversight",
}


def test_every_python_package_is_listed_in_pyproject():
    """A package missing from pyproject.toml would be absent from a non-editable install."""
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = set()
    for name, folder in PACKAGE_FOLDERS.items():
        root = BASE_DIR / folder
        for init in root.rglob("__init__.py"):
            relative = init.parent.relative_to(root).parts
            found.add(".".join((name, *relative)))
    assert found == listed


def test_pins_are_exact():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    pins = config["project"]["dependencies"] + config["project"]["optional-dependencies"]["dev"]
    assert all("==" in pin for pin in pins), pins
