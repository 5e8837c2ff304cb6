"""The meeting page shows the votes section (meetings/_voting_section.html) with the stable ids
the browser test uses."""

from __future__ import annotations

from django.urls import reverse

from coso.meetings import voting
from coso.meetings.models import VoteMethod

from .voting_support import in_progress, present, voter


def test_the_meeting_page_shows_the_votes_with_their_results(client, tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    draft = voting.add_motion(meeting, by=province_officer, title="Bầu thư ký")
    counted = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Thông qua Quy chế"),
        by=province_officer,
    )
    voting.record_hands(counted, by=province_officer, yes=4, no=5, abstain=1)
    voting.close_motion(counted, by=province_officer)
    client.force_login(province_officer)
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert 'id="voting"' in html and 'id="motion-form"' in html
    assert f'id="motion-open-{draft.pk}"' in html
    assert f'id="motion-result-{counted.pk}" data-adopted="false"' in html
    assert "Không được thông qua" in html


def test_a_participant_sees_the_vote_button_on_the_meeting_page(client, tree, province_officer):
    meeting = in_progress(tree.office)
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    client.force_login(voter(meeting, "an"))
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert f'id="motion-vote-{motion.pk}"' in html
    assert 'id="motion-form"' not in html
