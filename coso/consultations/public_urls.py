"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

from django.urls import path

from . import public_views as views

app_name = "consultations_public"
urlpatterns = [
    path("don-vi/<int:unit_id>/", views.unit_list, name="unit"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/gop-y/", views.comment, name="comment"),
    path("<int:pk>/da-gui/", views.thanks, name="thanks"),
    path("<int:pk>/tong-hop.docx", views.synthesis_docx_view, name="synthesis_docx"),
    path("<int:pk>/tong-hop.xlsx", views.synthesis_xlsx_view, name="synthesis_xlsx"),
    path("tep/<int:pk>/", views.file_download, name="file"),
]
