"""The archivists' admin: the site's titles, and the modules Django's autodiscovery loads.

The catalogue's ModelAdmins, one module a job: `credits`, `assets` (with stills cut from a
video), `licences`, `articles` (articles, placements, claims, illustrations); `filters` and
`base` (the history admin, the licence verifiers' choice, thumbnails) are what they share.
`tokens` registers the API tokens' admin, `rights` those of usage rights, `takedowns` takedown
requests, `checks` the pre-publication checks (read only); `upload` (the bulk upload pages)
and `article_import` (the "Import article" pages) are views the Asset and Article admins route
to.
"""

from django.contrib import admin

from archive.admin import (  # noqa: F401  (registers the ModelAdmins)
    article_import,
    articles,
    assets,
    checks,
    credits,
    licences,
    rights,
    takedowns,
    tokens,
    upload,
)

admin.site.site_header = "Caption Archive"
admin.site.site_title = "Caption Archive admin"
admin.site.index_title = "Catalogue"
