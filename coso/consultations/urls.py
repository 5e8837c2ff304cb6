from django.urls import path

from . import views

app_name = "consultations"
urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("tao-moi/", views.consultation_create, name="create"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/sua/", views.consultation_edit, name="edit"),
    path("<int:pk>/them-muc/", views.section_add, name="section_add"),
    path("<int:pk>/them-tep/", views.file_add, name="file_add"),
    path("<int:pk>/mo/", views.consultation_open, name="open"),
    path("<int:pk>/dong/", views.consultation_close, name="close"),
    path("<int:pk>/cong-bo/", views.consultation_publish, name="publish"),
    path("<int:pk>/y-kien/", views.comment_list, name="comments"),
    path("<int:pk>/y-kien/them/", views.comment_add, name="comment_add"),
    path("<int:pk>/tong-hop.docx", views.synthesis_docx_view, name="synthesis_docx"),
    path("<int:pk>/tong-hop.xlsx", views.synthesis_xlsx_view, name="synthesis_xlsx"),
    path("muc/<int:pk>/sua/", views.section_edit, name="section_edit"),
    path("muc/<int:pk>/xoa/", views.section_delete, name="section_delete"),
    path("tep/<int:pk>/tai-ve/", views.file_download, name="file_download"),
    path("y-kien/<int:pk>/an/", views.comment_hide, name="comment_hide"),
    path("y-kien/<int:pk>/hien/", views.comment_show, name="comment_show"),
    path("nhom/<int:pk>/tra-loi/", views.group_answer, name="group_answer"),
    path("nhom/<int:pk>/xoa/", views.group_delete, name="group_delete"),
]
