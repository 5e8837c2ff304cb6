"""Public pages of feedback: readable without signing in (mounted under cong-khai/phan-anh/)."""

from django.urls import path

from . import public_views as views

app_name = "feedback_public"
urlpatterns = [
    path("gui/<int:unit_id>/", views.send, name="send"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("don-vi/<int:unit_id>/", views.unit_answers, name="unit"),
    path("tra-loi/<int:pk>/", views.answer, name="answer"),
    path("tra-loi/<int:pk>/tep/<int:file_id>/", views.answer_file, name="answer_file"),
    # A tracking code ("PA-7K3M9Q2X"): last, so the fixed words above are never read as one.
    path("<str:code>/", views.track, name="track"),
    path("<str:code>/da-gui/", views.sent, name="sent"),
    path("<str:code>/y-kien/", views.reply, name="reply"),
    path("<str:code>/tep/<int:file_id>/", views.track_file, name="track_file"),
]
