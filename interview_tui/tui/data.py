"""Data off the UI thread: screens read in a worker, saves go through one ordered writer.

The whole of the app's background work, in one model: reads are Textual thread workers
(a screen's :meth:`DataScreen.fetch`, other reads (:meth:`DataScreen.read`), the first read of a
screen being opened, the settings, and once the user pauses on the first screen the code and
data of first openings (:mod:`~interview_tui.tui.preload`)); every write, the live screen's
notes included, runs on the :class:`Writer`'s one thread. Nothing on the UI thread waits for
either. (The CLI reads the home screen in a plain thread before the app exists, and ``lint``
uses processes.)

A :class:`DataScreen` says *what* it reads (:meth:`DataScreen.fetch`, run in a thread
worker, calling services only) and *how* it shows it (:meth:`DataScreen.show`, on the UI
thread). Results travel back as messages, never by touching widgets from the thread.

Saves go through :class:`Writer`: one background thread, so changes land in the order they
were made and a database held by another process makes the save wait there, not the UI.
Every failure takes one path: :class:`SaveFailed` reaches the app, which shows the error,
and the caller's ``failed`` callback gets it so what the user typed is offered again.
"""

from __future__ import annotations

import contextvars
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker

from interview_tui.errors import UserError
from interview_tui.tui.base import BaseScreen
from interview_tui.tui.team_line import TeamLine

if TYPE_CHECKING:  # the models (pydantic) are not needed to draw home
    from interview_tui.domain.models import Record

T = TypeVar("T")


def stored_id(record: Record) -> int:
    """The id of a record read from the database (every row a screen lists has one)."""
    if record.id is None:
        raise ValueError(f"{type(record).__name__} {record.uid} has no id: it was never saved")
    return record.id


#: after this long a save still waiting (for another process's lock) says so
SLOW_SAVE_SECONDS = 1.0
#: then, while a slow save is not waiting for a lock, how often to look again
LOCK_LOOK_SECONDS = 0.25
#: seconds before a live note whose write failed is written again
RETRY_DELAY = 3.0


class Loaded(Message):
    """A screen's data, read in a worker."""

    def __init__(self, data: Any, token: int) -> None:
        super().__init__()
        self.data = data
        self.token = token


class LoadFailed(Message):
    """Reading a screen's data failed; ``error`` is one line for the user."""

    def __init__(self, error: str, token: int | None = None, *, asks: bool = False) -> None:
        super().__init__()
        self.error = error
        self.token = token
        self.asks = asks  # an extra read that holds the keys (see DataScreen.read)


class ReadDone(Message):
    """An extra read (a page, a detail) finished; ``then`` shows it on the UI thread."""

    def __init__(self, then: Callable[[Any], None], data: Any, *, asks: bool = False) -> None:
        super().__init__()
        self.then = then
        self.data = data
        self.asks = asks  # it holds the keys (see DataScreen.read)


def read_error(exc: BaseException, path: str = "") -> str:
    """One line for the user about a read that failed: a :class:`UserError` says it
    itself, damaged pages of the database at ``path`` say how to recover; anything else (a
    bug, another database error) is named so it can be reported."""
    from interview_tui.i18n import t
    from interview_tui.store.errors import explain

    exc = explain(exc, path) if path else exc
    if isinstance(exc, UserError):
        return str(exc)
    return t("app.load_failed", error=f"{type(exc).__name__}: {exc}")


