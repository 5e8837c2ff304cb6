"""Preparing a consultation, taking comments, grouping, answering and publishing: atomic, audited.

Law 10/2022/QH15: art. 25 lists what is put to the people; arts. 26-27 how comments are taken;
art. 28 that the authority compiles, adopts or explains them (tổng hợp, tiếp thu, giải trình);
art. 29 and art. 11 that the result is disclosed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.errors import InvalidTransition
from coso.core.uploads import validate_upload
from coso.disclosure.actions import publish_disclosure
from coso.units.models import Unit, User

from . import access
from .models import (
    COMMENT_MAX_LENGTH,
    COMMENT_MIN_LENGTH,
    CONTACT_MAX_LENGTH,
    GRASSROOTS_KINDS,
    NAME_MAX_LENGTH,
    AnswerKind,
    Channel,
    Comment,
    CommentGroup,
    Consultation,
    ConsultationFile,
    ConsultationKind,
    ConsultationSection,
    ConsultationStatus,
)

CONSULTATION_FIELDS = ("kind", "title", "introduction", "opens_on", "closes_on", "channels")
# Law 10/2022/QH15, art. 11 (results of consultations are disclosed): the disclosure category.
DISCLOSURE_CATEGORY = "consultation_result"

_PHONE = re.compile(r"^(\+?84|0)\d{8,10}$")
_PHONE_NOISE = re.compile(r"[\s.\-()]")


def _fresh(consultation: Consultation) -> Consultation:
    """The consultation as stored now, locked until the end of the transaction.

    Rules depend on its status; an instance read earlier (or cached on a comment or a group)
    may be out of date.
    """
    return (
        Consultation.objects.select_for_update()
        .select_related("unit", "kind")
        .get(pk=consultation.pk)
    )


def _status_label(value: str) -> str:
    return str(ConsultationStatus(value).label)


# --- Checks -----------------------------------------------------------------------------------


def _clean_channels(channels: Iterable[str]) -> list[str]:
    valid = set(Channel.values)
    chosen = []
    for channel in channels or ():
        if channel not in valid:
            raise ValidationError({"channels": _("Choose channels from the list.")})
        if channel not in chosen:
            chosen.append(channel)
    # Keep the order of the law's list whatever order they were ticked in.
    return [c for c in Channel.values if c in chosen]


def _check_period(opens_on: dt.date | None, closes_on: dt.date | None) -> None:
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError(
            {"closes_on": _("The comment period must end on or after the day it opens.")}
        )


def normalise_contact(contact: str) -> str:
    """A phone number without spaces or dots, or an e-mail address; '' if it is neither."""
    contact = (contact or "").strip()
    if not contact:
        return ""
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            return ""
        return contact
    phone = _PHONE_NOISE.sub("", contact)
    return phone if _PHONE.match(phone) else ""


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if len(text) < COMMENT_MIN_LENGTH:
        raise ValidationError({"text": _("Write your comment (at least a few words).")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("A comment may be at most %(max)s characters long (this one has %(n)s).")
                % {"max": COMMENT_MAX_LENGTH, "n": len(text)}
            }
        )
    return text


def _check_section(consultation: Consultation, section: ConsultationSection | None) -> None:
    if section is not None and section.consultation_id != consultation.pk:
        raise ValidationError({"section": _("This section belongs to another draft.")})


def _check_identity(name: str, contact: str, *, required: bool) -> tuple[str, str]:
    name = (name or "").strip()
    raw_contact = (contact or "").strip()
    errors: dict[str, str] = {}
    if len(name) > NAME_MAX_LENGTH:
        errors["name"] = _("The name may be at most %(max)s characters long.") % {
            "max": NAME_MAX_LENGTH
        }
    elif required and not name:
        errors["name"] = _("Leave your name so the officers can answer you.")
    contact = normalise_contact(raw_contact)
    if len(raw_contact) > CONTACT_MAX_LENGTH:
        errors["contact"] = _("The contact may be at most %(max)s characters long.") % {
            "max": CONTACT_MAX_LENGTH
        }
    elif raw_contact and not contact:
        errors["contact"] = _("Enter a phone number (e.g. 0912 345 678) or an e-mail address.")
    elif required and not contact:
        errors["contact"] = _(
            "Leave a phone number or an e-mail address: a comment without a contact is not "
            "accepted."
        )
    if errors:
        raise ValidationError(errors)
    return name, contact


# --- The draft --------------------------------------------------------------------------------


@transaction.atomic
def create_consultation(
    *,
    by: User,
    unit: Unit,
    kind: ConsultationKind,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    introduction: str = "",
    channels: Iterable[str] = (Channel.PORTAL,),
    sections: Sequence[tuple[str, str]] = (),
) -> Consultation:
    """Prepare a draft for comment (status draft: nobody outside sees it yet)."""
    _require(access.can_create_consultation(by, unit))
    if unit.kind not in GRASSROOTS_KINDS:
        raise ValidationError(
            {
                "unit": _(
                    "Consultations are held by grassroots units: communes, residential "
                    "communities, agencies and enterprises."
                )
            }
        )
    _check_period(opens_on, closes_on)
    if not kind.is_active:
        raise ValidationError({"kind": _("This kind of consultation is no longer in use.")})
    with acting_as(by):
        consultation = Consultation(
            unit=unit,
            kind=kind,
            title=(title or "").strip(),
            introduction=(introduction or "").strip(),
            opens_on=opens_on,
            closes_on=closes_on,
            channels=_clean_channels(channels),
            created_by=by,
        )
        consultation.unit_path = unit.path
        consultation.full_clean(exclude=["unit_path", "search_text"])
        consultation.save()
        for order, (heading, text) in enumerate(sections, start=1):
            if (heading or "").strip():
                _new_section(consultation, heading, text, order)
    return consultation


@transaction.atomic
def update_consultation(consultation: Consultation, *, by: User, **fields) -> Consultation:
    """Change the draft; once open, only a later closing day (extending the period)."""
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status == ConsultationStatus.OPEN:
        extra = {k for k, v in fields.items() if getattr(consultation, k, None) != v} - {
            "closes_on"
        }
        if "channels" in extra and _clean_channels(fields["channels"]) == consultation.channels:
            extra.discard("channels")
        if extra:
            raise ValidationError(
                _("The draft is open for comment: only the closing day may be moved later.")
            )
        new_close = fields.get("closes_on")
        if new_close and new_close < consultation.closes_on:
            raise ValidationError(
                {"closes_on": _("The comment period may be extended, not shortened.")}
            )
    elif consultation.status != ConsultationStatus.DRAFT:
        raise ValidationError(_("The comment period is over: the draft can no longer change."))
    new_kind = fields.get("kind")
    if new_kind is not None and not new_kind.is_active and new_kind.pk != consultation.kind_id:
        raise ValidationError({"kind": _("This kind of consultation is no longer in use.")})
    with acting_as(by):
        for name, value in fields.items():
            if name not in CONSULTATION_FIELDS:
                continue
            if name == "channels":
                value = _clean_channels(value)
            elif name in ("title", "introduction"):
                value = (value or "").strip()
            setattr(consultation, name, value)
        _check_period(consultation.opens_on, consultation.closes_on)
        consultation.full_clean(exclude=["unit_path", "search_text"])
        consultation.save()
    return consultation


def _new_section(
    consultation: Consultation, heading: str, text: str, order: int
) -> ConsultationSection:
    section = ConsultationSection(
        consultation=consultation,
        heading=(heading or "").strip(),
        text=(text or "").strip(),
        order=order,
    )
    section.full_clean()
    section.save()
    return section


def _require_draft(consultation: Consultation) -> None:
    if consultation.status != ConsultationStatus.DRAFT:
        raise ValidationError(_("Only a draft that is not yet open for comment can be changed."))


@transaction.atomic
def add_section(
    consultation: Consultation, *, by: User, heading: str, text: str = "", order: int | None = None
) -> ConsultationSection:
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    _require_draft(consultation)
    if order is None:
        last = consultation.sections.order_by("-order").values_list("order", flat=True).first()
        order = (last or 0) + 1
    with acting_as(by):
        return _new_section(consultation, heading, text, order)


@transaction.atomic
def update_section(
    section: ConsultationSection,
    *,
    by: User,
    heading: str,
    text: str = "",
    order: int | None = None,
) -> ConsultationSection:
    _require(access.can_manage_consultation(by, section.consultation))
    _require_draft(_fresh(section.consultation))
    with acting_as(by):
        section.heading = (heading or "").strip()
        section.text = (text or "").strip()
        if order is not None:
            section.order = order
        section.full_clean()
        section.save()
    return section


@transaction.atomic
def delete_section(section: ConsultationSection, *, by: User) -> None:
    _require(access.can_manage_consultation(by, section.consultation))
    _require_draft(_fresh(section.consultation))
    with acting_as(by):
        section.delete()


@transaction.atomic
def add_file(
    consultation: Consultation, *, by: User, file: UploadedFile, title: str = ""
) -> ConsultationFile:
    """Attach a document of the draft; allowed until the comment period ends."""
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status not in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN):
        raise ValidationError(_("The comment period is over: the draft can no longer change."))
    try:
        validate_upload(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    with acting_as(by):
        item = ConsultationFile(
            consultation=consultation,
            title=(title or "").strip()[:255],
            original_name=(file.name or "")[:255],
            added_by=by,
        )
        item.file.save(file.name or "tep", file, save=False)
        item.save()
    return item


# --- The period -------------------------------------------------------------------------------


@transaction.atomic
def open_consultation(consultation: Consultation, *, by: User) -> Consultation:
    """Publish the draft for comment: it appears on the unit's portal page."""
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status != ConsultationStatus.DRAFT:
        raise InvalidTransition(
            _status_label(consultation.status), _status_label(ConsultationStatus.OPEN)
        )
    errors: dict[str, str] = {}
    if not consultation.sections.exists():
        errors["sections"] = _("Add at least one section of the draft before opening it.")
    if not consultation.channels:
        # Law 10/2022/QH15, art. 27: the authority chooses how comments are collected.
        errors["channels"] = _("Choose at least one way of collecting comments.")
    if consultation.closes_on < today():
        errors["closes_on"] = _("The comment period has already ended: move its closing day.")
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        consultation.status = ConsultationStatus.OPEN
        consultation.opened_at = timezone.now()
        consultation.save()
    return consultation


