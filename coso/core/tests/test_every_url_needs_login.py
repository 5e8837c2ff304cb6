"""Nothing is public by accident: every URL pattern of coso.urls needs a login, except the
public portal under /cong-khai/, which must answer anonymous visitors without a crash.

The test walks the URL configuration as it is when the tests run (includes, the admin, the
API), fills each path parameter with the id of an existing record, and requests the URL as an
anonymous visitor. A page must send the visitor to a sign-in page; the API must answer 401
JSON. A page that answers anything else fails here until it is protected, or added to PUBLIC
with the reason it is public.
"""

import datetime as dt
import itertools
import re
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse

from coso.plans import actions as plan_actions
from coso.plans.models import Timing
from coso.units.models import FollowAssignment, RoleAssignment

# URL names anonymous visitors may reach, and why.
PUBLIC = {
    "login": "the sign-in page",
    "set_language": "switching the language before signing in (Django's i18n view)",
    "admin:login": "the administration's sign-in page",
    "admin:logout": "signing out of the administration",
    "api:api-root": "answers 404 to everyone; django-ninja needs it to know the API's base URL",
}

# The public portal: every unit's published information, readable without an account.
PORTAL_PREFIX = "/cong-khai/"

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^()]*)\)")


def _template(pattern) -> str:
    """A URL pattern as a str.format template: `units/{unit_id}/`."""
    text = str(pattern)
    if _ROUTE_PARAM.search(text) and "(?P<" not in text:
        return _ROUTE_PARAM.sub(lambda m: "{" + m["name"] + "}", text)

    def group(match: re.Match) -> str:
        body = match["body"]
        # (?P<app_label>auth|units|plans): any of the listed words is a real value.
        if re.fullmatch(r"[\w-]+(\|[\w-]+)*", body):
            return body.split("|")[0]
        return "{" + match["name"] + "}"

    text = _REGEX_GROUP.sub(group, text)
    if _ROUTE_PARAM.search(text):  # a route inside a regex prefix, as the admin builds them
        text = _ROUTE_PARAM.sub(lambda m: "{" + m["name"] + "}", text)
    return text.replace("^", "").replace("$", "").replace("\\", "")


