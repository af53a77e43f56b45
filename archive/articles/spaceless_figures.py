"""Figures in Chinese, Japanese and Thai, scripts written without spaces between words: the
figure is read with what is joined to it, not with the word after a space. For
`figures.read_figures`: pure.

- Chinese and Japanese group numbers by 萬/万 (10⁴) and 億/亿 (10⁸), with 千 (a thousand)
  inside a group ("4億3000万円", "1800萬元", "2万5000円"); the counter or currency follows the
  figure ("412尾", "8台", "17路線", "35萬元"), sometimes after "以上の" or "多" ("120以上の路線");
  tenths are "割" (Japanese) and "成" (Chinese: "4成" is 0.4); "3分之1" and "3分の1" are a third;
  "半数" and "一半" a half.
- Thai prints its scales after the figure, joined to one another and to the currency:
  "2.7 ล้านบาท" (ล้าน, a million), "1.12 แสนล้านบาท" (แสน, 10⁵, times a million); the
  classifier is the unit ("180 ตู้", "412,000 ไร่"); "1 ใน 3" is a third, "ครึ่งหนึ่ง" a half.

A number with nothing of these after it (a year "2026年", a date "12月3日", an age "55歳", a
duration "5年間", "10 เดือน") states no figure. The scale, counter and currency words are
small tables, each with its language named: the CLDR has no number words.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from archive.articles.khmer_figures import KHMER_RE, khmer_figures
from archive.articles.korean_figures import HANGUL_RE, grouped_value, korean_figures
from archive.articles.writing_systems import is_spaceless


class SpacelessFigure(NamedTuple):
    start: int
    end: int
    value: Decimal
    unit: str  # the currency's code, "%", or the counter as printed ("人", "ตู้")
    share: bool  # a tenth, a fraction or a half
    high: Decimal | None = None  # the top of a range ("95-110 บาท")


HAN_OR_KANA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

_GROUP = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Chinese and Japanese scales, in both the traditional and the simplified forms.
_HAN_SCALES = {"千": 1000, "萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
# Currencies joined after the figure (Japanese, Chinese): the code each means. A bare "元"
# is the yuan; a page from Taiwan or Hong Kong means its own dollar by it (`home_currency`).
_HAN_CURRENCIES = {
    "円": "JPY",
    "日圓": "JPY",
    "日元": "JPY",
    "美元": "USD",
    "ドル": "USD",
    "歐元": "EUR",
    "欧元": "EUR",
    "ユーロ": "EUR",
    "港元": "HKD",
    "港幣": "HKD",
    "韓元": "KRW",
    "ウォン": "KRW",
    "人民幣": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "ポンド": "GBP",
    "英鎊": "GBP",
    # Singapore and Malaysian Chinese: the Singapore dollar ("新元", "新币"; the CLDR's
    # "新加坡元"), the ringgit; the Australian and Canadian dollars, the New Taiwan dollar
    "新元": "SGD",
    "新币": "SGD",
    "新幣": "SGD",
    "新加坡元": "SGD",
    "令吉": "MYR",
    "澳元": "AUD",
    "澳幣": "AUD",
    "加元": "CAD",
    "加幣": "CAD",
    "新台幣": "TWD",
    "新台币": "TWD",
}
# Counters that name what is counted (Japanese and Chinese), as printed; longest first.
_HAN_COUNTERS = sorted(
    """人次 人 名 位 台 輛 辆 班 社 家 路線 路線 件 戸 戶 户 世帯 軒 棟 隻 只 艘 尾 頭 匹 羽 校 店 店舗
    カ所 か所 ヵ所 箇所 處 处 所 座 間 间 機 架 本 枚 個 个 トン t 噸 吨 公噸 公斤 キロ 公頃
    ヘクタール 公里 度 ℃ 床 基 団体 人分 票 品目 種 種類 項""".split(),
    key=len,
    reverse=True,
)
_HAN_PERCENT = ("%", "％", "パーセント", "趴")
_HAN_TENTHS = ("割", "成")
_HAN_TIMES = "倍"  # a multiple: "1.5倍" (Japanese, Chinese)
# Han numerals of one digit, read as digits where a tenth, a fraction or a count follows
# ("三成", "三分之一", "两家", "二人"); "一" before a counter is mostly "a" ("一名男子"), and
# a numeral next to another ("二三十年", "十一") is left to the words around it.
_HAN_NUMERALS = {
    "一": "1",
    "二": "2",
    "两": "2",
    "兩": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_NUMERAL_COUNTERS = "名人家位艘台辆輛个個间間所座架隻只頭头件社校班"
# "3人に1人" (Japanese): one in three
_HAN_ONE_IN_RE = re.compile(r"(?<![\d.,])(?P<den>\d+)\s?人に\s?(?P<num>\d+)\s?人")

# Thai: scales, the baht and foreign currencies, classifiers; longest first. The classifiers
# (ลักษณนาม) are a closed class: the common ones of people, things, containers, places and
# vehicles, and the metric units; time words (วัน, เดือน, ปี, ชั่วโมง) are left out, a
# duration or a date being no figure.
_THAI_SCALES = {"พัน": 1000, "หมื่น": 10**4, "แสน": 10**5, "ล้าน": 10**6}
_THAI_CURRENCIES = {"บาท": "THB", "ดอลลาร์": "USD", "ยูโร": "EUR", "เยน": "JPY", "หยวน": "CNY"}
_THAI_COUNTERS = sorted(
    """คน ราย ตัน กิโลกรัม ไร่ ตู้ แห่ง หลัง คัน ลำ ตัว ครัวเรือน ครอบครัว บริษัท โรงงาน เครื่อง
    ต้น ลูก ผล ชิ้น ใบ ฉบับ ล้ง สวน จุด อำเภอ จังหวัด ประเทศ เที่ยว
    อัน เล่ม ดอก เม็ด แผ่น เส้น ขวด แก้ว จาน ชาม กล่อง ถุง ซอง ห่อ คู่ ชุด โหล ห้อง เตียง
    องค์ รูป ตำแหน่ง บาน ฟอง หัว ช่อง แปลง บ่อ กระสอบ ลัง ถัง แท่ง ก้อน เรือน ร้าน สาขา
    โรงเรียน หมู่บ้าน ตำบล ชุมชน ครั้ง ลิตร กรัม เมตร กิโลเมตร ตารางเมตร ตารางกิโลเมตร""".split(),
    key=len,
    reverse=True,
)
_THAI_PERCENT = ("%", "เปอร์เซ็นต์")
_THAI_HALF_RE = re.compile(r"ครึ่งหนึ่ง")
_THAI_RATIO_RE = re.compile(r"(?<![\d.,])(?P<num>\d+)\s?ใน\s?(?P<den>\d+)(?![\d.,])")


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_HAN_PART = rf"(?:{_GROUP})[千萬万億亿兆]"
_HAN_FIGURE_RE = re.compile(
    rf"(?<![\d.,])(?P<num>(?:{_HAN_PART})+(?:{_GROUP})?|(?:{_GROUP}))"
    rf"(?P<after>{_alternatives(_HAN_CURRENCIES)}|{_alternatives(_HAN_PERCENT)}|"
    rf"[{''.join(_HAN_TENTHS)}{_HAN_TIMES}]|(?:以上の|余りの|多|餘|余)?(?:{_alternatives(_HAN_COUNTERS)}))?"
)
_HAN_FRACTION_RE = re.compile(r"(?<![\d.,])(?P<den>\d+)\s?分[之の]\s?(?P<num>\d+)(?![\d.,])")
_HAN_HALF_RE = re.compile(r"半数|半數|一半")
# Kana: the sentence is Japanese, where "3位" is a rank (third place), not Chinese "3位"
# (three people, the polite counter).
_KANA_RE = re.compile(r"[\u3040-\u30ff]")

_THAI_FIGURE_RE = re.compile(
    rf"(?<![\d.,])(?P<num>{_GROUP})(?:\s?[-–]\s?(?P<high>{_GROUP}))?\s?"
    rf"(?P<scales>(?:{_alternatives(_THAI_SCALES)})*)"
    rf"(?P<after>{_alternatives(_THAI_CURRENCIES)}|{_alternatives(_THAI_PERCENT)}|"
    rf"{_alternatives(_THAI_COUNTERS)})?"
)


def han_value(number: str) -> Decimal:
    """The value of a number written with Chinese or Japanese groups ("4億3000万" ->
    430000000)."""
    return grouped_value(number, _HAN_SCALES)


def _share(num: int, den: int) -> Decimal:
    return (Decimal(num) / Decimal(den)).quantize(Decimal("0.01"))


def _han_digits(sentence: str) -> str:
    """The sentence with the Han numerals of `_HAN_NUMERALS` that count something written as
    ASCII digits, one character for one."""
    numerals = "".join(_HAN_NUMERALS) + "十百千万萬億亿"
    chars = list(sentence)
    for i, ch in enumerate(sentence):
        if ch not in _HAN_NUMERALS:
            continue
        before, after = sentence[:i], sentence[i + 1 :]
        prev, nxt = before[-1:] or " ", after[:1] or " "
        if prev in numerals or prev.isdigit() or nxt in numerals:
            continue
        share = after.startswith(("成", "割", "分之", "分の")) and not after.startswith("成不")
        share = share or before.endswith(("分之", "分の"))  # "一成不变": an idiom
        if share or (ch != "一" and nxt in _NUMERAL_COUNTERS):
            chars[i] = _HAN_NUMERALS[ch]
    return "".join(chars)


def _han(sentence: str) -> tuple[list[SpacelessFigure], list]:
    figures: list[SpacelessFigure] = []
    spans: list[tuple[int, int]] = []
    sentence = _han_digits(sentence)
    for m in _HAN_ONE_IN_RE.finditer(sentence):
        num, den = int(m["num"]), int(m["den"])
        spans.append(m.span())
        if 0 < num < den:
            figures.append(SpacelessFigure(m.start(), m.end(), _share(num, den), "", True))
    for m in _HAN_FRACTION_RE.finditer(sentence):
        num, den = int(m["num"]), int(m["den"])
        spans.append(m.span())
        if 0 < num < den:
            figures.append(SpacelessFigure(m.start(), m.end(), _share(num, den), "", True))
    for m in _HAN_HALF_RE.finditer(sentence):
        figures.append(SpacelessFigure(m.start(), m.end(), Decimal("0.50"), "", True))
    for m in _HAN_FIGURE_RE.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        spans.append(m.span())
        after = m["after"]
        if not after:
            continue  # a year, a date, an age, a duration: no figure
        if sentence[max(0, m.start() - 1) : m.start()] == "第":
            continue  # "第3位", "第2工場", "第412尾": an ordinal, no count
        if after.endswith("位") and _KANA_RE.search(sentence):
            continue  # Japanese "世界3位": a rank
        value = han_value(m["num"])
        if after in _HAN_CURRENCIES:
            figures.append(
                SpacelessFigure(m.start(), m.end(), value, _HAN_CURRENCIES[after], False)
            )
        elif after in _HAN_PERCENT:
            figures.append(SpacelessFigure(m.start(), m.end(), value, "%", False))
        elif after == _HAN_TIMES:
            figures.append(SpacelessFigure(m.start(), m.end(), value, "", True))
        elif after in _HAN_TENTHS:
            if 0 < value < 10:
                figures.append(SpacelessFigure(m.start(), m.end(), value / 10, "", True))
        else:
            counter = re.sub(r"^(?:以上の|余りの|多|餘|余)", "", after)
            figures.append(SpacelessFigure(m.start(), m.end(), value, counter, False))
    return figures, spans


def _thai(sentence: str) -> tuple[list[SpacelessFigure], list]:
    figures: list[SpacelessFigure] = []
    spans: list[tuple[int, int]] = []
    for m in _THAI_RATIO_RE.finditer(sentence):
        num, den = int(m["num"]), int(m["den"])
        spans.append(m.span())
        if 0 < num < den <= 100:
            figures.append(SpacelessFigure(m.start(), m.end(), _share(num, den), "", True))
    for m in _THAI_HALF_RE.finditer(sentence):
        figures.append(SpacelessFigure(m.start(), m.end(), Decimal("0.50"), "", True))
    for m in _THAI_FIGURE_RE.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        spans.append(m.span())
        after = m["after"]
        if not after:
            continue  # "10 เดือน" (months), a date, a year: no figure
        scale = 1
        for word in re.findall(_alternatives(_THAI_SCALES), m["scales"]):
            scale *= _THAI_SCALES[word]
        value = Decimal(m["num"].replace(",", "")) * scale
        high = Decimal(m["high"].replace(",", "")) * scale if m["high"] else None
        unit = _THAI_CURRENCIES.get(after) or ("%" if after in _THAI_PERCENT else after)
        if high is not None and high <= value:
            continue  # a score or a season, no range
        figures.append(SpacelessFigure(m.start(), m.end(), value, unit, False, high))
    return figures, spans


def _tidy(value: Decimal | None) -> Decimal | None:
    """A value without trailing zeros ("112000000000", not "112000000000.00")."""
    if value is None or value != value.to_integral_value():
        return value if value is None else value.normalize()
    return value.quantize(Decimal(1))


def spaceless_figures(sentence: str) -> tuple[list[SpacelessFigure], list] | None:
    """The figures of a sentence in Korean (`korean_figures`), Khmer (`khmer_figures`),
    Chinese, Japanese or Thai (most
    of its letters), and the spans of every number read, figure or not (no other reader takes
    them); None for a sentence in another script."""
    if HANGUL_RE.search(sentence):
        korean, spans = korean_figures(sentence)
        figures = [SpacelessFigure(*k) for k in korean]
    elif not is_spaceless(sentence):
        return None  # an English sentence naming a place in Chinese: read as English
    elif HAN_OR_KANA_RE.search(sentence):
        figures, spans = _han(sentence)
    elif KHMER_RE.search(sentence):
        khmer, spans = khmer_figures(sentence)
        figures = [SpacelessFigure(*k) for k in khmer]
    else:
        figures, spans = _thai(sentence)
    figures = [f._replace(value=_tidy(f.value), high=_tidy(f.high)) for f in figures]
    figures.sort()
    return figures, spans
