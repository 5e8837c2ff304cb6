from django.urls import path

from . import legal_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("tao-moi/", views.plan_create, name="create"),
    path("can-cap-nhat/", legal_views.stale_plans, name="stale_plans"),
    path("can-cu/<int:pk>/lien-ket/", legal_views.basis_link, name="basis_link"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/them-muc/", views.section_add, name="section_add"),
    path("<int:pk>/ban-hanh/", views.plan_issue, name="issue"),
    path("<int:pk>/thu-hoi/", views.plan_withdraw, name="withdraw"),
    path("<int:pk>/xay-dung-ke-hoach-cap-duoi/", views.plan_derive, name="derive"),
    path("<int:pk>/them-nhiem-vu/", views.task_add, name="task_add"),
    path("nhiem-vu/", views.task_list, name="tasks"),
    path("nhiem-vu/qua-han/", views.overdue_tasks, name="overdue"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/xoa/", views.task_delete, name="task_delete"),
    path("nhiem-vu/<int:pk>/trang-thai/", views.task_status, name="task_status"),
    path("nhiem-vu/<int:pk>/tien-do/", views.task_progress, name="task_progress"),
    path("nhiem-vu/<int:pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("nhiem-vu/<int:pk>/cap-duoi/", views.task_carried, name="task_carried"),
    path("minh-chung/<int:pk>/tai-ve/", views.evidence_download, name="evidence_download"),
]
