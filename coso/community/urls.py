"""Internal pages of households and community decisions (mounted under bieu-quyet/)."""

from django.urls import include, path

from . import views

app_name = "community"
urlpatterns = [
    path("", views.matter_list, name="list"),
    path("cua-toi/", views.my_matters, name="mine"),
    path("tao-moi/", views.matter_create, name="create"),
    path("ho-gia-dinh/", views.household_list, name="households"),
    path("ho-gia-dinh/them/", views.household_add, name="household_add"),
    path("ho-gia-dinh/nhap-tu-tep/", views.household_import, name="household_import"),
    path("ho-gia-dinh/<int:pk>/sua/", views.household_edit, name="household_edit"),
    path("<int:pk>/", views.matter_detail, name="detail"),
    path("<int:pk>/diem-danh/", views.matter_attendance, name="attendance"),
    path("<int:pk>/gio-tay/", views.matter_show_of_hands, name="show_of_hands"),
    path("<int:pk>/to-kiem-phieu/", views.matter_counting_board, name="counting_board"),
    path("<int:pk>/in-phieu/", views.matter_prepare_ballots, name="prepare_ballots"),
    path("<int:pk>/kiem-phieu-ket-qua/", views.matter_close, name="close"),
    path("<int:pk>/chuyen-phat-phieu/", views.matter_convert, name="convert"),
    path("<int:pk>/da-gui-xa/", views.matter_sent, name="sent"),
    path("<int:pk>/bo-phieu/", views.vote_online, name="vote"),
    # Minutes, printed ballots and the counting board's entry page (documents helper).
    path("", include("coso.community.document_urls")),
]
