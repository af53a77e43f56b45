"""Roles as groups with permissions, and the demo accounts.

archivist: adds and changes everything in the archive (through the admin);
journalist: views and searches assets, claims and articles;
auditor: views assets, claims and articles, and opens the licence report.
Each runs the pre-publication check on a draft (``run_prepublication_check``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

ARCHIVIST, JOURNALIST, AUDITOR = "archivist", "journalist", "auditor"
ROLES = (ARCHIVIST, JOURNALIST, AUDITOR)

MODELS = (
    "credit",
    "creditalias",
    "asset",
    "licence",
    "article",
    "placement",
    "claim",
    "illustration",
    "takedownrequest",
    "takedownitem",
    "usagecategory",
    "supplieragreement",
    "usagerights",
    "medialease",
)
# Usage rights: archivists change them, auditors may read them.
RIGHTS_MODELS = ("usagecategory", "supplieragreement", "usagerights", "medialease")
VIEWABLE_BY_ALL = (
    "credit",
    "creditalias",
    "asset",
    "article",
    "placement",
    "claim",
    "illustration",
)


def role_permissions() -> dict[str, set[str]]:
    """Return the codenames each role's group holds."""
    everything = {
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    }
    viewing = {f"view_{model}" for model in VIEWABLE_BY_ALL}
    # Every role runs the pre-publication check; archivists and auditors read everyone's.
    checking = {"run_prepublication_check"}
    return {
        ARCHIVIST: everything
        | checking
        | {"download_original", "view_licence_report", "view_prepublicationcheck"},
        JOURNALIST: viewing | checking | {"view_licence", "download_original"},
        AUDITOR: viewing
        | checking
        | {"view_licence", "view_licence_report", "view_takedownrequest", "view_takedownitem"}
        | {"view_prepublicationcheck"}
        | {f"view_{model}" for model in RIGHTS_MODELS},
    }


def ensure_roles(**kwargs) -> None:
    """Create or update the role groups (run after every migrate)."""
    for role, codenames in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(
            content_type__app_label="archive", codename__in=codenames
        )
        group.permissions.set(permissions)


def create_demo_accounts(password: str) -> list[str]:
    """Create (or reset) the demo accounts, one per role; return their user names."""
    ensure_roles()
    User = get_user_model()
    names = []
    for role in ROLES:
        user, _ = User.objects.get_or_create(
            username=role, defaults={"email": f"{role}@example.org"}
        )
        user.set_password(password)
        # Archivists work in the Django admin, which needs staff status.
        user.is_staff = role == ARCHIVIST
        user.is_active = True
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        names.append(role)
    return names


def user_role(user) -> str | None:
    """Return the first role the user holds, or None."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ARCHIVIST
    names = set(user.groups.values_list("name", flat=True))
    return next((role for role in ROLES if role in names), None)
