from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0018_search_facet_rows"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="assetfacts",
            name="asset_facts_rows_decide",
        ),
        migrations.AddIndex(
            model_name="assetfacts",
            index=models.Index(
                condition=models.Q(
                    ("licence_window_single", False), ("licence_kinds", 3), _connector="OR"
                ),
                fields=["asset", "licence_window_single", "licence_kinds"],
                name="asset_facts_rows_decide",
            ),
        ),
    ]
