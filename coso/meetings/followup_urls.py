"""URLs of the meetings app: followup (composed in urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
