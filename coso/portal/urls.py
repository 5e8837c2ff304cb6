from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:unit_id>/", views.unit_page, name="unit"),
]
