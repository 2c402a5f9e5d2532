from django.shortcuts import render


def task_list(request):
    return render(request, "taskbank/task_list.html")
