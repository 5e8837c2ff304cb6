from django.urls import path

from . import views

app_name = "oversight"
urlpatterns = [
    path("", views.board_list, name="list"),
    path("tao-moi/", views.board_create, name="create"),
    path("khuyen-nghi/", views.recommendation_list, name="recommendations"),
    path("<int:pk>/", views.board_detail, name="detail"),
    path("<int:pk>/sua/", views.board_edit, name="edit"),
    path("<int:pk>/cong-nhan/", views.board_recognise, name="recognise"),
    path("<int:pk>/ket-thuc/", views.board_end, name="end"),
    path("<int:pk>/thanh-vien/them/", views.member_add, name="member_add"),
    path("<int:pk>/ke-hoach/them/", views.plan_create, name="plan_create"),
    path("<int:pk>/hoat-dong/them/", views.activity_create, name="activity_create"),
    path("thanh-vien/<int:pk>/sua/", views.member_edit, name="member_edit"),
    path("thanh-vien/<int:pk>/xoa/", views.member_remove, name="member_remove"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/them-noi-dung/", views.plan_item_add, name="plan_item_add"),
    path("noi-dung/<int:pk>/xoa/", views.plan_item_delete, name="plan_item_delete"),
    path("hoat-dong/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("hoat-dong/<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("hoat-dong/<int:pk>/ket-qua/", views.activity_findings, name="activity_findings"),
    path("hoat-dong/<int:pk>/huy/", views.activity_cancel, name="activity_cancel"),
    path(
        "hoat-dong/<int:pk>/khuyen-nghi/them/",
        views.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "khuyen-nghi/<int:pk>/tra-loi/", views.recommendation_answer, name="recommendation_answer"
    ),
    path("khuyen-nghi/<int:pk>/ket-thuc/", views.recommendation_close, name="recommendation_close"),
]