class DataScreen(BaseScreen, Generic[T]):
    """A screen that reads in a worker and shows on the UI thread.

    Subclasses implement :meth:`fetch` and :meth:`show`; :meth:`reload` reads again (a newer
    read replaces an older one still running, whose result is dropped).

    A screen with :attr:`PREFETCH` starts its first read when it is opened, while Textual
    builds it (:meth:`prefetch`): data read by the time the screen is mounted is shown in
    its first paint, so the screen is drawn once instead of empty and then again.
    """

    #: start the first read when the screen is opened (its ``fetch`` needs no widgets)
    PREFETCH = False
    _prefetched: Future | None = None
    _load_token = 0
    _answered_token = 0  # the newest load whose result (or error) has arrived
    _reads = 0  # extra reads started whose result has not arrived
    #: set once the first read has started (or the data was shown without one)
    first_read_started = False

    @property
    def busy(self) -> bool:
        """Whether a read is under way (tests wait for it; a screen may show a spinner)."""
        return self._answered_token != self._load_token or self._reads > 0

    def on_mount(self) -> None:
        """The first read. Textual calls this after a subclass's own ``on_mount`` (and a
        subclass may call it too): it starts one read only, or none when the subclass has
        already shown its data (:attr:`first_read_started`)."""
        if self.first_read_started:
            return
        self.first_read_started = True
        future, self._prefetched = self._prefetched, None
        if future is None:
            self.reload()
            return
        self._load_token += 1
        if not future.done():
            self._fetch(self._load_token, future)  # a worker waits for it
            return
        self._answered_token = self._load_token  # read already: shown in the first paint
        if (error := future.exception()) is not None:
            self.notify(read_error(error, self.iapp.store.path), severity="error", timeout=10)
        else:
            self.show(future.result())

    def prefetch(self) -> None:
        """Start the first read now, before the screen is mounted: a thread worker of the app
        (the screen's own workers start once it is mounted), run in the caller's context so
        the unmounted screen finds its app. Its result waits in a future for :meth:`on_mount`.
        """
        future: Future = Future()

        def run() -> None:
            try:
                future.set_result(self.fetch())
            except Exception as exc:
                future.set_exception(exc)

        context = contextvars.copy_context()
        self.app.run_worker(
            partial(context.run, run), thread=True, group="prefetch", exit_on_error=False
        )
        self._prefetched = future

    def fetch(self) -> T:
        """Read what the screen shows (in a worker thread: services only, no widgets)."""
        raise NotImplementedError

    def show(self, data: T) -> None:
        """Show what :meth:`fetch` read (on the UI thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        self._load_token += 1
        self._fetch(self._load_token)
        for line in self.query(TeamLine):  # the team's standing, read with the data
            line.refresh_standing()

    def reload_after_saves(self) -> None:
        """Read again once every save already made has landed (the writer keeps order), e.g.
        when coming back from a screen whose last change is still being written."""
        self._load_token += 1  # busy until then
        self.iapp.save(lambda: None, lambda _result: self.reload())

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _fetch(self, token: int, prefetched: Future | None = None) -> None:
        worker = get_current_worker()
        try:
            data = prefetched.result() if prefetched is not None else self.fetch()
        except Exception as exc:  # a bug must not leave the screen waiting forever either
            self.post_message(LoadFailed(read_error(exc, self.iapp.store.path), token))
            return
        if not worker.is_cancelled:
            self.post_message(Loaded(data, token))

    def read(
        self, fetch: Callable[[], Any], then: Callable[[Any], None], *, asks: bool = False
    ) -> None:
        """Run another read (``fetch``, services only) in a worker; ``then`` shows its result.

        ``asks``: ``then`` may open a dialog, so the keys typed meanwhile wait for it (the app
        holds them until ``then`` has run and what it opened is drawn, or the read failed)."""
        self._reads += 1
        if asks:
            self.iapp.hold_keys()
        self._read(fetch, then, asks)

    @work(thread=True, group="read", exit_on_error=False)
    def _read(self, fetch: Callable[[], Any], then: Callable[[Any], None], asks: bool) -> None:
        try:
            data = fetch()
        except Exception as exc:
            self.post_message(LoadFailed(read_error(exc, self.iapp.store.path), asks=asks))
            return
        self.post_message(ReadDone(then, data, asks=asks))

    @on(ReadDone)
    def _read_done(self, message: ReadDone) -> None:
        message.stop()
        self._reads -= 1
        try:
            if self.is_mounted:
                message.then(message.data)
        finally:
            if message.asks:  # the keys held act once what ``then`` opened is drawn
                self.app.call_after_refresh(self.iapp.release_keys)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        if message.token == self._load_token and self.is_mounted:
            self._answered_token = message.token
            self.show(message.data)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        message.stop()
        if message.token is None:
            self._reads -= 1
        elif message.token == self._load_token:
            self._answered_token = message.token
        if message.asks:
            self.iapp.release_keys()  # a dialog's read failed: the keys held act here
        self.notify(message.error, severity="error", timeout=10)


class NotesWriteFailed(Message):
    """A live session's write failed (posted from the writer thread)."""

    def __init__(self, session: Any, error: Exception, records: tuple) -> None:
        super().__init__()
        self.session, self.error, self.records = session, error, records


class NotesKeptBoth(Message):
    """Another window had changed notes a live session saved: both texts were kept."""

    def __init__(self, session: Any, kept: list) -> None:
        super().__init__()
        self.session, self.kept = session, kept


