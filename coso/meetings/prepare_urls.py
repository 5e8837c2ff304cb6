"""URLs of the meetings app: the list, the meeting's page and its preparation (composed in
urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("tao-moi/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/sua/", views.meeting_edit, name="edit"),
    path("<int:pk>/huy/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/chuong-trinh/", views.agenda, name="agenda"),
    path("chuong-trinh/<int:pk>/sua/", views.agenda_edit, name="agenda_edit"),
    path("chuong-trinh/<int:pk>/xoa/", views.agenda_delete, name="agenda_delete"),
    path("chuong-trinh/<int:pk>/di-chuyen/", views.agenda_move, name="agenda_move"),
    path("<int:pk>/tai-lieu/", views.files, name="files"),
    path("tai-lieu/<int:pk>/", views.file_download, name="file_download"),
    path("tai-lieu/<int:pk>/xoa/", views.file_delete, name="file_delete"),
    path("<int:pk>/thanh-phan/", views.participants, name="participants"),
    path("<int:pk>/thanh-phan/can-bo/", views.participants_staff, name="participants_staff"),
    path("thanh-phan/<int:pk>/vai-tro/", views.participant_role, name="participant_role"),
    path("thanh-phan/<int:pk>/xoa/", views.participant_remove, name="participant_remove"),
    path("<int:pk>/thong-bao/", views.notice, name="notice"),
    path("<int:pk>/cau-hoi/", views.questions, name="questions"),
    path("cau-hoi/<int:pk>/tra-loi/", views.question_answer, name="question_answer"),
]
