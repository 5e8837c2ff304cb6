"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

app_name = "conventions_public"
urlpatterns: list = []
