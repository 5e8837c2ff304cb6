from django.urls import path

from . import views

app_name = "units"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("toi-phu-trach/", views.my_follows, name="my_follows"),
    path("<int:unit_id>/", views.unit_detail, name="detail"),
    path("<int:unit_id>/them-don-vi/", views.unit_create, name="create"),
    path("<int:unit_id>/doi-ten/", views.unit_rename, name="rename"),
    path("<int:unit_id>/chuyen/", views.unit_move, name="move"),
    path("<int:unit_id>/lien-he/", views.unit_contact, name="contact"),
    path("<int:unit_id>/giai-the/", views.unit_close, name="close"),
    path("<int:unit_id>/mo-lai/", views.unit_reopen, name="reopen"),
    path("<int:unit_id>/nhan-su/", views.people, name="people"),
    path("<int:unit_id>/nhan-su/gan-vai-tro/", views.role_assign, name="role_assign"),
    path("<int:unit_id>/nhan-su/tao-tai-khoan/", views.user_create, name="user_create"),
    path("vai-tro/<int:assignment_id>/thu-hoi/", views.role_revoke, name="role_revoke"),
    path("<int:unit_id>/ban-chi-dao/", views.committee_list, name="committees"),
    path("<int:unit_id>/ban-chi-dao/them/", views.committee_create, name="committee_create"),
    path("ban-chi-dao/<int:committee_id>/", views.committee_detail, name="committee"),
    path("ban-chi-dao/<int:committee_id>/them-thanh-vien/", views.member_add, name="member_add"),
    path("thanh-vien/<int:member_id>/phan-cong/", views.follow_assign, name="follow_assign"),
    path("phu-trach/<int:assignment_id>/", views.assignment_detail, name="assignment"),
    path("phu-trach/<int:assignment_id>/ket-thuc/", views.follow_end, name="follow_end"),
    path("<int:unit_id>/nhat-ky/", views.audit_log, name="audit"),
]
