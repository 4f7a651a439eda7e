"""A deterministic generator of news-like articles with injected MT defects (for benchmarks).

Each article is a machine-translated English news story with its line-aligned
source-language original (German, Spanish, French or Turkish), a line-aligned human
reference, and the list of defects injected into the translation: untranslated words,
sentences and glued tokens, inconsistent name spellings, broken sentences, web
boilerplate, encoding damage and fidelity errors against the source. The text is built
from hand-written sentence templates with per-article people, organizations, places and
numbers, so vocabulary keeps a long tail of names as real news does. The same seed gives
the same corpus on every machine and Python version.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEED = 8
LANGS = ("de", "es", "fr", "tr")
_COLUMN = {"en": 0, "de": 1, "es": 2, "fr": 3, "tr": 4}

# One template per sentence, in English and the four source languages (en, de, es, fr, tr).
Template = tuple[str, str, str, str, str]

_HEADLINES: tuple[Template, ...] = (
    ("{group} in {city} protest against plans for {topic}",
     "{group} in {city} protestieren gegen Pläne für {topic}",
     "Los {group} de {city} protestan contra los planes sobre {topic}",
     "Les {group} de {city} manifestent contre les projets sur {topic}",
     "{city} kentinde {group} {topic} planlarını protesto etti"),
    ("{org} announces new strike for {day}",
     "{org} kündigt neuen Streik für {day} an",
     "{org} anuncia una nueva huelga para el {day}",
     "{org} annonce une nouvelle grève pour {day}",
     "{org} {day} günü için yeni grev ilan etti"),
    ("Court in {city} upholds contract from {year}",
     "Gericht in {city} bestätigt Vertrag von {year}",
     "Un tribunal de {city} confirma el contrato de {year}",
     "Le tribunal de {city} confirme le contrat de {year}",
     "{city} mahkemesi {year} tarihli sözleşmeyi onayladı"),
    ("Prices in {city} rise by {pct}",
     "Preise in {city} steigen um {pct}",
     "Los precios en {city} suben un {pct}",
     "Les prix à {city} augmentent de {pct}",
     "{city} kentinde fiyatlar {pct} arttı"),
)

_BYLINE: Template = ("By {R}", "Von {R}", "Por {R}", "Par {R}", "Muhabir: {R}")

_LEADS: tuple[Template, ...] = (
    ("{RA} {A} said on {day} that the government would present a plan on {topic} by the "
     "end of {month}.",
     "{RA} {A} sagte am {day}, die Regierung werde bis Ende {month} einen Plan für {topic} "
     "vorlegen.",
     "{RA} {A} dijo el {day} que el Gobierno presentará un plan sobre {topic} antes de que "
     "termine {month}.",
     "{RA} {A} a déclaré {day} que le gouvernement présenterait un plan sur {topic} d'ici la "
     "fin du mois de {month}.",
     "{RA} {A}, {day} günü hükümetin {month} ayı sonuna kadar {topic} konusunda bir plan "
     "sunacağını söyledi."),
    ("Around {n} {group} took to the streets of {city} on {day} to protest against the plans "
     "for {topic}.",
     "Rund {n} {group} gingen am {day} in {city} auf die Straße, um gegen die Pläne für "
     "{topic} zu protestieren.",
     "Unos {n} {group} salieron el {day} a las calles de {city} para protestar contra los "
     "planes sobre {topic}.",
     "Environ {n} {group} sont descendus {day} dans les rues de {city} pour protester contre "
     "les projets sur {topic}.",
     "Yaklaşık {n} {group}, {day} günü {topic} konusundaki planları protesto etmek için "
     "{city} sokaklarına döküldü."),
    ("The {org} union has called a {h}-hour strike for {day}, affecting about {n} "
     "connections across the country.",
     "Die Gewerkschaft {org} hat für {day} einen {h}-stündigen Streik angekündigt, von dem "
     "rund {n} Verbindungen im ganzen Land betroffen sind.",
     "El sindicato {org} ha convocado una huelga de {h} horas para el {day}, que afectará a "
     "unas {n} conexiones en todo el país.",
     "Le syndicat {org} a appelé à une grève de {h} heures {day}, qui touchera environ {n} "
     "liaisons dans tout le pays.",
     "{org} sendikası {day} günü için {h} saatlik grev çağrısı yaptı; grevden ülke genelinde "
     "yaklaşık {n} sefer etkilenecek."),
    ("Prices in {city} rose by {pct} in {month}, the statistics office said on {day}.",
     "Die Preise in {city} sind im {month} um {pct} gestiegen, teilte das Statistikamt am "
     "{day} mit.",
     "Los precios en {city} subieron un {pct} en {month}, informó el {day} la oficina de "
     "estadística.",
     "Les prix à {city} ont augmenté de {pct} en {month}, a indiqué {day} l'office des "
     "statistiques.",
     "İstatistik ofisinin {day} günü yaptığı açıklamaya göre {city} kentinde fiyatlar "
     "{month} ayında {pct} arttı."),
)

_BODY: tuple[Template, ...] = (
    ("The plan would cost about {money} and is to be financed from the regional budget.",
     "Der Plan würde rund {money} kosten und soll aus dem Landeshaushalt finanziert werden.",
     "El plan costaría unos {money} y se financiará con el presupuesto regional.",
     "Le plan coûterait environ {money} et doit être financé par le budget régional.",
     "Planın yaklaşık {money} tutması ve bölgesel bütçeden finanse edilmesi bekleniyor."),
    ("According to {org}, the number of cases has doubled since {year}.",
     "Nach Angaben von {org} hat sich die Zahl der Fälle seit {year} verdoppelt.",
     "Según {org}, el número de casos se ha duplicado desde {year}.",
     "Selon {org}, le nombre de cas a doublé depuis {year}.",
     "{org} verilerine göre vaka sayısı {year} yılından bu yana iki katına çıktı."),
    ("{a} also criticized the opposition, which he said had blocked the talks for months.",
     "{a} kritisierte auch die Opposition, die die Gespräche nach seinen Worten monatelang "
     "blockiert habe.",
     "{a} también criticó a la oposición, que según él había bloqueado las negociaciones "
     "durante meses.",
     "{a} a également critiqué l'opposition, qui selon lui avait bloqué les discussions "
     "pendant des mois.",
     "{a} ayrıca müzakereleri aylardır engellediğini söylediği muhalefeti de eleştirdi."),
    ("However, {b} said the figures did not show the whole picture.",
     "{b} sagte jedoch, die Zahlen zeigten nicht das ganze Bild.",
     "Sin embargo, {b} dijo que las cifras no mostraban toda la realidad.",
     "Cependant, {b} a estimé que les chiffres ne montraient pas toute la réalité.",
     "Ancak {b}, rakamların tablonun tamamını göstermediğini söyledi."),
    ("The talks between the government and {org} had been broken off in {month} after the "
     "third round.",
     "Die Verhandlungen zwischen der Regierung und {org} waren im {month} nach der dritten "
     "Runde abgebrochen worden.",
     "Las negociaciones entre el Gobierno y {org} se habían roto en {month} tras la tercera "
     "ronda.",
     "Les négociations entre le gouvernement et {org} avaient été rompues en {month} après "
     "le troisième tour.",
     "Hükümet ile {org} arasındaki görüşmeler üçüncü turun ardından {month} ayında "
     "kesilmişti."),
    ("{RB} {B} rejected the proposal and called for a new round of talks in {city}.",
     "{RB} {B} lehnte den Vorschlag ab und forderte eine neue Gesprächsrunde in {city}.",
     "{RB} {B} rechazó la propuesta y pidió una nueva ronda de conversaciones en {city}.",
     "{RB} {B} a rejeté la proposition et a appelé à un nouveau cycle de discussions à "
     "{city}.",
     "{RB} {B} teklifi reddederek {city} kentinde yeni bir görüşme turu yapılması "
     "çağrısında bulundu."),
    ("About {n} households in the region are already waiting for a decision on {topic}.",
     "Rund {n} Haushalte in der Region warten bereits auf eine Entscheidung über {topic}.",
     "Unos {n} hogares de la región ya esperan una decisión sobre {topic}.",
     "Environ {n} foyers de la région attendent déjà une décision sur {topic}.",
     "Bölgede yaklaşık {n} hane şimdiden {topic} konusunda bir karar bekliyor."),
    ("Economists expect growth of {pct} this year, less than in {year}.",
     "Ökonomen erwarten für dieses Jahr ein Wachstum von {pct}, weniger als {year}.",
     "Los economistas esperan un crecimiento del {pct} este año, menos que en {year}.",
     "Les économistes prévoient une croissance de {pct} cette année, moins qu'en {year}.",
     "Ekonomistler bu yıl {pct} büyüme bekliyor; bu oran {year} yılındakinden düşük."),
    ("The decision is expected to be announced in {city} on {day}.",
     "Die Entscheidung soll am {day} in {city} bekanntgegeben werden.",
     "Se espera que la decisión se anuncie el {day} en {city}.",
     "La décision devrait être annoncée {day} à {city}.",
     "Kararın {day} günü {city} kentinde açıklanması bekleniyor."),
    ("The {group} say the offer of {money} is far too low and want a wage increase of {pct}.",
     "Die {group} halten das Angebot von {money} für viel zu niedrig und fordern eine "
     "Lohnerhöhung von {pct}.",
     "Los {group} consideran que la oferta de {money} es demasiado baja y piden una subida "
     "salarial del {pct}.",
     "Les {group} jugent l'offre de {money} beaucoup trop faible et réclament une hausse des "
     "salaires de {pct}.",
     "{group}, {money} tutarındaki teklifi çok düşük bulduklarını belirterek {pct} ücret "
     "artışı istiyor."),
    ("Today the city council will vote on the proposal, which also includes new rules for "
     "{topic}.",
     "Heute stimmt der Stadtrat über den Vorschlag ab, der auch neue Regeln für {topic} "
     "enthält.",
     "Hoy el ayuntamiento votará la propuesta, que también incluye nuevas normas sobre "
     "{topic}.",
     "Aujourd'hui, le conseil municipal votera sur la proposition, qui comprend également de "
     "nouvelles règles sur {topic}.",
     "Belediye meclisi bugün, {topic} konusunda yeni kurallar da içeren teklifi oylayacak."),
    ("The ministry said the measures would take effect on {date} and apply to all {group}.",
     "Das Ministerium teilte mit, die Maßnahmen würden am {date} in Kraft treten und für "
     "alle {group} gelten.",
     "El ministerio indicó que las medidas entrarán en vigor el {date} y se aplicarán a "
     "todos los {group}.",
     "Le ministère a indiqué que les mesures entreraient en vigueur le {date} et "
     "s'appliqueraient à tous les {group}.",
     "Bakanlık, önlemlerin {date} tarihinde yürürlüğe gireceğini ve tüm {group} için "
     "geçerli olacağını açıkladı."),
    ("A spokesperson for {org} declined to comment on the report.",
     "Ein Sprecher von {org} wollte sich zu dem Bericht nicht äußern.",
     "Un portavoz de {org} declinó hacer comentarios sobre el informe.",
     "Un porte-parole de {org} s'est refusé à tout commentaire sur le rapport.",
     "{org} sözcüsü rapor hakkında yorum yapmaktan kaçındı."),
    ("In {city}, {n2} people signed a petition against the closure of the local hospital.",
     "In {city} unterschrieben {n2} Menschen eine Petition gegen die Schließung des "
     "örtlichen Krankenhauses.",
     "En {city}, {n2} personas firmaron una petición contra el cierre del hospital local.",
     "À {city}, {n2} personnes ont signé une pétition contre la fermeture de l'hôpital "
     "local.",
     "{city} kentinde {n2} kişi yerel hastanenin kapatılmasına karşı bir dilekçe "
     "imzaladı."),
    ("The court in {city} ruled that the contract signed in {year} was still valid.",
     "Das Gericht in {city} entschied, dass der {year} unterzeichnete Vertrag weiterhin "
     "gültig sei.",
     "El tribunal de {city} dictaminó que el contrato firmado en {year} seguía siendo "
     "válido.",
     "Le tribunal de {city} a jugé que le contrat signé en {year} restait valable.",
     "{city} mahkemesi, {year} yılında imzalanan sözleşmenin hâlâ geçerli olduğuna "
     "hükmetti."),
    ("The government’s spending on {topic} has risen to {money}, almost {pct} more than "
     "planned.",
     "Die Ausgaben der Regierung für {topic} sind auf {money} gestiegen, fast {pct} mehr "
     "als geplant.",
     "El gasto del Gobierno en {topic} ha subido a {money}, casi un {pct} más de lo "
     "previsto.",
     "Les dépenses du gouvernement pour {topic} ont atteint {money}, près de {pct} de plus "
     "que prévu.",
     "Hükümetin {topic} için yaptığı harcama {money} seviyesine çıktı; bu, planlanandan "
     "yaklaşık {pct} fazla."),
    ("{a}’s office confirmed on {day} that the meeting with {B} had been postponed.",
     "Das Büro von {a} bestätigte am {day}, dass das Treffen mit {B} verschoben worden sei.",
     "La oficina de {a} confirmó el {day} que la reunión con {B} se había aplazado.",
     "Le cabinet de {a} a confirmé {day} que la réunion avec {B} avait été reportée.",
     "{a} ofisi, {B} ile yapılacak toplantının ertelendiğini {day} günü doğruladı."),
    ("“We will not let ourselves be put off any longer,” {a} said.",
     "„Wir lassen uns nicht länger vertrösten“, sagte {a}.",
     "«No vamos a dejar que nos sigan dando largas», dijo {a}.",
     "« Nous ne nous laisserons plus mener en bateau », a déclaré {a}.",
     "{a}, “Artık oyalanmaya izin vermeyeceğiz” dedi."),
    ("“The figures speak for themselves, and we expect a clear answer by {day},” {b} told "
     "reporters.",
     "„Die Zahlen sprechen für sich, und wir erwarten bis {day} eine klare Antwort“, sagte "
     "{b} vor Journalisten.",
     "«Las cifras hablan por sí solas y esperamos una respuesta clara antes del {day}», "
     "dijo {b} a los periodistas.",
     "« Les chiffres parlent d'eux-mêmes et nous attendons une réponse claire d'ici {day} "
     "», a déclaré {b} aux journalistes.",
     "{b} gazetecilere, “Rakamlar ortada ve {day} gününe kadar net bir yanıt bekliyoruz” "
     "dedi."),
    ("“This is a good day for the {group} of {city},” {a} said, adding that more work was "
     "needed.",
     "„Das ist ein guter Tag für die {group} in {city}“, sagte {a} und fügte hinzu, es "
     "bleibe noch viel zu tun.",
     "«Es un buen día para los {group} de {city}», dijo {a}, y añadió que aún queda trabajo "
     "por hacer.",
     "« C'est une bonne journée pour les {group} de {city} », a déclaré {a}, ajoutant qu'il "
     "restait du travail.",
     "{a}, “Bu, {city} {group} için iyi bir gün” dedi ve daha fazla çalışma gerektiğini "
     "ekledi."),
    ("“We are committed to finding a solution, but not at any price,” said {RB} {B}.",
     "„Wir wollen eine Lösung finden, aber nicht um jeden Preis“, sagte {RB} {B}.",
     "«Estamos comprometidos a encontrar una solución, pero no a cualquier precio», afirmó "
     "{RB} {B}.",
     "« Nous sommes déterminés à trouver une solution, mais pas à n'importe quel prix », a "
     "affirmé {RB} {B}.",
     "{RB} {B}, “Bir çözüm bulmaya kararlıyız ama ne pahasına olursa olsun değil” dedi."),
    ("“Nobody in {city} wants another winter like the last one,” {b} said.",
     "„Niemand in {city} will noch einen Winter wie den letzten“, sagte {b}.",
     "«Nadie en {city} quiere otro invierno como el anterior», dijo {b}.",
     "« Personne à {city} ne veut d'un autre hiver comme le dernier », a dit {b}.",
     "{b}, “{city} kentinde kimse geçen kış gibi bir kış daha istemiyor” dedi."),
)

_CLOSINGS: tuple[Template, ...] = (
    ("The next round of negotiations is scheduled for {date}.",
     "Die nächste Verhandlungsrunde ist für den {date} angesetzt.",
     "La próxima ronda de negociaciones está prevista para el {date}.",
     "Le prochain cycle de négociations est prévu le {date}.",
     "Bir sonraki müzakere turu {date} tarihinde yapılacak."),
    ("The ministry did not respond to a request for comment on {day}.",
     "Das Ministerium reagierte am {day} nicht auf eine Bitte um Stellungnahme.",
     "El ministerio no respondió el {day} a una solicitud de comentarios.",
     "Le ministère n'a pas répondu {day} à une demande de commentaire.",
     "Bakanlık, {day} günü yorum talebine yanıt vermedi."),
)

_ROLES: tuple[Template, ...] = (
    ("economy minister", "Wirtschaftsminister", "el ministro de Economía",
     "le ministre de l'Économie", "Ekonomi Bakanı"),
    ("health minister", "Gesundheitsminister", "el ministro de Sanidad",
     "le ministre de la Santé", "Sağlık Bakanı"),
    ("transport minister", "Verkehrsminister", "el ministro de Transportes",
     "le ministre des Transports", "Ulaştırma Bakanı"),
    ("union leader", "Gewerkschaftschef", "el líder sindical", "le dirigeant syndical",
     "sendika başkanı"),
    ("mayor", "Bürgermeister", "el alcalde", "le maire", "belediye başkanı"),
    ("central bank governor", "Notenbankchef", "el gobernador del banco central",
     "le gouverneur de la banque centrale", "Merkez Bankası Başkanı"),
    ("chief executive", "Vorstandschef", "el consejero delegado", "le directeur général",
     "genel müdür"),
    ("opposition leader", "Oppositionsführer", "el líder de la oposición",
     "le chef de l'opposition", "muhalefet lideri"),
)

_TOPICS: tuple[Template, ...] = (
    ("the new budget", "den neuen Haushalt", "el nuevo presupuesto", "le nouveau budget",
     "yeni bütçe"),
    ("wages", "die Löhne", "los salarios", "les salaires", "ücretler"),
    ("rail freight", "den Güterverkehr", "el transporte de mercancías", "le fret ferroviaire",
     "demiryolu yük taşımacılığı"),
    ("energy prices", "die Energiepreise", "los precios de la energía",
     "les prix de l'énergie", "enerji fiyatları"),
    ("the pension reform", "die Rentenreform", "la reforma de las pensiones",
     "la réforme des retraites", "emeklilik reformu"),
    ("housing", "den Wohnungsbau", "la vivienda", "le logement", "konut"),
    ("the water supply", "die Wasserversorgung", "el suministro de agua",
     "l'approvisionnement en eau", "su temini"),
    ("hospital funding", "die Finanzierung der Kliniken", "la financiación de los hospitales",
     "le financement des hôpitaux", "hastanelerin finansmanı"),
    ("the new stadium", "das neue Stadion", "el nuevo estadio", "le nouveau stade",
     "yeni stadyum"),
    ("school meals", "das Schulessen", "los comedores escolares", "les repas scolaires",
     "okul yemekleri"),
    ("the airport expansion", "den Ausbau des Flughafens", "la ampliación del aeropuerto",
     "l'agrandissement de l'aéroport", "havalimanı genişletmesi"),
    ("grain exports", "die Getreideexporte", "las exportaciones de cereales",
     "les exportations de céréales", "tahıl ihracatı"),
)

_GROUPS: tuple[Template, ...] = (
    ("farmers", "Landwirte", "agricultores", "agriculteurs", "çiftçiler"),
    ("teachers", "Lehrer", "profesores", "enseignants", "öğretmenler"),
    ("nurses", "Pflegekräfte", "enfermeros", "infirmiers", "hemşireler"),
    ("train drivers", "Lokführer", "maquinistas", "conducteurs de train", "makinistler"),
    ("dock workers", "Hafenarbeiter", "estibadores", "dockers", "liman çalışanları"),
    ("pensioners", "Rentner", "jubilados", "retraités", "emekliler"),
    ("students", "Studierende", "estudiantes", "étudiants", "öğrenciler"),
    ("shop owners", "Ladenbesitzer", "comerciantes", "commerçants", "esnaflar"),
)

_DAYS: tuple[Template, ...] = (
    ("Monday", "Montag", "lunes", "lundi", "Pazartesi"),
    ("Tuesday", "Dienstag", "martes", "mardi", "Salı"),
    ("Wednesday", "Mittwoch", "miércoles", "mercredi", "Çarşamba"),
    ("Thursday", "Donnerstag", "jueves", "jeudi", "Perşembe"),
    ("Friday", "Freitag", "viernes", "vendredi", "Cuma"),
    ("Saturday", "Samstag", "sábado", "samedi", "Cumartesi"),
    ("Sunday", "Sonntag", "domingo", "dimanche", "Pazar"),
)

_MONTHS: tuple[Template, ...] = tuple(zip(
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"
    ],
    [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember"
    ],
    [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre"
    ],
    [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"
    ],
    [
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
        "Ekim", "Kasım", "Aralık"
    ],
    strict=True,
))

# Place names that every language writes the same way, by source language.
_CITIES = {
    "de": [
        "Frankfurt", "Hamburg", "Stuttgart", "Leipzig", "Dresden", "Bremen", "Kassel", "Mainz",
        "Rostock", "Potsdam", "Erfurt", "Augsburg"
    ],
    "es": [
        "Madrid", "Valencia", "Bilbao", "Granada", "Toledo", "Murcia", "Zaragoza", "Alicante",
        "Oviedo", "Burgos", "Salamanca", "Pamplona"
    ],
    "fr": [
        "Lyon", "Toulouse", "Nantes", "Bordeaux", "Lille", "Rennes", "Grenoble", "Dijon",
        "Nice", "Angers", "Limoges", "Orléans"
    ],
    "tr": [
        "Ankara", "Bursa", "Konya", "Adana", "Antalya", "Trabzon", "Kayseri", "Samsun",
        "Mersin", "Gaziantep", "Malatya", "Sivas"
    ],
}

_FIRST_NAMES = {
    "de": [
        "Martin", "Andrea", "Jürgen", "Sabine", "Klaus", "Petra", "Jörg", "Ute", "Tobias",
        "Heike", "Matthias", "Katrin", "Uwe", "Birgit", "Stefan", "Anja", "Günter", "Bärbel"
    ],
    "es": [
        "Carmen", "José", "Lucía", "Javier", "María", "Andrés", "Inés", "Ramón", "Sofía",
        "Álvaro", "Begoña", "Joaquín", "Rocío", "Sergio", "Elena", "Íñigo"
    ],
    "fr": [
        "Élodie", "François", "Hélène", "Jérôme", "Céline", "Benoît", "Aurélie", "Stéphane",
        "Noémie", "Loïc", "Mathilde", "Grégoire", "Chloé", "Thierry"
    ],
    "tr": [
        "Mehmet", "Ayşe", "Fatma", "Ahmet", "Emine", "Mustafa", "Zeynep", "Hüseyin", "Elif",
        "Murat", "Gülşen", "Oğuz", "Şule", "Cengiz", "Hülya", "Barış"
    ],
}

# Surname stems and endings: every surname holds a letter that transliterates two ways.
_SURNAME_PARTS = {
    "de": (["Kr", "Sch", "B", "H", "W", "F", "L", "R", "St", "Br", "Gr", "Kl", "Pf"],
           ["ö", "ü", "ä"],
           [
               "ger", "ller", "rner", "hler", "del", "ssler", "tz", "nke", "bner", "rtel",
               "mann", "decke"
           ]),
    "es": (["Mart", "Jim", "Rodr", "Fern", "Gonz", "Hern", "Dom", "Ben", "Ord", "Vel", "Alv", "Ib"],
           ["", "a", "o", "e"],
           ["ínez", "énez", "íguez", "ández", "ález", "ázquez", "úñez"]),
    "fr": ([
        "Lef", "Dub", "Mor", "Gir", "Ren", "Lem", "Fav", "Rich", "Bouch", "Garn", "Mich", "Roug"
    ],
           ["", "e", "a"],
           ["èvre", "ois", "eau", "ard", "ier", "aud", "ère", "ault", "elet", "énard"]),
    "tr": (["Kay", "Yıl", "Dem", "Çel", "Şah", "Öz", "Ak", "Kar", "Ar", "Doğ", "Gül", "Tun"],
           ["", "a", "ı", "e"],
           ["dız", "ci", "ik", "türk", "soy", "taş", "can", "oğlu", "göz", "kaya"]),
}

# How an MT system or a wire service respells a letter: the variant spellings of a name.
_ASCII_FORMS = {
    "ö": "oe", "ü": "ue", "ä": "ae", "ß": "ss", "Ö": "Oe", "Ü": "Ue", "Ä": "Ae",
    "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "g", "ı": "i", "İ": "I",
    "é": "e", "è": "e", "ê": "e", "É": "E", "ñ": "n", "á": "a", "í": "i", "ó": "o",
    "ú": "u", "Á": "A", "ï": "i", "ô": "o", "ë": "e",
}

# Source-language words that MT leaves in the English text (English word → source word).
_LEXICON = {
    "de": {"also": "auch", "however": "jedoch", "today": "heute", "already": "bereits",
           "about": "etwa", "and": "sowie"},
    "es": {"also": "también", "however": "sin embargo", "today": "hoy", "already": "ya",
           "about": "unos", "and": "además"},
    "fr": {"also": "également", "however": "cependant", "today": "aujourd'hui",
           "already": "déjà", "about": "environ", "and": "ainsi que"},
    "tr": {"also": "ayrıca", "however": "ancak", "today": "bugün", "already": "zaten",
           "about": "yaklaşık", "and": "ve"},
}

_BOILERPLATE: tuple[Template, ...] = (
    ("Related News", "Ähnliche Nachrichten", "Noticias relacionadas", "Articles similaires",
     "İlgili Haberler"),
    ("Share on Facebook", "Auf Facebook teilen", "Compartir en Facebook",
     "Partager sur Facebook", "Facebook'ta paylaş"),
    ("Advertisement", "Anzeige", "Publicidad", "Publicité", "Reklam"),
    ("Source: {site}", "Quelle: {site}", "Fuente: {site}", "Source : {site}",
     "Kaynak: {site}"),
    ("Be the first to comment", "Schreiben Sie den ersten Kommentar",
     "Sé el primero en comentar", "Soyez le premier à commenter", "İlk yorumu siz yapın"),
    ("Subscribe to our newsletter for the latest news",
     "Abonnieren Sie unseren Newsletter", "Suscríbete a nuestro boletín",
     "Abonnez-vous à notre lettre d'information", "Bültenimize abone olun"),
)

_SITE_PARTS = [
    "haber", "nachrichten", "noticias", "infos", "gazete", "zeitung", "diario", "journal",
    "press", "post", "daily", "news"
]

DEFECT_KINDS = (
    "untranslated-word", "untranslated-sentence", "hybrid-token", "name-variant",
    "doubled-word", "space-before-comma", "dangling-attribution", "truncated-sentence",
    "boilerplate-line", "mojibake", "replacement-char", "html-entity", "number-mismatch",
    "day-mismatch", "omission",
)
CATEGORY_OF = {
    "untranslated-word": "untranslated", "untranslated-sentence": "untranslated",
    "hybrid-token": "untranslated", "name-variant": "name", "doubled-word": "broken",
    "space-before-comma": "broken", "dangling-attribution": "broken",
    "truncated-sentence": "broken", "boilerplate-line": "boilerplate",
    "mojibake": "encoding", "replacement-char": "encoding", "html-entity": "encoding",
    "number-mismatch": "fidelity", "day-mismatch": "fidelity", "omission": "fidelity",
}


@dataclass(frozen=True, slots=True)
class Defect:
    """One injected defect, in the gold format of corpora/annotated (category, text, context)."""

    kind: str
    category: str
    text: str
    context: str

    def to_gold(self) -> dict[str, str]:
        """The defect as a gold annotation entry."""
        return {"category": self.category, "text": self.text, "context": self.context,
                "note": f"generated: {self.kind}"}


@dataclass(frozen=True, slots=True)
class Article:
    """A generated translation with its line-aligned source and reference."""

    name: str
    src_lang: str
    text: str
    source: str
    reference: str
    defects: tuple[Defect, ...]

    @property
    def words(self) -> int:
        """Whitespace-separated words of the translation (as `wc -w` counts them)."""
        return len(self.text.split())


@dataclass(slots=True)
class _Sentence:
    template: Template
    slots: dict[str, Template]
    en: str = ""
    src: str = ""
    ref: str = ""
    edited: bool = False


@dataclass(slots=True)
class _Draft:
    lang: str
    people: tuple[tuple[str, str], tuple[str, str]]
    blocks: list[list[_Sentence]]  # headline, byline, then paragraphs
    defects: list[Defect] = field(default_factory=list)


def _number(value: int, lang: str) -> str:
    grouped = f"{value:,}"
    if lang == "en":
        return grouped
    return grouped.replace(",", " " if lang == "fr" else ".")


def _decimal(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def _percent(value: float) -> Template:
    return (f"{_decimal(value, 'en')} percent", f"{_decimal(value, 'de')} Prozent",
            f"{_decimal(value, 'es')} por ciento", f"{_decimal(value, 'fr')} %",
            f"yüzde {_decimal(value, 'tr')}")


def _all_langs(render: Callable[[str], str]) -> Template:
    return (render("en"), render("de"), render("es"), render("fr"), render("tr"))


def _money(millions: int, lang: str) -> Template:
    if lang == "tr":
        return (f"{millions} million lira", f"{millions} Millionen Lira",
                f"{millions} millones de liras", f"{millions} millions de livres",
                f"{millions} milyon lira")
    return (f"{millions} million euros", f"{millions} Millionen Euro",
            f"{millions} millones de euros", f"{millions} millions d'euros",
            f"{millions} milyon avro")


def _date(day: int, month: Template) -> Template:
    return (f"{month[0]} {day}", f"{day}. {month[1]}", f"{day} de {month[2]}",
            f"{'1er' if day == 1 else day} {month[3]}", f"{day} {month[4]}")


def _same(value: str) -> Template:
    return (value, value, value, value, value)


class _Generator:
    """Draws articles one after another from one random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0

    def person(self, lang: str) -> tuple[str, str]:
        rng = self.rng
        stems, middles, endings = _SURNAME_PARTS[lang]
        while True:
            surname = rng.choice(stems) + rng.choice(middles) + rng.choice(endings)
            if any(c in _ASCII_FORMS for c in surname):
                break
        return f"{rng.choice(_FIRST_NAMES[lang])} {surname}", surname

    def organization(self) -> str:
        letters = "ABCDEFGHIKLMNPRSTUVW"
        return "".join(self.rng.choice(letters) for _ in range(self.rng.randint(3, 4)))

    def sentence_slots(self, lang: str, article: dict[str, Template]) -> dict[str, Template]:
        rng = self.rng
        n = rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 90000)))
        n2 = rng.randint(200, 60000)
        slots = dict(article)
        slots.update(
            n=_all_langs(lambda lg: _number(n, lg)),
            n2=_all_langs(lambda lg: _number(n2, lg)),
            pct=_percent(rng.randint(5, 180) / 10),
            money=_money(rng.randint(2, 950), lang),
            day=rng.choice(_DAYS),
            month=rng.choice(_MONTHS),
            year=_same(str(rng.randint(2009, 2023))),
            h=_same(str(rng.choice((12, 24, 36, 48, 72)))),
            date=_date(rng.randint(1, 28), rng.choice(_MONTHS)),
        )
        return slots

    def article(self) -> Article:
        rng = self.rng
        lang = rng.choice(LANGS)
        a_full, a_surname = self.person(lang)
        b_full, b_surname = self.person(rng.choice(LANGS))
        reporter, _ = self.person(lang)
        base: dict[str, Template] = {
            "A": _same(a_full), "a": _same(a_surname), "B": _same(b_full),
            "b": _same(b_surname), "RA": rng.choice(_ROLES), "RB": rng.choice(_ROLES),
            "org": _same(self.organization()), "city": _same(rng.choice(_CITIES[lang])),
            "topic": rng.choice(_TOPICS), "group": rng.choice(_GROUPS), "R": _same(reporter),
        }

        def make(template: Template) -> _Sentence:
            return _Sentence(template, self.sentence_slots(lang, base))

        body = rng.sample(_BODY, rng.randint(12, len(_BODY)))
        paragraphs: list[list[_Sentence]] = [[make(rng.choice(_LEADS))]]
        i = 0
        while i < len(body):
            size = rng.choice((1, 2, 2, 3))
            paragraphs.append([make(t) for t in body[i:i + size]])
            i += size
        paragraphs.append([make(rng.choice(_CLOSINGS))])
        draft = _Draft(lang, ((a_full, a_surname), (b_full, b_surname)),
                       [[make(rng.choice(_HEADLINES))], [make(_BYLINE)], *paragraphs])
        for block in draft.blocks:
            for sentence in block:
                _render(sentence, lang)
        for kind in self.defect_plan():
            _INJECT[kind](self, draft)
        self.count += 1
        return _finish(draft, f"{lang}-{self.count:05d}")

    def defect_plan(self) -> list[str]:
        # About a third of the articles are clean; the rest carry 1–8 defects.
        rng = self.rng
        if rng.random() < 0.3:
            return []
        return [rng.choice(DEFECT_KINDS) for _ in range(rng.randint(1, 8))]


