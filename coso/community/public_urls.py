"""Public pages of community decisions: readable without signing in (mounted under
cong-khai/bieu-quyet/)."""

from django.urls import path

from . import views

app_name = "community_public"
urlpatterns = [
    path("don-vi/<int:unit_id>/", views.public_list, name="list"),
    path("<int:pk>/", views.public_detail, name="detail"),
]
