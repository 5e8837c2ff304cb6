"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

app_name = "disclosure_public"
urlpatterns: list = []
