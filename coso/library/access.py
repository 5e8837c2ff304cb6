"""Who may read and change the legal library. Built on the one policy in coso.units.access.

The library is reference data: every signed-in person with a role in some unit reads it (the
texts are public law and party documents). Adding, editing, replacing, amending and expiring a
text belongs to system administrators and steering officers, whatever their unit: the library
is shared by the whole tree.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import STEERING, grants_for
from coso.units.models import User

from .models import LegalText


def can_view_library(user: User) -> bool:
    return bool(user.is_authenticated)


def can_manage_texts(user: User) -> bool:
    return any(g.role in STEERING for g in grants_for(user))


def visible_texts(user: User) -> QuerySet[LegalText]:
    if not can_view_library(user):
        return LegalText.objects.none()
    return LegalText.objects.all()


def get_text_for(user: User, pk: int | str) -> LegalText:
    """Checked fetch: the text, or 404 (also for an id that cannot be one)."""
    key = row_id(pk)
    if key is None:
        raise Http404
    text = visible_texts(user).select_related("replaced_by").filter(pk=key).first()
    if text is None:
        raise Http404
    return text
