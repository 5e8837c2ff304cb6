"""URLs of the meetings app: hold (composed in urls.py)."""

from django.urls import path

from . import hold_views

urlpatterns = [
    path("<int:pk>/diem-danh/", hold_views.checkin, name="hold_checkin"),
    path("<int:pk>/diem-danh/theo-ma/", hold_views.check_in_by_code, name="hold_checkin_code"),
    path("<int:pk>/ma-qr/", hold_views.qr, name="hold_qr"),
    path("<int:pk>/ty-le-tham-du/", hold_views.quorum, name="hold_quorum"),
    path("<int:pk>/khai-mac/", hold_views.open_meeting, name="hold_open"),
    path("<int:pk>/be-mac/", hold_views.end_meeting, name="hold_end"),
    path("thanh-phan/<int:pk>/co-mat/", hold_views.check_in, name="hold_check_in"),
    path("thanh-phan/<int:pk>/huy-co-mat/", hold_views.undo_check_in, name="hold_undo"),
    # The link in the meeting's QR code: a participant's phone opens it and is checked in.
    path("diem-danh/<str:token>/", hold_views.scan, name="hold_scan"),
]
