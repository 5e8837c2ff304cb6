"""Search and statistics of feedback, mounted at /phan-anh/ (namespace "feedback_insight")."""

from django.urls import path

from . import insight_views

app_name = "feedback_insight"
urlpatterns = [
    path("tim-kiem/", insight_views.search, name="search"),
    path("thong-ke/", insight_views.statistics_page, name="stats"),
    path("thong-ke/xlsx/", insight_views.statistics_xlsx, name="stats_xlsx"),
]
