"""What every page view shares: pagination, the pager's query string, the 403 check."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 25


def paginate(
    request: HttpRequest, items: Any, per_page: int = PER_PAGE, *, count: int | None = None
) -> Page:
    """The page asked for by ?page= (the last one when out of range), evaluated once."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # already known: spare the COUNT query
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    return page


def querystring_base(request: HttpRequest) -> str:
    """The current filters without `page`, ready for the shared pager to append `page=`."""
    params = request.GET.copy()
    params.pop("page", None)
    for key in [k for k, v in params.items() if v == ""]:
        params.pop(key)
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""


# The largest value of a 64-bit primary key has 19 digits.
_MAX_ID_DIGITS = 18


def row_id(raw: object) -> int | None:
    """A record id from a URL or a query string, or None when it cannot be one ("abc", "", a
    number too large for the database): checked fetches then answer 404 instead of crashing."""
    text = str(raw) if isinstance(raw, int) else str(raw or "")
    if not text.isdigit() or len(text) > _MAX_ID_DIGITS:
        return None
    return int(text)


def require(allowed: bool) -> None:
    """Answer 403 when the policy says no (after a checked fetch has already answered 404)."""
    if not allowed:
        raise PermissionDenied
