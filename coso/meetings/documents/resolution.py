"""The meeting's resolution (nghị quyết hội nghị) in the form of Decree 30/2020/NĐ-CP.

It states what the meeting decided: each adopted motion with its vote, the result of each
closed election, the conclusions and the commitments with who carries them out and by when,
and the article on its effect. Motions not adopted are recorded in the minutes, not here.
"""

from __future__ import annotations

from coso.community.documents.common import Grid, Layout, Line, Signature, clock, count, percent
from coso.reports.exports.common import upper

from .facts import MeetingFacts
from .minutes import base_words, commitment_grid, day_text, paragraphs, vote_base

RESOLUTION_TITLE = "NGHỊ QUYẾT"
RESOLUTION_SYMBOL = "Số: …/NQ-HN"
DECIDES = "QUYẾT NGHỊ:"
SIGNER = "TM. HỘI NGHỊ - CHỦ TRÌ"
ADOPTS = "Thông qua"


def adoption(title: str) -> str:
    """ "Quy chế chi tiêu nội bộ" -> "Thông qua Quy chế chi tiêu nội bộ"; a motion already
    worded as an adoption ("Thông qua quy chế …") keeps its words."""
    if title.lower().startswith(ADOPTS.lower()):
        return title
    return f"{ADOPTS} {title}"


def _articles(facts: MeetingFacts) -> list[list[Line | Grid]]:
    articles: list[list[Line | Grid]] = []
    for vote in facts.votes:
        if not vote.closed or not vote.adopted:
            continue
        base = vote_base(facts, vote)
        article: list[Line | Grid] = [Line(f"{adoption(vote.title)}.")]
        article += paragraphs(vote.text, "item")
        article.append(
            Line(
                f"(Có {count(vote.yes)}/{count(base)} {base_words(facts)} tán thành, bằng "
                f"{percent(vote.yes, base)}.)",
                "note",
            )
        )
        articles.append(article)
    for election in facts.elections:
        elected = [c for c in election.candidates if c.elected]
        if not election.closed or not elected:
            continue
        article = [Line(f"Kết quả bầu {election.title}: các ông (bà) có tên sau trúng cử:")]
        article += [
            Line(
                f"{n}. {c.name}"
                + (f" - {c.job_title}" if c.job_title else "")
                + f" ({count(c.votes)}/{count(election.valid)} phiếu hợp lệ, bằng "
                f"{percent(c.votes, election.valid)}).",
                "item",
            )
            for n, c in enumerate(elected, start=1)
        ]
        articles.append(article)
    if facts.conclusions:
        articles.append([Line("Hội nghị thống nhất kết luận:"), *paragraphs(facts.conclusions)])
    if facts.commitments:
        articles.append(
            [
                Line("Giao các đơn vị, cá nhân thực hiện các nội dung sau:"),
                commitment_grid(facts.commitments),
            ]
        )
    return articles


def compose_resolution(facts: MeetingFacts) -> Layout:
    body: list[Line | Grid] = [Line(upper(facts.kind_name), "center")]
    if facts.citation:
        body.append(Line(f"Căn cứ {facts.citation};"))
    body.append(Line(f"Căn cứ Biên bản {facts.title} ngày {day_text(facts.day)};"))
    body.append(Line(DECIDES, "center"))
    number = 0
    for number, article in enumerate(_articles(facts), start=1):
        first, *rest = article
        assert isinstance(first, Line)
        body.append(Line(f"Điều {number}. {first.text}", "body"))
        body += rest
    ended = f" {clock(facts.ended_at)}" if facts.ended_at is not None else ""
    body.append(
        Line(
            f"Điều {number + 1}. Nghị quyết này được {facts.title} thông qua{ended} và có hiệu "
            f"lực kể từ ngày thông qua. {facts.unit_name} và các đơn vị, cá nhân có liên quan "
            "chịu trách nhiệm thi hành Nghị quyết này."
        )
    )
    chair = tuple(facts.names("chair") or facts.names("presidium"))
    return Layout(
        upper_body=facts.upper_body,
        issuer=upper(facts.unit_name),
        place_date=facts.place_date,
        titles=[RESOLUTION_TITLE],
        subject_line=facts.title,
        body=body,
        signatures=[Signature(SIGNER, chair)],
        title_for_metadata=f"{RESOLUTION_TITLE} - {facts.title}",
    )
