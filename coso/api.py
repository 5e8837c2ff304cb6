"""The JSON API (/api/v1/), with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs.

Every endpoint calls the same access and action functions as the pages, so the permission
policy and the audit log are the pages' own. Errors are JSON `{"detail": ...}` in the
user's language (Vietnamese by default).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

DESCRIPTION = """
Units, steering committees, plans and tasks, report forms, requirements and submissions,
disclosures (công khai), households and community decisions, consultations, village
conventions, feedback (phản ánh, kiến nghị, khiếu nại, tố cáo), people's oversight boards,
inspections, conferences and dialogues (hội nghị, đối thoại), the legal library,
dissemination and training, and emulation campaigns and exemplary models of coso,
under the same permission policy as the
pages: a role held in a unit reaches its whole subtree; a record you may not read answers 404.

**Authentication.** The API uses the Django session of the web application. Sign in at
`/dang-nhap/` (a browser, or a script that posts the login form) and send the `sessionid`
cookie with every request. Requests that change data (POST, PATCH) must also send the CSRF
token: read the `csrftoken` cookie and send it back in the `X-CSRFToken` header, with a
`Referer` of this site over HTTPS. A request without a session answers 401.

**Conventions.** Dates are ISO `yyyy-mm-dd`. Lists are paginated with `limit` and `offset`
and answer `{"items": [...], "count": n}`. Errors answer `{"detail": ...}`: 400 when an action
refuses the data (`detail` maps each field to its messages), 401 without a session, 403 when
your role does not allow the change, 404 for what does not exist or is not yours, 422 when the
body does not match the schema (`errors` lists each problem).
"""

api = NinjaAPI(
    title="coso API",
    version="1",
    description=DESCRIPTION,
    auth=django_auth,
    urls_namespace="api",
    # The schema describes internal records: signed-in users only, like every other page.
    docs_decorator=login_required,
)


@api.exception_handler(ValidationError)
def django_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    message = str(exc) or _("You do not have permission to do this.")
    return api.create_response(request, {"detail": message}, status=403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": _("Sign in to use the API.")}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja raises these with English text: a body that is not JSON, a failed CSRF check.
    if exc.status_code == 400:
        message = _("The request body is not valid JSON.")
    elif exc.status_code == 403:
        message = _(
            "The CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header."
        )
    else:
        message = exc.message
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(NinjaValidationError)
def invalid_body(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    # Only the JSON-safe parts: pydantic's `ctx` may hold exception objects.
    errors = [
        {"loc": list(error.get("loc", ())), "msg": error.get("msg", ""), "type": error.get("type")}
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": _("The data sent is not valid."), "errors": errors}, status=422
    )


def _register_routers() -> None:
    from coso.community.api import router as community_router
    from coso.consultations.api import router as consultations_router
    from coso.conventions.api import router as conventions_router
    from coso.disclosure.api import router as disclosure_router
    from coso.feedback.api import router as feedback_router
    from coso.inspections.api import router as inspections_router
    from coso.library.api import router as library_router
    from coso.meetings.api import router as meetings_router
    from coso.oversight.api import router as oversight_router
    from coso.plans.api import router as plans_router
    from coso.propaganda.api import router as propaganda_router
    from coso.recognition.api import router as recognition_router
    from coso.reports.api import router as reports_router
    from coso.units.api import router as units_router

    api.add_router("/", units_router)
    api.add_router("/", plans_router)
    api.add_router("/", reports_router)
    api.add_router("/", disclosure_router)
    api.add_router("/", community_router)
    api.add_router("/", consultations_router)
    api.add_router("/", conventions_router)
    api.add_router("/", oversight_router)
    api.add_router("/", inspections_router)
    api.add_router("/", feedback_router)
    api.add_router("/", meetings_router)
    api.add_router("/", library_router)
    api.add_router("/", propaganda_router)
    api.add_router("/", recognition_router)


_register_routers()
