"""The major picture agencies and platforms, with the spellings newsrooms print for each.

Pure data and lookups, no Django. The archive's credits are seeded from `AGENCIES` (migration
0002, which holds a copy of this list: migrations never import live code), and the article
importer resolves a printed name to its agency here before it looks for a credit record, so
that "PA", "PA Wire" and "Press Association" are one credit and "AFP via Getty Images" is the
distributor Getty Images with AFP as the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.agency_spellings import more_spellings
from archive.text import credit_key


@dataclass(frozen=True)
class Agency:
    name: str  # the canonical credit name
    kind: str  # a Credit.Kind value
    aliases: tuple[str, ...] = ()


AGENCIES: tuple[Agency, ...] = (
    Agency(
        "AP",
        "agency",
        ("Associated Press", "The Associated Press", "AP Photo", "AP Images", "AP Video")
        + ("أ.ب", "美聯社", "美联社"),  # the names in Arabic and Chinese
    ),
    Agency(
        "Reuters",
        "agency",
        ("REUTERS", "Thomson Reuters", "Reuters TV", "Reuters Graphics")
        # the name in Arabic, Hebrew, Japanese, Chinese, Hindi, Thai and Korean
        + ("رويترز", "רויטרס", "ロイター", "路透", "路透社", "रॉयटर्स", "รอยเตอร์", "로이터"),
    ),
    Agency(
        "AFP",
        "agency",
        ("Agence France-Presse", "Agence France Presse", "AFP Photo", "AFPTV")
        + ("أ.ف.ب", "أ ف ب", "فرانس برس", "法新社"),  # in Arabic and Chinese
    ),
    Agency(
        "Getty Images",
        "agency",
        ("Getty", "GETTY", "Getty Images News", "GettyImages", "غيتي", "גטי"),  # Arabic, Hebrew
    ),
    Agency(
        "PA Media",
        "agency",
        ("PA", "PA Wire", "PA Images", "PA Archive", "Press Association", "PA Photo"),
    ),
    Agency("EPA-EFE", "agency", ("EPA", "EPA EFE", "European Pressphoto Agency")),
    Agency("EFE", "agency", ("Agencia EFE",)),
    Agency(
        "dpa", "agency", ("Deutsche Presse-Agentur", "dpa picture alliance", "picture alliance")
    ),
    Agency("Anadolu", "agency", ("Anadolu Agency", "Anadolu Ajansı", "AA")),
    Agency("Ukrinform", "agency", ("Укрінформ", "Укринформ")),
    Agency("TASS", "agency", ("ТАСС", "ITAR-TASS")),
    Agency("RIA Novosti", "agency", ("РИА Новости", "Sputnik", "RIA")),
    Agency("Xinhua", "agency", ("Xinhua News Agency",)),
    Agency("IMAGO", "agency", ("imago images", "Imago")),
    Agency("Shutterstock", "agency", ("Rex", "REX", "Rex Features", "Rex/Shutterstock")),
    Agency("Alamy", "agency", ("Alamy Stock Photo", "Alamy Live News")),
    Agency("Bloomberg", "agency", ("Bloomberg News",)),
    Agency("ZUMA Press", "agency", ("ZUMA Wire", "Zuma", "ZUMA")),
    Agency("SOPA Images", "agency", ("SOPA",)),
    Agency("NurPhoto", "agency", ()),
    Agency("Sipa", "agency", ("Sipa USA", "Sipa Press")),
    Agency("Flash90", "agency", ("Flash 90", "פלאש 90", "פלאש90")),
    Agency("DVIDS", "agency", ("Defense Visual Information Distribution Service",)),
    # Publications whose staff pictures others print (and license) under the paper's name.
    Agency("The New York Times", "agency", ("New York Times", "NYT", "The New York Times Co")),
    Agency("The Guardian", "agency", ("Guardian", "Guardian News & Media")),
    Agency("BBC", "agency", ("BBC News", "British Broadcasting Corporation")),
    Agency("Reach", "agency", ("Reach plc", "Reach Licensing")),
    Agency(
        "Twitter",
        "social",
        ("X", "Twitter Inc", "트위터", "تويتر", "إكس", "טוויטר", "推特", "எக்ஸ்"),
    ),
    Agency(
        "Facebook",
        "social",
        ("Meta", "페이스북", "فيسبوك", "פייסבוק", "臉書", "脸书", "フェイスブック", "फेसबुक")
        + ("เฟซบุ๊ก", "ஃபேஸ்புக்", "ហ្វេសប៊ុក", "ফেসবুক", "فیسبوک"),
    ),
    Agency(
        "Instagram",
        "social",
        ("인스타그램", "إنستغرام", "انستغرام", "אינסטגרם", "インスタグラム", "इंस्टाग्राम")
        + ("اینستاگرام",),
    ),
    Agency("Telegram", "social", ("تيليغرام", "טלגרם", "テレグラム", "телеграм", "تلگرام")),
    Agency("YouTube", "social", ("유튜브", "يوتيوب", "יוטיוב")),
    Agency("TikTok", "social", ("تيك توك", "טיקטוק")),
)

_BY_KEY: dict[str, Agency] = {}
for _agency in AGENCIES:
    for _spelling in (_agency.name, *_agency.aliases):
        _BY_KEY.setdefault(credit_key(_spelling), _agency)
for _key, _agency in more_spellings(AGENCIES, credit_key).items():  # `agency_spellings`
    _BY_KEY.setdefault(_key, _agency)


def agency_named(name: str) -> Agency | None:
    """The agency or platform ``name`` spells (case, accents and punctuation ignored)."""
    return _BY_KEY.get(credit_key(name or ""))


def canonical_credit(name: str) -> str:
    """The canonical name of a known agency (``PA Wire`` gives ``PA Media``), else ``name``."""
    agency = agency_named(name)
    return agency.name if agency else (name or "").strip()
