"""The officers' pages: list with filters and badges, detail with every handling form, the
officer's entry form and the due-soon view."""

import datetime as dt

from django.urls import reverse

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.models import Feedback, Source, Status
from coso.feedback.tests.conftest import (
    SENDER_NAME,
    field,
    kind,
    make_feedback,
    received_days_ago,
)


def test_the_list_shows_the_units_feedback_with_badges(login, tree, commune_officer):
    late = received_days_ago(make_feedback(tree.commune, title="Đèn đường hỏng"), 30)
    make_feedback(tree.commune, title="Rác thải ở chợ")
    make_feedback(tree.other_commune, title="Của phường khác")

    page = login(commune_officer).get(reverse("feedback:list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Đèn đường hỏng" in html and "Rác thải ở chợ" in html
    assert "Của phường khác" not in html
    assert late.tracking_code in html
    assert "badge overdue" in html
    assert SENDER_NAME in html


def test_filters_narrow_the_list(login, tree, commune_officer):
    received_days_ago(make_feedback(tree.commune, title="Đèn đường hỏng"), 30)
    make_feedback(tree.village, title="Rác ở Thôn Đông", kind_code="recommendation")
    client = login(commune_officer)
    url = reverse("feedback:list")

    overdue = client.get(url, {"due": "overdue"}).content.decode()
    village = client.get(url, {"unit": tree.village.pk}).content.decode()
    by_kind = client.get(url, {"kind": kind("recommendation").pk}).content.decode()
    mine = client.get(url, {"mine": "on"}).content.decode()
    bad = client.get(url, {"unit": "abc", "status": "nope", "page": "x"})

    assert "Đèn đường hỏng" in overdue and "Rác ở Thôn Đông" not in overdue
    assert "Rác ở Thôn Đông" in village and "Đèn đường hỏng" not in village
    assert "Rác ở Thôn Đông" in by_kind and "Đèn đường hỏng" not in by_kind
    assert "Đèn đường hỏng" not in mine
    assert bad.status_code == 200


def test_the_list_is_paginated_with_a_fixed_number_of_queries(
    login, tree, commune_officer, django_assert_max_num_queries
):
    for n in range(30):
        make_feedback(tree.commune, title=f"Phản ánh số {n}")
    client = login(commune_officer)
    client.get(reverse("feedback:list"))

    with django_assert_max_num_queries(12):
        first = client.get(reverse("feedback:list"))
    second = client.get(reverse("feedback:list"), {"page": 2})

    assert first.content.decode().count("Phản ánh số") == 25
    assert second.content.decode().count("Phản ánh số") == 5


def test_an_officer_records_feedback_received_by_phone(login, tree, commune_officer):
    response = login(commune_officer).post(
        reverse("feedback:create"),
        {
            "unit": tree.commune.pk,
            "source": Source.RECEPTION,
            "source_note": "Ngày tiếp công dân 15/11",
            "received_on": (today() - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
            "kind": kind("recommendation").pk,
            "field": field("education").pk,
            "title": "Đề nghị sửa mái trường mầm non",
            "content": "Mái trường mầm non Thôn Đông bị dột khi mưa lớn.",
            "sender_name": "Phạm Văn Kiến",
        },
    )

    item = Feedback.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("feedback:detail", args=[item.pk])
    assert item.source == Source.RECEPTION
    assert item.created_by == commune_officer
    assert item.sender_user is None
    assert item.field.code == "education"


def test_the_detail_page_shows_kind_legal_basis_timeline_and_forms(login, tree, commune_officer):
    item = make_feedback(tree.commune, kind_code="complaint")
    actions.add_note(item, by=commune_officer, text="Đã xác minh tại thực địa.")

    html = login(commune_officer).get(reverse("feedback:detail", args=[item.pk])).content.decode()

    assert "Luật Khiếu nại 2011" in html
    assert "Đã xác minh tại thực địa." in html
    for name in ("assign", "classify", "transfer", "merge", "answer", "note"):
        assert reverse(f"feedback:{name}", args=[item.pk]) in html


def test_handling_through_the_pages(login, tree, commune_officer, second_officer):
    item = make_feedback(tree.commune, publish_consent=True)
    client = login(commune_officer)

    client.post(reverse("feedback:assign", args=[item.pk]), {"handler": second_officer.pk})
    client.post(
        reverse("feedback:classify", args=[item.pk]),
        {"kind": kind("reflection").pk, "field": field("transport-infrastructure").pk},
    )
    client.post(reverse("feedback:answer", args=[item.pk]), {"text": "Xã đã sửa đường."})
    client.post(reverse("feedback:publish", args=[item.pk]))
    client.post(reverse("feedback:close", args=[item.pk]), {"reason": ""})

    item.refresh_from_db()
    assert item.handler == second_officer
    assert item.field.code == "transport-infrastructure"
    assert item.answer == "Xã đã sửa đường."
    assert item.answer_published_at is not None
    assert item.status == Status.CLOSED


def test_the_due_view_lists_what_the_handler_must_answer(login, tree, commune_officer):
    mine = make_feedback(tree.commune, title="Của tôi")
    actions.assign(mine, by=commune_officer, handler=commune_officer)
    received_days_ago(mine, 20)
    received_days_ago(make_feedback(tree.commune, title="Chưa giao"), 20)
    make_feedback(tree.commune, title="Còn lâu mới đến hạn")

    html = login(commune_officer).get(reverse("feedback:due")).content.decode()

    assert "Của tôi" in html and "Chưa giao" in html
    assert "Còn lâu mới đến hạn" not in html


def test_ids_that_are_not_ids_answer_404(login, commune_officer):
    client = login(commune_officer)

    assert client.get("/phan-anh/abc/").status_code == 404
    assert client.get("/phan-anh/99999999999999999999/").status_code == 404
    assert client.get("/phan-anh/tep/123456/").status_code == 404


def test_the_csv_export_follows_the_filters_and_the_identity_rule(
    login, tree, commune_officer, second_officer
):
    from coso.feedback.tests.conftest import SECRET_NAME, make_denunciation

    make_feedback(tree.commune, title="=HYPERLINK(1)")
    secret = make_denunciation(tree.commune)
    actions.assign(secret, by=commune_officer, handler=second_officer)

    for person in (commune_officer, second_officer):
        response = login(person).get(reverse("feedback:export"))
        text = response.content.decode("utf-8-sig")
        assert response["Content-Type"].startswith("text/csv")
        assert SENDER_NAME in text
        assert secret.tracking_code in text
        assert SECRET_NAME not in text
        assert "'=HYPERLINK(1)" in text
    only_complaints = login(commune_officer).get(
        reverse("feedback:export"), {"kind": kind("complaint").pk}
    )
    assert secret.tracking_code not in only_complaints.content.decode("utf-8-sig")


def test_the_detail_page_renders_in_every_status(login, tree, commune_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    main = make_feedback(tree.commune, publish_consent=True)
    duplicate = make_feedback(tree.commune)
    actions.merge(duplicate, by=commune_officer, into=main)
    actions.answer(
        main,
        by=commune_officer,
        text="Đã nạo vét cống.",
        files=[SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x", "application/pdf")],
    )
    answered = login(commune_officer).get(reverse("feedback:detail", args=[main.pk]))
    actions.publish_answer(main, by=commune_officer)
    actions.close(main, by=commune_officer)
    closed = login(commune_officer).get(reverse("feedback:detail", args=[main.pk]))
    merged = login(commune_officer).get(reverse("feedback:detail", args=[duplicate.pk]))

    assert answered.status_code == closed.status_code == merged.status_code == 200
    assert reverse("feedback:close", args=[main.pk]) in answered.content.decode()
    assert reverse("feedback:publish", args=[main.pk]) in answered.content.decode()
    assert "bien-ban.pdf" in closed.content.decode()
    assert reverse("feedback:answer", args=[main.pk]) not in closed.content.decode()
    assert main.tracking_code in merged.content.decode()
    assert reverse("feedback:answer", args=[duplicate.pk]) not in merged.content.decode()
