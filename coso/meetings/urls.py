"""The meetings app's pages under /hoi-nghi/, one URL module per stage of a meeting."""

from . import calendar_urls, followup_urls, hold_urls, prepare_urls, voting_urls

app_name = "meetings"
urlpatterns = [
    *prepare_urls.urlpatterns,
    *hold_urls.urlpatterns,
    *voting_urls.urlpatterns,
    *followup_urls.urlpatterns,
    *calendar_urls.urlpatterns,
]
