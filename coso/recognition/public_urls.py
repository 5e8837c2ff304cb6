from django.urls import path  # noqa: F401

app_name = "recognition_public"
urlpatterns: list = []
