"""API errors are JSON with a message in the user's language (Vietnamese by default)."""


def test_a_refusal_is_explained_in_vietnamese(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.patch(
        f"/api/v1/units/{tree.commune.pk}", {"name": "Xã mới"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không có quyền thực hiện thao tác này."}


def test_a_record_of_another_commune_is_not_found_in_vietnamese(
    client, tree, other_commune_officer
):
    client.force_login(other_commune_officer)

    response = client.get(f"/api/v1/units/{tree.commune.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy"}


def test_a_missing_record_and_a_hidden_one_answer_alike(client, tree, other_commune_officer):
    client.force_login(other_commune_officer)

    hidden = client.get(f"/api/v1/units/{tree.commune.pk}")
    missing = client.get("/api/v1/units/987654321")

    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


def test_english_is_answered_to_clients_that_ask_for_it(client, tree, commune_officer):
    client.force_login(commune_officer)

    response = client.patch(
        f"/api/v1/units/{tree.commune.pk}",
        {"name": "Xã mới"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.json() == {"detail": "You do not have permission to do this."}


def test_without_a_session_the_api_answers_401_json(client, tree):
    response = client.get("/api/v1/units/")

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
