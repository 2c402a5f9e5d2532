from django.shortcuts import render


def pool_list(request):
    return render(request, "grants/pool_list.html")
