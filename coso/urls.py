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
    path("cong-khai-thong-tin/", include("coso.disclosure.urls")),
    path("bieu-quyet/", include("coso.community.urls")),
    path("lay-y-kien/", include("coso.consultations.urls")),
    path("huong-uoc/", include("coso.conventions.urls")),
    path("giam-sat/", include("coso.oversight.urls")),
    path("kiem-tra/", include("coso.inspections.urls")),
    path("phan-anh/", include("coso.feedback.urls")),
    path("phan-anh/", include("coso.feedback.insight_urls")),
    path("hoi-nghi/", include("coso.meetings.urls")),
    path("van-ban/", include("coso.library.urls")),
    path("tuyen-truyen/", include("coso.propaganda.urls")),
    path("thi-dua/", include("coso.recognition.urls")),
    path("nhap-ke-hoach/", include("coso.importer.urls")),
    path("bang-dieu-khien/", include("coso.dashboard.urls")),
    # The public portal: everything under cong-khai/ is readable without signing in, and
    # nothing else is (coso/core/tests/test_every_url_needs_login.py).
    path("cong-khai/", include("coso.portal.urls")),
    path("cong-khai/thong-tin/", include("coso.disclosure.public_urls")),
    path("cong-khai/bieu-quyet/", include("coso.community.public_urls")),
    path("cong-khai/lay-y-kien/", include("coso.consultations.public_urls")),
    path("cong-khai/huong-uoc/", include("coso.conventions.public_urls")),
    path("cong-khai/phan-anh/", include("coso.feedback.public_urls")),
    path("cong-khai/hoi-nghi/", include("coso.meetings.public_urls")),
    path("cong-khai/mo-hinh/", include("coso.recognition.public_urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
