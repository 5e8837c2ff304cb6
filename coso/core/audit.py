"""Audit helpers: every action runs with its actor set, so django-auditlog records who did it."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import auditlog_value, set_actor


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Attribute every change inside the block to `user` (nothing to set for the worker).

    Inside a request the audit middleware has already set the actor; auditlog's context does
    not nest, so we only set it when no actor is active.
    """
    current = auditlog_value.get(None)
    if (
        user is None
        or not getattr(user, "is_authenticated", False)
        or (current is not None and current.get("actor") is not None)
    ):
        yield
        return
    try:
        with set_actor(user):
            yield
    finally:
        # set_actor leaves its value behind; clear it so the next block sets its own actor.
        auditlog_value.set({"actor": None, "signal_duid": None})
