"""Credits closing captions in Chinese, Japanese and Arabic papers, and credit forms that
name a platform, a giver or an archive beside the credit.

- Full-width brackets closing a Chinese or Japanese caption: "（記者王小明攝）" (the reporter
  photographed it: he is credit and creator), "（…翻攝）" (photographed from a screen or a
  print), "（…提供）" (provided by: a handout, the giver credited), "（取自…臉書）" (taken
  from someone's Facebook: the platform credited, the owner its source), "（資料照）" (file
  photo, kept as printed).
- Korean papers' " /" before the credit closing the caption line: "… /Name 기자",
  "… /연합뉴스", "… /그래픽=Name" (the media's kind and "=", a label).
- Japanese papers' "＝" before the picture's place and date, the credit after its last "、":
  "…＝神戸市で2026年5月1日、田中一郎撮影", "…＝共同" (an agency).
- The kind in capitals glued by a slash to the credit after the caption's last full stop:
  "… on Monday. PHOTO/NAME", "VIDEO/NAME" (a video), "PHOTO/FILE" (the paper's file).
- Romanian "FOTO Name" (capitals, no colon) after the caption's last full stop, and "FOTO
  arhivă House" (the house's archive: the house credited).
- "Dok. Body" (a body's own documentation) and "Instagram/@account" after the caption's last
  full stop (Indonesian and Malaysian papers).
- An Arabic caption closed by a short group in brackets: "(رويترز)", "(تصوير: Name)".
- A platform printed before the page or account with no separator ("Facebook Page Name",
  "TikTok @handle"); Swahili "Picha na Name" (picture by); an archive word in brackets after
  the credit ("DHA (Arşiv)"); a screenshot's words before a dash ("Captura de video - X").

`caption_and_credit_line` cuts a caption; `read_script_credit` reads a credit line, with
``read`` (`credit_lines.read_credit_line`) for the rest. Pure.
"""

from __future__ import annotations

import re

from archive.agencies import agency_named
from archive.articles.armenian_credits import armenian_credit
from archive.articles.credit_labels import FILE_PHOTO_LINES
from archive.articles.credit_lines import CreditParts, _unwrap
from archive.articles.draft import norm

# --------------------------------------------------------------------------------------------
# Full-width brackets (Chinese and Japanese)

_FULL_WIDTH_GROUP_RE = re.compile(r"（(?P<inner>[^（）]{1,40})）\s*$")
# "記者王小明攝", "王小明翻攝", "特派員王小明攝": the photographer, his title dropped
_SHOT_BY_RE = re.compile(
    r"^(?:(?:記者|特派員|特派记者|攝影記者|摄影记者)\s*)?(?P<who>[^\s/／、，]{2,12}?)\s*"
    r"(?:翻攝|翻摄|攝|摄|撮影)$"
)
# "屏東縣政府提供", "道北中央バス提供": the giver of a handout
_PROVIDED_RE = re.compile(r"^(?P<giver>[^\s、，]{2,30}?)\s*提供$")
# "取自某某漁會臉書", "翻攝自某某IG": taken from someone's page on a platform
_TAKEN_FROM_RE = re.compile(
    r"^(?:取自|翻攝自|翻摄自|截自|截圖自|截图自)(?P<owner>.*?)"
    r"(?P<platform>臉書|脸书|Facebook|FB|IG|Instagram|YouTube|推特|X|Threads|TikTok|"
    r"小红书|小紅書|微博|抖音)"
    r"(?:粉專|粉絲專頁|專頁|帳號|頻道)?$",
    re.IGNORECASE,
)
_PLATFORM_WORDS = {"臉書": "Facebook", "脸书": "Facebook", "fb": "Facebook", "ig": "Instagram"}
# "刘伟杰视频截图", "明報影片", "運輸署圖片": the one who made the video, the grab or the
# picture, then what it is ("網上圖片", an online picture, names no one: kept as printed)
_MADE_BY_RE = re.compile(
    r"^(?P<who>[^\s、，：（）]{2,12}?)"
    r"(?:视频截图|視頻截圖|影片截圖|影片截图|截图|截圖|视频|視頻|影片|图片|圖片)$"
)
_NO_ONE_WORDS = frozenset(("網上", "网上", "資料", "资料", "檔案", "档案", "網絡", "网络"))
# "视频：刘伟杰", "攝影：Name" in full-width brackets: a label, a full-width colon, the name
_LABELLED_RE = re.compile(r"^(?:视频|視頻|影片|图|圖|图片|圖片|摄影|攝影|攝|摄)：\s*\S")
_VIDEO_LABELLED_RE = re.compile(r"^(?:视频|視頻|影片)：")
# "Xから" (Japanese, "from X"): a platform the picture was taken from
_FROM_PLATFORM_RE = re.compile(
    r"^(?P<platform>X|Twitter|Facebook|Instagram|YouTube|TikTok|Threads|"
    r"フェイスブック|インスタグラム|ユーチューブ)から$"
)
# "资料照", "資料照片": a file photo, named by no one
_FILE_PHOTO_RE = re.compile(r"^(?:資料照(?:片)?|资料照(?:片)?|檔案照(?:片)?|档案照(?:片)?)$")


