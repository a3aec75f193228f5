"""One visit with everything that belongs to it, as records and as lossless JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interview_tui.domain.models import (
    Commitment,
    Customer,
    CustomerQuestion,
    Note,
    Person,
    Requirement,
    ScriptItem,
    Visit,
)
from interview_tui.errors import UserError
from interview_tui.store.store import Store

FORMAT = "interview-tui.visit"
FORMAT_VERSION = 1


@dataclass
class VisitBundle:
    visit: Visit
    customer: Customer
    people: list[Person] = field(default_factory=list)
    script: list[ScriptItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    customer_questions: list[CustomerQuestion] = field(default_factory=list)

    def person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @property
    def attendees(self) -> list[Person]:
        chosen = [p for p in self.people if p.id in self.visit.attendee_ids]
        return chosen or self.people


def load_bundle(store: Store, visit_id: int) -> VisitBundle:
    visit = store.get(Visit, visit_id)
    if visit is None:
        raise UserError(f"no visit with id {visit_id} (see `interview-tui visits`)")
    customer = store.get(Customer, visit.customer_id)
    assert customer is not None
    return VisitBundle(
        visit=visit, customer=customer, people=store.people(customer.id or 0),
        script=store.script(visit_id), notes=store.notes(visit_id),
        requirements=store.requirements(visit_id=visit_id),
        commitments=store.commitments(visit_id),
        customer_questions=store.all(CustomerQuestion, "visit_id = ?", [visit_id]),
    )  # fmt: skip


_SECTIONS: dict[str, type] = {
    "people": Person, "script": ScriptItem, "notes": Note, "requirements": Requirement,
    "commitments": Commitment, "customer_questions": CustomerQuestion,
}  # fmt: skip


def to_json_data(bundle: VisitBundle) -> dict[str, Any]:
    """Every field of every record; ids are kept so references can be rebuilt on import."""
    data: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION,
                            "customer": bundle.customer.model_dump(mode="json"),
                            "visit": bundle.visit.model_dump(mode="json")}  # fmt: skip
    for name in _SECTIONS:
        data[name] = [record.model_dump(mode="json") for record in getattr(bundle, name)]
    for commitment in data["commitments"]:
        commitment["owner"] = commitment["owner_side"]  # "us" or "customer"
    return data


def import_json_data(store: Store, data: dict[str, Any]) -> Visit:
    """Create the visit (and its customer, found by name or created) with new ids."""
    from pydantic import ValidationError

    if data.get("format") != FORMAT:
        raise UserError(f"not an interview-tui visit export (format {data.get('format')!r})")
    if int(data.get("version", 0)) > FORMAT_VERSION:
        raise UserError(f"exported by a newer interview-tui (version {data['version']})")
    try:
        with store.transaction():
            customer_data = dict(data["customer"])
            customer = store.customer_by_name(customer_data["name"])
            if customer is None:
                customer_data.pop("id", None)
                customer = store.save(Customer.model_validate(customer_data))
            people_ids: dict[int, int] = {}
            existing = {p.name: p for p in store.people(customer.id or 0)}
            for row in data.get("people", []):
                old = row.get("id")
                person = existing.get(row["name"])
                if person is None:
                    person = store.save(Person.model_validate(
                        {**row, "id": None, "customer_id": customer.id}))
                people_ids[old] = person.id
            visit_data = {**data["visit"], "id": None, "customer_id": customer.id}
            visit_data["attendee_ids"] = [people_ids.get(i, i) for i in visit_data["attendee_ids"]]
            visit = store.save(Visit.model_validate(visit_data))
            item_ids: dict[int, int] = {}
            for row in data.get("script", []):
                item = store.save(ScriptItem.model_validate({**row, "id": None,
                                                             "visit_id": visit.id}))
                item_ids[row["id"]] = item.id
            for row in data.get("notes", []):
                clean = {k: v for k, v in row.items() if k != "owner"}
                clean.update(id=None, visit_id=visit.id,
                             script_item_id=item_ids.get(row.get("script_item_id")),
                             speaker_id=people_ids.get(row.get("speaker_id")))  # fmt: skip
                store.save(Note.model_validate(clean))
            for name, model in (("requirements", Requirement), ("commitments", Commitment),
                                ("customer_questions", CustomerQuestion)):  # fmt: skip
                for row in data.get(name, []):
                    clean = {k: v for k, v in row.items() if k != "owner"}
                    clean.update(id=None, visit_id=visit.id)
                    if "customer_id" in model.model_fields:
                        clean["customer_id"] = customer.id
                    store.save(model.model_validate(clean))
            return visit
    except (KeyError, TypeError) as exc:
        raise UserError(f"the export is missing a field: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UserError(f"invalid value in the export: {where}: {first['msg']}") from None
