from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from archive.web import health, media, prepublication, takedowns, views
from archive.web.api import api_urls

app_urls = (
    [
        path("", views.home, name="home"),
        path("articles/<int:pk>/", views.article_detail, name="article-detail"),
        path("assets/<int:pk>/", views.asset_detail, name="asset-detail"),
        path(
            "assets/<int:pk>/download/<str:rendition>",
            views.asset_download,
            name="asset-download",
        ),
        path("search/", views.search, name="search"),
        path("claims/", views.claim_list, name="claim-list"),
        path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
        path("reports/licences/", views.licence_report, name="licence-report"),
        path(
            "checks/prepublication/",
            prepublication.prepublication_check,
            name="prepublication-check",
        ),
        path("takedowns/", takedowns.takedown_list, name="takedown-list"),
        path("takedowns/impact/", takedowns.takedown_impact, name="takedown-impact"),
        path("takedowns/<int:pk>/", takedowns.takedown_detail, name="takedown-detail"),
        path("media/assets/<int:pk>/<str:rendition>", media.asset_media, name="asset-media"),
    ],
    "archive",
)

urlpatterns = [
    # Browsers ask for /favicon.ico before reading a page's icon link: send them to the icon.
    path(
        "favicon.ico", login_not_required(lambda request: redirect(static("archive/favicon.svg")))
    ),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/", api_urls()),
    path("", include(app_urls)),
]