class NotesWritten(Message):
    """Every write a closed live screen's session handed over so far is done."""

    def __init__(self, session: Any) -> None:
        super().__init__()
        self.session = session


class SaveDone(Message):
    """A save finished; the app hands the result to the caller's ``done``."""

    def __init__(self, ticket: int, result: Any) -> None:
        super().__init__()
        self.ticket = ticket
        self.result = result


@dataclass(frozen=True, slots=True)
class SaveError:
    """Why a save failed: one line for the user, and the field it is about (if any)."""

    message: str
    field: str | None = None
    #: the rules refused it (a finished visit is not marked rehearsed): trying again would
    #: not help, unlike a database another program holds or a full disk
    refused: bool = False

    def __str__(self) -> str:
        return self.message


class SaveFailed(Message):
    """A save failed: the app shows ``error`` and gives it to the caller's ``failed``."""

    def __init__(self, ticket: int, error: SaveError) -> None:
        super().__init__()
        self.ticket = ticket
        self.error = error


@dataclass(slots=True)
class _Pending:
    done: Callable[[Any], None] | None
    failed: Callable[[SaveError], None] | None
    timer: Any = None
    quiet: bool = False
    screen: Any = None  # the screen that asked; its callbacks run only while it is there


class WriteQueue(Executor):
    """The writer's one thread, as an :class:`~concurrent.futures.Executor` that knows how
    many writes are still to run (for :meth:`Writer.idle`)."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="interview-save")
        self._lock = threading.Lock()
        self._outstanding = 0

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        with self._lock:
            self._outstanding += 1
        try:
            future = self._executor.submit(fn, *args, **kwargs)
        except BaseException:
            self._done()
            raise
        future.add_done_callback(lambda _future: self._done())
        return future

    def _done(self) -> None:
        with self._lock:
            self._outstanding -= 1

    @property
    def outstanding(self) -> int:
        return self._outstanding

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=cancel_futures)


@dataclass
class Writer:
    """The one thread that runs every save of the UI, in the order they were made.

    Screens hand it a save with :meth:`submit` (its result comes back as a message); the live
    screen's notes use :attr:`executor` directly (their retries and links are the live
    session's own), so a note typed and a form saved after it land in that order.
    """

    post: Callable[[Message], object]
    #: the database file (named in the line about damaged pages)
    path: str = ""
    executor: WriteQueue = field(default_factory=WriteQueue)
    _tickets: itertools.count = field(default_factory=itertools.count)
    pending: dict[int, _Pending] = field(default_factory=dict)

    def submit(
        self,
        write: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[SaveError], None] | None = None,
    ) -> int:
        ticket = next(self._tickets)
        self.pending[ticket] = _Pending(done, failed)
        self.executor.submit(self._run, ticket, write)
        return ticket

    def _run(self, ticket: int, write: Callable[[], Any]) -> None:
        from interview_tui.store.errors import StoreError, explain

        try:
            try:
                result = write()
            except UserError as exc:
                if isinstance(exc, StoreError):  # the database (busy, full, damaged)
                    raise
                field = getattr(exc, "field", None)  # refused by the rules: said as they say
                self.post(SaveFailed(ticket, SaveError(str(exc), field, refused=True)))
                return
            except Exception as exc:
                raise (explain(exc, self.path) if self.path else exc) from None
        except UserError as exc:  # the database explained (busy, full, read-only)
            self.post(SaveFailed(ticket, SaveError(str(exc), getattr(exc, "field", None))))
        except Exception as exc:  # a bug must not lose the user's input either
            self.post(SaveFailed(ticket, SaveError(f"{type(exc).__name__}: {exc}")))
        else:
            self.post(SaveDone(ticket, result))

    def finish(self, ticket: int) -> _Pending | None:
        pending = self.pending.pop(ticket, None)
        if pending is not None and pending.timer is not None:
            pending.timer.stop()
        return pending

    def then(self, run: Callable[[], object]) -> None:
        """Call ``run`` (in the writer thread) once every save handed over so far is done."""
        self.executor.submit(run)

    @property
    def idle(self) -> bool:
        """Every save handed over has been written (or has failed)."""
        return self.executor.outstanding == 0 and not self.pending

    def shutdown(self) -> None:
        """Wait for the saves already made (quitting never drops one)."""
        self.executor.shutdown(wait=True)