def _render(sentence: _Sentence, lang: str, en_slots: dict[str, Template] | None = None) -> None:
    column = _COLUMN[lang]
    src = sentence.template[column].format_map({k: v[column] for k, v in sentence.slots.items()})
    en_values = {k: v[0] for k, v in (en_slots or sentence.slots).items()}
    en = sentence.template[0].format_map(en_values)
    sentence.src, sentence.en = _capitalize(src), _capitalize(en)
    if not sentence.ref:
        sentence.ref = _paraphrase(sentence.en)


def _capitalize(text: str) -> str:
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1:]
    return text


def _paraphrase(text: str) -> str:
    """A human reference words some things differently from the MT output."""
    return (text.replace(" said on ", " stated on ").replace("percent", "per cent")
            .replace("According to", "Citing").replace("about ", "roughly "))


def _finish(draft: _Draft, name: str) -> Article:
    lines_en, lines_src, lines_ref = [], [], []
    for block in draft.blocks:
        lines_en.append(" ".join(s.en for s in block if s.en))
        lines_src.append(" ".join(s.src for s in block))
        lines_ref.append(" ".join(s.ref for s in block))
    return Article(name, draft.lang, "\n\n".join(lines_en) + "\n",
                   "\n\n".join(lines_src) + "\n", "\n\n".join(lines_ref) + "\n",
                   tuple(draft.defects))


