from django.urls import path

from . import views

app_name = "conventions"
urlpatterns = [
    path("", views.convention_list, name="list"),
    path("tao-moi/", views.convention_create, name="create"),
    path("<int:pk>/", views.convention_detail, name="detail"),
    path("<int:pk>/sua/", views.convention_edit, name="edit"),
    path("<int:pk>/sua-doi/", views.amendment_start, name="amend"),
    path("<int:pk>/ra-soat/", views.review_add, name="review"),
    path("phien-ban/<int:pk>/", views.version_detail, name="version"),
    path("phien-ban/<int:pk>/sua/", views.version_edit, name="version_edit"),
    path("phien-ban/<int:pk>/lay-y-kien/", views.version_comment, name="version_comment"),
    path("phien-ban/<int:pk>/bieu-quyet/", views.version_households, name="version_households"),
    path("phien-ban/<int:pk>/ket-qua/", views.version_result, name="version_result"),
    path("phien-ban/<int:pk>/gui-xa/", views.version_submit, name="version_submit"),
    path("phien-ban/<int:pk>/cong-nhan/", views.version_recognise, name="version_recognise"),
    path("phien-ban/<int:pk>/khong-cong-nhan/", views.version_refuse, name="version_refuse"),
]
