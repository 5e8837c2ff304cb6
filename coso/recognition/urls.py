from django.urls import path

from . import views

app_name = "recognition"
urlpatterns = [
    path("", views.campaign_list, name="campaigns"),
    path("dot/tao-moi/", views.campaign_create, name="campaign_create"),
    path("dot/<int:pk>/", views.campaign_detail, name="campaign"),
    path("dot/<int:pk>/tien-do/", views.campaign_progress_page, name="campaign_progress"),
    path("dot/<int:pk>/mo/", views.campaign_open, name="campaign_open"),
    path("dot/<int:pk>/dong/", views.campaign_close, name="campaign_close"),
    path("de-cu/", views.nomination_list, name="nominations"),
    path("de-cu/tao-moi/", views.nomination_create, name="nomination_create"),
    path("de-cu/<int:pk>/", views.nomination_detail, name="nomination"),
    path("de-cu/<int:pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("de-cu/<int:pk>/cham-diem/", views.nomination_score, name="nomination_score"),
    path("de-cu/<int:pk>/quyet-dinh/", views.nomination_decide, name="nomination_decide"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
]
