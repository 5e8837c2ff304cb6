from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("bang-dieu-khien/<int:unit_id>/", views.dashboard, name="dashboard"),
]
