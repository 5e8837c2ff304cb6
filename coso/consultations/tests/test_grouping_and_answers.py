"""The officer groups the comments and answers each group, adopting or explaining
(Law 10/2022/QH15, art. 28: tổng hợp, tiếp thu, giải trình), with pages that need no script."""

from __future__ import annotations

from django.urls import reverse

from coso.consultations.models import CommentGroup


def test_ticked_comments_go_into_a_new_group_with_their_section(login, world, commune_officer):
    # given the comments page of the commune's consultation
    client = login(commune_officer)
    url = reverse("consultations:comments", args=[world.open.pk])
    page = client.get(url + "?chua-nhom=1").content.decode()
    first, second, whole = world.comments
    assert f'value="{first.pk}"' in page and f'value="{whole.pk}"' in page

    # when the officer ticks the two comments on article 2 and names a new group
    response = client.post(
        url,
        {"comments": [first.pk, second.pk], "group": "", "new_title": "Giảm mức đóng góp"},
    )

    # then the group exists, is tied to article 2 and holds both comments
    assert response.status_code == 302
    group = CommentGroup.objects.get()
    assert group.title == "Giảm mức đóng góp"
    assert group.section == world.second
    assert set(group.comments.values_list("pk", flat=True)) == {first.pk, second.pk}


def test_comments_join_an_existing_group_and_leave_it(login, world, commune_officer):
    client = login(commune_officer)
    url = reverse("consultations:comments", args=[world.open.pk])
    first, second, whole = world.comments
    client.post(url, {"comments": [first.pk], "group": "", "new_title": "Mức đóng góp"})
    group = CommentGroup.objects.get()

    client.post(url, {"comments": [whole.pk], "group": group.pk, "new_title": ""})
    assert set(group.comments.values_list("pk", flat=True)) == {first.pk, whole.pk}

    client.post(url, {"comments": [first.pk], "group": "0", "new_title": ""})
    assert set(group.comments.values_list("pk", flat=True)) == {whole.pk}


def test_grouping_without_a_group_or_a_ticked_comment_is_explained(login, world, commune_officer):
    client = login(commune_officer)
    url = reverse("consultations:comments", args=[world.open.pk])

    nothing_ticked = client.post(url, {"group": "", "new_title": "Nhóm mới"})
    no_group = client.post(url, {"comments": [world.comments[0].pk], "group": ""})

    assert nothing_ticked.status_code == 200
    assert "Trường này là bắt buộc." in nothing_ticked.content.decode()
    assert "Chọn một nhóm hoặc nhập nội dung tóm tắt của nhóm mới." in no_group.content.decode()
    assert not CommentGroup.objects.exists()


def test_a_comment_of_another_consultation_cannot_be_ticked(login, world, commune_officer):
    client = login(commune_officer)
    url = reverse("consultations:comments", args=[world.open.pk])

    response = client.post(
        url, {"comments": [world.ended_comment.pk], "group": "", "new_title": "Lạc"}
    )

    assert response.status_code == 200
    assert not CommentGroup.objects.exists()


def test_the_officer_answers_a_group(login, world, commune_officer):
    client = login(commune_officer)
    client.post(
        reverse("consultations:comments", args=[world.open.pk]),
        {"comments": [c.pk for c in world.comments], "group": "", "new_title": "Mức đóng góp"},
    )
    group = CommentGroup.objects.get()
    prefix = f"g{group.pk}"

    response = client.post(
        reverse("consultations:group_answer", args=[group.pk]),
        {
            f"{prefix}-title": "Đề nghị giảm và chia nhỏ mức đóng góp",
            f"{prefix}-response": "explained",
            f"{prefix}-response_text": "Giữ mức 500.000 đồng vì đã tính theo dự toán công trình.",
        },
    )

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.response == "explained"
    assert group.title == "Đề nghị giảm và chia nhỏ mức đóng góp"
    assert group.answered_by == commune_officer
    detail = client.get(reverse("consultations:detail", args=[world.open.pk])).content.decode()
    assert "Giữ mức 500.000 đồng" in detail


def test_an_answer_without_its_text_is_refused(login, world, commune_officer):
    client = login(commune_officer)
    client.post(
        reverse("consultations:comments", args=[world.open.pk]),
        {"comments": [world.comments[0].pk], "group": "", "new_title": "Mức đóng góp"},
    )
    group = CommentGroup.objects.get()
    prefix = f"g{group.pk}"

    response = client.post(
        reverse("consultations:group_answer", args=[group.pk]),
        {f"{prefix}-title": "Mức đóng góp", f"{prefix}-response": "adopted"},
    )

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    group.refresh_from_db()
    assert group.response == ""


def test_removing_a_group_ungroups_its_comments(login, world, commune_officer):
    client = login(commune_officer)
    client.post(
        reverse("consultations:comments", args=[world.open.pk]),
        {"comments": [world.comments[0].pk], "group": "", "new_title": "Mức đóng góp"},
    )
    group = CommentGroup.objects.get()

    client.post(reverse("consultations:group_delete", args=[group.pk]))

    assert not CommentGroup.objects.exists()
    world.comments[0].refresh_from_db()
    assert world.comments[0].group is None