@transaction.atomic
def close_consultation(consultation: Consultation, *, by: User) -> Consultation:
    """Close the period once it has ended; comments are then grouped and answered."""
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status != ConsultationStatus.OPEN:
        raise InvalidTransition(
            _status_label(consultation.status), _status_label(ConsultationStatus.CLOSED)
        )
    if not consultation.period_over:
        raise ValidationError(
            _("The comment period runs until %(d)s: it can be closed after that day.")
            % {"d": format_date(consultation.closes_on)}
        )
    with acting_as(by):
        consultation.status = ConsultationStatus.CLOSED
        consultation.closed_at = timezone.now()
        consultation.save()
    return consultation


# --- Comments ---------------------------------------------------------------------------------


def closed_message(consultation: Consultation) -> str:
    if consultation.status == ConsultationStatus.OPEN and today() < consultation.opens_on:
        return _("Comments are taken from %(d)s.") % {"d": format_date(consultation.opens_on)}
    return _("The comment period ended on %(d)s: your comment was not recorded.") % {
        "d": format_date(consultation.closes_on)
    }


@transaction.atomic
def submit_comment(
    *,
    consultation: Consultation,
    by: User | None,
    text: str,
    section: ConsultationSection | None = None,
    name: str = "",
    contact: str = "",
) -> Comment:
    """A comment through the portal (art. 27): signed in, or leaving a name and a contact."""
    consultation = _fresh(consultation)
    signed_in = by is not None and by.is_authenticated
    if not consultation.is_accepting():
        raise ValidationError(closed_message(consultation), code="closed")
    if not consultation.takes_online_comments:
        raise ValidationError(
            _("This draft does not take comments online; use the channels listed on its page."),
            code="no_portal",
        )
    _check_section(consultation, section)
    text = _check_text(text)
    if signed_in:
        name = (name or "").strip() or by.display_name
        contact = (contact or "").strip() or by.email or by.phone
        name, contact = _check_identity(name[:NAME_MAX_LENGTH], contact, required=False)
    else:
        name, contact = _check_identity(name, contact, required=True)
    with acting_as(by if signed_in else None):
        return Comment.objects.create(
            consultation=consultation,
            section=section,
            text=text,
            author=by if signed_in else None,
            name=name,
            contact=contact,
            channel=Channel.PORTAL,
            received_on=today(),
        )


