# Most assets are neither stills nor look-alikes: the full indexes Django gives these two
# foreign keys hold one huge group of NULLs, SQLite's statistics then rate them useless, and
# finding a page of results' look-alikes scanned the whole archive (490 ms at 1M assets).
# They become partial indexes without the NULLs.
#
# The full indexes are dropped by name, not by altering the fields: on SQLite, AlterField
# rebuilds the asset table, which would copy every row and drop the facet_base triggers of
# migration 0010.

import django.db.models.deletion
from django.db import migrations, models

COLUMNS = ("near_duplicate_of_id", "video_id")
PARTIAL = {"asset_look_alikes", "asset_stills"}


def drop_full_indexes(apps, schema_editor):
    model = apps.get_model("archive", "Asset")
    with schema_editor.connection.cursor() as cursor:
        constraints = schema_editor.connection.introspection.get_constraints(
            cursor, model._meta.db_table
        )
    for name, details in constraints.items():
        if (
            details["index"]
            and not details["unique"]
            and not details["primary_key"]
            and len(details["columns"]) == 1
            and details["columns"][0] in COLUMNS
            and name not in PARTIAL
        ):
            schema_editor.execute(schema_editor._delete_index_sql(model, name))


def create_full_indexes(apps, schema_editor):
    model = apps.get_model("archive", "Asset")
    for field_name in ("near_duplicate_of", "video"):
        field = model._meta.get_field(field_name)
        schema_editor.execute(schema_editor._create_index_sql(model, fields=[field]))


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0010_search_facet_base"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="asset",
                    name="near_duplicate_of",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        editable=False,
                        help_text="An earlier asset that looks the same (resized, re-encoded or cropped).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="look_alikes",
                        to="archive.asset",
                    ),
                ),
                migrations.AlterField(
                    model_name="asset",
                    name="video",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        help_text="For a still: the video it was cut from.",
                        limit_choices_to={"kind": "video"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="stills",
                        to="archive.asset",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunPython(drop_full_indexes, create_full_indexes),
            ],
        ),
        migrations.AddIndex(
            model_name="asset",
            index=models.Index(
                condition=models.Q(("near_duplicate_of__isnull", False)),
                fields=["near_duplicate_of"],
                name="asset_look_alikes",
            ),
        ),
        migrations.AddIndex(
            model_name="asset",
            index=models.Index(
                condition=models.Q(("video__isnull", False)),
                fields=["video"],
                name="asset_stills",
            ),
        ),
    ]
