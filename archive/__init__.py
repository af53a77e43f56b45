"""Caption Archive: the Django project package and its one app."""
