"""Every screen of the app by route name, imported only when first shown.

A route is a ``module:Class`` path; the class is a :class:`textual.screen.Screen` whose
``__init__`` takes the keyword arguments given to :meth:`InterviewApp.show`.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache

ROUTES: dict[str, str] = {
    "home": "interview_tui.tui.home.screen:HomeScreen",
    "customer": "interview_tui.tui.plan.customer_screen:CustomerScreen",
    "visit_form": "interview_tui.tui.plan.visit_form_screen:VisitFormScreen",
    "plan": "interview_tui.tui.plan.plan_screen:PlanScreen",
    "script": "interview_tui.tui.plan.script_screen:ScriptScreen",
    "rehearse": "interview_tui.tui.rehearse.rehearse_screen:RehearseScreen",
    "live": "interview_tui.tui.live.live_screen:LiveScreen",
    "brief": "interview_tui.tui.live.brief_screen:BriefScreen",
    "commitments": "interview_tui.tui.review.commitments_screen:CommitmentsScreen",
    "requirements": "interview_tui.tui.review.requirements_screen:RequirementsScreen",
    "line": "interview_tui.tui.review.product_line_screen:ProductLineScreen",
    "requirement": "interview_tui.tui.review.requirement_detail:RequirementDetailScreen",
    "commitment": "interview_tui.tui.review.commitment_detail:CommitmentDetailScreen",
    "search": "interview_tui.tui.review.search_screen:SearchScreen",
    "timeline": "interview_tui.tui.review.timeline_screen:TimelineScreen",
    "matrix": "interview_tui.tui.review.matrix_screen:MatrixScreen",
    "export": "interview_tui.tui.review.export_screen:ExportScreen",
}


def module_of(route: str) -> str:
    """The module that holds the screen for ``route``."""
    return ROUTES[route].partition(":")[0]


@cache
def available(route: str) -> bool:
    """Whether the screen for ``route`` is part of this build (keys for the rest are hidden)."""
    try:
        return importlib.util.find_spec(module_of(route)) is not None
    except ModuleNotFoundError:  # its package is not there either
        return False


def screen_class(route: str) -> type:
    """Import and return the screen class for ``route``."""
    class_name = ROUTES[route].partition(":")[2]
    return getattr(importlib.import_module(module_of(route)), class_name)
