"""The TUI's mixins (interview_tui/tui/mixins.py): checked by mypy against their hosts, and
at run time plain classes, so Textual's CSS inheritance still reaches every Textual base."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.dom import DOMNode

import interview_tui.tui as tui_package
from interview_tui.tui import mixins


def _tui_classes() -> list[type]:
    found: dict[type, None] = {}
    for module_info in pkgutil.walk_packages(tui_package.__path__, "interview_tui.tui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__.startswith("interview_tui."):
                found[value] = None
    return list(found)


def test_a_widget_or_screen_has_one_textual_line_of_bases() -> None:
    """Textual inherits DEFAULT_CSS and COMPONENT_CLASSES along a class's first DOMNode
    base only: a mixin that were a DOMNode (listed first) would cut the class off from its
    Textual base's styles (a table lost its header style, a dialog its modal CSS)."""
    offenders = [
        f"{cls.__module__}.{cls.__qualname__}: {[b.__name__ for b in cls.__bases__]}"
        for cls in _tui_classes()
        if issubclass(cls, DOMNode) and sum(issubclass(base, DOMNode) for base in cls.__bases__) > 1
    ]
    assert offenders == []


def test_the_mixin_bases_are_plain_classes_at_run_time() -> None:
    for name in ("NodeMixin", "ScreenMixin", "DataScreenMixin", "FormDialogMixin", "AppMixin"):
        assert getattr(mixins, name) is object, name


async def test_a_table_mixed_with_translated_bindings_keeps_its_header_style(make_app) -> None:
    """ScriptTable(TranslatedBindings, SafeTable) draws with DataTable's component classes."""
    from interview_tui.tui.plan.script_tables import ScriptTable

    app = make_app("home")
    async with app.run_test(size=(80, 20)):
        table = ScriptTable()
        await app.screen.mount(table)
        assert table.get_component_styles("datatable--header") is not None