# --- defect injection: each picks a sentence it can damage, or does nothing ----------------

def _body(draft: _Draft) -> list[_Sentence]:
    return [s for block in draft.blocks[2:] for s in block]


def _pick(gen: _Generator, sentences: Sequence[_Sentence],
          accept: Callable[[_Sentence], bool]) -> _Sentence | None:
    usable = [s for s in sentences if not s.edited and s.en and accept(s)]
    if not usable:
        return None
    chosen = gen.rng.choice(usable)
    chosen.edited = True
    return chosen


def _record(draft: _Draft, kind: str, text: str, context: str) -> None:
    draft.defects.append(Defect(kind, CATEGORY_OF[kind], text, context))


def _untranslated_word(gen: _Generator, draft: _Draft) -> None:
    lexicon = _LEXICON[draft.lang]
    s = _pick(gen, _body(draft), lambda s: any(f" {w} " in s.en for w in lexicon))
    if s is None:
        return
    english = next(w for w in lexicon if f" {w} " in s.en)
    s.en = s.en.replace(f" {english} ", f" {lexicon[english]} ", 1)
    _record(draft, "untranslated-word", lexicon[english], s.en)


def _untranslated_sentence(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: len(s.src.split()) >= 8)
    if s is not None:
        s.en = s.src
        _record(draft, "untranslated-sentence", s.en, s.en)


