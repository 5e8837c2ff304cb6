from .views import exports, form_builder, overview, requirements, submissions

app_name = "reports"
urlpatterns = [
    *requirements.urlpatterns,
    *submissions.urlpatterns,
    *overview.urlpatterns,
    *form_builder.urlpatterns,
    *exports.urlpatterns,
]
