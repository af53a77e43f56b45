"""The archivists' admin: the site's titles, and the modules Django's autodiscovery loads.

`catalogue` registers the ModelAdmins, `rights` those of usage rights; `upload` (the bulk upload pages) and `article_import`
(the "Import article" pages) are views the Asset and Article admins route to.
"""

from django.contrib import admin

from archive.admin import article_import, catalogue, rights, upload  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "Caption Archive"
admin.site.site_title = "Caption Archive admin"
admin.site.index_title = "Catalogue"
