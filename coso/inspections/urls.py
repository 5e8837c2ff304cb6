from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("tao-moi/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/thanh-vien/", views.member_add, name="member_add"),
    path("<int:pk>/doi-tuong/", views.target_add, name="target_add"),
    path("<int:pk>/ban-hanh/", views.plan_issue, name="issue"),
    path("<int:pk>/bat-dau/", views.plan_start, name="start"),
    path("<int:pk>/ket-thuc/", views.plan_conclude, name="conclude"),
    path("thanh-vien/<int:pk>/xoa/", views.member_remove, name="member_remove"),
    path("don-vi/<int:pk>/", views.target_detail, name="target"),
    path("don-vi/<int:pk>/xoa/", views.target_remove, name="target_remove"),
    path("don-vi/<int:pk>/phat-hien/", views.finding_add, name="finding_add"),
    path("don-vi/<int:pk>/ket-luan/", views.target_conclude, name="target_conclude"),
    path("don-vi/<int:pk>/khac-phuc/", views.action_add, name="action_add"),
    path("phat-hien/<int:pk>/sua/", views.finding_edit, name="finding_edit"),
    path("khac-phuc/", views.action_list, name="actions"),
    path("khac-phuc/<int:pk>/", views.action_detail, name="action"),
    path("khac-phuc/<int:pk>/bao-cao/", views.action_report, name="action_report"),
    path("khac-phuc/<int:pk>/chap-nhan/", views.action_accept, name="action_accept"),
    path("khac-phuc/<int:pk>/tra-lai/", views.action_return, name="action_return"),
    path("khac-phuc/<int:pk>/tep/", views.action_file, name="action_file"),
    path("tu-kiem-tra/", views.campaign_list, name="campaigns"),
    path("tu-kiem-tra/tao-moi/", views.campaign_create, name="campaign_create"),
    path("tu-kiem-tra/<int:pk>/", views.campaign_detail, name="campaign"),
    path("tu-kiem-tra/<int:pk>/ban-hanh/", views.campaign_open, name="campaign_open"),
    path("tu-kiem-tra/<int:pk>/dong/", views.campaign_close, name="campaign_close"),
    path("tu-kiem-tra/bao-cao/<int:pk>/", views.self_report, name="self_report"),
    path("tu-kiem-tra/bao-cao/<int:pk>/tep/", views.self_report_file, name="self_report_file"),
]
