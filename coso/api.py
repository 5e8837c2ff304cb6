"""The JSON API (/api/v1/), with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs.

Every endpoint calls the same access and action functions as the pages.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

api = NinjaAPI(
    title="coso API",
    version="1",
    description="Units, steering committees, plans and tasks of coso.",
    auth=django_auth,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def django_validation_error(request: HttpRequest, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    return api.create_response(request, {"detail": "Cần đăng nhập."}, status=401)


@api.exception_handler(NinjaValidationError)
def invalid_body(request: HttpRequest, exc: NinjaValidationError):
    return api.create_response(
        request, {"detail": "Dữ liệu gửi lên không hợp lệ.", "errors": exc.errors}, status=422
    )


def _register_routers() -> None:
    from coso.plans.api import router as plans_router
    from coso.units.api import router as units_router

    api.add_router("/", units_router)
    api.add_router("/", plans_router)


_register_routers()