def _hybrid_token(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: s.en[0].isalpha())
    if s is None:
        return
    word = gen.rng.choice([w for w in _LEXICON[draft.lang].values() if " " not in w])
    first = s.en.split(" ", 1)[0]
    s.en = word + s.en
    _record(draft, "hybrid-token", word + first, s.en)


def _name_variant(gen: _Generator, draft: _Draft) -> None:
    _, surname = gen.rng.choice(draft.people)
    mentions = [s for s in _body(draft) if surname in s.en]
    # The first mention sets the spelling; a later one is respelled.
    s = _pick(gen, mentions[1:], lambda s: True)
    if s is None:
        return
    variant = "".join(_ASCII_FORMS.get(c, c) for c in surname)
    s.en = s.en.replace(surname, variant, 1)
    _record(draft, "name-variant", variant, s.en)


def _doubled_word(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: " the " in s.en)
    if s is not None:
        s.en = s.en.replace(" the ", " the the ", 1)
        _record(draft, "doubled-word", "the the", s.en)


def _space_before_comma(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: ", " in s.en and "”" not in s.en)
    if s is not None:
        s.en = s.en.replace(", ", " , ", 1)
        _record(draft, "space-before-comma", " ,", s.en)


def _dangling_attribution(gen: _Generator, draft: _Draft) -> None:
    # The speaker is lost and the quote closes after the full stop: `... months. ” said.`
    s = _pick(gen, _body(draft), lambda s: s.en.endswith(".") and "“" not in s.en)
    if s is not None:
        s.en = f"“{s.en} ” said."
        _record(draft, "dangling-attribution", "” said.", s.en)


