"""Speech verbs and "according to" words of more languages, for `attribution`: pure.

Serbian, Croatian and Bosnian ("rekao je", "kaže", "saopštilo je"), Slovene ("je povedal"),
Romanian ("a declarat", "spune"), Lithuanian ("sakė", "nurodė"), Estonian ("ütles"), Finnish
("kertoo", "sanoo"), Vietnamese ("cho biết") and Italian ("ha spiegato"), Dutch ("zegt", "aldus"), Danish, Norwegian and Swedish ("vurderer", "mener",
"menar"), Czech ("upozornil", "tvrdí"), Polish ("powiedział"), Latvian ("pastāstīja",
"norādīja"), Bulgarian ("заяви", "съобщиха"), Russian and Ukrainian ("рассказал", "розповів"),
Portuguese ("afirmou"), Turkish ("dedi", "açıkladı"), Swahili ("alisema"), Indonesian
("mengatakan"), Vietnamese ("nói"), Kazakh ("деді") and Icelandic ("segir") speech verbs;
"according to" before its source in Romanian ("Potrivit X"), Lithuanian ("Anot X"), Bulgarian
("Според X", "по данни на X"), Latvian ("saskaņā ar"), Icelandic ("Samkvæmt X"), Ukrainian ("згідно з"), Serbian and Croatian ("Prema
podacima X", "Према наводима X"), Slovak ("Podľa X"), Lithuanian ("Pasak X") and Vietnamese ("Theo X").
"""

from __future__ import annotations