def url_patterns(urlconf: str | None = None) -> list[tuple[str, str]]:
    """Every (template, name) the URL configuration answers, walking into includes."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            template = prefix + _template(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, template, inner)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                found.setdefault(template, name or "")

    walk(get_resolver(urlconf).url_patterns, "/", "")
    return sorted(found.items())


@pytest.fixture
def records(tree, personas, committee) -> SimpleNamespace:
    """One record of each kind the URLs point at, so ids in the URLs exist."""
    plan = plan_actions.create_plan(
        by=personas.commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã",
        number="1-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )
    task = plan_actions.add_task(
        plan, by=personas.commune_officer, title="Họp dân", timing=Timing.QUARTER, quarter=2
    )
    evidence = plan_actions.add_evidence(task, by=personas.commune_officer, note="Biên bản")
    follow = FollowAssignment.objects.select_related("member").first()
    return SimpleNamespace(
        unit=tree.commune,
        plan=plan,
        task=task,
        evidence=evidence,
        committee=committee,
        member=follow.member,
        follow=follow,
        role=RoleAssignment.objects.first(),
        user=personas.commune_officer,
    )


def _candidates(name: str, records: SimpleNamespace) -> list[str]:
    """Values for a path parameter: the matching record's id, or every record's id."""
    by_name = {
        "unit_id": records.unit.pk,
        "plan_id": records.plan.pk,
        "task_id": records.task.pk,
        "evidence_id": records.evidence.pk,
        "committee_id": records.committee.pk,
        "member_id": records.member.pk,
        "follow_id": records.follow.pk,
        "assignment_id": records.follow.pk,
        "user_id": records.user.pk,
    }
    if name in by_name:
        return [str(by_name[name])]
    if name == "app_label":
        return ["units"]
    everything = {
        records.unit.pk,
        records.plan.pk,
        records.task.pk,
        records.evidence.pk,
        records.committee.pk,
        records.member.pk,
        records.follow.pk,
        records.role.pk,
        1,
    }
    return [str(pk) for pk in sorted(everything)]


def concrete_urls(template: str, records: SimpleNamespace) -> list[str]:
    names = re.findall(r"{(\w+)}", template)
    choices = [_candidates(name, records) for name in names]
    return [
        template.format(**dict(zip(names, values, strict=True)))
        for values in itertools.product(*choices)
    ]


def _is_login_redirect(response: HttpResponse) -> bool:
    if response.status_code not in (301, 302, 303, 307, 308):
        return False
    target = urlparse(response["Location"]).path
    return target in {reverse("login"), reverse("admin:login")}


def _is_api_401(response: HttpResponse) -> bool:
    return response.status_code == 401 and response.get("Content-Type", "").startswith(
        "application/json"
    )


def anonymous_problem(client: Client, url: str) -> str | None:
    """None when an anonymous visitor is asked to sign in; otherwise what they got instead."""
    response = client.get(url)
    if response.status_code == 405:
        # A form or action that only accepts POST: an anonymous POST must be refused as well.
        response = client.post(url, "{}", content_type="application/json")
    if _is_login_redirect(response) or _is_api_401(response):
        return None
    location = response.get("Location", "")
    return f"{url} answered {response.status_code} {location}".strip()


_PATTERNS = url_patterns("coso.urls")
_PRIVATE = [
    (template, name)
    for template, name in _PATTERNS
    if name not in PUBLIC and not template.startswith(PORTAL_PREFIX)
]
_PORTAL = [(template, name) for template, name in _PATTERNS if template.startswith(PORTAL_PREFIX)]


@pytest.mark.parametrize(
    ("template", "name"), _PRIVATE, ids=[template for template, _name in _PRIVATE]
)
def test_url_needs_login(records, template, name):
    # given an anonymous visitor and a URL that is not on the public list
    client = Client(raise_request_exception=False)  # a crash is reported as "answered 500"

    # when they open it (with ids of real records)
    problems = [anonymous_problem(client, url) for url in concrete_urls(template, records)]

    # then they are sent to sign in, or the API answers 401
    assert [p for p in problems if p] == [], f"{name or template} is reachable without login"


@pytest.mark.parametrize(("template", "name"), _PORTAL, ids=[t for t, _name in _PORTAL])
def test_portal_url_answers_anonymous_visitors_without_crashing(records, template, name):
    # given an anonymous visitor and a page of the public portal
    client = Client(raise_request_exception=False)

    # when they open it with ids of real records (or ids that belong to nothing)
    statuses = {url: client.get(url).status_code for url in concrete_urls(template, records)}

    # then it answers (found, not found, or a form's redirect), never a crash or a sign-in
    assert all(status in (200, 302, 404, 405) for status in statuses.values()), statuses
    login = [url for url in statuses if _is_login_redirect(client.get(url))]
    assert login == [], f"{name} sends anonymous visitors to sign in"


def test_the_walk_sees_pages_admin_and_api():
    # A walker that silently finds nothing would prove nothing.
    names = {name for _template, name in _PATTERNS}
    assert {"home", "login", "admin:index", "api:list_units", "api:get_task"} <= names
    assert {"portal:home", "portal:unit"} <= names
    assert any(t.startswith("/api/v1/") and "{" in t for t, _name in _PATTERNS)
    assert all("<" not in t and "(?P" not in t for t, _name in _PATTERNS)


def test_the_public_pages_really_answer_anonymous_visitors(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("admin:login")).status_code == 200


# --- The check itself must be able to fail ------------------------------------------------------


def _accidentally_public(request: HttpRequest, unit_id: int) -> HttpResponse:
    return HttpResponse("Danh sách đảng viên")


urlpatterns = [
    path("cong-khai-nham/<int:unit_id>/", _accidentally_public, name="oops"),
    *get_resolver("coso.urls").url_patterns,
]


@pytest.mark.urls(__name__)
def test_a_page_added_without_login_is_caught(client, records):
    # given a URL configuration where someone added a page without @login_required
    public = [t for t, name in url_patterns(__name__) if name == "oops"]
    assert public == ["/cong-khai-nham/{unit_id}/"]

    # when the walk checks it
    problems = [anonymous_problem(client, url) for url in concrete_urls(public[0], records)]

    # then it is reported
    assert problems == [f"/cong-khai-nham/{records.unit.pk}/ answered 200"]
