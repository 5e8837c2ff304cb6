"""Public pages under /cong-khai/mo-hinh/: recognised models and people, and their public files."""

from django.urls import path

from . import public_views

app_name = "recognition_public"
urlpatterns = [
    path("", public_views.model_list, name="list"),
    path("<int:pk>/", public_views.model_detail, name="detail"),
    path("tep/<int:file_id>/", public_views.file_download, name="file"),
]