MORE_SPEECH_VERBS = (
    # Serbian, Croatian, Bosnian: the past with its auxiliary after it ("rekao je")
    r"rekao je|rekla je|rekli su|kazao je|kazala je|izjavio je|izjavila je|naveo je|"
    r"navela je|potvrdio je|potvrdila je|saopštio je|saopštila je|saopštilo je|saopćio je|"
    r"saopćila je|priopćio je|priopćila je|priopćilo je|istakao je|istakla je|dodao je|"
    r"dodala je|objasnio je|objasnila je|kaže|kažu|navodi|tvrdi|tvrde|"
    # the same in Serbian Cyrillic ("саопштило је", "рекао је")
    r"рекао је|рекла је|рекли су|казао је|казала је|изјавио је|изјавила је|навео је|"
    r"навела је|потврдио је|потврдила је|саопштио је|саопштила је|саопштило је|"
    r"саопштили су|истакао је|истакла је|додао је|додала је|објаснио је|објаснила је|"
    # Slovene
    r"je povedal|je povedala|je dejal|je dejala|je pojasnil|je pojasnila|je sporočil|"
    r"je sporočila|so sporočili|pravi|"
    # Romanian
    r"a declarat|a spus|a afirmat|a anunțat|a precizat|a explicat|a adăugat|a transmis|"
    r"spune|declară|susține|afirmă|precizează|"
    # Lithuanian
    r"sakė|sako|teigė|teigia|nurodė|pasakojo|pranešė|tvirtina|patvirtino|pabrėžė|"
    # Estonian
    r"ütles|ütleb|sõnas|märkis|teatas|kinnitas|lisas|selgitas|"
    # Finnish
    r"kertoo|kertoi|sanoo|sanoi|toteaa|totesi|"
    # Vietnamese
    r"cho biết|khẳng định|"
    # Italian ("ha spiegato l'amministratore delegato Name")
    r"ha spiegato|ha detto|ha dichiarato|ha affermato|ha aggiunto|ha sottolineato|"
    r"ha annunciato|ha confermato|spiega|afferma|sottolinea|"
    r"aggiunge|"
    # Lithuanian, more
    r"tvirtino|skaičiuoja|nurodo|informavo|paaiškino|patikino|pažymėjo|"
    # Dutch ("zegt het bedrijf", "liet de woordvoerder weten")
    r"zegt|zei|meldt|meldde|verklaarde|verklaart|benadrukt|benadrukte|"
    r"bevestigt|bevestigde|schat|schatte|schrijft|schreef|liet weten|laat weten|"
    # Danish, Norwegian, Swedish, more
    r"vurderer|forklarer|forklarte|understreger|understreker|meddeler|anslår|"
    r"menar|konstaterar|konstaterade|bedömer|"
    # Czech, more
    r"řekli|sdělil|sdělila|sdělili|upozornil|upozornila|tvrdí|uvádí|uvedli|potvrdil|"
    r"potvrdila|prohlásil|prohlásila|vysvětlil|vysvětlila|odhaduje|říká|"
    # Polish
    r"powiedział|powiedziała|powiedzieli|poinformował|poinformowała|poinformowali|"
    r"stwierdził|stwierdziła|dodał|dodała|przekazał|przekazała|podkreślił|podkreśliła|"
    r"zaznaczył|zaznaczyła|twierdzi|ocenia|szacuje|"
    # Latvian
    r"pastāstīja|norādīja|apgalvo|sacīja|teica|paziņoja|paziņo|uzsvēra|skaidroja|atzina|"
    r"stāsta|norāda|"
    # Bulgarian
    r"заяви|заявиха|каза|казаха|съобщи|съобщиха|обяви|обявиха|посочи|посочиха|добави|"
    r"обясни|подчерта|коментира|твърди|"
    # Russian and Ukrainian, more
    r"рассказал[аи]?|подчеркнул[аи]?|уточнил[аи]?|добавил[аи]?|пояснил[аи]?|"
    r"розповів|розповіла|додав|додала|наголосив|наголосила|пояснив|пояснила|"
    # Portuguese, more
    r"afirma|declara|sublinhou|acrescentou|"
    # Turkish: the verb closes the sentence
    r"dedi|söyledi|açıkladı|belirtti|ifade etti|kaydetti|bildirdi|vurguladı|ekledi|"
    # Swahili ("alisema", he said; "ilisema", "kilisema", it said), Indonesian, Vietnamese
    r"alisema|walisema|ilisema|kilisema|amesema|anasema|alieleza|aliongeza|alibainisha|"
    r"mengatakan|menjelaskan|menyebutkan|mengungkapkan|menambahkan|nói|"
    # Portuguese and Spanish, more; Kazakh
    r"lembrou|señalaron|indicaron|explicaron|деді|айтты|мәлімдеді|хабарлады|"
    # Spanish, French and Italian, more
    r"detalló|recordó|defendió|subrayó|puntualizó|cifró|a rappelé|a déploré|a calculé|"
    r"a prévenu|fait valoir|ha assicurato|ha ricordato|ha precisato|"
    r"a justifié|a détaillé|a insisté|"
    # Russian and Ukrainian, a body's neuter ("міністерство заявило", "ведомство сообщило")
    r"заявило|повідомило|сообщило|"
    # German ("verwies auf": referred to)
    r"verwies|verwiesen|"
    # Icelandic ("segir hann", "sagði X")
    r"segir|sagði|segja|sögðu"
)
# Vietnamese "theo" (according to) is also a name in other languages ("Theo Walcott"): read
# only before words with Vietnamese letters or a Vietnamese honorific ("Theo bà Mai").
_VIETNAMESE_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
MORE_ACCORDING = (
    # Romanian "conform" only before what it follows ("conform datelor"): English "conform to"
    r"potrivit|conform(?=\s+(?:cu|datelor|unor|declarațiilor|informațiilor)\b)|"
    r"podľa|pasak|anot|според|по\s+данни\s+(?:на|от)|по\s+думите\s+на|"
    r"saskaņā\s+ar|згідно\s+з|samkvæmt|"
    r"prema(?:\s+(?:podacima|navodima|riječima|rečima|procjeni|proceni|anketi|izvješću|"
    r"izveštaju))?|"
    r"према(?:\s+(?:подацима|наводима|речима|процени|анкети|извештају))?|"
    rf"theo(?=\s(?:ông|bà|chị|anh)\s|\s[^,.]{{0,60}}[{_VIETNAMESE_LETTERS}])"
)
