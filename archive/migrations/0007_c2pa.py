# Content Credentials (C2PA): the state, summary and manifest store read at ingest.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0006_takedowns'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='asset',
            name='c2pa_manifest_store',
            field=models.JSONField(blank=True, default=dict, editable=False, help_text='The manifest store as c2pa-python reads it (JSON), with its validation.', verbose_name='C2PA manifest store'),
        ),
        migrations.AddField(
            model_name='asset',
            name='c2pa_state',
            field=models.CharField(blank=True, choices=[('none', 'None in the file'), ('trusted', 'Valid, signer trusted'), ('untrusted', 'Valid, signer not trusted'), ('invalid', 'Invalid')], db_index=True, editable=False, help_text="What the file's C2PA manifest store was found to be when last checked; empty: not checked.", max_length=10, verbose_name='Content Credentials'),
        ),
        migrations.AddField(
            model_name='asset',
            name='c2pa_summary',
            field=models.JSONField(blank=True, default=dict, editable=False, help_text='Signer, claim generator, actions, failures and ingredients, as read.', verbose_name='Content Credentials summary'),
        ),
        migrations.AddField(
            model_name='historicalasset',
            name='c2pa_state',
            field=models.CharField(blank=True, choices=[('none', 'None in the file'), ('trusted', 'Valid, signer trusted'), ('untrusted', 'Valid, signer not trusted'), ('invalid', 'Invalid')], db_index=True, editable=False, help_text="What the file's C2PA manifest store was found to be when last checked; empty: not checked.", max_length=10, verbose_name='Content Credentials'),
        ),
        migrations.AddIndex(
            model_name='asset',
            index=models.Index(fields=['id', 'c2pa_state'], name='asset_c2pa_state'),
        ),
    ]
