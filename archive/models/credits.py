"""Credits: who a picture is credited to, and the other spellings of each credit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from archive.text import credit_key


class CreditQuerySet(models.QuerySet):
    def matching(self, text: str) -> CreditQuerySet:
        """Credits whose name or alias matches ``text`` (case and punctuation ignored)."""
        return self.filter(aliases__key=credit_key(text)).distinct()

    def unreviewed(self) -> CreditQuerySet:
        return self.filter(reviewed=False)


class Credit(models.Model):
    """Who a picture is credited to, as a newsroom prints it (``GETTY``, ``NC``, ``Twitter``)."""

    class Kind(models.TextChoices):
        AGENCY = "agency", "Agency"
        SOCIAL = "social", "Social platform"
        IN_HOUSE = "in_house", "In-house"
        INDIVIDUAL = "individual", "Individual"
        HANDOUT = "handout", "Handout / pool"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(
        max_length=200, unique=True, help_text="The canonical name, as the desk prints it."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNKNOWN)
    reviewed = models.BooleanField(
        default=False,
        help_text="Unreviewed credits were created by an upload or import and await an "
        "archivist, who confirms them or merges them into an existing credit.",
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # The canonical name is always one of the credit's aliases, so one lookup finds both.
        key = credit_key(self.name)
        if key and not CreditAlias.objects.filter(key=key).exists():
            CreditAlias.objects.create(credit=self, alias=self.name, key=key)

    def clean(self) -> None:
        key = credit_key(self.name)
        if not key:
            raise ValidationError({"name": "A credit needs at least one letter or digit."})
        clash = CreditAlias.objects.filter(key=key).exclude(credit_id=self.pk).first()
        if clash:
            raise ValidationError(
                {"name": f"“{self.name}” is already an alias of the credit “{clash.credit}”."}
            )


class CreditAlias(models.Model):
    """Another spelling of a credit: ``Getty Images`` and ``Getty`` for ``GETTY``."""

    credit = models.ForeignKey(Credit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200, help_text="The spelling as printed or embedded.")
    key = models.CharField(
        max_length=200,
        unique=True,
        editable=False,
        help_text="Matching key: lower case, no accents, punctuation or spaces.",
    )

    class Meta:
        verbose_name_plural = "credit aliases"
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.key = credit_key(self.alias)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.key = credit_key(self.alias)
        if not self.key:
            raise ValidationError({"alias": "An alias needs at least one letter or digit."})
        clash = CreditAlias.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if clash and clash.credit_id != self.credit_id:
            raise ValidationError(
                {"alias": f"“{self.alias}” already belongs to the credit “{clash.credit}”."}
            )