def _cjk_credit(inner: str) -> bool:
    inner = inner.strip()
    return bool(
        _SHOT_BY_RE.match(inner)
        or _PROVIDED_RE.match(inner)
        or _TAKEN_FROM_RE.match(inner)
        or _FILE_PHOTO_RE.match(inner)
        or _made_by(inner)
        or _LABELLED_RE.match(inner)
        or _FROM_PLATFORM_RE.match(inner)
        or _is_file_photo_line(inner)
    )


def _made_by(inner: str) -> bool:
    m = _MADE_BY_RE.match(inner)
    return bool(m) and m["who"] not in _NO_ONE_WORDS


# A credit glued after a Chinese or Japanese caption's last full stop, with no bracket or
# separator ("…包装白面包。受访者提供", "…启用。档案照片", "…长龙。取自某某脸书")
def _after_last_stop(text: str) -> tuple[str, str] | None:
    head, stop, tail = text.rpartition("。")
    tail = tail.strip()
    if not stop or not head.strip() or not tail or len(tail) > 30:
        return None
    if _PROVIDED_RE.match(tail) or _TAKEN_FROM_RE.match(tail) or _FILE_PHOTO_RE.match(tail):
        return f"{head}{stop}".strip(), tail
    return None


# --------------------------------------------------------------------------------------------
# Japanese "＝place and date、credit"

# Japanese and Chinese news agencies printed alone after "＝" or "、"
_JAPANESE_AGENCIES = frozenset(("共同", "共同通信", "時事", "時事通信", "ロイター", "新華社"))
_LATIN_AGENCY_RE = re.compile(r"^(?:AP|AFP|EPA|UPI|Reuters|ロイター|ゲッティ)$")


def _japanese_credit(piece: str) -> bool:
    piece = piece.strip()
    if not piece or len(piece) > 14:
        return False
    return bool(
        piece in _JAPANESE_AGENCIES
        or _LATIN_AGENCY_RE.match(piece)
        or _FROM_PLATFORM_RE.match(piece)
        or re.fullmatch(r"[^\s、＝（）0-9０-９]{2,12}(?:撮影|提供)", piece)
    )


def _after_equals(text: str) -> tuple[str, str] | None:
    caption, eq, tail = text.rpartition("＝")
    if not eq or not caption.strip():
        return None
    before, comma, piece = tail.rpartition("、")
    if comma and _japanese_credit(piece):
        return f"{caption}＝{before}".strip(), piece.strip()
    if not comma and _japanese_credit(tail):
        return caption.strip(), tail.strip()
    return None


# --------------------------------------------------------------------------------------------
# Arabic: a short group in brackets closing the caption

_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06ff]")
_LATIN_OR_OTHER_RE = re.compile(r"[^\W\d_]")
_TRAILING_GROUP_RE = re.compile(r"\s\((?P<inner>[^()]{2,60})\)\s*$")


def _mostly_arabic(text: str) -> bool:
    letters = _LATIN_OR_OTHER_RE.findall(text)
    return bool(letters) and sum(1 for c in letters if _ARABIC_LETTER_RE.match(c)) * 2 > len(
        letters
    )


