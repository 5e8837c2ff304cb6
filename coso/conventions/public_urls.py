"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

from django.urls import path

from . import public_views as views

app_name = "conventions_public"
urlpatterns = [
    path("don-vi/<int:unit_id>/", views.unit_list, name="unit"),
    path("<int:pk>/", views.detail, name="detail"),
    path("phien-ban/<int:pk>/", views.version, name="version"),
]