@transaction.atomic
def record_comment(
    consultation: Consultation,
    *,
    by: User,
    text: str,
    channel: str,
    received_on: dt.date,
    section: ConsultationSection | None = None,
    name: str = "",
    contact: str = "",
) -> Comment:
    """An officer enters a comment received at a meeting, in the box, by phone, via the Front."""
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status not in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED):
        raise ValidationError(
            _(
                "Comments can be entered while the draft is open and until the synthesis is published."
            )
        )
    if channel not in Channel.values:
        raise ValidationError({"channel": _("Choose a channel from the list.")})
    if received_on is None:
        raise ValidationError({"received_on": _("Enter the day the comment was received.")})
    if received_on < consultation.opens_on or received_on > consultation.closes_on:
        raise ValidationError(
            {
                "received_on": _(
                    "The comment period runs from %(start)s to %(end)s: a comment received "
                    "outside it is not recorded."
                )
                % {
                    "start": format_date(consultation.opens_on),
                    "end": format_date(consultation.closes_on),
                }
            }
        )
    if received_on > today():
        raise ValidationError({"received_on": _("This day has not come yet.")})
    _check_section(consultation, section)
    text = _check_text(text)
    name, contact = _check_identity(name, contact, required=False)
    with acting_as(by):
        return Comment.objects.create(
            consultation=consultation,
            section=section,
            text=text,
            name=name,
            contact=contact,
            channel=channel,
            received_on=received_on,
            entered_by=by,
        )


