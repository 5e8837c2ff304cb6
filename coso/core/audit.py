"""Audit helpers: every action runs with its actor set, so django-auditlog records who did it."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import auditlog_value, set_actor


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Attribute every change inside the block to `user` (nothing to set for the worker).

    auditlog's context does not nest: set_actor leaves its own value behind when it ends, so a
    block inside a request would make the request's context unable to close itself. We put the
    previous context back, which lets both open and close cleanly.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        yield
        return
    previous = auditlog_value.get(None)
    try:
        with set_actor(user):
            yield
    finally:
        auditlog_value.set(
            previous if previous is not None else {"actor": None, "signal_duid": None}
        )
