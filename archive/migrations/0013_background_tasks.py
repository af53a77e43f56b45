# The asset's processing state: the background work after an upload (archive/background.py).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0012_prepublication_checks'),
    ]

    operations = [
        migrations.AddField(
            model_name='asset',
            name='processing_attempts',
            field=models.PositiveSmallIntegerField(default=0, editable=False, help_text='Processing attempts since the last success or retry.'),
        ),
        migrations.AddField(
            model_name='asset',
            name='processing_error',
            field=models.TextField(blank=True, editable=False, help_text='Why the last processing attempt failed.'),
        ),
        migrations.AddField(
            model_name='asset',
            name='processing_state',
            field=models.CharField(choices=[('pending', 'Processing'), ('ready', 'Ready'), ('failed', 'Failed')], db_index=True, default='ready', editable=False, help_text='Whether the thumbnail, preview and look-alike check are made yet.', max_length=10, verbose_name='processing'),
        ),
    ]
