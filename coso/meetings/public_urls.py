"""Public pages under /cong-khai/hoi-nghi/: a unit's public meetings, their notices, public
files, published minutes and resolution, the unit's iCalendar feed, and the person's private
feed (its secret token stands for the person)."""

from django.urls import path

from . import public_views

app_name = "meetings_public"
urlpatterns = [
    path("don-vi/<int:unit_id>/", public_views.unit_meetings, name="unit"),
    path("don-vi/<int:unit_id>/lich.ics", public_views.unit_feed, name="unit_feed"),
    path("<int:pk>/", public_views.meeting_notice, name="detail"),
    path("<int:pk>/bien-ban.<str:fmt>", public_views.minutes_download, name="minutes"),
    path("<int:pk>/nghi-quyet.<str:fmt>", public_views.resolution_download, name="resolution"),
    path("tep/<int:file_id>/", public_views.file_download, name="file"),
    path("lich-rieng/<str:token>.ics", public_views.private_feed, name="private_feed"),
]
