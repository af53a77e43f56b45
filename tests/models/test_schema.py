"""The schema stays readable by Django's own introspection, which later migrations rely on."""

import pytest
from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db


def test_every_archive_table_can_be_introspected():
    # The schema editor reads a table's constraints to alter it; a column definition that
    # Django's parser cannot read (as a generated SUBSTR with ", " once was on SQLite) would
    # make every later migration on that table fail.
    tables = {model._meta.db_table for model in apps.get_app_config("archive").get_models()}
    with connection.cursor() as cursor:
        for table in sorted(tables):
            constraints = connection.introspection.get_constraints(cursor, table)
            assert any(details["primary_key"] for details in constraints.values()), table
