# The search documents carry the licence window (the facets group by it with no probe of the
# facts per hit), and placements get a covering (asset, article) index for the article facet.

from django.db import migrations, models

WINDOW = ("licence_count", "licence_starts_on", "licence_expires_on", "licence_window_single")
FILL = (
    "UPDATE archive_assetsearchdocument SET "
    + ", ".join(
        f"{column} = (SELECT f.{column} FROM archive_assetfacts f"
        " WHERE f.asset_id = archive_assetsearchdocument.asset_id)"
        for column in WINDOW
    )
)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0017_rights_facts'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='assetsearchdocument',
            name='search_document_facets',
        ),
        migrations.AddField(
            model_name='assetsearchdocument',
            name='licence_count',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='assetsearchdocument',
            name='licence_expires_on',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='assetsearchdocument',
            name='licence_starts_on',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='assetsearchdocument',
            name='licence_window_single',
            field=models.BooleanField(blank=True, null=True),
        ),
        # (filled from the facts; kept by archive.search.documents from now on)
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name='assetsearchdocument',
            index=models.Index(fields=['asset', 'credit_id', 'kind', 'year_taken', 'licence_count', 'licence_starts_on', 'licence_expires_on', 'licence_window_single'], name='search_document_facet_rows'),
        ),
        migrations.AddIndex(
            model_name='placement',
            index=models.Index(fields=['asset', 'article'], name='placement_asset_article'),
        ),
    ]
