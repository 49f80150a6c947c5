"""The shipped CI files check, build, verify and publish: what the README promises an officer. They run
checks of the council's own site (`make verify`), never Open Counter's tests, which belong to this project's
own CI (.ci/run)."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT


def test_the_github_workflow_checks_builds_verifies_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    assert triggers["schedule"]  # rebuilt every day: notices and closures depend on the date
    steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in steps if "run" in step]
    assert commands == ["make check", "make site", "make verify"]
    assert next(s for s in steps if s.get("run") == "make verify")["env"]["CI"] == "true"  # no Chromium: a failure
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"  # the preview
    assert "refs/heads/main" in uses["actions/upload-pages-artifact"]["if"]
    assert workflow["jobs"]["publish"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["jobs"]["build"]["container"].endswith("bookworm")  # Debian, root: make verify installs Chromium


def test_the_gitlab_pipeline_checks_builds_verifies_and_publishes_the_default_branch():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert pipeline["check"]["script"] == ["make check"]
    assert pipeline["site"]["script"] == ["make site", "make verify"]
    assert pipeline["variables"]["CI"] == "true"
    assert pipeline["site"]["artifacts"]["expose_as"] == "Site preview"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))


def test_every_make_command_the_ci_files_run_is_a_target():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    commands = [s["run"] for s in github["jobs"]["build"]["steps"] if "run" in s]
    commands += [c for job in gitlab.values() if isinstance(job, dict) for c in job.get("script", [])]
    for script in ("run", "scheduled"):
        commands += [line for line in (ROOT / ".ci" / script).read_text().splitlines() if line.startswith("make ")]
    targets = {c.split()[1] for c in commands if c.startswith("make ")}
    assert {"check", "site", "verify", "test", "test-shipped", "test-scale", "engines"} <= targets
    assert targets <= make_targets(), targets - make_targets()


def test_this_projects_ci_runs_the_tests_the_shipped_sample_check_verify_both_engines_and_the_scale_test_on_a_schedule():
    run = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("make ")]
    assert run == ["make test", "make test-shipped", "make verify", "make engines"]
    assert "make test-scale" in (ROOT / ".ci" / "scheduled").read_text()
