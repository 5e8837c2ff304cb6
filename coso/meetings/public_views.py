"""Public pages of conferences and dialogues, readable without signing in (under
/cong-khai/hoi-nghi/): a unit's public meetings, a meeting's notice, its public files and
published minutes, the unit's iCalendar feed, and the person's private feed (whose secret
address stands for the person, since calendar apps cannot sign in)."""

from __future__ import annotations

import datetime as dt

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coso.core.pages import paginate, querystring_base

from . import calendar as ical
from . import documents, public
from .calendar_views import meeting_url
from .models import Meeting


@require_GET
def unit_meetings(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = public.public_unit(unit_id)
    meetings = Meeting.objects.public_for(unit).select_related("kind")
    since = timezone.now() - dt.timedelta(hours=12)
    coming = list(meetings.filter(starts_at__gte=since).order_by("starts_at", "pk")[:50])
    past = paginate(request, meetings.filter(starts_at__lt=since).order_by("-starts_at", "-pk"))
    context = {
        "portal_unit": unit,
        "coming": coming,
        "page_obj": past,
        "querystring_base": querystring_base(request),
        "feed_url": request.build_absolute_uri(
            reverse("meetings_public:unit_feed", args=[unit.pk])
        ),
    }
    return render(request, "meetings/public_list.html", context)


@require_GET
def meeting_notice(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = public.get_public_meeting(pk)
    context = {
        "portal_unit": meeting.unit,
        "meeting": meeting,
        "agenda": list(meeting.agenda.all()),
        "files": list(meeting.files.filter(is_public=True).only("id", "title", "meeting_id")),
        "minutes_public": public.minutes_are_public(meeting),
    }
    return render(request, "meetings/public_detail.html", context)


@require_GET
def file_download(request: HttpRequest, file_id: int) -> FileResponse:
    item = public.get_public_file(file_id)
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])


def _document(pk: int, document: documents.DocumentName, fmt: str) -> HttpResponse:
    if fmt not in documents.FORMATS:
        raise Http404
    meeting = public.get_public_meeting(pk)
    if not public.minutes_are_public(meeting):
        raise Http404
    if document == "resolution" and not meeting.kind.has_votes:
        raise Http404
    content, name = documents.render(meeting, document, fmt, public=True)  # type: ignore[arg-type]
    response = HttpResponse(content, content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def minutes_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _document(pk, "minutes", fmt)


@require_GET
def resolution_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _document(pk, "resolution", fmt)


def _calendar_response(content: bytes, *, private: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="lich-hoi-nghi.ics"'
    if private:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def unit_feed(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = public.public_unit(unit_id)
    meetings = ical.recent_and_coming(public.feed_meetings(unit))

    def url_of(meeting: Meeting) -> str:
        if meeting.status == "cancelled":
            return request.build_absolute_uri(
                reverse("meetings_public:unit", args=[meeting.unit_id])
            )
        return request.build_absolute_uri(reverse("meetings_public:detail", args=[meeting.pk]))

    content = ical.to_ical(
        meetings,
        name=_("Meetings of %(unit)s") % {"unit": unit.name},
        url_of=url_of,
        host=request.get_host(),
        public=True,
    )
    return _calendar_response(content, private=False)


@require_GET
def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = ical.user_of_token(token)
    if user is None:
        raise Http404

    def url_of(meeting: Meeting) -> str:
        path = meeting_url(meeting)
        return request.build_absolute_uri(path) if path else ""

    content = ical.to_ical(
        ical.private_feed_meetings(user),
        name=_("My meetings (coso)"),
        url_of=url_of,
        host=request.get_host(),
        public=False,
    )
    return _calendar_response(content, private=True)