def _arabic_group(text: str) -> tuple[str, str] | None:
    m = _TRAILING_GROUP_RE.search(text)
    if not m or not _mostly_arabic(text[: m.start()]) or not _mostly_arabic(m["inner"]):
        return None
    inner = m["inner"].strip()
    name = inner.split(":", 1)[-1]  # "تصوير: Name": the label's name
    if inner.count(":") > 1 or re.search(r"\d", inner):
        return None
    if len(name.split()) > 4 and not _ARABIC_ACCOUNT_RE.match(inner):
        return None
    return text[: m.start()].strip(), f"({inner})"


# --------------------------------------------------------------------------------------------
# Korean papers: " /credit" closing the caption line ("… 있다. /이름 기자", "… 전경 /연합뉴스")

_HANGUL_RE = re.compile(r"[가-힣]")
_KOREAN_SLASH_RE = re.compile(
    r"(?<=\S)\s+(?P<line>/(?:(?:그래픽|영상|사진|일러스트|자료)\s*=\s*)?[^/\s=][^/=]{0,30}?)\s*$"
)
# "/그래픽=Name", "/영상=Name PD": the kind of the media and "=", a label
KOREAN_KIND_LABEL_RE = re.compile(r"^/?(?:(?P<kind>그래픽|영상|사진|일러스트|자료)\s*=\s*)?")


def _korean_slash(text: str) -> tuple[str, str] | None:
    m = _KOREAN_SLASH_RE.search(text)
    if not m or not _HANGUL_RE.search(text[: m.start()]):
        return None
    credit = m["line"][1:].split("=", 1)[-1].strip()
    if len(credit.split()) > 3 or not text[: m.start()].strip():
        return None
    return text[: m.start()].strip(), m["line"].strip()


# --------------------------------------------------------------------------------------------
# East African papers: the kind in capitals glued to the credit by a slash ("PHOTO/NAME",
# "VIDEO/NAME", "PHOTO/FILE") after the caption's last full stop

_CAPS_KIND_SLASH_RE = re.compile(r"^(?P<kind>PHOTO|VIDEO|GRAPHIC|PICTURE|IMAGE)S?/(?P<rest>\S.*)$")
_CAPS_KIND_AFTER_STOP_RE = re.compile(
    r"(?<=[.!?”])\s+(?P<line>(?:PHOTO|VIDEO|GRAPHIC|PICTURE|IMAGE)S?/[A-Z][^/a-z]{1,40})$"
)


# Romanian papers: "FOTO" in capitals and no colon after the caption's last full stop, the
# person or "arhivă House" (the paper's archive) after it
_CAPS_FOTO_RE = re.compile(
    r"(?<=[.!?”])\s+(?P<line>FOTO\s+(?:(?:arhivă|arhiva)\s+)?[A-ZĂÂÎȘȚ][^\s.!?:;,()/]*"
    r"(?:\s+[A-ZĂÂÎȘȚ][^\s.!?:;,()/]*){0,3})\s*$"
)
# "arhivă Adevărul", "Arquivo Name", "Archivo El Diario": the house's archive, the house credited
_ARCHIVE_OF_HOUSE_RE = re.compile(
    r"^(?i:arhivă|arhiva|arquivo|archivo|arxiu)\s+(?P<name>[A-ZÀ-ÝĂÂÎȘȚ].*)$"
)


# Indonesian and Malaysian papers, after the caption's last full stop: "Dok. Body" (the
# body's own documentation: a handout) and a platform's page "Instagram/@account"
_DOC_OR_PLATFORM_AFTER_STOP_RE = re.compile(
    r"(?<=[.!?”])\s+(?P<line>(?:Dok\.|Dokumentasi)\s+[A-Z][^.!?:;()/]{1,60}?"
    r"|(?:Instagram|Facebook|Twitter|X|TikTok|YouTube|Threads)/@?[\w.]{2,40})\s*$"
)


def says_video(line: str) -> bool:
    """Whether a credit line cut by `caption_and_credit_line` labels a video ("VIDEO/NAME",
    Korean "/영상=Name")."""
    line = line.strip()
    m = KOREAN_KIND_LABEL_RE.match(line)
    if _VIDEO_LABELLED_RE.match(line.strip("（）")):
        return True  # "（视频：Name）"
    return line.startswith("VIDEO/") or bool(m and m["kind"] == "영상")


