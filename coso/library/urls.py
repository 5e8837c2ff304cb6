from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("", views.text_list, name="list"),
    path("them/", views.text_create, name="create"),
    path("goi-y/", views.suggest, name="suggest"),
    path("<int:pk>/", views.text_detail, name="detail"),
    path("<int:pk>/sua/", views.text_edit, name="edit"),
    path("<int:pk>/thay-the/", views.text_replace, name="replace"),
    path("<int:pk>/sua-doi/", views.text_amend, name="amend"),
    path("<int:pk>/het-hieu-luc/", views.text_expire, name="expire"),
]
