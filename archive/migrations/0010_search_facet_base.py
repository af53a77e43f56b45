# Each asset's credit, kind and UTC year taken packed into one integer column, kept by
# database triggers (on SQLite and PostgreSQL) so that a search's facet counts group by that
# plus the day's licence status; and two narrow covering indexes for the facets: by id (text
# searches find their hits by id) and by credit (a credit filter reads one index range).

from django.db import migrations, models

# Frozen here: archive.models.KIND_CODES and FACET_YEARS at the time of this migration.
KIND = (
    "CASE {row}kind WHEN 'photo' THEN 1 WHEN 'still' THEN 2 WHEN 'social' THEN 3"
    " WHEN 'graphic' THEN 4 WHEN 'video' THEN 5 ELSE 0 END"
)
YEAR = {
    # SQLite stores aware datetimes as UTC text: "2024-03-01 12:00:00".
    "sqlite": "CAST(substr({row}date_taken, 1, 4) AS INTEGER)",
    "postgresql": "CAST(EXTRACT(YEAR FROM {row}date_taken AT TIME ZONE 'UTC') AS INTEGER)",
}


def packed(vendor: str, row: str) -> str:
    return (
        f"((COALESCE({row}credit_id, 0) * 8 + {KIND.format(row=row)}) * 10000"
        f" + COALESCE({YEAR[vendor].format(row=row)}, 0))"
    )


SQLITE_TRIGGERS = [
    "CREATE TRIGGER archive_asset_facet_base_ai AFTER INSERT ON archive_asset BEGIN"
    f" UPDATE archive_asset SET facet_base = {packed('sqlite', 'NEW.')} WHERE id = NEW.id;"
    " END",
    "CREATE TRIGGER archive_asset_facet_base_au"
    " AFTER UPDATE OF credit_id, kind, date_taken, facet_base ON archive_asset BEGIN"
    f" UPDATE archive_asset SET facet_base = {packed('sqlite', 'NEW.')} WHERE id = NEW.id"
    f" AND facet_base IS NOT {packed('sqlite', 'NEW.')};"
    " END",
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION archive_asset_facet_base() RETURNS trigger LANGUAGE plpgsql AS $$"
    f" BEGIN NEW.facet_base := {packed('postgresql', 'NEW.')}; RETURN NEW; END $$",
    "CREATE TRIGGER archive_asset_facet_base BEFORE INSERT OR UPDATE ON archive_asset"
    " FOR EACH ROW EXECUTE FUNCTION archive_asset_facet_base()",
]
DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS archive_asset_facet_base_ai",
        "DROP TRIGGER IF EXISTS archive_asset_facet_base_au",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS archive_asset_facet_base ON archive_asset",
        "DROP FUNCTION IF EXISTS archive_asset_facet_base()",
    ],
}


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRESQL_TRIGGERS}[vendor]
    for statement in statements:
        schema_editor.execute(statement)
    schema_editor.execute(f"UPDATE archive_asset SET facet_base = {packed(vendor, '')}")


def drop_triggers(apps, schema_editor):
    for statement in DROP[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0009_asset_audit_facts"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="asset", name="asset_search_facets"),
        migrations.AddField(
            model_name="asset",
            name="facet_base",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.AddIndex(
            model_name="asset",
            index=models.Index(
                fields=[
                    "id",
                    "credit",
                    "kind",
                    "date_taken",
                    "facet_base",
                    "licence_count",
                    "licence_window_single",
                    "licence_starts_on",
                    "licence_expires_on",
                ],
                name="asset_search_facets",
            ),
        ),
        migrations.AddIndex(
            model_name="asset",
            index=models.Index(
                fields=[
                    "credit",
                    "id",
                    "facet_base",
                    "licence_count",
                    "licence_window_single",
                    "licence_starts_on",
                    "licence_expires_on",
                ],
                name="asset_credit_facets",
            ),
        ),
    ]