def _require_not_published(consultation: Consultation) -> None:
    if consultation.status == ConsultationStatus.PUBLISHED:
        raise ValidationError(_("The synthesis is published: it can no longer change."))


@transaction.atomic
def hide_comment(comment: Comment, *, by: User, reason: str) -> Comment:
    """Moderation: an abusive comment leaves the synthesis; the reason is kept and audited."""
    _require(access.can_manage_consultation(by, comment.consultation))
    _require_not_published(_fresh(comment.consultation))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for hiding this comment.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("The reason may be at most 500 characters long.")})
    with acting_as(by):
        comment.hidden = True
        comment.hidden_reason = reason
        comment.hidden_by = by
        comment.hidden_at = timezone.now()
        comment.group = None
        comment.save()
    return comment


@transaction.atomic
def show_comment(comment: Comment, *, by: User) -> Comment:
    _require(access.can_manage_consultation(by, comment.consultation))
    _require_not_published(_fresh(comment.consultation))
    with acting_as(by):
        comment.hidden = False
        comment.hidden_reason = ""
        comment.hidden_by = None
        comment.hidden_at = None
        comment.save()
    return comment


# --- Synthesis --------------------------------------------------------------------------------


def _require_grouping_allowed(consultation: Consultation) -> None:
    _require_not_published(consultation)
    if consultation.status not in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED):
        raise ValidationError(_("Open the draft for comment before grouping comments."))


@transaction.atomic
def create_group(
    consultation: Consultation,
    *,
    by: User,
    title: str,
    section: ConsultationSection | None = None,
) -> CommentGroup:
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    _require_grouping_allowed(consultation)
    _check_section(consultation, section)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Sum up what the comments of this group say.")})
    last = consultation.groups.order_by("-order").values_list("order", flat=True).first()
    with acting_as(by):
        group = CommentGroup(
            consultation=consultation, title=title, section=section, order=(last or 0) + 1
        )
        group.full_clean()
        group.save()
    return group


@transaction.atomic
def group_comments(
    consultation: Consultation,
    *,
    by: User,
    comments: Sequence[Comment] | Iterable[int],
    group: CommentGroup | None = None,
    new_title: str = "",
) -> CommentGroup | None:
    """Put the chosen comments in a group (an existing one, or a new one named `new_title`).

    With neither, the comments leave their group.
    """
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    _require_grouping_allowed(consultation)
    ids = {c.pk if isinstance(c, Comment) else int(c) for c in comments}
    if not ids:
        raise ValidationError({"comments": _("Tick the comments to group.")})
    chosen = Comment.objects.filter(consultation=consultation, pk__in=ids, hidden=False)
    if chosen.count() != len(ids):
        raise ValidationError({"comments": _("Some of the ticked comments cannot be grouped.")})
    if group is not None and group.consultation_id != consultation.pk:
        raise ValidationError({"group": _("This group belongs to another consultation.")})
    if group is None and (new_title or "").strip():
        sections = set(chosen.values_list("section_id", flat=True))
        section = None
        if len(sections) == 1 and None not in sections:
            section = ConsultationSection.objects.get(pk=sections.pop())
        group = create_group(consultation, by=by, title=new_title, section=section)
    with acting_as(by):
        for comment in chosen:
            comment.group = group
            comment.save(update_fields=["group"])
    return group


@transaction.atomic
def answer_group(
    group: CommentGroup,
    *,
    by: User,
    response: str,
    response_text: str,
    title: str | None = None,
) -> CommentGroup:
    """Tiếp thu or giải trình: the authority's answer to one group (art. 28)."""
    _require(access.can_manage_consultation(by, group.consultation))
    _require_grouping_allowed(_fresh(group.consultation))
    errors: dict[str, str] = {}
    if response not in AnswerKind.values:
        errors["response"] = _("Choose whether the comments are adopted or explained.")
    response_text = (response_text or "").strip()
    if not response_text:
        errors["response_text"] = _(
            "Write how the draft takes the comments in, or why it does not."
        )
    if title is not None and not title.strip():
        errors["title"] = _("Sum up what the comments of this group say.")
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        if title is not None:
            group.title = title.strip()
        group.response = response
        group.response_text = response_text
        group.answered_by = by
        group.answered_at = timezone.now()
        group.full_clean()
        group.save()
    return group


