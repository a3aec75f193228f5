"""Every screen of the app by route name, imported only when first shown.

A route is a ``module:Class`` path; the class is a :class:`textual.screen.Screen` whose
``__init__`` takes the keyword arguments given to :meth:`InterviewApp.show`.
"""

from __future__ import annotations

import importlib

ROUTES: dict[str, str] = {
    "home": "interview_tui.tui.home.screen:HomeScreen",
    "customer": "interview_tui.tui.plan.customer_screen:CustomerScreen",
    "visit_form": "interview_tui.tui.plan.visit_form_screen:VisitFormScreen",
    "plan": "interview_tui.tui.plan.plan_screen:PlanScreen",
    "script": "interview_tui.tui.plan.script_screen:ScriptScreen",
    "rehearse": "interview_tui.tui.rehearse.rehearse_screen:RehearseScreen",
    "live": "interview_tui.tui.live.live_screen:LiveScreen",
    "commitments": "interview_tui.tui.review.commitments_screen:CommitmentsScreen",
    "requirements": "interview_tui.tui.review.requirements_screen:RequirementsScreen",
    "search": "interview_tui.tui.review.search_screen:SearchScreen",
    "timeline": "interview_tui.tui.review.timeline_screen:TimelineScreen",
    "matrix": "interview_tui.tui.review.matrix_screen:MatrixScreen",
    "export": "interview_tui.tui.review.export_screen:ExportScreen",
}


def screen_class(route: str) -> type:
    """Import and return the screen class for ``route``."""
    module_name, _, class_name = ROUTES[route].partition(":")
    return getattr(importlib.import_module(module_name), class_name)
