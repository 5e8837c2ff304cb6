"""Public pages of this app: readable without signing in (mounted under cong-khai/)."""

app_name = "community_public"
urlpatterns: list = []
