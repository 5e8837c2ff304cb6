from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("<int:unit_id>/", views.unit_dashboard, name="unit"),
    path("<int:unit_id>/bao-phu/", views.coverage, name="coverage"),
]
