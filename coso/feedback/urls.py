"""Officers' feedback pages, mounted at /phan-anh/ (namespace "feedback")."""

from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.feedback_list, name="list"),
    path("den-han/", views.due_list, name="due"),
    path("xuat.csv", views.feedback_export, name="export"),
    path("nhap/", views.feedback_create, name="create"),
    path("<int:pk>/", views.feedback_detail, name="detail"),
    path("<int:pk>/phan-loai/", views.feedback_classify, name="classify"),
    path("<int:pk>/giao/", views.feedback_assign, name="assign"),
    path("<int:pk>/chuyen/", views.feedback_transfer, name="transfer"),
    path("<int:pk>/gop/", views.feedback_merge, name="merge"),
    path("<int:pk>/ghi-chu/", views.feedback_note, name="note"),
    path("<int:pk>/tra-loi/", views.feedback_answer, name="answer"),
    path("<int:pk>/dong/", views.feedback_close, name="close"),
    path("<int:pk>/cong-bo/", views.feedback_publish, name="publish"),
    path("<int:pk>/go-cong-bo/", views.feedback_unpublish, name="unpublish"),
    path("tep/<int:pk>/", views.file_download, name="file"),
]
