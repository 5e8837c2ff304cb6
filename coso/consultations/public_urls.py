"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

app_name = "consultations_public"
urlpatterns: list = []
