"""Public pages under /cong-khai/hoi-nghi/: a unit's public meetings, their notices, published
minutes and the iCalendar feed."""

from django.urls import path  # noqa: F401

app_name = "meetings_public"
urlpatterns: list = []
