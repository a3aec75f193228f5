"""A customer with the people met there: read for the form, saved all at once.

A person is never deleted here: one who left is archived (hidden from new visits, still in
old visits' attendees and as the speaker of old notes) and can be restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interview_tui.domain.models import Customer, Person
from interview_tui.errors import FieldError
from interview_tui.i18n import t
from interview_tui.store.store import Store


@dataclass(slots=True)
class CustomerForm:
    """What the customer form edits: the customer (None when new) and its people."""

    customer: Customer | None
    people: list[Person] = field(default_factory=list)


def load_customer(store: Store, customer_id: int | None) -> CustomerForm:
    if customer_id is None:
        return CustomerForm(None)
    customer = store.get(Customer, customer_id)
    return CustomerForm(customer, store.people(customer_id) if customer else [])


def save_customer(store: Store, customer: Customer, people: list[Person]) -> CustomerForm:
    """The customer and its people (archived ones included, as marked): all saved, or none.

    Raises :class:`FieldError` on ``name`` when it is blank or another customer has it.
    """
    name = customer.name.strip()
    if not name:
        raise FieldError("name", t("customer.name_required"))
    with store.transaction():
        other = store.customer_by_name(name)
        if other is not None and other.id != customer.id:
            raise FieldError("name", t("customer.name_taken"))
        saved = store.save(customer.model_copy(update={"name": name}))
        kept = [store.save(p.model_copy(update={"customer_id": saved.id})) for p in people]
    return CustomerForm(saved, kept)
