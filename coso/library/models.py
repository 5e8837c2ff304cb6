"""The legal library (thư viện văn bản): the texts plans cite, with their status over time.

A text is identified by its number and symbol (số ký hiệu, "59/2023/NĐ-CP", "30-CT/TW") and its
issuer: the same number may exist once per issuer. It has a type, dates (issued, effective,
expiry), a status (in force, amended, replaced by a newer text, expired) and a summary; a text
replaced by another points to it (`replaced_by`), so a chain of replacements leads to the one in
force. Plans link their legal bases here (PlanBasis.legal_text, in the plans app); a basis
whose text was replaced is flagged on the plan. The library app comes before plans in INSTALLED_APPS: it
is reference data every later app may read.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coso.core.models import TimeStampedModel
from coso.core.text import fold


class TextType(models.TextChoices):
    LAW = "law", _("Law")
    ORDINANCE = "ordinance", _("Ordinance")
    DECREE = "decree", _("Decree")
    CIRCULAR = "circular", _("Circular")
    DECISION = "decision", _("Decision")
    PARTY_RESOLUTION = "party_resolution", _("Party resolution")
    DIRECTIVE = "directive", _("Directive")
    CONCLUSION = "conclusion", _("Conclusion")
    REGULATION = "regulation", _("Regulation")
    PROVINCIAL_RESOLUTION = "provincial_resolution", _("Resolution of the People's Council")
    PLAN = "plan", _("Plan or program")
    GUIDANCE = "guidance", _("Guidance")
    OTHER = "other", _("Other")


class TextStatus(models.TextChoices):
    NOT_YET = "not_yet", _("Not yet in force")
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("In force, amended")
    REPLACED = "replaced", _("Replaced")
    EXPIRED = "expired", _("Expired")


def number_key(number_symbol: str) -> str:
    """The number as search and uniqueness compare it: folded, without spaces ("59/2023/nd-cp")."""
    return "".join(fold(number_symbol).split())


_NOT_WORD = re.compile(r"[^\w/\-]+")


def search_words(text: str) -> list[str]:
    """Folded words, punctuation dropped but the / and - of numbers kept."""
    return _NOT_WORD.sub(" ", fold(text)).split()


def search_key(text: str) -> str:
    """What search compares to: folded words, each preceded by a space (a word starts there)."""
    return " " + " ".join(search_words(text))


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and ("/" in word or "-" in word)


class LegalTextQuerySet(models.QuerySet):
    def search(self, query: str) -> LegalTextQuerySet:
        """Every word must start a word of the text, diacritics ignored; a number such as
        "59/2023" or "30-ct" must start the text's number and symbol."""
        qs = self
        for word in search_words(query):
            if _is_number(word):
                qs = qs.filter(number_key__startswith=word)
            else:
                qs = qs.filter(search_text__contains=" " + word)
        return qs


# A chain of replacements longer than this is refused as if it were a cycle.
MAX_CHAIN = 50


class LegalText(TimeStampedModel):
    number_symbol = models.CharField(_("number and symbol"), max_length=100)
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    text_type = models.CharField(_("type"), max_length=30, choices=TextType.choices)
    issuer = models.CharField(_("issued by"), max_length=200)
    issuer_key = models.CharField(max_length=200, editable=False)
    title = models.CharField(_("title"), max_length=500)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TextStatus.choices, default=TextStatus.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )
    amended_by = models.ManyToManyField(
        "self", verbose_name=_("amended by"), symmetrical=False, blank=True, related_name="amends"
    )
    summary = models.TextField(_("summary"), blank=True, default="")
    url = models.URLField(_("official link"), blank=True, default="", max_length=500)
    file = models.FileField(_("file"), upload_to="library/%Y/", blank=True)
    # Shipped with coso (migration data) rather than added by a user.
    is_core = models.BooleanField(_("shipped with coso"), default=False, editable=False)
    search_text = models.CharField(max_length=1200, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LegalTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")
        ordering = ["-issued_on", "number_symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_key", "number_key"], name="legal_text_number_once_per_issuer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_text_type_display()} số {self.number_symbol}"

    def save(self, *args, **kwargs) -> None:
        self.number_key = number_key(self.number_symbol)
        self.issuer_key = " ".join(fold(self.issuer).split())
        self.search_text = search_key(
            f"{self.number_symbol} {self.number_key} {self.title} {self.issuer} {self.summary}"
        )[:1200]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": ""}

    @property
    def is_replaced(self) -> bool:
        return self.replaced_by_id is not None

    def replacement_chain(self) -> list[LegalText]:
        """The texts that replaced this one, in order: [B, C] when A → B → C."""
        chain: list[LegalText] = []
        seen = {self.pk}
        current = self
        while current.replaced_by_id is not None and len(chain) < MAX_CHAIN:
            current = current.replaced_by  # type: ignore[assignment]
            if current.pk in seen:
                break
            seen.add(current.pk)
            chain.append(current)
        return chain

    def current_version(self) -> LegalText:
        """The text in force at the end of the chain of replacements (itself if never replaced)."""
        chain = self.replacement_chain()
        return chain[-1] if chain else self


def current_versions(texts) -> dict[int, LegalText]:
    """For each replaced text among `texts`, the text in force at the end of its chain.

    Two queries whatever the number of texts and the length of the chains.
    """
    replaced = [t for t in texts if t is not None and t.replaced_by_id is not None]
    if not replaced:
        return {}
    successor = dict(
        LegalText.objects.filter(replaced_by__isnull=False).values_list("pk", "replaced_by_id")
    )
    ends: dict[int, int] = {}
    for text in replaced:
        current, steps = text.replaced_by_id, 0
        while current in successor and steps < MAX_CHAIN:
            current, steps = successor[current], steps + 1
        ends[text.pk] = current
    by_pk = LegalText.objects.in_bulk(set(ends.values()))
    return {pk: by_pk[end] for pk, end in ends.items() if end in by_pk}
