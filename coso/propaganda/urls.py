from django.urls import path

from . import views

app_name = "propaganda"
urlpatterns = [
    path("", views.session_list, name="sessions"),
    path("buoi/them/", views.session_create, name="session_create"),
    path("buoi/<int:pk>/", views.session_detail, name="session_detail"),
    path("buoi/<int:pk>/sua/", views.session_edit, name="session_edit"),
    path("buoi/<int:pk>/xoa/", views.session_delete, name="session_delete"),
    path("lop/", views.class_list, name="classes"),
    path("lop/them/", views.class_create, name="class_create"),
    path("lop/<int:pk>/", views.class_detail, name="class_detail"),
    path("lop/<int:pk>/sua/", views.class_edit, name="class_edit"),
    path("lop/<int:pk>/hoc-vien/them/", views.participant_add, name="participant_add"),
    path("lop/<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("hoc-vien/<int:pk>/xoa/", views.participant_remove, name="participant_remove"),
    path("chi-dao/", views.order_list, name="orders"),
    path("chi-dao/them/", views.order_create, name="order_create"),
    path("chi-dao/<int:pk>/", views.order_detail, name="order_detail"),
    path("chi-dao/<int:pk>/huy/", views.order_cancel, name="order_cancel"),
    path("can-pho-bien/", views.pending, name="pending"),
]
