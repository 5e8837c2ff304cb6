from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

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
    items = request.user.notifications.all()
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    if request.method == "POST":
        request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("notifications")
    return render(request, "core/notifications.html", {"page_obj": page})
