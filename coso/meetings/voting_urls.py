"""URLs of the meetings app: voting (composed in urls.py)."""

from django.urls import path

from . import voting_views as views

urlpatterns = [
    path("<int:pk>/bieu-quyet/", views.voting_page, name="voting"),
    path("<int:pk>/bieu-quyet/them/", views.motion_add, name="motion_add"),
    path("bieu-quyet/<int:pk>/sua/", views.motion_edit, name="motion_edit"),
    path("bieu-quyet/<int:pk>/xoa/", views.motion_delete, name="motion_delete"),
    path("bieu-quyet/<int:pk>/mo/", views.motion_open, name="motion_open"),
    path("bieu-quyet/<int:pk>/dong/", views.motion_close, name="motion_close"),
    path("bieu-quyet/<int:pk>/gio-tay/", views.motion_hands, name="motion_hands"),
    path("bieu-quyet/<int:pk>/bo-phieu/", views.motion_ballot, name="motion_ballot"),
    path("bieu-quyet/<int:pk>/tien-do/", views.motion_progress, name="motion_progress"),
    path("<int:pk>/bau-cu/them/", views.election_add, name="election_add"),
    path("bau-cu/<int:pk>/", views.election_detail, name="election_detail"),
    path("bau-cu/<int:pk>/sua/", views.election_edit, name="election_edit"),
    path("bau-cu/<int:pk>/xoa/", views.election_delete, name="election_delete"),
    path("bau-cu/<int:pk>/ung-vien/", views.candidate_add, name="candidate_add"),
    path("ung-vien/<int:pk>/xoa/", views.candidate_remove, name="candidate_remove"),
    path("bau-cu/<int:pk>/mo/", views.election_open, name="election_open"),
    path("bau-cu/<int:pk>/dong/", views.election_close, name="election_close"),
    path("bau-cu/<int:pk>/kiem-phieu/", views.election_counts, name="election_counts"),
    path("bau-cu/<int:pk>/bo-phieu/", views.election_ballot, name="election_ballot"),
    path("bau-cu/<int:pk>/tien-do/", views.election_progress, name="election_progress"),
    path("bau-cu/<int:pk>/lap-ban/", views.election_board, name="election_board"),
]
