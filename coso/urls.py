from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from coso.api import api
from coso.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("coso.core.urls")),
    path("don-vi/", include("coso.units.urls")),
    path("ke-hoach/", include("coso.plans.urls")),
    path("bao-cao/", include("coso.reports.urls")),
    path("bang-dieu-khien/", include("coso.dashboard.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
