"""A meeting that was held, built straight in the database for the follow-up tests: the hold and
voting parts' actions are tested on their own, so the follow-up starts where they leave off.

The provincial office's officials' conference: 12 staff convened plus the secretary (13), 10 of
them checked in, a chair, an agenda, a show of hands adopted, a secret ballot not adopted
(exactly half), a motion never opened, an election of three with a clear result, questions
raised and sent ahead, and one commitment.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from coso.meetings.models import (
    AgendaItem,
    Candidate,
    Commitment,
    Election,
    Meeting,
    MeetingStatus,
    Motion,
    ParticipantRole,
    Question,
    QuestionStatus,
    VoteMethod,
    VoteStatus,
)
from coso.meetings.tests.conftest import add_people, make_meeting, seat

DISCUSSION = "Các ý kiến thống nhất với báo cáo tổng kết.\nĐề nghị tăng cường chuyển đổi số."
CONCLUSIONS = "Hội nghị thống nhất các chỉ tiêu năm 2026."


def held_meeting(tree, *, by, secretary, status: str = MeetingStatus.HELD) -> SimpleNamespace:
    started = timezone.now() - dt.timedelta(hours=3)
    meeting = make_meeting(
        tree.office,
        by=by,
        status=status,
        starts_in=dt.timedelta(hours=-3),
        title="Hội nghị cán bộ, công chức, viên chức năm 2025",
        year=2025,
        opened_at=started,
        ended_at=started + dt.timedelta(hours=2) if status != MeetingStatus.IN_PROGRESS else None,
        discussion=DISCUSSION,
        conclusions=CONCLUSIONS,
    )
    people = add_people(meeting, 12)
    chair = people[0]
    chair.role = ParticipantRole.CHAIR
    chair.job_title = "Chánh Văn phòng"
    chair.save()
    clerk = seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    for p in [*people[:9], clerk]:
        p.checked_in_at = started + dt.timedelta(minutes=5)
        p.save()
    guest = add_people(meeting, 1, convened=False)[0]
    guest.role = ParticipantRole.GUEST
    guest.full_name = "Khách Mời Tỉnh"
    guest.checked_in_at = started
    guest.save()
    AgendaItem.objects.create(meeting=meeting, position=1, title="Báo cáo tổng kết năm 2025")
    AgendaItem.objects.create(
        meeting=meeting, position=2, title="Quy chế chi tiêu nội bộ", presenter="Kế toán trưởng"
    )
    closed = {"status": VoteStatus.CLOSED, "present_at_close": 10, "convened_at_close": 13}
    hands = Motion.objects.create(
        meeting=meeting,
        position=1,
        title="Thông qua quy chế chi tiêu nội bộ",
        text="Áp dụng từ ngày 01/01/2026.",
        method=VoteMethod.HANDS,
        yes=8,
        no=1,
        abstain=1,
        adopted=True,
        **closed,
    )
    ballot = Motion.objects.create(
        meeting=meeting,
        position=2,
        title="Thay đổi giờ làm việc mùa hè",
        method=VoteMethod.BALLOT,
        yes=5,
        no=4,
        abstain=1,
        adopted=False,
        **closed,
    )
    pending = Motion.objects.create(meeting=meeting, position=3, title="Nội dung bổ sung")
    election = Election.objects.create(
        meeting=meeting,
        title="Ban Thanh tra nhân dân",
        seats=2,
        board_kind="inspection",
        ballots_cast=10,
        ballots_invalid=1,
        present_at_close=10,
        convened_at_close=13,
        status=VoteStatus.CLOSED,
    )
    elected = [
        Candidate.objects.create(
            election=election, full_name="Ứng Viên Một", votes=8, elected=True
        ),
        Candidate.objects.create(
            election=election, full_name="Ứng Viên Hai", votes=6, elected=True
        ),
    ]
    loser = Candidate.objects.create(election=election, full_name="Ứng Viên Ba", votes=3)
    raised = Question.objects.create(
        meeting=meeting,
        asker_name="Lê Văn Cường",
        text="Đề nghị bố trí thêm chỗ để xe cho cán bộ.",
        raised_at_meeting=True,
    )
    ahead = Question.objects.create(
        meeting=meeting, asker_name="Phạm Thị Dung", text="Khi nào nâng cấp phần mềm một cửa?"
    )
    answered = Question.objects.create(
        meeting=meeting,
        asker_name="Hoàng Văn Em",
        text="Chế độ phụ cấp độc hại áp dụng thế nào?",
        status=QuestionStatus.ANSWERED,
        answer="Theo Thông tư hiện hành.",
    )
    commitment = Commitment.objects.create(
        meeting=meeting,
        text="Bố trí thêm chỗ để xe",
        owner_unit=tree.department,
        owner_name="Trưởng phòng",
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )
    return SimpleNamespace(
        meeting=Meeting.objects.select_related("unit", "kind").get(pk=meeting.pk),
        chair=chair,
        clerk=clerk,
        guest=guest,
        people=people,
        hands=hands,
        ballot=ballot,
        pending=pending,
        election=election,
        elected=elected,
        loser=loser,
        raised=raised,
        ahead=ahead,
        answered=answered,
        commitment=commitment,
    )


def test_the_world_is_a_held_meeting_with_ten_of_thirteen_present(
    tree, province_officer, secretary
):
    from coso.meetings.quorum import attendance_of

    world = held_meeting(tree, by=province_officer, secretary=secretary)
    attendance = attendance_of(world.meeting)
    assert (attendance.present, attendance.convened, attendance.guests_present) == (10, 13, 1)
    assert attendance.has_quorum
