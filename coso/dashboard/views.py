from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def unit_dashboard(request: HttpRequest, unit_id: int) -> HttpResponse:
    return render(request, "base.html")
