"""Requests carrying a NUL character are refused before they reach a view.

PostgreSQL cannot store U+0000 in text: a value that slipped through would turn bad input into a
server error. Django's form fields already refuse it; this covers query strings and JSON bodies
of the API as well. Multipart bodies (uploaded files) are binary and are not inspected.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

_TEXT_BODIES = ("application/json", "application/x-www-form-urlencoded", "text/")


def _carries_nul(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query:
        return True
    if request.content_type.startswith(_TEXT_BODIES):
        body = request.body
        return b"\x00" in body or b"%00" in body or b"\\u0000" in body
    return False


class RejectNulCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _carries_nul(request):
            message = _("The data sent contains a character that is not allowed (NUL).")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