def _truncated_sentence(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: len(s.en.split()) >= 12 and "“" not in s.en)
    if s is not None:
        words = s.en.split()
        s.en = " ".join(words[:len(words) * 3 // 5]).rstrip(",;") + "."
        _record(draft, "truncated-sentence", s.en, s.en)


def _boilerplate_line(gen: _Generator, draft: _Draft) -> None:
    template = gen.rng.choice(_BOILERPLATE)
    site = gen.rng.choice(_SITE_PARTS) + gen.rng.choice(_SITE_PARTS)
    line = _Sentence(template, {"site": _same(site)})
    _render(line, draft.lang)
    line.edited = True
    # At the end (scraped page furniture) or between paragraphs; the source has it too.
    where = len(draft.blocks) if gen.rng.random() < 0.6 else gen.rng.randint(3, len(draft.blocks))
    draft.blocks.insert(where, [line])
    _record(draft, "boilerplate-line", line.en, line.en)


def _mojibake(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: any(ord(c) > 127 for c in s.en))
    if s is None:
        return
    words = s.en.split(" ")
    i = next(i for i, w in enumerate(words) if any(ord(c) > 127 for c in w))
    damaged = words[i].encode("utf-8").decode("cp1252", errors="replace")
    words[i] = damaged
    s.en = " ".join(words)
    _record(draft, "mojibake", damaged, s.en)


def _replacement_char(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: any(ord(c) > 127 and c.isalpha() for c in s.en))
    if s is None:
        return
    i = next(i for i, c in enumerate(s.en) if ord(c) > 127 and c.isalpha())
    s.en = s.en[:i] + "\ufffd" + s.en[i + 1:]
    start = s.en.rfind(" ", 0, i) + 1
    end = s.en.find(" ", i)
    _record(draft, "replacement-char", s.en[start:end if end >= 0 else len(s.en)], s.en)


def _html_entity(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: " and " in s.en)
    if s is not None:
        s.en = s.en.replace(" and ", " &amp; ", 1)
        _record(draft, "html-entity", "&amp;", s.en)


def _number_mismatch(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: "{n}" in s.template[0] or "{n2}" in s.template[0])
    if s is None:
        return
    key = "n" if "{n}" in s.template[0] else "n2"
    value = int(s.slots[key][0].replace(",", ""))
    wrong = value * 10 if gen.rng.random() < 0.5 else max(1, value // 10)
    _render(s, draft.lang, {**s.slots, key: _same(_number(wrong, "en"))})
    _record(draft, "number-mismatch", _number(wrong, "en"), s.en)


def _day_mismatch(gen: _Generator, draft: _Draft) -> None:
    s = _pick(gen, _body(draft), lambda s: "{day}" in s.template[0])
    if s is None:
        return
    right = s.slots["day"]
    wrong = _DAYS[(_DAYS.index(right) + gen.rng.randint(1, 6)) % 7]
    _render(s, draft.lang, {**s.slots, "day": wrong})
    _record(draft, "day-mismatch", wrong[0], s.en)


def _omission(gen: _Generator, draft: _Draft) -> None:
    # A sentence of the source is missing in the translation; the gold marks its neighbour.
    blocks = [b for b in draft.blocks[2:] if len(b) >= 2 and not any(s.edited for s in b)]
    if not blocks:
        return
    block = gen.rng.choice(blocks)
    for s in block:
        s.edited = True
    dropped = gen.rng.randrange(1, len(block))
    neighbour = block[dropped - 1].en
    block[dropped].en = ""
    _record(draft, "omission", neighbour, neighbour)


_INJECT: dict[str, Callable[[_Generator, _Draft], None]] = {
    "untranslated-word": _untranslated_word, "untranslated-sentence": _untranslated_sentence,
    "hybrid-token": _hybrid_token, "name-variant": _name_variant,
    "doubled-word": _doubled_word, "space-before-comma": _space_before_comma,
    "dangling-attribution": _dangling_attribution, "truncated-sentence": _truncated_sentence,
    "boilerplate-line": _boilerplate_line, "mojibake": _mojibake,
    "replacement-char": _replacement_char, "html-entity": _html_entity,
    "number-mismatch": _number_mismatch, "day-mismatch": _day_mismatch,
    "omission": _omission,
}


# --- public API ------------------------------------------------------------------------------

def articles(seed: int = SEED) -> Iterator[Article]:
    """An endless, deterministic stream of generated articles."""
    gen = _Generator(seed)
    while True:
        yield gen.article()


def corpus(words: int, seed: int = SEED) -> list[Article]:
    """The first articles of the stream, until they hold at least `words` words."""
    out: list[Article] = []
    total = 0
    for article in articles(seed):
        if total >= words:
            break
        out.append(article)
        total += article.words
    return out


def long_document(words: int, seed: int = SEED) -> str:
    """One document of about `words` words: articles one after another."""
    return "\n".join(a.text for a in corpus(words, seed))


def write_corpus(folder: Path, items: Sequence[Article], *, bilingual: bool = True) -> int:
    """Write articles as ARTICLE.txt (+ .src.txt, .ref.txt, .gold.json); returns words written.

    The layout is corpora/annotated's, so `mtcheck eval` and `mtcheck audit` read it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for article in items:
        (folder / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        if bilingual:
            (folder / f"{article.name}.src.txt").write_text(article.source, encoding="utf-8")
            (folder / f"{article.name}.ref.txt").write_text(article.reference, encoding="utf-8")
            gold = [d.to_gold() for d in article.defects]
            (folder / f"{article.name}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        words += article.words
    return words
