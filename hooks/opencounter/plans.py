"""What the plan page, "What is changing" and "Measures over time" show (format 1.3), decided once.

The view between the presenter and the writers: the web templates and the leaflet writer print what
these functions give; no selection, grouping or ordering is left to a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .charts import line_chart
from .models import Action, Catalogue, Measure, Office, Service, Standard
from .present import Presenter
from .values import format_percent, last_day


@dataclass(frozen=True)
class ActionView:
    """One action as every page and leaflet shows it: its status and due month in words."""

    action: Action
    status: str  # the status as words: "On track"
    due: str  # "Due March 2027", "Was due June 2026", or ""
    progress: str  # "Progress: 40%", or ""

    @property
    def id(self) -> str:
        return self.action.id

    @property
    def title(self) -> str:
        return self.action.title

    @property
    def update(self) -> str:
        return self.action.update

    @property
    def slug(self) -> str:
        """For a class name: the status is always said in words too."""
        return self.action.status


def action_view(action: Action, catalogue: Catalogue, say: Presenter) -> ActionView:
    progress = say.w("plan.progress", percent=format_percent(action.progress)) if action.progress is not None else ""
    return ActionView(action, say.status(action.status), say.due(action, catalogue.build_date), progress)


def plan_title(catalogue: Catalogue, say: Presenter) -> str:
    """The strategy's title, or "Our plan" when there is no strategy."""
    return catalogue.strategy.title if catalogue.strategy else say.w("plan.title")


def has_plan(catalogue: Catalogue) -> bool:
    """A plan page is made for a catalogue with a plan or a strategy."""
    return bool(catalogue.plan or catalogue.strategy)


def plan_page(catalogue: Catalogue, say: Presenter) -> dict[str, Any]:
    """Everything the plan page shows, in order: the strategy in brief, the count, the actions by theme,
    what residents told us with the actions that answer each point, when the plan was updated."""
    strategy, plan = catalogue.strategy, catalogue.plan
    actions = plan.actions if plan else ()
    views = {a.id: action_view(a, catalogue, say) for a in actions}
    themes: list[dict[str, Any]] = []
    for theme in strategy.themes if strategy else ():
        members = [views[a.id] for a in actions if a.theme == theme]
        if members or theme.summary:
            themes.append({"id": f"theme-{theme.id}", "name": theme.name, "summary": theme.summary, "actions": members})
    others = [views[a.id] for a in actions if a.theme is None]
    if others:
        themes.append({"id": "other-actions", "name": say.w("plan.other_actions") if themes else "",
                       "summary": "", "actions": others})
    heard = [{"id": f"heard-{point.id}", "text": point.text,
              "actions": [views[a.id] for a in actions if a.heard == point]}
             for point in (strategy.heard if strategy else ())]
    updated = []
    if plan:
        updated.append(say.w("plan.updated", date=say.date(plan.updated)))
        updated.append(say.w(f"plan.update_every.{plan.update_every}"))
        if plan.owner:
            updated.append(say.w("plan.owner", owner=plan.owner))
    return {
        "title": plan_title(catalogue, say),
        "period": say.w("plan.runs", period=say.period(strategy.start, strategy.end))
        if strategy and strategy.start and strategy.end else "",
        "approved": say.approved(strategy) if strategy else "",
        "vision": strategy.vision if strategy else "",
        "count": say.action_count(actions) if actions else "",
        "themes": themes,
        "heard": heard,
        "heard_when": say.w("plan.heard_when", when=strategy.heard_when) if strategy and strategy.heard_when else "",
        "updated": " ".join(updated),
        "papers": strategy.papers if strategy else "",
        "actions": [views[a.id] for a in actions],
    }


def open_actions(catalogue: Catalogue, service: Service | None = None, office: Office | None = None) -> tuple[Action, ...]:
    """The open actions (not done, not dropped) that name this service or this office: "What is changing"."""
    if catalogue.plan is None:
        return ()
    return tuple(a for a in catalogue.plan.actions if a.is_open
                 and ((service is not None and service.id in a.services)
                      or (office is not None and office.id in a.offices)))


