"""Search ranks a bounded set, the newest matches, and says when there were more: the same
cost with 160,000 matching records as with 4,000."""

from __future__ import annotations

from click.testing import CliRunner

from interview_tui.cli.main import cli
from interview_tui.domain.models import Note, Visit
from interview_tui.store import store as store_module


def test_search_ranks_the_newest_matches_and_says_there_were_more(demo_store, monkeypatch) -> None:
    store = demo_store
    visit = store.all(Visit)[0]
    for number in range(6):
        store.save(Note(visit_id=visit.id, text=f"zebra crossing number {number}"))
    assert len(store.search("zebra", limit=50)) == 6 and not store.search_cut_off("zebra")
    monkeypatch.setattr(store_module, "SEARCH_RANKED", 4)
    hits = store.search("zebra", limit=50)
    newest = sorted(n.id for n in store.notes(visit.id) if "zebra" in n.text)[-4:]
    assert sorted(hit.ref_id for hit in hits) == newest
    assert store.search_cut_off("zebra") and not store.search_cut_off("nothing-like-it")
    for lang, words in (("en", "newest 4"), ("zh", "最新的 4 条")):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "--db", str(store.path), "search", "zebra"]
        )
        assert result.exit_code == 0, result.output
        assert words in result.output and result.output.count("zebra crossing") == 4
