"""The asset's credit, video and data-mining terms copied into its facts row and the facts'
covering index, so that the usable filter tests a search's hit without reading the asset row.

The copy is filled here in one statement (the facts' writer, archive.audit.facts, keeps it
from then on); plain SQL, no app code.
"""

from django.db import migrations, models

FILL = """
    UPDATE archive_assetfacts SET (credit_id, video_id, data_mining) = (
      SELECT a.credit_id, a.video_id, a.data_mining FROM archive_asset a
      WHERE a.id = archive_assetfacts.asset_id
    )
"""


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0019_rights_decide_covering"),
    ]

    operations = [
        # Dropped first: the new columns remake the table on SQLite, which rebuilds its indexes.
        migrations.RemoveIndex(
            model_name="assetfacts",
            name="asset_facts_licence_window",
        ),
        migrations.AddField(
            model_name="assetfacts",
            name="credit_id",
            field=models.BigIntegerField(
                blank=True, help_text="The asset's credit (the id); empty: uncredited.", null=True
            ),
        ),
        migrations.AddField(
            model_name="assetfacts",
            name="video_id",
            field=models.BigIntegerField(
                blank=True,
                help_text="For a still: the video it was cut from (the id).",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="assetfacts",
            name="data_mining",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The asset's data-mining terms (the PLUS code).",
                max_length=45,
            ),
            preserve_default=False,
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="assetfacts",
            index=models.Index(
                fields=[
                    "asset",
                    "licence_count",
                    "licence_window_single",
                    "licence_starts_on",
                    "licence_expires_on",
                    "licence_kinds",
                    "usage_category_id",
                    "credit_id",
                    "video_id",
                    "data_mining",
                ],
                name="asset_facts_licence_window",
            ),
        ),
        # The new index's statistics (SQLite keeps none for an index made after its ANALYZE,
        # and then prefers the primary key's index and the row): same statement on both.
        migrations.RunSQL("ANALYZE archive_assetfacts", migrations.RunSQL.noop),
    ]