@transaction.atomic
def delete_group(group: CommentGroup, *, by: User) -> None:
    """Remove a group; its comments become ungrouped again."""
    _require(access.can_manage_consultation(by, group.consultation))
    _require_grouping_allowed(_fresh(group.consultation))
    with acting_as(by):
        for comment in group.comments.all():
            comment.group = None
            comment.save(update_fields=["group"])
        group.delete()


def synthesis_problems(consultation: Consultation) -> list[str]:
    """What still stands between the consultation and a published synthesis."""
    problems = []
    if not consultation.period_over:
        problems.append(
            _("The comment period runs until %(d)s.") % {"d": format_date(consultation.closes_on)}
        )
    ungrouped = consultation.comments.visible().filter(group__isnull=True).count()
    if ungrouped:
        problems.append(_("%(n)s comment(s) are not in a group yet.") % {"n": ungrouped})
    unanswered = [g for g in consultation.groups.all() if not g.is_answered]
    if unanswered:
        problems.append(_("%(n)s group(s) have no answer yet.") % {"n": len(unanswered)})
    return problems


def _valid_link(link: str) -> str:
    """The address if the disclosure will accept it (a full http(s) address), else ''."""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        return ""
    return link if len(link) <= 500 else ""


def public_url(consultation: Consultation) -> str:
    """The public page's full address when the site knows it (COSO_BASE_URL), else ''."""
    base = (getattr(settings, "COSO_BASE_URL", "") or "").rstrip("/")
    if not base.startswith(("http://", "https://")):
        return ""
    return base + reverse("consultations_public:detail", args=[consultation.pk])


@transaction.atomic
def publish_synthesis(
    consultation: Consultation, *, by: User, summary: str = "", link: str = ""
) -> Consultation:
    """Publish the synthesis table on the portal and disclose the result (arts. 28-29, 11).

    `link` is the public page's full address (the view knows it from the request); without
    it the site's configured address is used, or none.
    """
    _require(access.can_manage_consultation(by, consultation))
    consultation = _fresh(consultation)
    if consultation.status not in (ConsultationStatus.OPEN, ConsultationStatus.CLOSED):
        raise InvalidTransition(
            _status_label(consultation.status), _status_label(ConsultationStatus.PUBLISHED)
        )
    problems = synthesis_problems(consultation)
    if problems:
        raise ValidationError(problems)
    summary = (summary or "").strip()
    with acting_as(by):
        now = timezone.now()
        if consultation.closed_at is None:
            consultation.closed_at = now
        consultation.status = ConsultationStatus.PUBLISHED
        consultation.published_at = now
        consultation.synthesis_summary = summary
        consultation.save()
        disclosure = publish_disclosure(
            by=by,
            unit=consultation.unit,
            category_code=DISCLOSURE_CATEGORY,
            title=f"Kết quả lấy ý kiến Nhân dân: {consultation.title}"[:500],
            body=synthesis_text(consultation),
            starts_on=today(),
            link=_valid_link(link) or _valid_link(public_url(consultation)),
        )
        consultation.disclosure_id = disclosure.pk
        consultation.save(update_fields=["disclosure_id"])
    return consultation


def synthesis_text(consultation: Consultation) -> str:
    """The synthesis as plain text: the disclosure's body (Vietnamese, fixed wording)."""
    comments = consultation.comments.visible().count()
    groups = list(consultation.groups.select_related("section"))
    adopted = sum(1 for g in groups if g.response == AnswerKind.ADOPTED)
    lines = [
        f"Dự thảo: {consultation.title}.",
        f"Thời gian lấy ý kiến: từ {format_date(consultation.opens_on)} "
        f"đến {format_date(consultation.closes_on)}.",
        f"Số ý kiến nhận được: {comments}; tổng hợp thành {len(groups)} nhóm ý kiến, "
        f"trong đó tiếp thu {adopted} nhóm, giải trình {len(groups) - adopted} nhóm.",
    ]
    if consultation.synthesis_summary:
        lines.append(consultation.synthesis_summary)
    return "\n".join(lines)
