"""The whole public journey: send from the unit's public page, get a code, follow it, read the
answer, say whether it settled the matter, reopen once, be refused a second time."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.models import EventKind, Feedback, Source, Status
from coso.feedback.tests.conftest import kind

FORM = {
    "title": "Đèn đường Thôn Đông hỏng",
    "content": "Ba bóng đèn đường ở Thôn Đông hỏng hơn một tháng, buổi tối rất tối.",
    "location": "Đường trục Thôn Đông",
    "sender_name": "Lê Văn Dân",
    "sender_phone": "0912 345 678",
    "publish_consent": "on",
    "website": "",
}


def send(client, unit, **changes):
    data = {"kind": kind("reflection").pk, **FORM, **changes}
    return client.post(reverse("feedback_public:send", args=[unit.pk]), data)


def code_on(page: str) -> str:
    return re.search(r"PA-[A-Z2-9]{8}", page).group(0)


def test_a_citizen_sends_feedback_and_gets_a_tracking_code_and_a_due_date(client, tree):
    # when a citizen without an account sends a reflection from the commune's public page
    response = send(client, tree.commune)

    # then they land on a confirmation that shows the code and the due date
    item = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback_public:sent", args=[item.tracking_code])
    page = client.get(response["Location"]).content.decode()
    assert "Phản ánh, kiến nghị của bạn đã được tiếp nhận" in page
    assert code_on(page) == item.tracking_code
    assert item.due_on.strftime("%d/%m/%Y") in page
    # and the item is kept as sent from the public page, with its clock started
    assert item.source == Source.PORTAL
    assert item.sender_user is None
    assert item.unit == tree.commune
    assert item.status == Status.RECEIVED
    assert item.received_on == today()
    assert item.due_on == actions.due_date(item.kind, today())
    assert item.publish_consent is True
    assert item.location == "Đường trục Thôn Đông"


def test_a_signed_in_citizen_sends_with_their_account(client, tree, citizen):
    client.force_login(citizen)

    response = send(client, tree.commune, sender_name="", sender_phone="")

    item = Feedback.objects.get()
    assert response.status_code == 302
    assert item.source == Source.ACCOUNT
    assert item.sender_user == citizen
    assert item.sender_name == citizen.display_name


def test_the_form_explains_each_kind_and_the_protection_of_denouncers(client, tree):
    page = client.get(reverse("feedback_public:send", args=[tree.commune.pk])).content.decode()

    for name in ("Phản ánh", "Kiến nghị", "Khiếu nại", "Tố cáo"):
        assert name in page
    assert "Luật Khiếu nại 2011" in page
    assert "được giữ bí mật" in page
    assert 'enctype="multipart/form-data"' in page
    assert "<script" not in page


def test_following_by_code_shows_status_kind_due_date_and_the_public_steps(client, tree):
    send(client, tree.commune)
    item = Feedback.objects.get()

    page = client.get(reverse("feedback_public:track", args=[item.tracking_code])).content.decode()

    assert item.title in page
    assert "Xã Thanh Miện đã tiếp nhận." in page
    assert "Phản ánh" in page
    assert item.get_status_display() in page
    assert item.due_on.strftime("%d/%m/%Y") in page
    assert "Xã Thanh Miện" in page


def test_the_whole_journey_answer_satisfied_closes_the_item(client, tree, commune_officer):
    # given a reflection sent from the public page, answered by the commune
    send(client, tree.commune)
    item = Feedback.objects.get()
    actions.answer(item, by=commune_officer, text="Xã đã thay ba bóng đèn ngày 20/11.")
    track = reverse("feedback_public:track", args=[item.tracking_code])

    # when the sender reads the answer by the code
    page = client.get(track).content.decode()
    assert "Xã đã thay ba bóng đèn ngày 20/11." in page
    assert "Câu trả lời có giải quyết được vấn đề của bạn không?" in page

    # and says it settled the matter
    response = client.post(
        reverse("feedback_public:reply", args=[item.tracking_code]), {"satisfied": "yes"}
    )

    # then the item is closed as settled, with a public step
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.CLOSED
    assert item.sender_satisfied is True
    assert item.closed_at is not None
    assert item.events.filter(kind=EventKind.CLOSED, is_public=True).exists()
    page = client.get(track).content.decode()
    assert "Đã kết thúc." in page
    assert str(Status.CLOSED.label) in page
    # no second reply once closed
    assert 'name="satisfied"' not in page


def test_not_satisfied_reopens_once_with_a_new_due_date_then_the_answer_stands(
    client, tree, commune_officer
):
    send(client, tree.commune)
    item = Feedback.objects.get()
    Feedback.objects.filter(pk=item.pk).update(
        received_on=today() - dt.timedelta(days=20), due_on=today() - dt.timedelta(days=5)
    )
    actions.answer(item, by=commune_officer, text="Xã sẽ xem xét.")
    reply = reverse("feedback_public:reply", args=[item.tracking_code])

    # when the sender says it did not settle the matter, with a reason
    response = client.post(
        reply, {"satisfied": "no", "reason": "Đèn vẫn chưa được thay, đường vẫn tối."}
    )

    # then the item is reopened, due again from today under the kind's rule
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS
    assert item.reopened_count == 1
    assert item.sender_satisfied is False
    assert item.due_on == actions.due_date(item.kind, today())
    event = item.events.get(kind=EventKind.REOPENED)
    assert event.is_public and event.text == "Đèn vẫn chưa được thay, đường vẫn tối."
    page = client.get(response["Location"]).content.decode()
    assert "Đèn vẫn chưa được thay, đường vẫn tối." in page
    assert "Mở lại: người gửi cho biết câu trả lời chưa giải quyết được vấn đề." in page

    # given the unit answers again
    actions.answer(item, by=commune_officer, text="Xã đã thay đèn ngày 25/11.")

    # when the sender is still not satisfied
    response = client.post(reply, {"satisfied": "no", "reason": "Đèn mới lại hỏng ngay."})

    # then they are told the answer stands and where to complain; nothing changes
    assert response.status_code == 200
    page = response.content.decode()
    assert "câu trả lời của đơn vị được giữ nguyên" in page
    assert "Luật Khiếu nại 2011" in page
    item.refresh_from_db()
    assert item.status == Status.ANSWERED
    assert item.reopened_count == 1
    assert item.events.filter(kind=EventKind.REOPENED).count() == 1

    # but may still say it is settled
    client.post(reply, {"satisfied": "yes"})
    item.refresh_from_db()
    assert item.status == Status.CLOSED


def test_not_satisfied_needs_a_reason(client, tree, commune_officer):
    send(client, tree.commune)
    item = Feedback.objects.get()
    actions.answer(item, by=commune_officer, text="Xã sẽ xem xét.")

    response = client.post(
        reverse("feedback_public:reply", args=[item.tracking_code]), {"satisfied": "no"}
    )

    assert response.status_code == 200
    assert "Hãy nói vì sao" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.ANSWERED
    assert item.reopened_count == 0


def test_a_reply_before_the_answer_is_refused(client, tree):
    send(client, tree.commune)
    item = Feedback.objects.get()

    response = client.post(
        reverse("feedback_public:reply", args=[item.tracking_code]),
        {"satisfied": "no", "reason": "Sao chưa trả lời vậy?"},
    )

    assert response.status_code == 200
    assert "chỉ có thể trả lời sau khi đơn vị đã trả lời" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.RECEIVED


def test_answer_files_are_listed_and_downloadable_with_the_code(client, tree, commune_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    send(client, tree.commune)
    item = Feedback.objects.get()
    actions.answer(
        item,
        by=commune_officer,
        text="Xem biên bản kèm theo.",
        files=[SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban")],
    )
    answer_file = item.files.get(with_answer=True)

    page = client.get(reverse("feedback_public:track", args=[item.tracking_code])).content.decode()
    url = reverse("feedback_public:track_file", args=[item.tracking_code, answer_file.pk])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    # the same file under another code is not found
    send(client, tree.commune, title="Khác")
    other = Feedback.objects.exclude(pk=item.pk).get()
    wrong = reverse("feedback_public:track_file", args=[other.tracking_code, answer_file.pk])
    assert client.get(wrong).status_code == 404


def test_a_transfer_shows_the_new_unit_and_its_reason(client, tree, commune_officer):
    send(client, tree.commune)
    item = Feedback.objects.get()
    actions.transfer(
        item,
        by=commune_officer,
        to_unit=tree.village,
        reason="Việc sửa đèn do Thôn Đông quản lý.",
    )

    page = client.get(reverse("feedback_public:track", args=[item.tracking_code])).content.decode()

    assert "Thôn Đông" in page
    assert "Việc sửa đèn do Thôn Đông quản lý." in page


def test_a_merged_item_points_to_the_item_it_was_merged_into(client, tree, commune_officer):
    send(client, tree.commune, title="Đèn đường hỏng (lần 1)")
    send(client, tree.commune, title="Đèn đường hỏng (lần 2)")
    first, second = Feedback.objects.order_by("id")
    actions.merge(second, by=commune_officer, into=first)
    actions.answer(first, by=commune_officer, text="Đã thay đèn.")
    actions.publish_answer(first, by=commune_officer)

    page = client.get(reverse("feedback_public:track", args=[second.tracking_code])).content
    page = page.decode()

    assert "Đã gộp với phản ánh khác cùng nội dung" in page
    assert reverse("feedback_public:answer", args=[first.pk]) in page
    # the other sender's code (their key to reply) is never given away
    assert first.tracking_code not in page
    assert 'name="satisfied"' not in page
