from django.urls import path

from . import views

urlpatterns = [
    path("nhac-viec/", views.notifications, name="notifications"),
]
