# The quota's uses kept per supplier, usage category and day (SupplierDayUsage, written by
# archive/rights/usage.py), counted here from the placements; and the search documents'
# description key (archive/text.py's text_key), the index the match by catalogued caption
# reads, filled here from the assets. Historical models only; the key's function is copied.

import hashlib

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, F, IntegerField, Value
from django.db.models.functions import Coalesce

CHUNK = 5000


def count_uses(apps, schema_editor):
    Placement = apps.get_model("archive", "Placement")
    SupplierDayUsage = apps.get_model("archive", "SupplierDayUsage")
    counted = (
        Placement.objects.filter(asset__credit__isnull=False, article__published_on__isnull=False)
        .annotate(
            use_credit=F("asset__credit_id"),
            use_category=Coalesce(
                "asset__usage_rights__category_id", Value(0), output_field=IntegerField()
            ),
            use_day=F("article__published_on"),
        )
        .order_by()
        .values_list("use_credit", "use_category", "use_day")
        .annotate(uses=Count("id"))
    )
    SupplierDayUsage.objects.bulk_create(
        (
            SupplierDayUsage(credit_id=credit, category=category, day=day, uses=uses)
            for credit, category, day, uses in counted
        ),
        batch_size=CHUNK,
    )


def text_key(text):
    spaced = " ".join((text or "").split())
    if not spaced:
        return ""
    return hashlib.blake2b(spaced.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def key_descriptions(apps, schema_editor):
    Asset = apps.get_model("archive", "Asset")
    AssetSearchDocument = apps.get_model("archive", "AssetSearchDocument")
    last = 0
    while True:
        rows = list(
            Asset.objects.filter(id__gt=last).order_by("id").values_list("id", "description")[
                :CHUNK
            ]
        )
        if not rows:
            return
        last = rows[-1][0]
        documents = list(AssetSearchDocument.objects.filter(asset_id__in=[pk for pk, _ in rows]))
        descriptions = dict(rows)
        for document in documents:
            key = text_key(descriptions[document.asset_id])
            document.description_key = key or f"#{document.asset_id}"
        AssetSearchDocument.objects.bulk_update(documents, ["description_key"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0014_other_locations_shown'),
    ]

    operations = [
        migrations.AddField(
            model_name='assetsearchdocument',
            name='description_key',
            field=models.CharField(blank=True, db_index=True, max_length=32, null=True),
        ),
        migrations.CreateModel(
            name='SupplierDayUsage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('category', models.PositiveIntegerField(default=0, help_text='Usage category id; 0: none.')),
                ('day', models.DateField(help_text="The article's publication day.")),
                ('uses', models.PositiveIntegerField(default=0)),
                ('credit', models.ForeignKey(help_text='The supplier.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.credit')),
            ],
            options={
                'verbose_name': "supplier's uses on a day",
                'verbose_name_plural': "suppliers' uses by day",
                'constraints': [models.UniqueConstraint(fields=('credit', 'day', 'category'), name='supplier_day_usage_key')],
            },
        ),
        migrations.RunPython(count_uses, migrations.RunPython.noop),
        migrations.RunPython(key_descriptions, migrations.RunPython.noop),
    ]
