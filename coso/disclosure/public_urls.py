"""Public pages of this app: readable without signing in (mounted under cong-khai/thong-tin/)."""

from django.urls import path

from . import public_views

app_name = "disclosure_public"
urlpatterns = [
    path("don-vi/<int:unit_id>/", public_views.unit_list, name="unit"),
    path("<int:pk>/", public_views.detail, name="detail"),
    path("tep/<int:pk>/", public_views.file_download, name="file"),
]
