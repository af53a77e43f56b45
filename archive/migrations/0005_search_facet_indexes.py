# Covering indexes for the search facets: counting a large set of hits by credit, kind, year,
# article, claimant and licence reads these narrow indexes instead of the wide rows.

from django.db import migrations

INDEXES = [
    ("archive_asset_search_facets", "archive_asset", "id, credit_id, kind, date_taken, created_at"),
    ("archive_placement_search_facets", "archive_placement", "asset_id, article_id"),
    ("archive_licence_search_facets", "archive_licence", "asset_id, starts_on, expires_on"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0004_placement_claims"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({columns})",
            f"DROP INDEX {name}",
        )
        for name, table, columns in INDEXES
    ]
