"""URLs of the meetings app: calendar (composed in urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