def what_is_changing(catalogue: Catalogue, say: Presenter, service: Service | None = None,
                     office: Office | None = None) -> list[ActionView]:
    return [action_view(a, catalogue, say) for a in open_actions(catalogue, service, office)]


def measures_over_time(catalogue: Catalogue, say: Presenter) -> list[dict[str, Any]]:
    """Each standard with results and every measure, with its results in the order written, in words:
    the target and when it is for, which way is better, the baseline, met or missed, and a chart of the
    same figures when there are two periods or more. A measure with no results says so."""
    subjects: list[Standard | Measure] = [s for s in catalogue.standards if catalogue.results_for(s)]
    subjects += list(catalogue.measures)
    shown = []
    for subject in subjects:
        results = catalogue.results_for(subject)
        is_measure = isinstance(subject, Measure)
        name = subject.name if is_measure else subject.promise
        rows, points = [], []
        for result in results:
            figure = say.figure(result.result)
            if is_measure:
                met = subject.met(result.result)
            else:
                met = result.met_goal
            rows.append({"period": result.period, "figure": figure, "met": met,
                         "met_text": _met_text(met, subject if is_measure else None, catalogue, say),
                         "goal": format_percent(result.goal) if result.goal is not None else ""})
            points.append((result.period, result.result.value, figure))
        target = subject.target if is_measure else None
        chart = ""
        if len(results) >= 2:
            top = None
            if is_measure and subject.unit == "score" and subject.out_of:
                top = subject.out_of
            elif results[0].result.percent:
                top = 100
            chart = line_chart(
                points, say.w("measures.chart", name=name, points="; ".join(
                    say.w("measures.chart_point", period=p, figure=f) for p, _, f in points)
                    + ("; " + say.w("measures.chart_target", figure=say.figure(target)) if target else "")),
                target=(target.value, say.w("measures.chart_target", figure=say.figure(target))) if target else None,
                top=top)
        shown.append({
            "id": f"measure-{subject.id}" if is_measure else f"standard-{subject.id}" if subject.id else "",
            "name": name, "is_measure": is_measure, "rows": rows,
            "description": subject.description if is_measure else "",
            "target": say.measure_target(subject) if is_measure else "",
            "better": say.better(subject) if is_measure else "",
            "baseline": say.baseline(subject) if is_measure else "",
            "none_yet": say.no_results(subject) if is_measure and not results else "",
            "has_goals": any(r["goal"] for r in rows), "has_met": is_measure and any(r["met"] is not None for r in rows),
            "chart": chart,
        })
    return shown


def _met_text(met: bool | None, measure: Measure | None, catalogue: Catalogue, say: Presenter) -> str:
    """ "Target met", "Target missed"; before the month the target is for, "Not met yet"."""
    if met is None:
        return ""
    if met:
        return say.w("measures.met")
    if measure is not None and measure.by and catalogue.build_date <= last_day(measure.by):
        return say.w("measures.not_yet")
    return say.w("measures.missed")


def latest_results(catalogue: Catalogue, say: Presenter) -> list[dict[str, str]]:
    """For a leaflet: each measure with its latest result ("2 minutes 30 seconds (April to June 2026)", or that
    it has none yet) and its target ("2 minutes by March 2027", or "")."""
    found = []
    for measure in catalogue.measures:
        results = catalogue.results_for(measure)
        latest = results[-1] if results else None
        target = ""
        if measure.target is not None:
            target = say.figure(measure.target)
            if measure.by:
                target = say.w("measures.target_short_by", target=target, date=say.date(measure.by))
        found.append({"name": measure.name,
                      "latest": f"{say.figure(latest.result)} ({latest.period})" if latest else say.no_results(measure),
                      "target": target})
    return found




__all__ = ["ActionView", "has_plan", "latest_results", "measures_over_time", "open_actions", "plan_page",
           "plan_title", "what_is_changing"]
