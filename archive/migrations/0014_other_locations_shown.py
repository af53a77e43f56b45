# Every IPTC Location Shown after the first (the first stays in the location_* fields).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0013_background_tasks'),
    ]

    operations = [
        migrations.AddField(
            model_name='asset',
            name='other_locations_shown',
            field=models.JSONField(blank=True, default=list, help_text='The other locations shown after the first, each with any of sublocation, city, state, country and country_code, like [{"city": "Lviv", "country": "Ukraine"}] (IPTC Location Shown).'),
        ),
        migrations.AddField(
            model_name='historicalasset',
            name='other_locations_shown',
            field=models.JSONField(blank=True, default=list, help_text='The other locations shown after the first, each with any of sublocation, city, state, country and country_code, like [{"city": "Lviv", "country": "Ukraine"}] (IPTC Location Shown).'),
        ),
    ]
