"""The words that tell a claimant: organisations, titles, pronouns, determiners and the
words that join a name, in the languages the corpus prints. Pure; used by `attribution` and
`claimants`.
"""

from __future__ import annotations

from archive.articles.claimant_forms import FOREIGN_TITLES

DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
ORG_WORDS = frozenset(
    # a football club's name: "Ayr United", "Leith Athletic", "Kelso Rovers", "Hill FC"
    """united fc afc athletic rovers wanderers albion
    ag gmbh asa oyj ministry mod hq department government office army forces force military police agency
    feed page kremlin council commission committee authorities officials spokesman
    spokeswoman spokesperson service services command staff headquarters pentagon
    administration parliament court union organisation organization institute group company
    firm bank regulator watchdog charity operator insight ltd inc plc corp association
    federation foundation network party treasury ministère gouvernement préfecture marine
    syndicats autorités agence police ministerium regierung polizei behörde verband bundeswehr
    ministerio gobierno agencia policía министерство минобороны правительство міністерство
    уряд sindicato instituto entidad federación federação ordem associação asociación
    universidad universidade hospital câmara mairie rectorat conseil direcção direção
    comisión comissão oy oyj ry prefeitura secretaria ministério authority
    общината министерството агенцията синдикатът синдиката полицията правителството
    corporation forum society municipality""".split()
)
ORG_SUFFIXES = (
    "ministerium",
    "amt",
    "behörde",
    "regierung",
    "verband",
    "dienst",
    "institut",
    "verket",
    "bolaget",
    "förbundet",
)
# Back-references that name no organisation by themselves: resolved to the last one named.
BACK_REFERENCES = frozenset(
    """company firm group operator business organisation organization body spokesperson
    spokesman spokeswoman figures data estimates numbers statement agency ministry department
    charity association regulator watchdog institute union insurer airline bank report survey
    study poll audit analysis review accounts census service authority council
    entidad organismo sindicato empresa portal instituto unternehmen
    behörde unternehmens konzern konzerns stiftung firma gesellschaft""".split()
)
# Back-references that say which kind of body they mean ("the council", "the agency"), with
# the words that name a body of that kind: they resolve only to such a body named before,
# never to another ("the agency" may be a national institute, "the council" is a council).
KINDS_OF_BODY = {
    noun: frozenset({noun, *also})
    for noun, *also in (
        line.split()
        for line in """agency institute authority service administration office
        ministry mod department
        charity
        association
        regulator
        watchdog
        institute
        union
        bank
        council
        authority
        commission
        committee
        court
        foundation
        federation
        prefeitura
        pasta secretaria ministério ministerio ministry department
        forum
        society
        city municipality council corporation
        municipality municipal
        consistorio ayuntamiento
        autarquia câmara município""".splitlines()
    )
}
# Back-references to a business: never a public body ("the company" is no agency).
BUSINESS_WORDS = frozenset(
    """company firm business operator insurer airline management empresa compañía companhia
    dirección direção direcção administração gerencia unternehmen unternehmens konzern
    club direction entreprise groupe grupo gruppo société sociedad società""".split()
)
PUBLIC_BODY_WORDS = frozenset().union(*KINDS_OF_BODY.values()) - {"bank", "union"} | {
    "police",
    "government",
    "parliament",
}
TITLE_WORDS = FOREIGN_TITLES | frozenset(
    """president minister secretary spokesman spokeswoman spokesperson governor mayor executive
    chief director commander general adviser advisor aide ambassador chairman chairwoman chair
    head leader deputy officer official analyst economist professor senator chancellor premier
    envoy lawyer researcher founder ceo boss captain colonel lieutenant sergeant marshal admiral
    commissioner inspector prosecutor judge diplomat councillor mp mep presenter correspondent
    editor governor-general vice-president gov sprecher sprecherin minister ministre ministro
    président presidente porte-parole portavoz representative councilor geschäftsführer
    direktur ketua kepala menteri gubernur bupati meneja mkurugenzi mwenyekiti waziri
    geschäftsführerin bürgermeister bürgermeisterin direktor direktorin primarul directorul
    președintele ministrul""".split()
)
# Honorifics before a name ("Mr Tunde Adeyemi-Cole", "Dr Ama Owusu", "Eng. Salim Al-Harthy"):
# the segment they open names a person.
HONORIFICS = frozenset(
    "mr mrs ms miss dr prof eng engr hon alhaji alhaja sir dame rev ông bà chị".split()
)  # Vietnamese "ông", "bà", "chị" ("Mr", "Mrs", "Ms")
PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "org",
    "they": "any",
    "we": "any",
    # the same in other languages ("säger han", "según él", "selon lui"): the French
    # ones stand for a masculine or feminine noun, a "service" as well as a person.
    "han": "person",
    "hon": "person",
    "lui": "any",
    "elle": "any",
    "él": "person",
    "ella": "person",
    "ele": "person",
    "ela": "person",
    # Dutch, Danish, Czech ("podle něj"), Latvian, Lithuanian, Bulgarian, Russian, Ukrainian
    "hij": "person",
    "hun": "person",
    "něj": "person",
    "ní": "person",
    "viņš": "person",
    "viņa": "person",
    "jis": "person",
    "ji": "person",
    "той": "person",
    "тя": "person",
    "он": "person",
    "она": "person",
    "він": "person",
    "вона": "person",
    "jo": "person",  # Lithuanian "Anot jo", "Pasak jos"
    "jos": "person",
    "acestuia": "person",  # Romanian "Potrivit acestuia" (according to him)
    "acesteia": "person",
    "ол": "person",  # Kazakh "деді ол" (he said)
    "उन्होंने": "person",  # Hindi "उन्होंने कहा" (he said)
    "他": "person",  # Chinese "他說" (he said)
    "她": "person",
    # Georgian "მისი თქმით", Armenian "Նրա խոսքով", Persian "به گفته او", Bengali "তাঁর
    # মতে" (in his words), Icelandic "Hann segir" (he says)
    "მისი": "person",
    "მათი": "any",
    "նրա": "person",
    "նրանց": "any",
    "او": "person",
    "وی": "person",
    "ایشان": "person",
    "তাঁর": "person",
    "তার": "person",
    "তাদের": "any",
    "তাঁদের": "any",
    "उनले": "person",  # Nepali "उनले भने" (he said)
    "उहाँले": "person",
    "hann": "person",
    "hún": "person",
    "dia": "person",  # Malay "katanya" (he said), Urdu "انہوں نے" (he), Ukrainian "його"
    "انہوں": "person",
    "його": "person",
    "її": "person",
}
PERSON_NOUNS = frozenset(
    """minister president governor mayor spokesman spokeswoman spokesperson official chief
    executive director commander secretary leader head analyst""".split()
)
LEADING_ADVERBIALS = frozenset(
    """in on at as after before during meanwhile but and however earlier later speaking today
    yesterday also while when since then separately elsewhere with of among from for by to
    per""".split()
)
AUXILIARIES = frozenset(
    """has have had also today yesterday previously later earlier then reportedly now
    recently once""".split()
)
DETERMINERS = frozenset(
    """the a an its his her their our this that le la l’ l' les der die das den el los las un
    une ein eine o os as dem des het""".split()
)
CONNECTORS = (
    "of",
    "the",
    "for",
    "and",
    "de",
    "at",
    # inside names in other languages: "Sindicato Independente dos Médicos", "Händlerverband
    # am Ostkreuz", "Instituto Nacional de la Vivienda", "Conseil du Val-de-Marne"
    "do",
    "da",
    "dos",
    "das",
    "del",
    "la",
    "du",
    "des",
    "am",
    "im",
    "der",
    "für",
    "von",
    # Italian ("Dipartimento della Protezione civile", "Istituto degli Innocenti")
    "della",
    "dello",
    "delle",
    "degli",
    "dei",
)


def bare_word(word: str) -> str:
    """A word without punctuation or possessive ending, lower-cased ("MoD’s" -> "mod")."""
    word = word.strip(",;:()“”\"'’.").lower()
    return word[:-2] if word.endswith(("’s", "'s")) else word


def is_org(name: str) -> bool:
    """An organisation: "UK Ministry of Defence", "Defense of Ukraine", "Ofgem", "NASA"."""
    words = name.split()
    bare = [bare_word(w) for w in words]
    return (
        any(w in ORG_WORDS or w.endswith(ORG_SUFFIXES) for w in bare)
        or (len(words) == 1 and name[:1].isupper())
        or any(w in ("of", "for", "&", "and") for w in bare)
        or any(len(w) > 1 and w.isupper() for w in words)
    )
