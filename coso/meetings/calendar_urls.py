"""URLs of the meetings app: calendar and obligations (composed in urls.py)."""

from django.urls import path

from . import calendar_views, obligation_views

urlpatterns = [
    path("lich/", calendar_views.calendar_page, name="calendar"),
    path("lich/dia-chi-rieng/", calendar_views.calendar_feed_reset, name="calendar_feed_reset"),
    path("tinh-hinh/", obligation_views.obligation_list, name="obligations"),
]
