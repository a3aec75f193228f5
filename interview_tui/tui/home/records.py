"""Home's keys that change a visit or a customer: status moves, archive, restore, delete.

Every rule lives in the services (:mod:`interview_tui.services.visits` asks the domain's
life cycle; :mod:`interview_tui.services.archive` archives); this only asks and confirms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from interview_tui.i18n import t
from interview_tui.services.undo import recorded
from interview_tui.tui.messages import DataChanged
from interview_tui.tui.undo import UndoMixin

if TYPE_CHECKING:  # the dialogs and the visits' service load with the first key that asks
    from interview_tui.services.visits import StatusMenu


def _model(kind: str) -> type:
    """The record class of ``kind`` (imported when first needed: not at start-up)."""
    from interview_tui.domain.models import Customer, Visit

    return {"visit": Visit, "customer": Customer}[kind]


class RecordActions(UndoMixin):
    """For the home screen: acts on the selected visit, or customer when that list has focus."""

    show_archived: bool

    # -- what the home screen provides ------------------------------------------------------

    def selected_visit_id(self) -> int | None:
        raise NotImplementedError

    def selected_customer_id(self) -> int | None:
        raise NotImplementedError

    def say_no_visit(self) -> None:
        raise NotImplementedError

    # -- the record in focus --------------------------------------------------------------

    def _target(self) -> tuple[str, int] | None:
        focused = self.focused
        if focused is not None and focused.id == "customers":
            customer_id = self.selected_customer_id()
            return ("customer", customer_id) if customer_id is not None else None
        visit_id = self.selected_visit_id()
        return ("visit", visit_id) if visit_id is not None else None

    def _changed(self, _result: object = None) -> None:
        self.reload()
        self.app.post_message(DataChanged())

    # -- status -------------------------------------------------------------------------

    def action_status(self) -> None:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            self.say_no_visit()
            return
        from interview_tui.services.visits import status_menu

        store, today = self.iapp.store, self.iapp.today()
        self.read(lambda: status_menu(store, visit_id, today), self._status_menu, asks=True)

    def _status_menu(self, menu: StatusMenu) -> None:
        from interview_tui.tui.confirm import ChoiceDialog, ConfirmDialog

        choices = [(t(f"lifecycle.to.{c.target}"), c.target) for c in menu.choices]
        title = t(
            "lifecycle.title",
            customer=menu.customer,
            date=menu.day,
            status=t(f"status.{menu.status}"),
        )

        def chosen(target: str | None) -> None:
            choice = next((c for c in menu.choices if c.target == target), None)
            if choice is None:
                return
            if choice.confirm:
                body = t(f"lifecycle.confirm.{menu.status}.{target}", date=menu.day)
                self.app.push_screen(
                    ConfirmDialog(title, body, t(f"lifecycle.to.{target}")),
                    lambda yes: self._move(menu, choice.target) if yes else None,
                )
            else:
                self._move(menu, choice.target)

        self.app.push_screen(ChoiceDialog(title, choices, t("lifecycle.hint")), chosen)

    def _move(self, menu: StatusMenu, target: str) -> None:
        from interview_tui.services.visits import move_visit

        store = self.iapp.store
        label = t("lifecycle.moved", status=t(f"status.{target}"))

        def write() -> Any:
            return recorded(
                store,
                _model("visit"),
                menu.visit_id,
                label,
                lambda: move_visit(store, menu.visit_id, target),
            )

        def done(result: Any) -> None:
            self.remember(result[1])
            self.notify(label, timeout=3)
            self._changed()

        self.iapp.save(write, done)

    def confirm_live(self, visit_id: int) -> None:
        """Open the live screen; a visit planned for another day is confirmed first."""
        from interview_tui.tui.live_start import start_live

        start_live(self, visit_id)

    # -- archive ------------------------------------------------------------------------

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def action_archive(self) -> None:
        """Archive the selected visit or customer; in the archived view, restore it. One
        shared with the team is archived for every colleague at the next sync, its open
        promises leaving their lists: that is said, and asked, first."""
        from interview_tui.services import archive

        target = self._target()
        if target is None:
            return
        kind, record_id = target
        store = self.iapp.store
        if self.show_archived:  # restoring reaches the team too, and loses nothing
            self._archive(kind, record_id)
            return

        def ask(reach: archive.TeamReach) -> None:
            if not reach.team:
                self._archive(kind, record_id)
                return
            from interview_tui.tui.confirm import ConfirmDialog

            body = t(f"archive.team_body.{kind}", team=reach.team)
            if reach.open_promises:
                body += "\n" + t("archive.team_promises", count=reach.open_promises)
            dialog = ConfirmDialog(
                t("archive.team_title", team=reach.team), body, t("archive.team_yes")
            )
            self.app.push_screen(
                dialog, lambda yes: self._archive(kind, record_id) if yes else None
            )

        self.read(lambda: archive.team_reach(store, kind, record_id), ask, asks=True)

    def _archive(self, kind: str, record_id: int) -> None:
        """Archive (or, in the archived view, restore) the record, undoable with ctrl+z."""
        from interview_tui.services import archive

        store, archiving = self.iapp.store, not self.show_archived
        label = t(f"archive.{'archived' if archiving else 'restored'}_{kind}")

        def write() -> Any:
            def change() -> Any:
                if kind == "visit" and not archiving:  # its customer comes back with it
                    visit = store.get(_model("visit"), record_id)
                    if visit is not None:
                        archive.set_archived(store, "customer", visit.customer_id, False)
                return archive.set_archived(store, kind, record_id, archiving)

            return recorded(store, _model(kind), record_id, label, change)

        def done(result: Any) -> None:
            self.remember(result[1])
            self.notify(label + "  " + t("undo.hint"), timeout=5)
            self._changed()

        self.iapp.save(write, done)

    def action_delete_for_good(self) -> None:
        """Only archived records; says what goes with it and asks (Cancel focused)."""
        from interview_tui.services import archive
        from interview_tui.tui.confirm import ConfirmDialog

        target = self._target()
        if target is None:
            return
        if not self.show_archived:
            self.notify(t("archive.archive_first"), severity="warning", timeout=6)
            return
        kind, record_id = target
        store = self.iapp.store

        def reached(reach: archive.TeamReach) -> None:
            if reach.team:  # colleagues hold it: never deleted here alone, said before asking
                self.notify(t("archive.shared_keep", team=reach.team), severity="warning")
                return
            self.read(lambda: archive.impact(store, kind, record_id), ask, asks=True)

        def ask(found: archive.Impact) -> None:
            lines = [t(f"archive.impact.{name}", count=n) for name, n in found.counts().items()]
            body = "\n".join(
                [t(f"archive.delete_body.{kind}"), *lines, "", t("archive.delete_final")]
            )
            title = t("archive.delete_title", name=found.name)

            def confirmed(yes: bool | None) -> None:
                if yes:

                    def deleted(_gone: object) -> None:
                        self.notify(t("archive.deleted", name=found.name))
                        self._changed()

                    self.iapp.save(lambda: archive.delete_for_good(store, kind, record_id), deleted)

            self.app.push_screen(
                ConfirmDialog(title, body, t("archive.delete_yes"), danger=True), confirmed
            )

        self.read(lambda: archive.team_reach(store, kind, record_id), reached, asks=True)

    def undone(self, record: Any) -> None:
        self._changed()
