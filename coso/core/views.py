from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coso.core.models import Notification
from coso.core.notifications import mark_all_read
from coso.core.pages import paginate
from coso.units.access import paths_for
from coso.units.models import Unit


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the dashboard of the highest unit their roles reach."""
    paths = paths_for(request.user)
    if paths:
        unit = Unit.objects.filter(path=paths[0]).first()
        if unit is not None:
            return redirect("dashboard:unit", unit_id=unit.pk)
    return render(request, "core/no_role.html")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The user's own reminders, newest first; POST marks them all as read."""
    if request.method == "POST":
        mark_all_read(request.user)
        return redirect("notifications")
    items = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-pk")
    page = paginate(request, items, 30)
    return render(request, "core/notifications.html", {"page_obj": page})
