"""Nouns of people and of things: what a count or an object of harm names.

Two rules ask whether a word names people: the casualty rules (a verb such as
"neutralized" kills only when its object is people; a group after a count is
the harmed) and the strict score (a quote after a count must count people, not
"12 villages"). They read one table, here, so a word learnt by one is known to
the other. Words are listed per language (ISO 639-1) and read with English
(:func:`extractor.text.cues.with_english`); open classes no list can close
("kidnappers", "Houthis", "ravisseurs", "похитители") are read by their form,
and things whose plural looks like people ("transformers", "Zerstörer") are
listed as things, which wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from extractor.text.cues import cue_patterns, with_english
from extractor.text.grounding import normalise_text

__all__ = [
    "ANIMALS",
    "HONORIFICS",
    "PEOPLE",
    "THINGS",
    "counts_people",
    "is_a_doer",
    "is_a_means",
    "is_a_thing",
    "is_an_animal",
    "is_an_honorific",
    "is_people",
]

#: Words of people (and personal pronouns): the object of a verb that kills only people
#: ("neutralized 12 militants") names one of them when it killed. Spanish marks a person
#: object with "a" ("abatió a un pistolero").
PEOPLE: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"people", r"persons?", r"civilians?", r"soldiers?", r"troops?", r"fighters?",
           r"militants?", r"rebels?", r"insurgents?", r"terrorists?", r"jihadists?",
           r"gunm[ae]n", r"attackers?", r"assailants?", r"suspects?", r"commanders?",
           r"leaders?", r"members?", r"operatives?", r"combatants?", r"snipers?",
           r"servicem[ae]n", r"personnel", r"police(?:m[ae]n)?", r"officers?", r"guards?",
           r"men", r"women", r"children", r"hostages?", r"pilots?", r"mercenaries",
           r"militiam[ae]n", r"extremists?", r"bombers?", r"shooters?", r"cells?", r"perpetrators?",
           r"bandits?", r"pirates?", r"criminals?", r"outlaws?", r"thugs?", r"gangs?",
           r"kingpins?", r"individuals?", "elements", r"cultists?", r"youths?", r"jihadis?",
           "him", "her", "them", "those"],
    "es": [r"personas?", r"civiles", r"soldados?", r"militares", r"combatientes?",
           r"militantes?", r"rebeldes?", r"insurgentes?", r"terroristas?", r"yihadistas?",
           r"guerriller[oa]s?", r"hombres", r"mujeres", r"niños", r"sospechosos?", r"cabecillas?",
           r"comandantes?", r"jefes?", r"miembros?", r"policías?", r"rehenes", r"pistoleros?",
           r"sicarios?", r"delincuentes?", r"criminales?", r"individuos?", r"atacantes?",
           r"bandid[oa]s?", r"piratas?", r"elementos?", r"narcos?"],
    "fr": [r"personnes?", r"civils?", r"soldats?", r"militaires?", r"combattants?",
           r"militants?", r"rebelles?", r"insurgés?", r"terroristes?", r"d?jihadistes?",
           r"assaillants?", r"hommes", r"femmes", r"enfants", r"suspects?", r"chefs?",
           r"commandants?", r"membres?", r"policiers?", r"otages?", r"tireurs?", r"kamikazes?",
           r"individus?", r"éléments?", r"cellules?", "eux", r"bandits?", r"pirates?",
           r"criminels?", r"malfrats?", r"gangs?"],
    "de": [r"Menschen", r"Personen?", r"\w*zivilist\w*", r"\w*soldat\w*", r"\w*kämpfer\w*",
           r"\w*militante\w*", r"\w*rebell\w*", r"\w*aufständische\w*", r"\w*terrorist\w*",
           r"\w*dschihadist\w*", r"\w*islamist\w*", r"\w*angreifer\w*", r"\w*attentäter\w*",
           r"\w*schütze\w*", r"Männer\w*", r"Frauen", r"Kinder\w*", r"Verdächtige\w*",
           r"\w*anführer\w*", r"\w*kommandeur\w*", r"Mitglied\w*", r"\w*polizist\w*",
           r"Geiseln?", r"\w*zelle\w*", "ihn", "sie", r"\w*bandit\w*", r"\w*piraten?",
           r"\w*kriminelle\w*"],
    "ru": [r"человек\w*", r"люд\w*", r"жител\w*", r"военн\w*", r"военнослужащ\w*",
           r"солдат\w*", r"боевик\w*", r"террорист\w*", r"бандит\w*", r"экстремист\w*",
           r"на[её]мник\w*", r"диверсант\w*", r"командир\w*", r"главар\w*", r"член\w*",
           r"полицейск\w*", r"заложник\w*", r"снайпер\w*", r"стрелк\w*", r"нападавш\w*",
           r"живой силы", r"личного состава", "их", "его", "её", "ее", r"ячейк\w*"],
})  # fmt: skip

#: Things a verb that kills only people may count ("neutralized 12 drones"): a counted
#: object of no such noun is of people ("12 Boko Haram", "12 staff"). Equipment whose
#: plural looks like a noun of people (:data:`_PEOPLE_FORM`: "transformers", "detonators",
#: "détonateurs", "Zerstörer", "перехватчиков") is listed here, as a form cannot tell it.
THINGS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"drones?", r"bombs?", r"mines?", r"missiles?", r"rockets?", r"devices?", r"tanks?",
           r"vehicles?", r"targets?", r"launchers?", r"boats?", "aircraft", r"depots?",
           r"weapons?", r"explosives?", r"IEDs?", r"UAVs?", r"shells?", r"positions?",
           r"trucks?", r"caches?", r"warehouses?", r"helicopters?", r"planes?", r"bunkers?",
           r"howitzers?", r"mortars?", r"carriers?", r"tankers?", r"destroyers?",
           r"containers?", r"transmitters?", r"generators?", r"reactors?", r"trailers?",
           r"boosters?", r"computers?", r"servers?", r"sites?", r"satellites?", r"towers?",
           r"motors?", r"scooters?", r"choppers?", r"vans?", r"taxis?", r"shipments?",
           r"documents?", r"events?", r"equipments?", r"plants?", r"trees?", r"boards?",
           r"batter(?:y|ies)", r"jets?", r"fighter jets?", r"ships?", r"vessels?", "artillery",
           r"cannons?", r"radars?", r"transformers?", r"transporters?", r"bulldozers?",
           r"excavators?", r"tractors?", r"loaders?", r"interceptors?", r"detonators?",
           r"rovers?", r"cruisers?", r"scanners?", r"jammers?", r"receivers?", r"sensors?",
           r"refrigerators?", r"emplacements?", r"encampments?", r"minesweepers?",
           r"projectors?", r"propellants?", r"components?", r"Leopards?", r"Stingers?",
           r"checkpoints?", r"bridges?", r"dumps?", r"pieces?", r"camps?", r"bases?",
           r"motorcycles?", "ammunition", r"landmines?", r"grenades?", r"bullets?",
           r"projectiles?", r"munitions?", "shrapnel", r"(?:gun|cross)?fire", r"cars?",
           # a shot of a weapon, as the other languages' heads of firing below: the means
           r"rounds?", r"salvos?", r"barrages?"],
    "es": [r"dron(?:es)?", r"bombas?", r"minas?", r"misil(?:es)?", r"cohetes?", r"artefactos?",
           r"dispositivos?", r"tanques?", r"vehículos?", r"objetivos?", r"lanzadores?",
           r"lanchas?", r"barcos?", r"embarcaciones?", r"aeronaves?", r"aviones?",
           r"avión", r"depósitos?", r"armas?", r"explosivos?", r"camiones?", r"posiciones?",
           r"cañones?", r"radares?", r"buques?", r"generadores?", r"contenedores?",
           r"transportadores?", r"agujeros?", r"detonadores?", r"transformadores?",
           r"ordenadores?", r"cargueros?", r"petroleros?", r"bombarderos?", r"morteros?",
           r"puentes?", r"campamentos?", r"motos?", r"motocicletas?", r"coches?",
           r"granadas?", r"proyectiles?", r"ob[uú]s", r"obuses", r"fuegos?", r"disparos?",
           r"descargas?", r"r[aá]fagas?", r"balas?"],
    "fr": [r"drones?", r"bombes?", r"mines?", r"missiles?", r"roquettes?", r"engins?",
           r"dispositifs?", r"chars?", r"véhicules?", r"cibles?", r"lanceurs?", r"bateaux?",
           r"embarcations?", r"avions?", r"aéronefs?", r"dépôts?", r"armes?", r"explosifs?",
           r"obus", r"camions?", r"positions?",
           r"canons?", r"radars?", r"navires?", r"moteurs?", r"ordinateurs?", r"réacteurs?",
           r"transporteurs?", r"papiers?", r"chantiers?", r"quartiers?", r"moyens",
           r"trains?", r"terrains?", r"générateurs?", r"conteneurs?", r"pétroliers?",
           r"détonateurs?", r"transformateurs?", r"brouilleurs?", r"émetteurs?", r"capteurs?",
           r"mortiers?", r"ponts?", r"motos?", r"voitures?", r"grenades?", r"projectiles?",
           r"tirs?", r"feux", r"salves?", r"rafales?"],
    "de": [r"\w*drohnen?", r"\w*bomben?", r"\w*minen?", r"\w*raketen?", r"\w*sprengs\w*",
           r"\w*panzer", r"\w*fahrzeuge?", r"\w*ziele?", r"\w*werfer", r"\w*boote?",
           r"\w*flugzeuge?", r"\w*depots?", r"\w*waffen", r"\w*lager", r"Stellungen",
           r"\w*container", r"\w*bunker", r"\w*transporter", r"\w*computer", r"\w*server",
           r"\w*sender", r"\w*jäger", r"\w*flieger", r"\w*geschütz\w*", r"\w*radar\w*",
           r"\w*mörser", r"\w*bagger", r"\w*anhänger", r"\w*zünder", r"\w*kreuzer",
           r"\w*zerstörer", r"\w*frachter", r"\w*schrauber", r"\w*haubitzen?",
           r"\w*brücken?", r"\w*punkte?", r"\w*granaten?", r"\w*geschosse?",
           r"\w*artilleriefeuer", r"\w*autos?", r"\w*beschuss", r"\w*feuer", r"\w*salven?"],
    "ru": [r"беспилотник\w*", r"дрон\w*", r"БПЛА", r"бомб\w*", r"мин(?:а|ы|у|ой)?",
           r"ракет\w*", r"снаряд\w*", r"устройств\w*", r"танк\w*", r"техник\w*",
           r"\w*машин\w*", r"цел(?:ь|и|ей)", r"установ\w*", r"катер\w*", r"лод(?:ка|ки|ок)",
           r"самол[её]т\w*", r"вертол[её]т\w*", r"склад\w*", r"оружи\w*", r"взрывчатк\w*",
           r"позици\w*", r"пункт\w*", r"блиндаж\w*",
           r"истребител\w*", r"двигател\w*", r"носител\w*", r"грузовик\w*", r"передатчик\w*",
           r"перехватчик\w*", r"погрузчик\w*", r"ускорител\w*", r"глушител\w*",
           r"излучател\w*", r"гаубиц\w*", r"оруди\w*", "РСЗО", "РЛС", r"автомобил\w*",
           r"гранат\w*", r"\w*удар(?:ы|ом|а|ов|ами)?", r"обстрел\w*", r"огон[ьё]\w*",
           r"огн[яеюём](?!\w*(?:чик|чиц|борц|борец))\w*",  # not "огнемётчики", "огнеборцы"
           r"залп\w*"],
    # the languages whose words the casualty rules read a perpetrator's head in: a thing
    # (a weapon, a device, a vehicle) is the means of harm, never who did it
    "pt": [r"drones?", r"bombas?", r"minas?", r"m[ií]sseis", r"m[ií]ssil", r"foguetes?",
           r"granadas?", r"artefatos?", r"explosivos?", r"ve[ií]culos?", r"carros?", r"fogos?",
           r"disparos?", r"tiros?", r"rajadas?"],
    "it": [r"droni?", r"bomb[ae]", r"autobomb[ae]", r"min[ae]", r"missili?", r"razz[oi]",
           r"granat[ae]", r"ordign[oi]", r"proiettil[ei]", r"veicol[oi]", r"colp[oi]", "fuoco",
           r"spari", r"raffic[ah]e?", r"salv[ae]"],
    "zh": ["炸弹", "无人机", "导弹", "火箭弹", "火箭", "地雷", "炮弹", "爆炸装置", "炮火",
           "手榴弹", "汽车", "车辆"],
    "ja": ["爆弾", "ドローン", "無人機", "ミサイル", "地雷", "砲弾", "ロケット弾", "爆発物"],
    "ar": [r"قنبل(?:ة|ه)", "قنابل", r"طائر(?:ة|ه|ات)", r"مسير(?:ة|ه|ات)", r"سيار(?:ة|ه|ات)",
           r"صاروخ", r"صواريخ", r"لغم", r"ألغام", r"عبو(?:ة|ه|ات)", r"قذيف(?:ة|ه)", r"قذائف",
           r"دباب(?:ة|ه|ات)"],
})  # fmt: skip

#: Nouns that name people as well as things: "Jäger" a hunter, a rifleman
#: ("Fallschirmjäger", "Gebirgsjäger") and a fighter jet ("Abfangjäger"), "Flieger" an
#: airman and a plane, "Anhänger" a follower and a trailer. A count reads them as things
#: (:data:`THINGS` wins in :func:`is_people`); a name of who did the harm reads them as
#: people (:func:`is_a_doer`): when in doubt, an actor is kept.
PEOPLE_AND_THINGS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "de": [r"\w*jäger", r"\w*flieger", r"\w*anhänger"],
})  # fmt: skip

#: Nouns of one person (or a few) that :data:`PEOPLE`'s plurals leave out, read where a
#: person is named by a thing in apposition, the head first: the suicide bomber a Romance
#: language calls a "man-bomb" ("homem-bomba", "hombre bomba", "homme-bombe", "uomo
#: bomba", "mujer bomba", "donna bomba") is a person, unlike a "coche bomba".
PERSONS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "es": [r"hombres?", r"mujer(?:es)?", r"niñ[oa]s?", r"chic[oa]s?", r"j[oó]ven(?:es)?",
           r"muchach[oa]s?"],
    "fr": [r"hommes?", r"femmes?", r"enfants?", r"garçons?", r"filles?", r"jeunes?"],
    "pt": [r"homem", r"homens", r"mulher(?:es)?", r"menin[oa]s?", r"crianças?",
           r"rapaz(?:es)?", r"jovem", r"jovens", r"moças?"],
    "it": [r"uomo", r"uomini", r"donn[ae]", r"ragazz[oaie]", r"bambin[oaie]", r"giovan[ei]"],
})  # fmt: skip

#: Agent suffixes that make a thing's noun its crew ("танкисты" of "танк", "ракетчики" of
#: "ракета", "гранатомётчики", "дронщики", "дроноводы" of "дрон"): the stem is a thing,
#: the word a person. A Russian thing's pattern is its stem ("танк\w*"), which the crew's
#: noun begins with; "перехватчик" (an interceptor) has no thing for a stem and stays one.
_CREW_SUFFIX: Mapping[str, re.Pattern[str]] = {
    "ru": re.compile(r"[оеё]?(?:ист|чик|щик|вод)(?:ы|и|а|у|ом|ов|ам|ами|ах|е|ой)?$", re.I),
}


#: Animals a report of harm counts beside its dead ("12 cattle were killed", "killed 12
#: goats", "murieron 12 vacas", "убиты 12 коров"): a count of animals is no count of
#: people, though a verb of killing takes it as it takes people, and some plurals look
#: like nouns of people ("heifers", "corderos", "sangliers", "Rinder"). Written folded
#: (lower case, no accents, as :func:`is_an_animal` reads a word).
ANIMALS: Mapping[str, re.Pattern[str]] = cue_patterns({
    "en": [r"cattle", r"cows?", r"bulls?", r"oxen", r"calf", r"calves", r"heifers?",
           r"livestock", r"goats?", r"sheep", r"lambs?", r"rams?", r"camels?", r"horses?",
           r"donkeys?", r"mules?", r"pigs?", r"hogs?", r"dogs?", r"cats?", r"chickens?",
           r"hens?", r"poultry", r"birds?", r"ducks?", r"geese", r"animals?", r"elephants?",
           r"rhinos?", r"rhinoceros(?:es)?", r"lions?", r"giraffes?", r"gorillas?", r"dolphins?",
           r"whales?", r"fish", r"deer", r"buffalo(?:es)?", r"herds?", r"head of cattle"],
    "es": [r"vacas?", r"bueyes", r"buey", r"toros?", r"terneros?", r"novillos?", r"reses",
           r"ganado", r"cabras?", r"ovejas?", r"corderos?", r"carneros?", r"camellos?",
           r"caballos?", r"burros?", r"mulas?", r"cerdos?", r"perros?", r"gatos?",
           r"gallinas?", r"pollos?", r"aves", r"animales", r"animal", r"elefantes?",
           r"rinocerontes?", r"leones", r"ballenas?", r"peces", r"cabezas de ganado"],
    "fr": [r"vaches?", r"b\w{1,2}ufs?", r"taureaux", r"veaux", r"betail", r"chevres?",
           r"moutons?", r"brebis", r"agneaux", r"chameaux", r"chevaux", r"cheval", r"anes?",
           r"mulets?", r"porcs?", r"cochons?", r"chiens?", r"chats?", r"poulets?", r"poules?",
           r"volailles?", r"oiseaux", r"animaux", r"animal", r"elephants?", r"rhinoceros",
           r"lions?", r"baleines?", r"poissons?", r"sangliers?", r"tetes de betail"],
    "de": [r"\w*kuhe", r"\w*kuh", r"\w*rinder(?:n|herden?)?", r"\w*rind(?:es)?", r"\w*ochsen",
           r"\w*bullen", r"\w*kalber", r"\w*vieh", r"\w*ziegen?", r"\w*schafe?", r"\w*lammer",
           r"\w*kamele?", r"\w*pferde?", r"\w*esel", r"\w*schweine?", r"\w*hunde?",
           r"\w*katzen?", r"\w*huhner", r"\w*vogel", r"\w*tiere?", r"\w*elefanten",
           r"\w*nashorner", r"\w*lowen", r"\w*wale", r"\w*fische?"],
    # Russian nouns with their own endings, never an open stem: a word of people may begin
    # with one ("барановичцев", "скотников", "животноводов"); the text is folded ("й" "и")
    "ru": [r"коров(?:а|ы|е|у|о[йи]|ам|ами|ах)?", r"бык(?:а|у|ом|е|и|ов|ам|ами|ах)?",
           r"тел(?:[её]нок|[её]нк(?:а|у|ом|е)|ят(?:а|ам|ами|ах)?)", r"скот(?:а|у|ом|е)?",
           r"коз(?:а|ы|е|у|о[йи]|ам|ами|ах)?", r"ов(?:ец|ц(?:а|ы|е|у|о[йи]|ам|ами|ах))",
           r"баран(?:а|у|ом|е|ы|ов|ам|ами|ах)?",
           r"ягн(?:[её]нок|[её]нк(?:а|у|ом|е)|ят(?:а|ам|ами|ах)?)",
           r"верблюд(?:а|у|ом|е|ы|ов|ам|ами|ах)?", r"лошад(?:ь|и|е[йи]|ью|ям|ьми|ями|ях)",
           r"кон(?:ь|е[йи]|я|и|ю|ем|ям|ями|ях)", r"ос(?:[её]л|л(?:а|у|ом|е|ы|ов|ам|ами|ах))",
           r"свинь(?:я|и|ю|е[йи]|ям|ями|ях)", r"свине[йи]", r"собак(?:а|и|е|у|о[йи]|ам|ами|ах)?",
           r"кошк(?:а|и|е|у|о[йи]|ам|ами|ах)", r"кошек", r"кур(?:ы|ам|ами|ах)?",
           r"куриц(?:а|ы|е|у|е[йи])", r"птиц(?:а|ы|е|у|е[йи]|ам|ами|ах)?",
           r"животн(?:ое|ого|ому|ым|ом|ые|ых|ыми)", r"слон(?:а|у|ом|е|ы|ов|ам|ами|ах)?",
           r"носорог(?:а|у|ом|е|и|ов|ам|ами|ах)?", r"льв(?:а|у|ом|е|ы|ов|ам|ами|ах)",
           r"кит(?:ов|ы|а)", r"рыб(?:а|ы|у|о[йи])?"],
    "pt": [r"vacas?", r"bois", r"boi", r"touros?", r"bezerros?", r"novilhos?", r"gado",
           r"cabras?", r"ovelhas?", r"cordeiros?", r"carneiros?", r"camelos?", r"cavalos?",
           r"burros?", r"mulas?", r"porcos?", r"caes", r"cao", r"cachorros?", r"gatos?",
           r"galinhas?", r"frangos?", r"aves", r"animais", r"animal", r"elefantes?",
           r"rinocerontes?", r"leoes", r"baleias?", r"peixes?", r"cabecas de gado"],
    "nl": [r"koeien", r"koe", r"stieren?", r"kalveren", r"kalf", r"runderen", r"rund",
           r"vee", r"geiten?", r"schapen", r"schaap", r"lammeren", r"kamelen", r"kameel",
           r"paarden", r"paard", r"ezels?", r"varkens?", r"honden", r"hond", r"katten",
           r"kippen", r"vogels?", r"dieren", r"dier", r"olifanten", r"neushoorns?",
           r"leeuwen", r"walvissen", r"vissen"],
    "it": [r"mucche", r"mucca", r"vacche", r"buoi", r"bue", r"tori", r"vitelli", r"bestiame",
           r"capr[ae]", r"pecor[ae]", r"agnelli", r"montoni", r"cammelli", r"cavalli", r"asini",
           r"muli", r"maiali", r"cani", r"gatti", r"galline", r"polli", r"uccelli",
           r"animali", r"elefanti", r"rinoceronti", r"leoni", r"balene", r"pesci",
           r"capi di bestiame"],
})  # fmt: skip

#: Nouns formed as nouns of people: agent nouns ("kidnappers", "abductors", "extremists",
#: "ravisseurs", "braconniers", "secuestradores", "похитители", "Entführer", "Islamisten")
#: and the plurals of groups and peoples ("Houthis", "Afghans", "Shiites").
_PEOPLE_FORM: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\w{2,}(?:ers?|ors?|ists?|ants?|ents?|ians?|ees?|ites?|is|ans|eers?|ards?|m[ae]n)",
        re.I,
    ),
    "es": re.compile(r"\w{2,}(?:dor(?:es|as?)?|istas?|antes?|ientes?|eros?|eras?|anos?)", re.I),
    "fr": re.compile(r"\w{2,}(?:eurs?|euses?|iers?|ières?|istes?|ants?|ens?|ains?)", re.I),
    "de": re.compile(
        r"\w{3,}(?<!eu|au|ei)(?:er|ern|erin\w*)|\w{3,}(?:isten?|anten?|enten?|iten?)", re.I
    ),
    "ru": re.compile(
        r"\w{2,}(?:ник|чик|тел|ист)\w*|\w+(?:ец|цев|цов|йцы)|\w*(?:бандит|пират)\w*", re.I
    ),
}

#: Function words that look like nouns of people by their ending.
_NOT_PEOPLE_FORM = frozenset({
    "other", "another", "either", "neither", "former", "latter", "under", "over", "after",
    "never", "ever", "whether", "rather", "further", "their", "these", "those", "this", "its",
    "his", "her", "them", "others", "thus",
    "der", "oder", "aber", "über", "unter", "hinter", "wieder", "weiter", "immer", "jeder",
    "dieser", "jener", "welcher", "einer", "keiner", "unser", "euer", "ihrer", "seiner",
    "mehrerer", "anderer",
})  # fmt: skip


def _parts(word: str) -> list[str]:
    """``word`` and, if hyphenated, its last part, the head of a compound ("ex-soldiers",
    "Huthi-Rebellen", "Al-Shabaab-Kämpfer"): a whole-word pattern does not match it whole."""
    return [word, word.rsplit("-", 1)[-1]] if "-" in word.strip("-") else [word]


def is_a_thing(word: str, language: str) -> bool:
    """Whether ``word`` (or its head part) is a noun of a thing (:data:`THINGS`)."""
    return any(p.fullmatch(part) for part in _parts(word) for p in with_english(THINGS, language))


def is_a_doer(word: str, language: str) -> bool:
    """Whether ``word`` (or its head part) names people even where it names a thing too
    (:data:`PERSONS`, :data:`PEOPLE_AND_THINGS`) or is a thing's crew
    (:data:`_CREW_SUFFIX`). Who did a harm is an actor (ACLED's actor1), and a name that
    may be one is kept as one. Not :data:`PEOPLE`, whose open forms hold things
    ("Geschütze" in "\\w*schütze\\w*")."""
    tables = (PERSONS, PEOPLE_AND_THINGS)
    if any(
        p.fullmatch(part) for part in _parts(word) for table in tables
        for p in with_english(table, language)
    ):  # fmt: skip
        return True
    suffix = _CREW_SUFFIX.get(language)
    found = suffix.search(word) if suffix is not None else None
    return found is not None and found.start() >= 3 and is_a_thing(word[: found.start()], language)


def is_a_means(word: str, language: str) -> bool:
    """Whether ``word`` names a thing (:data:`THINGS`: a weapon, a device, a vehicle) and no
    people (:func:`is_a_doer`): the means of a harm, never who did it."""
    return is_a_thing(word, language) and not is_a_doer(word, language)


def is_an_animal(word: str, language: str) -> bool:
    """Whether ``word`` (or its head part), folded, is a noun of animals (:data:`ANIMALS`)."""
    folded = normalise_text(word, accents=False)
    return any(
        p.fullmatch(part) for part in _parts(folded) for p in with_english(ANIMALS, language)
    )


def is_people(word: str, language: str) -> bool:
    """Whether ``word`` (or its head part) is a word of people (:data:`PEOPLE`) or formed
    as one (:data:`_PEOPLE_FORM`) and no thing or animal ("sangliers", "Rinder")."""
    if is_a_thing(word, language) or is_an_animal(word, language):
        return False
    form = _PEOPLE_FORM.get(language)
    return any(
        any(p.fullmatch(part) for p in with_english(PEOPLE, language))
        or (form is not None and form.fullmatch(part) is not None and part not in _NOT_PEOPLE_FORM)
        for part in _parts(word)
    )


#: Per language the strict score reads counts in, nouns of people and of the toll that
#: :data:`PEOPLE` and :data:`_PEOPLE_FORM` leave out, folded: the dead, the
#: victims and the kinds of people a report of harm counts ("12 victims", "12 Tote",
#: "12 colonos", "12 fidèles", "12 тел"). The table's forms of agent nouns read "12
#: settlements" as people ("-ents"): :data:`_FOLDED_NOT_PEOPLE` unreads them.
_FOLDED_PEOPLE: dict[str, str] = {
    "en": r"victims?|deaths?|lives|bodies|corpses|dead|killed|wounded|injured|hurt|missing"
          r"|crew|crews|staff|officials?|others|nurses?|pilgrims?|muslims|jews|kurds"
          r"|marines?|sailors?|recruits?|relatives|famil(?:y|ies)|girls?|boys?|babies"
          r"|kids|adults?|pupils?|patients?|detainees?|prisoners?|hostages?|refugees?"
          r"|migrants?|workers?|villagers?|residents?|students?|taliban|rohingya|fulani"
          r"|hausa|yazidis?|christians?|shiites?|sunnis?|soldiers?|persons?|people"
          r"|civilians?|children|child|men|women|youths?|infants?|teenagers?|fatalities"
          r"|casualties|slain|chiefs?|elders?|vigilantes?|wives|husbands?|sons|daughters"
          r"|mothers|fathers|parents|siblings|brothers|sisters|friends|neighbou?rs|locals"
          r"|natives|guests|fans|voters|cadets|troopers|gendarmes|inmates|convicts|captives"
          r"|clerics|imams|priests|pastors|monks|nuns|faithful|congregants|herdsmen|tribesmen"
          r"|aides|athletes|commandos|conscripts|diplomats|envoys|judges|medics|paramedics"
          r"|midwives|newborns|shepherds|surgeons|widows|hindus|sikhs|druze|[a-z]{3,}ese"
          r"|[a-z]+(?:girls|boys|children|women|wives)",
    "es": r"personas?|muertos?|muertas?|heridos?|heridas?|fallecidos?|victimas?|cuerpos"
          r"|cadaveres|civiles|colonos|fieles|ninos|ninas|menores|jovenes|mujeres|hombres"
          r"|vecinos|alumnos|feligreses|familiares|rehenes|presos|refugiados|desaparecidos"
          r"|otros|otras|soldados|policias|agentes|habitantes|residentes|aldeanos"
          r"|migrantes|estudiantes|trabajadores|campesinos|pescadores",
    "fr": r"personnes?|morts?|blesses?|tues|victimes?|corps|civils|colons|fideles|enfants"
          r"|femmes|hommes|habitants|villageois|pecheurs|eleves|etudiants|otages|autres"
          r"|deces|disparus|soldats|militaires|policiers|gendarmes|jeunes|fermiers"
          r"|agriculteurs|eleveurs|refugies|migrants|manifestants|membres|nigerians"
          r"|cadavres|detenus|travailleurs",
    "de": r"menschen|tote|toten|verletzte|verletzten|opfer|todesopfer|leichen|zivilisten"
          r"|siedler|glaubige|glaubigen|kinder|frauen|manner|bewohner|einwohner|fischer"
          r"|soldaten|polizisten|personen|schuler|studenten|geiseln|fluchtlinge|migranten"
          r"|andere|vermisste|vermissten|dorfbewohner|arbeiter|bauern|getotet|verletzt|ermordet",
    "ru": r"человек|людеи|погибших|погибли|раненых|раненые|убитых|убиты|жертв|тел|трупов"
          r"|мирных|жителеи|поселенцев|верующих|рыбаков|детеи|женщин|мужчин|военных"
          r"|солдат|полицеиских|заложников|беженцев|пассажиров|студентов|школьников"
          r"|других|пострадавших|нигериицев|граждан|сельчан|крестьян|убито|погибло|ранено"
          r"|ранены",
    "pt": r"pessoas?|mortos?|mortas?|feridos?|feridas?|vitimas?|corpos|cadaveres|civis"
          r"|colonos|fieis|criancas|menores|jovens|mulheres|homens|moradores|habitantes"
          r"|residentes|aldeoes|vizinhos|alunos|estudantes|refens|presos|refugiados"
          r"|desaparecidos|outros|outras|soldados|policiais|militares|agentes|migrantes"
          r"|trabalhadores|camponeses|agricultores|pescadores|nigerianos|mineiros|pastores"
          r"|manifestantes|membros|combatentes|militantes|rebeldes|insurgentes|terroristas"
          r"|jihadistas|criminosos|bandidos|sequestradores|atiradores|pistoleiros|familiares"
          r"|fieis|peregrinos|detidos|prisioneiros",
    "nl": r"mensen|personen|doden|dode|gedood|gedode|gewonden|gewond|slachtoffers|lichamen"
          r"|lijken|burgers|kolonisten|gelovigen|kinderen|vrouwen|mannen|inwoners|bewoners"
          r"|dorpelingen|dorpsbewoners|vissers|boeren|soldaten|militairen|agenten"
          r"|politieagenten|strijders|militanten|rebellen|terroristen|jihadisten|gijzelaars"
          r"|vluchtelingen|migranten|studenten|leerlingen|scholieren|anderen|vermisten"
          r"|nigerianen|arbeiders|werknemers|demonstranten|leden|gevangenen|pelgrims"
          r"|herders|jongeren|tieners|babys|mijnwerkers|hulpverleners|familieleden",
}  # fmt: skip
#: Nouns of things that the casualty rules' forms of agent nouns take for people: English
#: "-ment(s)" ("settlements", "government"), "sprees"; German plurals in "-er(n)"
#: ("Massakern", "Hilfsgüter", "Lager"); Spanish "helicópteros"; Russian "убийств"
#: (killings, read as "-ист").
_FOLDED_NOT_PEOPLE: dict[str, str] = {
    "en": r"\w*ments?|sprees",
    "de": r"\w*(?:massakern?|guter|gutern|lager|lagern|zimmer|zimmern|kilometern?)",
    "es": r"helicopteros",
    "ru": r"\w*иств\w*",
}


@lru_cache(maxsize=64)
def _folded(table: str, language: str) -> re.Pattern[str] | None:
    """The whole-word pattern of :data:`_FOLDED_PEOPLE` or :data:`_FOLDED_NOT_PEOPLE`."""
    words = {"people": _FOLDED_PEOPLE, "not_people": _FOLDED_NOT_PEOPLE}[table].get(language)
    return re.compile(f"(?:{words})") if words else None


def counts_people(folded: str, language: str) -> bool:
    """Whether ``folded`` (a word case- and accent-folded, as the strict score reads a
    quote) names people or the toll after a count: :data:`_FOLDED_PEOPLE`, or
    :func:`is_people` for a word none of :data:`_FOLDED_NOT_PEOPLE` misreads. Not the
    casualty type's cue words: they hold nouns of events ("12 massacres", "12 killings",
    "12 tiroteos" count no people)."""
    word = folded.rstrip("'")
    people, not_people = _folded("people", language), _folded("not_people", language)
    if people is not None and people.fullmatch(word):
        return True
    return not (not_people is not None and not_people.fullmatch(word)) and is_people(word, language)


#: Words of office, rank, faith, dignity and address that stand before a surname and name
#: nobody themselves ("Mayor Holm", "Rabbi Holm", "Sa Majesté Holm", "Scheich Holm",
#: "Mandatario Holm"), per language; the titles of state office the meeting and visit
#: rules already read (:func:`~extractor.types.meeting._title_word`) are not repeated.
#: A word here is never read as another person's given name before a side's surname.
HONORIFICS: dict[str, frozenset[str]] = {
    "en": frozenset(
        ["mme", "mlle", "judge", "pope", "cardinal", "bishop", "archbishop",
         "patriarch", "rabbi", "imam", "ayatollah", "mullah", "reverend", "rev", "pastor",
         "mayor", "chairman", "chairwoman", "chairperson", "comrade", "marshal", "brigadier",
         "sergeant", "captain", "commander", "commissioner", "commodore", "majesty",
         "highness", "excellency", "honourable", "honorable", "hon", "sultan", "shah",
         "emperor", "empress", "princess", "sheikha", "dame", "baron", "duchess",
         "professor", "prof", "father", "lady", "mufti", "congressman", "congresswoman",
         "metropolitan", "envoy", "madam", "colonel", "admiral", "lieutenant", "lt"]
    ),
    "de": frozenset(
        ["scheich", "scheicha", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
         "oberbürgermeisterin", "papst", "kardinal", "bischof", "rabbiner", "imam",
         "genosse", "genossin", "marschall", "richter", "richterin", "vorsitzende",
         "vorsitzender", "majestät", "hoheit", "exzellenz", "kaiser", "sultan", "fürst",
         "herzog", "prinzessin", "königin", "professor", "professorin", "oberst",
         "pfarrer", "pfarrerin", "landrat", "landrätin", "abgeordnete", "abgeordneter"]
    ),
    "fr": frozenset(
        ["majesté", "altesse", "excellence", "maire", "juge", "pape", "cardinal", "évêque",
         "rabbin", "imam", "camarade", "maréchal", "cheikh", "cheikha", "sultan", "émir",
         "prince", "princesse", "roi", "reine", "mgr", "monseigneur", "docteur",
         "professeur", "préfet", "préfète", "député", "députée", "colonel", "patriarche"]
    ),
    "es": frozenset(
        ["mandatario", "mandataria", "alcalde", "alcaldesa", "juez", "jueza", "papa",
         "cardenal", "obispo", "rabino", "imán", "camarada", "mariscal", "jeque",
         "majestad", "alteza", "excelencia", "premier", "sultán", "emir", "príncipe",
         "princesa", "rey", "reina", "doctor", "doctora", "coronel", "monseñor",
         "diputado", "diputada", "patriarca", "comandante"]
    ),
    "it": frozenset(
        ["sindaco", "giudice", "papa", "cardinale", "vescovo", "rabbino", "imam",
         "maresciallo", "sceicco", "maestà", "altezza", "eccellenza", "premier", "sultano",
         "emiro", "principe", "principessa", "re", "regina", "mandatario", "onorevole",
         "on", "dottor", "dottore", "dott", "monsignor", "monsignore", "colonnello",
         "deputato", "deputata", "governatore", "patriarca", "ambasciatore", "ambasciatrice"]
    ),
    "pt": frozenset(
        ["premiê", "premier", "prefeito", "prefeita", "juiz", "juíza", "papa", "cardeal",
         "bispo", "rabino", "imã", "camarada", "marechal", "xeque", "majestade", "alteza",
         "excelência", "mandatário", "mandatária", "sultão", "emir", "príncipe", "princesa",
         "rei", "rainha", "doutor", "doutora", "coronel", "deputado", "deputada",
         "embaixador", "embaixadora", "padre", "governador", "governadora"]
    ),
    # Russian titles decline; the forms a title takes before a subject or an object
    # ("Мэр Холм", "с мэром Холмом", "мэра Холма")
    "ru": frozenset(
        form
        for stem, endings in {
            "мэр": ("", "а", "у", "ом", "е"), "губернатор": ("", "а", "у", "ом", "е"),
            "патриарх": ("", "а", "у", "ом", "е"), "посол": ("",), "посл": ("а", "у", "ом", "е"),
            "сенатор": ("", "а", "у", "ом", "е"), "судь": ("я", "и", "е", "ю", "ей"),
            "митрополит": ("", "а", "у", "ом", "е"), "имам": ("", "а", "у", "ом", "е"),
            "муфти": ("й", "я", "ю", "ем", "и"), "шейх": ("", "а", "у", "ом", "е"),
            "султан": ("", "а", "у", "ом", "е"), "эмир": ("", "а", "у", "ом", "е"),
            "король": ("",), "корол": ("я", "ю", "ём", "е"), "королев": ("а", "ы", "е", "у", "ой"),
            "принц": ("", "а", "у", "ем", "е"), "принцесс": ("а", "ы", "е", "у", "ой"),
            "господин": ("", "а", "у", "ом", "е"), "госпож": ("а", "и", "е", "у", "ой"),
            "генерал": ("", "а", "у", "ом", "е"), "полковник": ("", "а", "у", "ом", "е"),
            "адмирал": ("", "а", "у", "ом", "е"), "маршал": ("", "а", "у", "ом", "е"),
            "профессор": ("", "а", "у", "ом", "е"), "доктор": ("", "а", "у", "ом", "е"),
            "депутат": ("", "а", "у", "ом", "е"), "кардинал": ("", "а", "у", "ом", "е"),
            "епископ": ("", "а", "у", "ом", "е"), "раввин": ("", "а", "у", "ом", "е"),
            "товарищ": ("", "а", "у", "ем", "е"), "председател": ("ь", "я", "ю", "ем", "е"),
        }.items()
        for form in (stem + ending for ending in endings)
    ),
}  # fmt: skip


def is_an_honorific(word: str, language: str) -> bool:
    """Whether ``word`` (as written, a dot of abbreviation allowed) is a word of office,
    rank, faith, dignity or address before a name (:data:`HONORIFICS`), in ``language``
    or in English, which news in every language borrows ("Imam", "Mayor")."""
    low = unicodedata.normalize("NFC", word).lower().rstrip(".")
    return low in HONORIFICS.get(language, frozenset()) or low in HONORIFICS["en"]
