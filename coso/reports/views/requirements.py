from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns: list[URLPattern] = [path("", home, name="home")]
