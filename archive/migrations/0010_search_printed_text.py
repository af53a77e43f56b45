# The search documents gain what was printed where an asset ran (placements' headings and
# captions, credit lines, the articles' publications), each its own column so that a result
# can say which one matched and the headline can weigh less than the picture's own text.
#
# The full-text index names every column, so it is dropped before the columns are added and
# made again after (plain SQL, no app code). The new columns are empty until the documents
# are rewritten: run `manage.py rebuild_search_index` after migrating.

from django.db import migrations, models

OLD_FIELDS = ("title", "caption", "credit", "creator", "claims", "claimant", "article")
FIELDS = (
    "title",
    "caption",
    "printed_caption",
    "credit",
    "printed_credit",
    "creator",
    "claims",
    "claimant",
    "article",
    "publication",
)


def sqlite_index(fields):
    columns = ", ".join(fields)
    old = ", ".join(f"old.{name}" for name in fields)
    return [
        "CREATE VIRTUAL TABLE archive_asset_fts USING fts5("
        f"{columns}, content='archive_assetsearchdocument', content_rowid='asset_id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
        "CREATE TRIGGER archive_asset_fts_ad AFTER DELETE ON archive_assetsearchdocument BEGIN "
        f"INSERT INTO archive_asset_fts(archive_asset_fts, rowid, {columns}) "
        f"VALUES ('delete', old.asset_id, {old}); END",
        "INSERT INTO archive_asset_fts(archive_asset_fts) VALUES ('rebuild')",
    ]


SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS archive_asset_fts_ad",
    "DROP TABLE IF EXISTS archive_asset_fts",
]

# Weights: A the picture's title and credit, B its captions, creator and claims, C the
# articles' headline and publication (ranked lowest), D the claimant (a field of its own for
# `claimant:` terms).
OLD_PG_WEIGHTS = {
    "title": "A",
    "credit": "A",
    "caption": "B",
    "claims": "B",
    "creator": "B",
    "article": "C",
    "claimant": "D",
}
PG_WEIGHTS = {
    "title": "A",
    "credit": "A",
    "printed_credit": "A",
    "caption": "B",
    "printed_caption": "B",
    "claims": "B",
    "creator": "B",
    "article": "C",
    "publication": "C",
    "claimant": "D",
}


def postgres_index(weights):
    vector = " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, coalesce({name}, '')), '{weight}')"
        for name, weight in weights.items()
    )
    return [
        "ALTER TABLE archive_assetsearchdocument ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({vector}) STORED",
        "CREATE INDEX archive_asset_search_vector_gin ON archive_assetsearchdocument "
        "USING GIN (search_vector)",
    ]


POSTGRES_DROP = [
    "DROP INDEX IF EXISTS archive_asset_search_vector_gin",
    "ALTER TABLE archive_assetsearchdocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    """Run the statements of the database in use (the full-text index is vendor-specific)."""

    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0009_crash_safety"),
    ]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
            run({"sqlite": sqlite_index(OLD_FIELDS), "postgresql": postgres_index(OLD_PG_WEIGHTS)}),
        ),
        migrations.AddField(
            model_name="assetsearchdocument",
            name="printed_caption",
            field=models.TextField(
                blank=True, help_text="Headings and captions as printed where it ran."
            ),
        ),
        migrations.AddField(
            model_name="assetsearchdocument",
            name="printed_credit",
            field=models.TextField(
                blank=True, help_text="Credit lines as printed where it ran: “(Image: GETTY)”."
            ),
        ),
        migrations.AddField(
            model_name="assetsearchdocument",
            name="publication",
            field=models.TextField(blank=True, help_text="Publications of those articles."),
        ),
        migrations.AlterField(
            model_name="assetsearchdocument",
            name="caption",
            field=models.TextField(
                blank=True, help_text="Catalogued caption, alt text, people, place."
            ),
        ),
        migrations.RunPython(
            run({"sqlite": sqlite_index(FIELDS), "postgresql": postgres_index(PG_WEIGHTS)}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
