from django.urls import path

from . import views

app_name = "disclosure"
urlpatterns = [
    path("", views.disclosure_list, name="list"),
    path("tao-moi/", views.disclosure_create, name="create"),
    path("<int:pk>/", views.disclosure_detail, name="detail"),
    path("<int:pk>/sua/", views.disclosure_edit, name="edit"),
    path("<int:pk>/xoa/", views.disclosure_delete, name="delete"),
    path("<int:pk>/cong-bo/", views.disclosure_publish, name="publish"),
    path("<int:pk>/dinh-chinh/", views.disclosure_correct, name="correct"),
    path("<int:pk>/ket-thuc-som/", views.disclosure_end_early, name="end_early"),
    path("<int:pk>/them-tep/", views.file_add, name="file_add"),
    path("<int:pk>/them-hinh-thuc/", views.channel_add, name="channel_add"),
    path("<int:pk>/thong-bao-niem-yet.pdf", views.disclosure_notice, name="notice"),
    path("tep/<int:pk>/tai-ve/", views.file_download, name="file_download"),
    path("tep/<int:pk>/xoa/", views.file_remove, name="file_remove"),
    path("anh-minh-chung/<int:pk>/", views.channel_photo, name="channel_photo"),
    path("tuan-thu/", views.compliance_home, name="compliance_home"),
    path("tuan-thu/<int:unit_id>/", views.compliance, name="compliance"),
]
