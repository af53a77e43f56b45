"""What reads as a number but is not a figure a claim states: dates, years, times of day,
ages, designations ("F-16", "7.62mm"), durations, page furniture ("5 min read") and vague
amounts ("hundreds of"); and the words where a figure's unit stops, or that name no thing
counted. Patterns and word lists for `figures.read_figures`: pure.
"""

from __future__ import annotations

import re

from archive.articles.writing_systems import MARKS

_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember|Jänner|Feber|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|"
    r"октябр[ья]|ноябр[ья]|декабр[ья]|січня|лютого|березня|квітня|травня|червня|липня|"
    r"серпня|вересня|жовтня|листопада|грудня"
)
# The month after its day in more languages, in the case a date puts it in: Croatian,
# Serbian, Slovene (also "s 1. januarjem"), Slovak, Czech, Polish, Romanian, Finnish
# ("1. joulukuuta"); "od siječnja 9,30 eura" is from January, 9.30 euros.
_MONTHS_AFTER_DAY = (
    r"siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|"
    r"studenog?a?|prosinca|januara|februara|marta|aprila|maja|juna|jula|avgusta|septembra|"
    r"oktobra|novembra|decembra|januarj[aem]+|februarj[aem]+|marca|junij[aem]+|julij[aem]+|"
    r"marcem|aprilom|majem|avgustom|septembrom|oktobrom|novembrom|decembrom|"
    r"januára|februára|apríla|mája|júna|júla|augusta|októbra|ledna|února|března|dubna|"
    r"května|června|července|srpna|září|října|listopadu|prosince|stycznia|lutego|kwietnia|"
    r"czerwca|lipca|sierpnia|września|października|grudnia|ianuarie|februarie|martie|"
    r"aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|"
    r"elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta"
)
# The month before its day: Hungarian ("január 1-jétől"), Lithuanian ("sausio 1 d.").
_MONTHS_BEFORE_DAY = (
    r"január|február|március|április|május|június|július|augusztus|szeptember|október|"
    r"sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|"
    r"lapkričio|gruodžio"
)
DATE_RES = (
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b"),
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"),
    re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?(?:\s+of)?(?:\s+de)?\s+(?:{_MONTHS}|{_MONTHS_AFTER_DAY})\b\.?"
        rf"(?:,?\s+(?:de\s+)?\d{{4}}(?:\s*(?:г\.|року|года))?)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:{_MONTHS}|{_MONTHS_BEFORE_DAY})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:{_MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE),
)
TIME_RES = (
    re.compile(
        r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?=\s*(?:[ap]\.?m\b\.?|GMT|BST|UTC|CET|CEST|EET|EEST|"
        r"MSK|EST|EDT|PST|PDT|ET|PT|local time|h\b|Uhr|hrs\b|hours\b))",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE),
    re.compile(r"\b\d{1,2}h\d{2}\b"),
    re.compile(r"\b\d{4}\s?(?:GMT|BST|UTC|ET|EST|EDT|CET|CEST|MSK)\b"),
    re.compile(r"\b(?:at|à|um|a las|в|о)\s+\d{1,2}[.:]\d{2}\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2} o[’']clock\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}\s?Uhr\b"),  # German "um 11 Uhr", "ab 18 Uhr": an hour of the day
    # Greek "στις δέκα το πρωί" (at ten in the morning), "στις 6 το απόγευμα"
    re.compile(r"(?<!\w)στις\s+\w+\s+(?:το\s+(?:πρωί|απόγευμα|βράδυ|μεσημέρι)|η\s+ώρα)(?!\w)"),
)
TIME_UNITS = frozenset(
    """second seconds minute minutes min mins hour hours hrs day days night nights week weeks
    month months year years decade decades century centuries weekend weekends jours jour mois
    ans années heures semaines tage tagen monate monaten jahre jahren stunden wochen días dias
    meses años horas semanas дней дня день суток месяцев месяца лет года годы часов часа недель
    недели днів дні діб місяців місяці років роки годин тижнів mesi mese anni anno giorni
    giorno settimane ore minuti miesięcy miesiące miesiąc lat lata dni tygodni godzin
    minut jaar jaren maanden maand weken week dagen dag uur uren år månader månad veckor
    vecka dagar dygn timmar
    metų metus metai mėnesių mėnesius dienų aastat aasta aastaga kuud päeva godina godine
    godinu meseci mjeseci dana rokov roky rokmi let mesiacov dní éve évvel éves évig
    hónap hónapja napja ani luni zile vuotta vuoden kuukautta päivää
    tundi tunni nädalat minutit hari tahun bulan minggu jam menit ngày tháng giờ tuần
    שנים שנה ימים יום שעות שעה חודשים חודש שבועות
    sati sata ujutro ujutru navečer uvečer popodne mjeseca meseca
    ár ára árum mánuði mánuða daga dögum vikur vikna klukkustundir
    տարի տարվա ամիս ամսվա օր ժամ
    сат сата сати дан дана недеља недеље месец месеца месеци година године годину
    ώρα ώρες ωρών μέρα μέρες ημέρα ημέρες ημερών εβδομάδα εβδομάδες μήνα μήνες χρόνια χρόνο
    έτη ετών anos ano ቀን ቀናት ሳምንት ሳምንታት ወር ወራት ዓመት ዓመታት ሰዓት ሰዓታት""".split()
    # Bosnian, Croatian and Serbian hours and times of day ("osam ujutro"), Icelandic and
    # Armenian durations; Serbian Cyrillic, Greek, Portuguese ("19 anos") and Amharic ("25
    # ቀን", day 25; "ሁለት ዓመት", two years) durations
)
NUMBER_THEN_WORD_RE = re.compile(
    r"\s*(?:-|–|to|and|or|à|et|bis|a|до|do|e(?:\s+(?:i|gli|le))?)\s*\d+\s+([^\W\d_]+)"
)
AGE_STEMS = ("year", "old", "річн", "летн", "літн", "jährig", "ans", "años")
STREET_WORDS = frozenset("street road avenue square lane place way drive terrace boulevard".split())
CALIBRE_WORDS = frozenset(
    """ammunition ammo rounds round rifle rifles gun guns shell shells howitzer howitzers cannon
    calibre caliber artillery mortar mortars cartridge cartridges weapons""".split()
)
FURNITURE_AFTER = frozenset(
    """comments comment shares share views likes replies min mins minutes read commentaires
    kommentare comentarios comentários reacties kommentarer komentarzy komentáře""".split()
)
DESIGNATORS = frozenset(
    """flight article section chapter page number no nos resolution route room gate terminal
    platform line level category phase stage tier round episode season series vol volume part
    act unit block building reactor zone ward district highway motorway channel radio formula
    windows iphone covid covid-19 war apollo boeing airbus leopard challenger patriot abrams
    bradley stryker marder iskander kalibr kinzhal tochka himars type model mark mk version
    generation gen class group paragraph clause item bus train tram cat sars grade calibre
    caliber kaliber kalibers provinciale statale strada regionale autostrada droga drogi
    trasa autobahn bundesstraße carretera nationale départementale interstate""".split()
)


def is_designator(word: str, before: str) -> bool:
    """Does ``word`` before a number make it a designation ("flight 17", "No 5")? Not Latvian
    "no" (of) after a count: "140 no 380 darbiniekiem" (140 of 380 workers)."""
    word = word.lower().rstrip(".")
    return word in DESIGNATORS and not (word == "no" and re.search(r"\d\s+no\s*$", before))


YEAR_BEFORE = frozenset(
    """in since by until till of from year years early late mid before after during through
    throughout the this that last next spring summer autumn fall winter january february march
    april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec for en depuis seit im von desde año года році году с з до""".split()
)
QUANTITY_CUES = frozenset(
    """than least about around almost nearly some over under roughly approximately up just
    only another further total additional extra estimated exactly precisely killed wounded
    lost had has have were was are is be to by of and or""".split()
)
DAY_AND_MONTH_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
UNIT_STOP = frozenset(
    """a an the and or but as is are was were be been being has have had will would can could
    may might should must since in on at to for from by with who which that this these those
    than then so over under into onto across after before during last next already also more
    less per each every while when where whether if it its their his her our they he she we
    not no up down out off about around nearly almost just only some all any both either
    neither including according said says told added claimed here there being them us those
    these se s’ ont est sont ist sind hat haben es son ha han été de des du la le
    les et à en der die das den dem und von im zu mit del y los las el que и в во на по с со
    из за от до что як та що у із з для
    σε στο στη στην στις στα στους στον από και για με μέσα
    ir un ar bija tika kas uz
    في من إلى على عن مع قرب بحسب حسب منذ خلال بعد قبل""".split()
)  # (Greek and Arabic prepositions; Latvian "is", "and", "with", "who", "to")
# ... and "more than" printed after the figure: Amharic "ከ600 በላይ ሰዎች" (from 600 above
# people), Urdu "۱۴۰ سے زائد زخمی" (140 from more injured)
ADJECTIVE_DROP = frozenset(
    "biggest largest smallest main other more new further additional extra separate".split()
    + ["በላይ", "سے", "زائد"]
)
RATE_RE = re.compile(r"^\s*(?:a|per|each|every)\s+(day|week|month|year|hour)\b", re.IGNORECASE)
# (a word of Thai, Devanagari, Tamil or Arabic holds combining vowel signs: "ตัน", "ريالاً")
WORD_TOKEN_RE = re.compile(rf"[^\W\d_][\w{MARKS}'’-]*|\w+(?:-\w+)+")
VAGUE_BEFORE_RE = re.compile(
    r"(?:\b(?:several|many|tens of|hundreds of|thousands of|dozens of|scores of)\s*)$",
    re.IGNORECASE,
)


IRREGULAR_PLURALS = frozenset(
    """people personnel police children men women staff troops aircraft livestock cattle sheep
    fish military infantry crew""".split()
)
NOT_COUNTED = frozenset(
    """levels elections prices figures rates games olympics accounts results standards
    accords""".split()
    # German adverbs ending in -s after a year ("2005 erstmals vergeben": first awarded)
    + "erstmals damals bereits jeweils stets abends morgens nachts mittags".split()
)
