"""The course's JupyterLab settings (``lab_settings/casebook.json``): every key is one that
the installed JupyterLab's own schema defines, every value is valid for it and differs from
JupyterLab's default (else the file would do nothing), and both ways of installing put the
file where JupyterLab reads it. ``test_lab_settings_browser.py`` checks that it takes effect."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from casebook import lab_settings
from conftest import REPO

NEWS = "@jupyterlab/apputils-extension:notification"


def installed_schema(plugin_id: str) -> dict:
    """The JSON schema that the installed JupyterLab ships for a plugin's settings."""
    from jupyterlab.commands import get_app_dir

    package, plugin = plugin_id.split(":")
    path = Path(get_app_dir(), "schemas", *package.split("/"), f"{plugin}.json")
    assert path.is_file(), f"{plugin_id}: the installed JupyterLab has no schema {path}"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_settings_file_is_json_with_keys_and_values_that_jupyterlab_defines():
    overrides = lab_settings.read_overrides()
    assert overrides, "the settings file is empty"
    for plugin_id, values in overrides.items():
        schema = installed_schema(plugin_id)
        properties = schema["properties"]
        for key, value in values.items():
            assert key in properties, (
                f"{plugin_id}: JupyterLab has no setting {key!r}; it has {sorted(properties)}")
            # The setting's schema with the plugin's definitions, which it may refer to.
            setting = {**properties[key], "definitions": schema.get("definitions", {})}
            jsonschema.validate(value, setting)  # raises, naming the value, if invalid
            assert value != properties[key]["default"], (
                f"{plugin_id} {key}: {value!r} is already JupyterLab's default")


def test_jupyter_news_is_never_fetched_and_no_update_check_calls_a_website():
    news = lab_settings.read_overrides()[NEWS]
    schema = installed_schema(NEWS)["properties"]
    # fetchNews is a string with three choices; the schema names the one chosen.
    chosen = [choice["title"] for choice in schema["fetchNews"]["oneOf"]
              if choice["const"] == news["fetchNews"]]
    assert chosen == ["Never"]
    assert schema["fetchNews"]["default"] != news["fetchNews"]  # JupyterLab would ask
    assert news["checkForUpdates"] is False


def test_a_normal_install_puts_the_file_where_jupyterlab_reads_it():
    """pip install . (Binder's postBuild, a hub image) copies pyproject's data-files into
    the environment's prefix: the same folder that lab_settings names."""
    data_files = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"][
        "data-files"]
    assert data_files == {lab_settings.OVERRIDES_FOLDER.as_posix(): ["lab_settings/casebook.json"]}
    assert (REPO / "lab_settings" / "casebook.json").resolve() == lab_settings.SOURCE
    assert lab_settings.overrides_path("/prefix") == Path(
        "/prefix", *data_files, lab_settings.FILE_NAME)


def test_postbuild_installs_the_package_normally_so_binder_gets_the_settings():
    lines = (REPO / "postBuild").read_text().splitlines()
    installs = [line for line in lines if line.startswith("pip install")]
    assert installs == ["pip install --no-deps ."], "an editable install would skip the settings"
    # ...and then checks that they landed (install() raises when they are nowhere).
    assert lines.index("python -m casebook.lab_settings") > lines.index(installs[0])


def test_the_readme_installs_the_settings_after_the_editable_install_and_before_jupyterlab():
    from test_readme import readme_command

    steps = readme_command("run").split(" && ")
    install = next(i for i, step in enumerate(steps) if " install -e ." in step)
    settings = steps.index(".venv/bin/python -m casebook.lab_settings")
    lab = next(i for i, step in enumerate(steps) if "/jupyter lab " in step)
    assert install < settings < lab, steps


def test_install_copies_the_file_once_and_says_where(tmp_path):
    first = lab_settings.install(tmp_path)
    target = lab_settings.overrides_path(tmp_path)
    assert first == f"JupyterLab settings of the course: written to {target}"
    assert json.loads(target.read_text()) == lab_settings.read_overrides()
    assert lab_settings.install(tmp_path) == (
        f"JupyterLab settings of the course: already in place at {target}")


def test_install_replaces_an_older_copy_of_its_own_file(tmp_path):
    target = lab_settings.overrides_path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text("{}")
    assert "written to" in lab_settings.install(tmp_path)
    assert json.loads(target.read_text()) == lab_settings.read_overrides()


def test_install_without_the_course_folder_names_the_missing_file_and_the_fix(tmp_path):
    missing = tmp_path / "nowhere" / "casebook.json"
    with pytest.raises(FileNotFoundError) as error:
        lab_settings.install(tmp_path / "env", source=missing)
    assert str(missing) in str(error.value) and "pip install ." in str(error.value)
    assert not (tmp_path / "env").exists()


def test_install_refuses_a_settings_file_that_is_not_json(tmp_path):
    broken = tmp_path / "casebook.json"
    broken.write_text("{ not json")
    with pytest.raises(json.JSONDecodeError):
        lab_settings.install(tmp_path / "env", source=broken)
    assert not (tmp_path / "env").exists()
