# The look-alike index: three pHash bands (5, 5 and 6 hex digits) in place of four of 4, so that
# every hash within the near-duplicate distance is found (archive/phash.py). A generated column
# cannot be altered in place: the old bands are dropped and the new ones added.

import django.db.models.functions.text
from django.db import migrations, models

import archive.models.assets

BANDS = ((1, 5), (6, 5), (11, 6))


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_placement_source_creator"),
    ]

    operations = [
        *(
            migrations.RemoveIndex(model_name="asset", name=f"asset_phash_band{index}")
            for index in range(4)
        ),
        *(
            migrations.RemoveField(model_name="asset", name=f"phash_band{index}")
            for index in range(4)
        ),
        *(
            migrations.AddField(
                model_name="asset",
                name=f"phash_band{index}",
                field=models.GeneratedField(
                    db_persist=True,
                    expression=django.db.models.functions.text.Lower(
                        archive.models.assets.PhashBand("phash", start, digits)
                    ),
                    output_field=models.CharField(max_length=digits),
                ),
            )
            for index, (start, digits) in enumerate(BANDS)
        ),
        *(
            migrations.AddIndex(
                model_name="asset",
                index=models.Index(
                    fields=[f"phash_band{index}", "phash"], name=f"asset_phash_band{index}"
                ),
            )
            for index in range(len(BANDS))
        ),
    ]