_FILE_PHOTO_KEYS = frozenset(phrase.casefold() for phrase in FILE_PHOTO_LINES)
# A "file photo" phrase in brackets closing a caption: "… (แฟ้มภาพ)", "…（资料图片）"
_FILE_PHOTO_GROUP_RE = re.compile(r"\s*(?P<line>[(（][^()（）]{2,30}[)）])\s*$")


def _is_file_photo_line(text: str) -> bool:
    return text.strip("()（）[] ").casefold() in _FILE_PHOTO_KEYS


def caption_and_credit_line(text: str) -> tuple[str, str] | None:
    """(caption, credit line) of a Chinese, Japanese or Arabic caption closed by its credit in
    one of the forms above; None when it is not so printed."""
    text = norm(text)
    if _is_file_photo_line(text):
        return "", text  # "கோப்பு படம்" alone: the paper's file photo, its whole credit
    m = _FILE_PHOTO_GROUP_RE.search(text)
    if m and text[: m.start()].strip() and _is_file_photo_line(m["line"]):
        return text[: m.start()].strip(), m["line"]  # "… (រូបថតឯកសារ)": a file photo
    m = _FULL_WIDTH_GROUP_RE.search(text)
    if m and text[: m.start()].strip() and _cjk_credit(m["inner"]):
        return text[: m.start()].strip(), text[m.start() :].strip()
    found = _after_equals(text) or _korean_slash(text) or _after_last_stop(text)
    if found:
        return found
    m = (
        _CAPS_KIND_AFTER_STOP_RE.search(text)
        or _CAPS_FOTO_RE.search(text)
        or _DOC_OR_PLATFORM_AFTER_STOP_RE.search(text)
    )
    if m and text[: m.start()].strip():
        return text[: m.start()].strip(), m["line"]
    return _arabic_group(text)


# --------------------------------------------------------------------------------------------
# Reading a credit line

# Swahili "Picha na Name" (picture by), "Video na Name"; "Picha|Instagram/Owner"
_SWAHILI_BY_RE = re.compile(r"^(?:Picha|Video|Mchoro|Michoro)\s+na\s+(?P<rest>\S.*)$")
_SWAHILI_BAR_RE = re.compile(r"^(?:Picha|Video)\s*\|\s*(?P<rest>\S.*)$")
# "DHA (Arşiv)", "EFE (Archivo)": the archive's word after the credit (Turkish, English,
# Portuguese, Spanish, Catalan, German and Czech, Nordic, Slovenian, Romanian, Italian, Dutch)
_ARCHIVE_AFTER_RE = re.compile(
    r"^(?P<name>[^()]+?)\s*\((?i:Arşiv|Arsiv|Archive|File|Arquivo|Archivo|Arxiu|Archiv|Arkiv|"
    r"Arhiv|Arhivă|Arhiva|Archivio|Archief)\)$"
)
# A screenshot's words before a dash and the page or house it was taken from
_SCREEN_DASH_RE = re.compile(
    r"^(?i:captura de v[íi]deo|captura de pantalla|captura de tela|screenshot|screengrab|"
    r"video grab|frame grab)\s+[-–—]\s+(?P<rest>\S.*)$"
)
# Arabic "تصوير Name" (photography: Name) and "بعدسة Name" (through the lens of) with no colon
_ARABIC_BY_RE = re.compile(r"^(?:تصوير|بعدسة)\s+(?P<rest>[^\s:][^:]*)$")
# Persian "آرشیو House" (the house's archive)
_PERSIAN_ARCHIVE_RE = re.compile(r"^(?:آرشیو|بایگانی)\s+(?P<name>[^\s:].*)$")
# Arabic "من حساب X على Platform" (from X's account on the platform): the platform credited
_ARABIC_ACCOUNT_RE = re.compile(
    r"^(?:من\s+)?(?:حساب|صفحة)\s+(?P<owner>.+?)\s+(?:على|في|عبر)\s+(?P<platform>\S+)$"
)
# Hebrew "באדיבות" (courtesy of) before the giver
_COURTESY_RE = re.compile(r"^(?:באדיבות|בעדות)\s+(?P<rest>\S.*)$")


