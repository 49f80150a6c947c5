"""The shipped CI files check, build, test and publish: what the README promises an officer."""

from __future__ import annotations

import yaml

from conftest import ROOT


def test_the_github_workflow_checks_builds_tests_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    assert triggers["schedule"]  # rebuilt every day: notices and closures depend on the date
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in steps if "run" in step]
    assert commands == ["make check", "make site", "make test"]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"  # the preview
    assert "refs/heads/main" in uses["actions/upload-pages-artifact"]["if"]
    assert workflow["jobs"]["publish"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["jobs"]["build"]["container"].endswith("bookworm")  # Debian, root: make test installs Chromium


def test_the_gitlab_pipeline_checks_builds_tests_and_publishes_the_default_branch():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert pipeline["check"]["script"] == ["make check"]
    assert pipeline["site"]["script"] == ["make site", "make test"]
    assert pipeline["site"]["artifacts"]["expose_as"] == "Site preview"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
