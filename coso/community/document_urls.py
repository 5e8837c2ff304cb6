"""Documents of a matter (included from urls.py, namespace "community"): the printed ballots,
the counting board's entry page and the minutes in the forms of Decree 59/2023/NĐ-CP."""

from django.urls import path

from . import document_views as views

urlpatterns = [
    path("<int:pk>/phieu-in/", views.ballot_sheets, name="ballots_pdf"),
    path("<int:pk>/nhap-phieu/", views.counting, name="counting"),
    path("<int:pk>/bien-ban/", views.minutes, name="minutes"),
    path("<int:pk>/bien-ban/docx/", views.minutes_docx_download, name="minutes_docx"),
    path("<int:pk>/bien-ban/pdf/", views.minutes_pdf_download, name="minutes_pdf"),
]