def _person_in_uncased_script(who: str) -> bool:
    """Two to four words of a script without case (Hebrew, Arabic ...): shaped like a person's
    name before the agency in "Name, Agency" (the Latin rules read capitals)."""
    words = who.split()
    return 2 <= len(words) <= 4 and not any(
        c.isupper() or c.islower() or c.isdigit() or c in ".:;/()" for c in who
    )


def _platform_then_page(text: str) -> CreditParts | None:
    """ "Facebook Page Name", "TikTok @handle": a platform, then whose page, no separator."""
    first, _space, rest = text.partition(" ")
    agency = agency_named(first)
    if not rest.strip() or agency is None or agency.kind != "social" or "/" in rest:
        return None
    return CreditParts(agency.name, rest.strip(), "", first)


def read_script_credit(line: str, read) -> CreditParts | None:
    """The parts of a credit line in one of the forms above, or None; ``read`` reads the
    rest of the line (`read_credit_line`)."""
    text = norm(line).strip()
    armenian = armenian_credit(text, read)
    if armenian is not None:
        return armenian
    if text.startswith("（") and text.endswith("）"):
        inner = text[1:-1].strip()
    else:
        inner = text
    m = _SHOT_BY_RE.match(inner)
    if m:
        who = m["who"]
        return CreditParts(who, "", who, who)
    m = _PROVIDED_RE.match(inner)
    if m:
        return read(m["giver"])
    m = _MADE_BY_RE.match(inner)
    if m and m["who"] not in _NO_ONE_WORDS:
        return CreditParts(m["who"], "", m["who"], m["who"])
    if _LABELLED_RE.match(inner):
        return read(inner.split("：", 1)[1].strip())  # "视频：Name": the label read off
    m = _FROM_PLATFORM_RE.match(inner)
    if m:
        found = agency_named(m["platform"])
        return CreditParts(found.name if found else m["platform"], "", "", m["platform"])
    m = _TAKEN_FROM_RE.match(inner)
    if m:
        platform = _PLATFORM_WORDS.get(m["platform"].lower(), m["platform"])
        found = agency_named(platform)
        name = found.name if found else platform
        return CreditParts(name, m["owner"].strip(), "", m["platform"])
    if _FILE_PHOTO_RE.match(inner) or _is_file_photo_line(text):
        inner = text.strip("()（）[] ")
        return CreditParts(inner, "", "", inner)
    if text.startswith("/") and _HANGUL_RE.search(text):
        return read(text[KOREAN_KIND_LABEL_RE.match(text).end() :])  # "/영상=Name PD"
    m = _CAPS_KIND_SLASH_RE.match(text)
    if m:
        rest = m["rest"].strip()
        return CreditParts(rest, "", "", rest) if rest in ("FILE", "COURTESY") else read(rest)
    m = _SWAHILI_BY_RE.match(text) or _SWAHILI_BAR_RE.match(text)
    if m:
        return read(m["rest"])
    unwrapped, label = _unwrap(text)
    who, comma, org = unwrapped.rpartition(",")
    if comma and _person_in_uncased_script(who) and agency_named(org.strip()):
        return CreditParts(org.strip(), "", who.strip(), org.strip())  # "Name, Agency"
    m = _PERSIAN_ARCHIVE_RE.match(unwrapped)
    if m:
        return read(m["name"])  # "آرشیو House": the house's archive, the house credited
    m = _ARABIC_BY_RE.match(unwrapped)
    if m:
        return read(m["rest"])  # "(تصوير Name)": photographed by, no colon
    m = _ARABIC_ACCOUNT_RE.match(unwrapped)
    if m and agency_named(m["platform"]):
        found = agency_named(m["platform"])
        return CreditParts(found.name, m["owner"].strip(), "", m["platform"])
    m = _COURTESY_RE.match(unwrapped)
    if m:
        return read(m["rest"])
    m = _ARCHIVE_AFTER_RE.match(unwrapped)
    if m:
        return read(m["name"])
    m = _ARCHIVE_OF_HOUSE_RE.match(re.sub(r"^FOTO\s+", "", text))
    if m and text.startswith("FOTO "):
        return read(m["name"])  # "FOTO arhivă House"
    m = _SCREEN_DASH_RE.match(unwrapped)
    if m:
        return read(m["rest"])
    if label or unwrapped != text:
        return _platform_then_page(unwrapped)
    return None
