"""URLs of the meetings app: followup (composed in urls.py)."""

from django.urls import path

from . import followup_views as views

urlpatterns: list = [
    path("<int:pk>/sau-hoi-nghi/", views.meeting_followup, name="followup"),
    path("<int:pk>/ket-luan/", views.meeting_outcome, name="followup_outcome"),
    path("<int:pk>/van-ban/<slug:document>/<slug:fmt>/", views.meeting_document, name="document"),
    path("<int:pk>/cong-bo-bien-ban/", views.minutes_publish, name="minutes_publish"),
    path("<int:pk>/cam-ket/them/", views.commitment_add, name="commitment_add"),
    path("<int:pk>/cau-hoi/chuyen-phan-anh/", views.questions_forward, name="questions_forward"),
    path("cau-hoi/<int:pk>/chuyen-phan-anh/", views.question_forward, name="question_forward"),
    path("cam-ket/", views.commitment_list, name="commitments"),
    path("cam-ket/<int:pk>/", views.commitment_detail, name="commitment"),
    path("cam-ket/<int:pk>/sua/", views.commitment_edit, name="commitment_edit"),
    path("cam-ket/<int:pk>/hoan-thanh/", views.commitment_done, name="commitment_done"),
    path("cam-ket/<int:pk>/dung/", views.commitment_drop, name="commitment_drop"),
]
