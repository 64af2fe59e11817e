"""ArmsTransfer: weapons move from a supplier to a recipient (SIPRI; PLOVER AID military).

Everything the pipeline knows about arms transfers: the record, its draft and
builder, the words a transfer needs, its columns and its gold mapping.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from itertools import pairwise
from typing import Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extractor.text import cues
from extractor.text.countries import countries_in_text, country_in_text, to_alpha3
from extractor.text.cues import (
    ACQUIRING_WORDS,
    SPEECH_VERBS,
    SUPPLYING_WORDS,
    cue_pattern,
    cue_patterns,
    speech_verbs,
)
from extractor.text.grounding import normalise_text
from extractor.text.language import close_languages
from extractor.text.quantities import is_amount, number_forms
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, check_order
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    StatusText,
    _same_word,
    draft_terms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.parts import Actor, DateValue, Money, Status
from extractor.types.registry import GoldSpec, RecordSpec

ARMS_WORDS = cue_pattern(
    ["arms", "weapons?", "missiles?", "munitions?", "ammunition",
     "military (?:aid|assistance|equipment|sale)", "security assistance",
     "defen[cs]e (?:articles|equipment|sale)", "foreign military sale", "aircraft", "jets?",
     r"f-\d+", "tanks?", "drones?", "helicopters?", "artillery", "rockets?", r"torpedo\w*",
     "radars?", "howitzers?", "rifles?", "warships?", "frigates?", "submarines?",
     "air defen[cs]e", "himars", "patriot"]
)  # fmt: skip
#: Words of weapons per language (ISO 639-1): arms, missiles, munitions,
#: aircraft, armour, ships, air defence, military aid. English is :data:`ARMS_WORDS`.
ARMS_CUES = cue_patterns(
    {
        "es": ["armas?", r"armamento\w*", r"misil\w*", "munición", "municiones", "cohetes?", "aviones",
               "avión", "aeronaves?", "cazas", "tanques", "carros de combate", r"helicóptero\w*",
               "drones?", "artillería", "obuses", r"fusil(?:es)?", r"buques? de guerra",
               "fragatas?", "submarinos?", "torpedos?", "radar(?:es)?", r"antiaére\w*",
               r"defensa (?:aérea|antimisiles)", "ayuda militar", "asistencia militar",
               r"equipos? militar(?:es)?", "material militar", "venta de armas",
               r"blindad[oa]s?", r"proyectil(?:es)?", "patriot", "himars", r"f-\d+"],
        "fr": ["armes?", r"armement\w*", "missiles?", "munitions?", "roquettes?", "avions?",
               "aéronefs?", "chasseurs?", "chars", r"blindés?", r"hélicoptères?", "drones?",
               "artillerie", "obusiers?", "fusils?", r"navires? de guerre", r"frégates?",
               "sous-marins?", "torpilles?", "radars?",
               r"défense (?:aérienne|antiaérienne|antimissile)", "aide militaire",
               "assistance militaire", r"équipements? militaires?", r"matériels? militaires?",
               r"vente d['’]armes", "patriot", "himars", r"f-\d+"],
        "de": [r"\w*waffe\w*", r"\w*rüstung\w*", r"\w*rakete\w*", r"Flugkörper\w*",
               r"Munition\w*", "Kampfjets?", r"\w*flugzeug\w*", r"\w*panzer\w*",
               r"\w*hubschrauber\w*", r"Drohne\w*", r"Artillerie\w*", r"Haubitze\w*",
               r"Gewehr\w*", r"Kriegsschiff\w*", r"Fregatte\w*", r"U-Boot\w*", r"Torpedo\w*",
               r"Radar\w*", r"Luftverteidigung\w*", r"Flugabwehr\w*", r"Militärhilfe\w*",
               r"militärische\w* (?:Hilfe|Unterstützung|Ausrüstung|Güter)",
               r"Verteidigungsgüter\w*", r"Militärgüter\w*", r"Geschütz\w*", "Patriot",
               "HIMARS", r"Leopard[- ]?[12]\w*", r"F-\d+"],
        "ru": [r"оружи\w*", r"вооружени\w*", r"ракет\w*", r"боеприпас\w*", r"снаряд\w*",
               r"самол[её]т\w*", r"истребител\w*", r"танк\w*", r"бронетехник\w*",
               r"бронемашин\w*", r"беспилотн\w*", r"дрон\w*", r"вертол[её]т\w*",
               r"артиллери\w*", r"гаубиц\w*", r"винтовк\w*",
               r"военн\w* (?:помощ\w*|техник\w*|имуществ\w*|оборудовани\w*|поставк\w*)",
               r"военно-техническ\w*", r"военн\w* корабл\w*", r"фрегат\w*",
               r"подводн\w* лодк\w*", r"торпед\w*", r"радар\w*", "РЛС", "ПВО",
               r"противовоздушн\w*", r"зенитн\w*", "Patriot", "HIMARS", r"F-\d+"],
        "zh": ["武器", "军火", "军售", "军援", "军事援助", "安全援助", "导弹", "飞弹", "弹药",
               "炮弹", "火箭", "飞机", "战机", "战斗机", "军机", "坦克", "装甲车", "无人机",
               "直升机", "火炮", "大炮", "榴弹炮", "步枪", "枪支", "军舰", "战舰", "护卫舰",
               "驱逐舰", "潜艇", "鱼雷", "雷达", "防空", "反导", "军事装备", "国防装备",
               "爱国者", "海马斯", r"(?<![A-Za-z0-9])[FJ]-\d+", r"(?<![A-Za-z])(?:HIMARS|Patriot)(?![A-Za-z])"],
    },
    english=ARMS_WORDS,
)  # fmt: skip


class WeaponCategory(StrEnum):
    """SIPRI's weapon categories, plus the small arms and ammunition news reports mention."""

    AIRCRAFT = "aircraft"
    AIR_DEFENCE = "air_defence"
    ANTI_SUBMARINE = "anti_submarine"
    ARMOURED_VEHICLES = "armoured_vehicles"
    ARTILLERY = "artillery"
    ENGINES = "engines"
    MISSILES = "missiles"
    NAVAL_WEAPONS = "naval_weapons"
    SATELLITES = "satellites"
    SENSORS = "sensors"
    SHIPS = "ships"
    SMALL_ARMS = "small_arms"
    AMMUNITION = "ammunition"
    OTHER = "other"


class ArmsItem(BaseModel):
    """One line of a deal: what, which SIPRI category, how many."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    designation: str = Field(min_length=1, description="As written ('PAC-3 MSE missiles').")
    category: WeaponCategory | None = None
    quantity: int | None = Field(default=None, ge=0)


#: What a report may say of a deal; the model is offered all but "cancelled".
ReportedDealStatus = Literal["announced", "approved", "ordered", "delivered", "alleged"]
DealStatus = Literal[ReportedDealStatus, "cancelled"]
TransferType = Literal["sale", "aid", "licence", "second_hand"]


class ArmsTransfer(Record):
    """Weapons move from a supplier to a recipient (SIPRI Arms Transfers; PLOVER AID military)."""

    record_type: ClassVar[RecordType] = "arms_transfer"
    type: Literal["arms_transfer"] = "arms_transfer"
    supplier: Actor
    recipient: Actor
    end_user: Actor | None = None
    items: list[ArmsItem] = Field(default_factory=list)
    value: Money | None = None
    order_date: DateValue | None = None
    delivery_date: DateValue | None = None
    deal_status: DealStatus | None = None
    transfer_type: TransferType | None = None

    @model_validator(mode="after")
    def _arms_rules(self) -> ArmsTransfer:
        if (
            self.supplier.country
            and self.supplier.country == self.recipient.country
            and normalise_text(self.supplier.name) == normalise_text(self.recipient.name)
        ):
            raise ValueError("supplier and recipient are the same: a transfer has two sides")
        check_order(self.order_date, self.delivery_date)
        return self

    def key_fields(self) -> list[Any]:
        return [
            normalise_text(self.supplier.country or self.supplier.name),
            normalise_text(self.recipient.country or self.recipient.name),
            sorted(normalise_text(i.designation) for i in self.items),
            str(self.value.amount) if self.value else None,
        ]

    def actors(self) -> list[Actor]:
        return [a for a in (self.supplier, self.recipient, self.end_user) if a]

    def countries(self) -> list[str]:
        return [c for c in (self.supplier.country, self.recipient.country) if c]

    def key_numbers(self) -> list[tuple[Any, str | None]]:
        if self.value is not None:
            return [(self.value.amount, self.value.text)]
        return []

    def event_dates(self) -> list[DateValue]:
        return [d for d in (self.order_date, self.delivery_date) if d]

    def plover(self) -> Plover | None:
        if self.transfer_type in ("aid", "second_hand") or self.transfer_type is None:
            return Plover(category="AID", mode="military")
        return None


class ItemDraft(Draft):
    designation: str = Field(description="weapon or equipment as written")
    category: (
        Literal[
            "aircraft", "air_defence", "armoured_vehicles", "artillery", "missiles",
            "naval_weapons", "sensors", "ships", "small_arms", "ammunition", "other",
        ]
        | None
    )  # fmt: skip
    quantity: int | None


class ArmsTransferDraft(Draft):
    supplier: str | None = Field(description="ISO alpha-3 code, or the group's name")
    recipient: str | None = Field(description="ISO alpha-3 code, or the group's name")
    items: list[ItemDraft]
    value: str | None = Field(description="price as written, e.g. '$267 million'")
    date: str | None = Field(description="date as written")
    deal_status: ReportedDealStatus | None
    transfer_type: Literal["sale", "aid", "licence", "second_hand"] | None
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


def build(draft: ArmsTransferDraft, make: Builder) -> dict[str, Any]:
    when_value = make.when(draft.date)
    told = told_deal(
        make.quote,
        _deal_reading(make),
        [i.designation for i in draft.items],
        _state_codes(draft.supplier, draft.recipient),
    )
    deal_status: DealStatus | None = draft.deal_status
    recoded = _RECODED.get(told or "", deal_status)
    if told == "sought" and deal_status not in ("delivered", "ordered"):
        recoded = deal_status  # a request's deal is no more than announced: kept as drafted
    if told == "ordered" and deal_status != "delivered":
        recoded = deal_status  # a contract is no less than ordered: only a delivery recoded
    if recoded != deal_status:
        make.warn(
            f"deal_status {deal_status!r}: the evidence says the deal was {told}: coded {recoded!r}"
        )
        deal_status = recoded
    delivered = deal_status == "delivered"
    # An item is a weapon the article names, as written: one it does not name (the
    # prompt's own "Leopard 2 tanks", a guess) is dropped, not coded.
    items = [
        ArmsItem(
            designation=i.designation,
            category=i.category,
            quantity=make.stated(
                i.quantity, f"quantity of {i.designation!r}", besides=i.designation, on=True
            ),
        )
        for i in draft.items
        if _a_weapon(i.designation, make)
    ]
    data: dict[str, Any] = {
        "supplier": make.party(draft.supplier),
        "recipient": make.party(draft.recipient),
        "items": items,
        "value": make.money(draft.value),
        "delivery_date": when_value if delivered else None,
        "order_date": None if delivered else when_value,
        "deal_status": deal_status,
        "transfer_type": draft.transfer_type,
    }
    if deal_status == "alleged":
        data["status"] = Status.ALLEGED
    if when_value is not None and draft.status == "occurred" and _after(when_value, make):
        # "will deliver 20 tanks by 2027": the deal may be made, the delivery is to come
        make.warn(
            f"date {when_value.text!r} is after the publication date: the transfer is "
            "planned, and the date is the expected delivery's"
        )
        data["status"] = Status.PLANNED
        if deal_status != "delivered" and _names_supplying(make.quote, make.language):
            data["delivery_date"], data["order_date"] = when_value, None
    if told == "refused" and draft.status != "denied":
        make.warn(
            f"status {draft.status!r}: the evidence says the transfer was refused, denied "
            "or will not be made: coded 'denied'"
        )
        data["status"] = Status.DENIED
    return directed(publisher_as_named(speaker_as_named(data, make), make), make)


def _after(when: DateValue, make: Builder) -> bool:
    """Whether ``when`` lies wholly after the article's publication date."""
    published = make.published
    value = when.value
    if published is None or not isinstance(value, str) or not value[:4].isdigit():
        return False
    return value > published.isoformat()[: len(value)]


def _names_supplying(quote: str, language: str) -> bool:
    """Whether ``quote`` has a verb of supplying (a delivery's, not an order's)."""
    words = SUPPLYING_WORDS.get(language) or SUPPLYING_WORDS["en"]
    return (
        cue_pattern(words, language if language in SUPPLYING_WORDS else "en").search(quote)
        is not None
    )


#: The deal status a told status recodes a draft's to ("sought": see :func:`build`).
_RECODED: dict[str, DealStatus | None] = {
    "cancelled": "cancelled",
    "approved": "approved",
    "sought": "announced",
    "ordered": "ordered",
}


def _deal_reading(make: Builder) -> str:
    """The language a deal's status words are read in: the article's, or where the
    detector could not choose one the status words have (a lone sentence: "und"), the
    likeliest language the article is close to that has them."""
    language = make.language
    if language in cues.DEAL_CANCELLED_CUES:
        return language
    close = close_languages(str(make.context.get("text", "")))
    return next((each for each in close if each in cues.DEAL_CANCELLED_CUES), language)


#: Where a deal's clause ends: a sentence's or clause's punctuation, or a conjunction
#: that opens another clause ("after Spain cancelled its order of frigates", "despite
#: calls to cancel the deal", "as Italy suspended its exports", "lorsque", "als",
#: "когда", "之际"). "As" and "als" end a clause only as subordinators: not in "such
#: as", "as well as", "mehr als 20"; none does right after a relative pronoun, whose
#: clause it is an adverb of ("Germany, which once refused to sell tanks, ...").
_DEAL_CLAUSE_END = re.compile(
    r"[.;:!?。；！？\n,，]|之际|之時|之时|的时候|的時候|"
    r"\s(?<!which\s)(?<!who\s)(?<!that\s)(?<!qui\s)(?<!que\s)(?i:after|while|but|whereas|although|"
    r"though|despite|in\s+spite\s+of|before|because|since|when|once(?!\s+(?:again|more))|"
    r"whenever|cuando|"
    r"después\s+de|mientras|pero|aunque|pese\s+a|a\s+pesar\s+de|après|lorsque|quand|"
    r"tandis\s+que|pendant\s+que|alors\s+que|mais|malgré|bien\s+que|nachdem|während|wenn|"
    r"aber|obwohl|trotz|после|когда|пока|в\s+то\s+время\s+как|хотя|несмотря\s+на|но|"
    r"(?<!such\s)(?<!well\s)as(?!\s+(?:well|part|such|much|many|far|long|soon|of|to|a|an)\b)|"
    r"(?<!mehr\s)(?<!weniger\s)als(?!\s+(?:\d|Teil|Ersatz)))(?!\w)"
)


def told_deal(
    quote: str, language: str, items: list[str], parties: frozenset[str] = frozenset()
) -> str | None:
    """What the cited text says became of the deal, read in the clause that names its
    weapons: "cancelled" (cancelled, scrapped, suspended: SIPRI's cancelled deal),
    "refused" (refused, denied, will not be made: no transfer), "approved" (a notice of
    a possible sale: approved, not delivered), "sought" (requested, offered, weighed:
    no deal yet), "ordered" (a contract, agreement or order made, and the cited text
    says nowhere that goods arrived: SIPRI's order, no delivery), or None. A
    cancellation of another deal of the sentence ("delivered tanks after Spain cancelled
    its order of frigates") or a call to cancel ("despite calls to cancel") is none of
    these, nor is a status word whose subject is a state other than the deal's
    ``parties`` (alpha-3 codes): "in a move Italy rejected".
    """
    reading = language if language in cues.DEAL_CANCELLED_CUES else "en"
    # The drafted items name the deal where the text writes them; else any weapon does.
    named = [i for i in items if _deal_named_at(quote, reading, [i], weapons=False) is not None]
    ordered = False
    for clause in _deal_predicates(quote, reading, named):
        at = _deal_named_at(clause, reading, named, weapons=not named)
        if at is None:
            continue
        if _found_unurged(cues.DEAL_CANCELLED_CUES[reading], clause, reading, parties):
            return "cancelled"
        if _predicates(cues.DEAL_REFUSED_CUES[reading], clause, reading, parties) or _negated(
            clause, reading
        ):
            return "refused"
        if cues.POSSIBLE_SALE_CUES[reading].search(clause):
            return "approved"
        sought = next(
            iter(_predicates(cues.DEAL_SOUGHT_CUES[reading], clause, reading, parties)), None
        )
        if sought and sought.start() < at and not cues.AT_REQUEST[reading].search(clause):
            return "sought"
        order = cues.DEAL_ORDERED_CUES[reading].search(clause)
        ordered = ordered or (order is not None and (order.start() < at or reading in _LAST))
    if ordered and not _goods_arrived(quote, reading, named):
        return "ordered"
    return None


def _goods_arrived(quote: str, reading: str, items: list[str]) -> bool:
    """Whether ``quote`` says goods arrived (:data:`cues.GOODS_ARRIVED_CUES`) in a
    predicate about the deal's goods: one that names other weapons and none of the
    ``items`` ("Spain ordered 20 tanks and France delivered the first 4 howitzers") tells
    another deal's delivery, not this one's. With no item named, any arrival counts."""
    arrived = cues.GOODS_ARRIVED_CUES[reading]
    for clause in _DEAL_CLAUSE_END.split(quote):
        for part in _COORDINATED_PREDICATE.split(clause):
            if arrived.search(part) is None:
                continue
            other = (
                items
                and _deal_named_at(part, reading, items, weapons=False) is None
                and _deal_named_at(part, reading, [], weapons=True) is not None
            )
            if not other:
                return True
    return False


#: A word that makes the participle after it the items' attribute, not the clause's
#: predicate: a determiner or possessive ("the requested tanks", "los solicitados
#: tanques", "les suspendues", "die angefragten"), or a compound's first part
#: ("long-requested", "much-delayed").
_ATTRIBUTE_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:the|its|their|his|her|these|those|los|las|sus|les|ses|leurs?|"
    r"die|den|der|des|ihre\w*|seine\w*)\s+(?:[\w'’]+-)?|[\w]-)$"
)
#: A past participle's ending ("requested", "sought", "solicitados", "suspendues",
#: "angefragten"): only a participle describes a noun; "the request" is no attribute.
_PARTICIPLE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?i)(?:ed|ught)$"),
    "es": re.compile(r"(?i)(?:ad|id)[oa]s?$"),
    "fr": re.compile(r"(?i)(?:é|ée|és|ées|ue|us|ues|ie|is|ies)$"),
    "de": re.compile(r"(?i)(?:t|en|te|ten|tes|ter)$"),
}
#: Spanish and French inflect a past participle, unlike their past tenses ("suspendió",
#: "a suspendu"): one written after its noun with no auxiliary before it is the noun's
#: attribute ("las entregas de tanques suspendidas en 2022", "les livraisons suspendues").
_AUXILIARY_BEFORE: dict[str, re.Pattern[str]] = {
    "es": re.compile(
        r"(?i)(?<!\w)(?:ha|han|había|habían|haya|hayan|hubiera|hubieran|fue|fueron|sido|"
        r"será|serán|sería|serían|es|son|era|eran|está|están|estaba|estaban|estar|ser|"
        r"quedó|quedaron|queda|quedan|sigue|siguen)\s+(?:\w+\s+)?$"
    ),
    "fr": re.compile(
        r"(?i)(?:(?<!\w)(?:a|ont|avait|avaient|aura|auront|aurait|auraient|été|est|sont|"
        r"était|étaient|sera|seront|serait|seraient|fut|furent|être|avoir|reste|restent|"
        r"demeure)|[nl][’']a)\s+(?:\w+\s+)?$"
    ),
}
#: A Russian adjectival participle ("приостановленные поставки", "предложенные
#: танки"): an attribute; the predicate is a verb or a short form ("приостановлена").
_RUSSIAN_ATTRIBUTE = re.compile(r"(?i)(?:нн|т)(?:ый|ий|ая|ое|ые|ых|ую|ой|ым|ыми|ого|ому|ом)$")
#: A Chinese modifier: a status word, or it and a verb of supplying, ending in 的 before
#: its noun ("暂停的20辆坦克", "意大利拒绝出售的坦克", "其要求的坦克").
_CHINESE_ATTRIBUTE = re.compile(
    "^(?:{})?的".format("|".join((*SUPPLYING_WORDS.get("zh", ()), *ACQUIRING_WORDS.get("zh", ()))))
)


def _attributive(clause: str, found: re.Match[str], reading: str) -> bool:
    """Whether the status word ``found`` describes a noun (the items, the deliveries)
    rather than being its clause's predicate: "delivered the requested 20 tanks",
    "resumed deliveries suspended in 2022" say nothing of the deal's stage."""
    before = clause[: found.start()]
    if reading == "zh":
        return _CHINESE_ATTRIBUTE.match(clause[found.end() :]) is not None
    whole = re.match(r"[\w-]*", clause[found.start() :])
    word = whole.group(0) if whole is not None else found.group(0)
    if reading == "ru":
        return _RUSSIAN_ATTRIBUTE.search(word) is not None
    participle = _PARTICIPLE.get(reading)
    if participle is None or participle.search(word) is None:
        return False  # a noun ("the request for tanks") or a finite verb
    if _ATTRIBUTE_BEFORE.search(before):
        return True
    auxiliary = _AUXILIARY_BEFORE.get(reading)
    return auxiliary is not None and auxiliary.search(before) is None


def _predicates(
    pattern: re.Pattern[str], clause: str, reading: str, parties: frozenset[str] = frozenset()
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``clause`` that are the deal's predicate: not an
    attribute, and not said of a state other than the deal's ``parties``."""
    return [
        m
        for m in pattern.finditer(clause)
        if not _attributive(clause, m, reading)
        and not _another_states(clause[: m.start()], reading, parties)
    ]


def _another_states(before: str, reading: str, parties: frozenset[str]) -> bool:
    """Whether the words right before a status word (its subject's place) name a state
    that is not one of the deal's ``parties``: "in a move Italy rejected", "Italy had
    refused", "意大利拒绝". With no party known, nothing is another's."""
    if not parties:
        return False
    near = before[-8:] if reading == "zh" else " ".join(before.split()[-3:])
    found = country_in_text(near, reading) if near.strip() else None
    return found is not None and found not in parties


def _state_codes(*values: str | None) -> frozenset[str]:
    """The alpha-3 codes of the drafted sides that are states (a group is none)."""
    codes = set()
    for value in values:
        try:
            codes.add(to_alpha3(value or ""))
        except ValueError:
            continue
    return frozenset(codes)


#: Languages that may write a deal's verb or head noun after its goods ("hat 24
#: Hubschrauber bestellt", "购买24架直升机的合同").
_LAST = frozenset({"de", "zh"})

#: A coordinating conjunction that opens another predicate of the same subject
#: ("delivered tanks and rejected criticism", "y rechazó", "et a annulé", "und lehnte",
#: "и отвергла", "并拒绝"): a status word after it is that predicate's, not the deal's.
_COORDINATED_PREDICATE = re.compile(r"\s(?i:and|y|e|et|und|и)\s|并且|并|而且")
#: A relative clause on one side ("Poland, which asked for tanks, received ..."):
#: what it says that side did is not the deal's clause.
_RELATIVE_CLAUSE = re.compile(
    r"^\s*(?i:which|who|que|quien(?:es)?|qui|lequel|laquelle|welche\w*|котор\w+)(?!\w)"
)

#: German's relative pronoun after a comma ("die Panzer, die Deutschland verweigert hatte"),
#: which is also its article: read as a relative clause only to join it to goods before it.
_DE_RELATIVE = re.compile(r"^\s*(?i:der|die|das|den|dem|deren|dessen)(?!\w)")


def _deal_predicates(quote: str, reading: str, items: Sequence[str] = ()) -> list[str]:
    """The deal's candidate clauses of ``quote``: its clauses, less relative clauses on a
    side, each cut at a coordinated predicate. A predicate that names no weapon but
    holds a verb of supplying ("refused to sell and deliver tanks") is read with the
    next, whose weapons that verb takes too. A relative clause on the deal's goods ("the
    tanks, which Germany refused to deliver, ...") is the deal's: read with its
    antecedent, when the antecedent's own clause has no verb of supplying or acquiring
    ("Germany delivered 20 tanks, which it had refused to sell" is a delivery)."""
    verbs = "|".join((*SUPPLYING_WORDS.get(reading, ()), *ACQUIRING_WORDS.get(reading, ())))
    supplying = re.compile(rf"(?i)(?:{verbs})") if verbs else None
    verb = re.compile(rf"(?i)(?<!\w)(?:{verbs})(?!\w)") if verbs else None
    found: list[str] = []
    previous = antecedent = ""
    resumed = _RESUMED.get(reading)
    for clause in _DEAL_CLAUSE_END.split(quote):
        before, previous = previous, clause
        if antecedent and resumed and re.match(rf"\s*{resumed}(?!\w)", clause, re.I):
            # "The sale of 20 tanks, which Germany announced, was cancelled": the goods'
            # own predicate after the relative clause on them
            found.append(antecedent + clause)
        antecedent = ""
        relative = _RELATIVE_CLAUSE.match(clause)
        if (relative or (reading == "de" and _DE_RELATIVE.match(clause))) and _on_goods(
            before, reading, items
        ):
            antecedent = before
            if not (supplying and supplying.search(before)):
                found.append(before + clause)
        if relative:
            continue
        clause = _before_relative(clause, reading, verb)
        carried = ""
        for part in _COORDINATED_PREDICATE.split(clause):
            part = carried + part
            carried = ""
            named = _deal_named_at(part, reading, [], weapons=True) is not None
            if not named and supplying is not None and supplying.search(part):
                carried = part + " "
            found.append(part)
    return found


#: A relative pronoun inside a clause ("tanks that Italy refused to sell", "tanques que
#: Italia no vendería", "chars que l'Italie a refusé", "в шаге который Италия
#: отвергла"): what follows it is another clause, with its own subject.
_RELATIVE_PRONOUN = re.compile(
    r"(?i)(?<!\w)(?:that|which|who|whom|whose|que|qu[’']|quien(?:es)?|qui|dont|lequel|"
    r"laquelle|lesquel(?:le)?s|котор\w+)(?![\w’'])"
)


#: An English relative clause with no pronoun ("tanks it could not buy elsewhere",
#: "weapons they had never obtained"): a subject pronoun right after a noun, then an
#: auxiliary or a negation, opens a clause of its own.
_EN_CONTACT_RELATIVE = re.compile(
    r"(?<=[\w'’])\s+(?=(?i:it|they|he|she|we|you|I)\s+(?:could|would|can|cannot|can['’]t|"
    r"couldn['’]t|wouldn['’]t|did|didn['’]t|does|doesn['’]t|do|don['’]t|had|has|have|"
    r"hadn['’]t|hasn['’]t|haven['’]t|will|won['’]t|might|may|must|should|was|were|never|"
    r"no\s+longer)(?!\w))"
)
#: The passive or perfect auxiliary that resumes a main clause after a relative clause
#: on its subject ("the sale of 20 tanks that Germany announced was cancelled", "la
#: venta de tanques que Alemania anunció fue cancelada", "la vente ... que la France
#: avait annoncée a été annulée"), per language.
_RESUMED = {
    "en": r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|"
    r"has\s+now\s+been|got)",
    "es": r"(?:fue|fueron|ha\s+sido|han\s+sido|había\s+sido|será|serán|quedó|quedaron)",
    "fr": r"(?:a\s+été|ont\s+été|avait\s+été|avaient\s+été|fut|furent|sera|seront|est|sont)",
    "de": r"(?:wurde|wurden|ist|sind|war|waren|wird|werden)",
    "ru": r"(?:был|была|было|были|будет|будут)",
}
#: At least this many words between a relative pronoun and a resuming auxiliary: the
#: relative clause's subject and verb ("that was cancelled" is the relative's own passive).
_RELATIVE_WORDS = 2


def _relative_openings(clause: str, reading: str) -> list[tuple[int, int]]:
    """Where relative clauses open in ``clause`` (start, end of the pronoun): at a relative
    pronoun, and in English at a subject pronoun that follows its noun unmarked."""
    found = [(m.start(), m.end()) for m in _RELATIVE_PRONOUN.finditer(clause)]
    if reading == "en":
        found += [(m.start(), m.end()) for m in _EN_CONTACT_RELATIVE.finditer(clause)]
    return sorted(found)


def _resumed(rest: str, reading: str) -> str:
    """The main clause's predicate after a relative clause (``rest``: the words after its
    pronoun), when an auxiliary resumes it past the relative's subject and verb ("...
    Germany announced | was cancelled"), else ""."""
    aux = _RESUMED.get(reading)
    if aux is None:
        return ""
    found = re.search(rf"(?<!\w){aux}(?!\w)", rest, re.I)
    if found is None or len(rest[: found.start()].split()) < _RELATIVE_WORDS:
        return ""
    if _RELATIVE_PRONOUN.search(rest[: found.start()]):
        return ""  # another relative clause's ("ordered in a deal that was suspended")
    return rest[found.start() :]


def _before_relative(clause: str, reading: str, supplying: re.Pattern[str] | None) -> str:
    """``clause`` up to a relative clause after the deal's weapons, where the words before
    it hold the deal's own verb of supplying or acquiring: "delivered 20 tanks that Italy
    had refused to sell" is read as "delivered 20 tanks", "bought tanks it could not buy
    elsewhere" as "bought tanks". The main clause's own predicate after the relative
    clause is read on ("the sale of 20 tanks that Germany announced was cancelled").
    Without that verb the relative clause is the deal's ("Poland wanted the tanks that
    Germany refused to sell"), and a pronoun before the weapons opens the clause that
    names them ("denied that it had sold tanks", "a annoncé qu'elle annulait la vente de
    chars"): both read whole."""
    for start, end in _relative_openings(clause, reading):
        before = clause[:start]
        if _deal_named_at(before, reading, [], weapons=True) is not None:
            verb = supplying is not None and supplying.search(before) is not None
            return before + _resumed(clause[end:], reading) if verb else clause
    return clause


def _on_goods(before: str, reading: str, items: Sequence[str]) -> bool:
    """Whether the words right before a relative clause (its antecedent: the last three
    words of ``before``) name the deal's goods."""
    tail = " ".join(before.split()[-3:])
    return bool(tail) and _deal_named_at(tail, reading, list(items), weapons=True) is not None


#: A call, demand or pressure to do the verb after it ("calls to cancel", "urged to
#: scrap"): not done.
_URGED = re.compile(
    r"(?i:calls?|call(?:ed|ing)\s+on|demand\w*|urg\w*|pressure|push\w*|appel\w*|llam\w*|"
    r"exig\w*|pid\w*|Forderung\w*|forder\w*|призыв\w*|требова\w*|呼吁|要求)"
    r"[^.;:!?。；！？]{0,40}$"
)


def _found_unurged(
    pattern: re.Pattern[str], clause: str, reading: str, parties: frozenset[str] = frozenset()
) -> bool:
    """Whether ``pattern`` is in ``clause`` as its predicate, not as what someone calls
    for nor as an attribute (:func:`_attributive`)."""
    return any(
        _URGED.search(clause[: m.start()]) is None
        for m in _predicates(pattern, clause, reading, parties)
    )


def _negated(clause: str, reading: str) -> bool:
    """A negation before a verb of supplying or acquiring ("will not deliver")."""
    negation = cues.NEGATIONS.get(reading)
    if negation is None:
        return False
    verbs = "|".join((*SUPPLYING_WORDS.get(reading, ()), *ACQUIRING_WORDS.get(reading, ())))
    if reading == "zh":  # unspaced: the negator right before the verb (未交付, 不会向X出售)
        return (
            re.search(
                rf"{negation}(?:会|能|再|将|曾)?(?:(?:向|对|给)[^，。,\s]{{1,12}}?)?(?:{verbs})(?!的)",
                clause,
            )
            is not None
        )
    between = cues.NEGATED_VERB_BETWEEN.get(reading, r"\w+")
    reach = 4 if reading == "de" else 2  # German's verb is last: "keine Panzer an Polen liefern"
    return re.search(
        rf"(?i)(?<!\w){negation}\s*(?:(?:{between})\s+){{0,{reach}}}(?:{verbs})(?!\w)", clause
    ) is not None or _negated_after(clause, reading, verbs)


def _negated_after(clause: str, reading: str, verbs: str) -> bool:
    """A negation after its verb (:data:`cues.NEGATED_GOODS`, :data:`cues.NEGATED_AFTER_VERB`):
    "delivers no tanks", "liefert Polen keine Panzer", "liefert die Panzer nicht": the
    goods' negation right before a weapon, or German's "nicht" anywhere after the verb
    in its clause (not a "nicht nur")."""
    word = r"\s+(?!(?:and|und|but|aber|sondern|oder|or)(?!\w))\S+"  # no other predicate's
    after = rf"(?i)(?<!\w)(?:{verbs})(?!\w)(?:{word}){{0,3}}?\s+"
    goods = cues.NEGATED_GOODS.get(reading)
    weapon = ARMS_CUES.get(reading, ARMS_WORDS).pattern
    if goods and re.search(rf"{after}(?:{goods})(?!\w)(?:\s+\S+){{0,2}}?\s+(?:{weapon})", clause):
        return True
    verb_last = cues.NEGATED_AFTER_VERB.get(reading)
    return bool(verb_last) and re.search(rf"{after}(?:{verb_last})(?!\w)", clause) is not None


def _deal_named_at(clause: str, reading: str, items: list[str], *, weapons: bool) -> int | None:
    """Where ``clause`` names the deal's weapons (the items' words; with ``weapons``,
    any weapon too), or None."""
    words = {
        w for item in items for w in re.findall(r"[\w'’-]+", normalise_text(item)) if len(w) > 2
    }
    for m in re.finditer(r"[\w'’-]+", clause):
        if any(_same_word(normalise_text(m.group(0)), w) for w in words):
            return m.start()
    for item in items:  # an unspaced script's item ("坦克")
        if item.strip() and re.search(f"[{cues.HAN_AND_KANA}]", item):
            at = clause.find(item.strip())
            if at >= 0:
                return at
    found = ARMS_CUES.get(reading, ARMS_WORDS).search(clause) if weapons else None
    return found.start() if found is not None else None


def speaker_as_named(data: dict[str, Any], make: Builder) -> dict[str, Any]:
    """The side a quoted first person takes is its speaker's state, not the publisher's.

    In quoted speech "we" is the speaker's state ('"We will send 12 howitzers to
    Ukraine," the Danish Prime Minister said': Denmark supplies, on any site). When the
    speaker is named with a state (a title's adjective, "of Denmark", an office such as
    "the Kremlin") and the answer codes that side as another state, the side is the
    speaker's, with a warning. A state the first person joins ("Together with Germany,
    we will send", "we and Germany will send") supplies too (SIPRI codes a transfer per
    supplier): an answer coding it is kept, and no record is added for it.
    """
    said = _speakers_sides(make.quote, make.language, str(make.context.get("text", "")))
    for side, other in (("supplier", "recipient"), ("recipient", "supplier")):
        states = said.get(side, {})
        if len(states) != 1:
            continue  # no quoted first person, or speakers of several states: unclear
        ((state, joined),) = states.items()
        drafted = data[side].country
        if drafted is None or drafted in {state, *joined} or data[other].country == state:
            continue
        make.warn(
            f"{side} {drafted}: the evidence quotes a speaker of {state} saying 'we' "
            f"supply or receive, so {state} is the {side}: coded {state}"
        )
        data = {**data, side: make.party(state)}
    return data


def _speakers_sides(quote: str, language: str, article: str) -> dict[str, dict[str, set[str]]]:
    """Per side, the state of each quoted first person's speaker named with one state,
    with the states the first person joins ("together with Germany, we")."""
    reading = None if language == "en" else language
    said: dict[str, dict[str, set[str]]] = {}
    for at, between, side in _first_person(quote, language):
        quoted = _quotation_at(quote, at)
        if quoted is None or (countries_in_text(between, reading) and not _JOINED.match(between)):
            continue  # the author's, or "We thank Denmark for sending": Denmark's
        speaker = _speaker_states(quote, quoted, reading, article)
        if len(speaker) != 1:
            continue
        joined = set(countries_in_text(between, reading)) | _joined_before(
            quote[quoted.start() : at], reading
        )
        said.setdefault(side, {}).setdefault(speaker[0], set()).update(joined)
    return said


#: Words joining another party to a first person before it ("Together with Germany, we",
#: "Junto con Alemania, enviaremos", "Avec l'Allemagne, nous", "Gemeinsam mit Deutschland
#: werden wir", "Вместе с Германией мы").
_TOGETHER = re.compile(
    r"(?<!\w)(?i:together\s+with|along\s+with|alongside|jointly\s+with|junto\s+(?:a|con)|"
    r"conjuntamente\s+con|avec|aux\s+côtés\s+de|ensemble\s+avec|gemeinsam\s+mit|"
    r"zusammen\s+mit|вместе\s+с)(?!\w)([^,.;:!?\n]*)"
)


def _joined_before(lead: str, reading: str | None) -> set[str]:
    """The states a "together with" phrase in ``lead`` joins to the first person after it."""
    return {c for m in _TOGETHER.finditer(lead) for c in countries_in_text(m.group(1), reading)}


def publisher_as_named(data: dict[str, Any], make: Builder) -> dict[str, Any]:
    """The supplier and recipient the evidence names, not the state publishing it.

    A readout's own state counts as named though the text never names it (the
    publisher rule of :meth:`Record._check_countries_named`), so a model codes it as
    a side of any transfer it reports ("Denmark, the Netherlands and Norway will deliver
    F-16s to Ukraine", on whitehouse.gov: USA -> UKR). SIPRI's supplier is the state the
    text says transfers, sells or donates, its recipient the one it says receives: the
    publisher is a side only where the text makes it one ("The United States will
    provide", "we will send", "our aid"). When the evidence names another country on
    that side and the publisher on neither, the side is that country (the first named:
    a record has one supplier, as SIPRI codes a transfer per supplier), with a warning.
    """
    publisher = make.context.get("publisher")
    article = str(make.context.get("text", ""))
    if not isinstance(publisher, str) or _publisher_acts(make.quote, make.language, article):
        return data
    suppliers, recipients = transfer_sides(make.quote, make.language)
    marked = {"supplier": suppliers, "recipient": recipients}
    if publisher in suppliers | recipients:
        return data  # the text makes it a side (:func:`directed` reads which)
    order = countries_in_text(make.quote, None if make.language == "en" else make.language)
    if publisher in order:
        # Named, the publisher is read by the clauses (:func:`directed`): this rule is for
        # the readout's own state no sentence names. "After Germany sent tanks, the United
        # States will send howitzers" gave Germany the howitzers.
        return data
    for side, other in (("supplier", "recipient"), ("recipient", "supplier")):
        if data[side].country != publisher:
            continue
        named = [
            c
            for c in marked[side] - marked[other]
            if c != data[other].country and not _of_other_items(make.quote, c, data["items"], make)
        ]
        named.sort(key=lambda c: order.index(c) if c in order else len(order))
        if not named:
            continue
        rest = f" (a transfer of its own from each of {', '.join(named[1:])})" if named[1:] else ""
        make.warn(
            f"{side} {publisher} is the government that publishes the statement, and the "
            f"evidence names {named[0]} as {side}, not {publisher}: coded {named[0]}{rest}"
        )
        data = {**data, side: make.party(named[0])}
    return data


def _of_other_items(quote: str, code: str, items: list[ArmsItem], make: Builder) -> bool:
    """Whether every clause naming ``code`` makes it a supplier on its own and names none
    of the record's items: its supply is of other things ("This package, which follows
    Germany's donation of tanks, includes howitzers", "Following Germany's decision to
    send tanks, the package includes howitzers"). SIPRI's supplier is who delivers THESE
    items: a state whose supply of other items is mentioned in passing does not take
    over the publisher's own package. A clause that only names it ("Denmark, the
    Netherlands and Norway will deliver F-16s") leaves it to the whole sentence."""
    if not items:
        return False
    reading = None if make.language == "en" else make.language
    clauses = [c for c in _clauses(quote) if code in countries_in_text(c, reading)]
    return bool(clauses) and all(_supplies_other_items(c, items, make.language) for c in clauses)


@functools.cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled once: the patterns of the verbs of supplying are large, and
    :mod:`re`'s own cache of 512 patterns may drop them between sentences."""
    return re.compile(pattern, flags)


def _supplies_other_items(clause: str, items: list[ArmsItem], language: str) -> bool:
    """Whether ``clause`` tells a supply of things other than ``items``: a word of supplying,
    none of the items, and either another weapon or the form of a subordinate clause
    ("which follows Germany's donation of armoured vehicles", "following Germany's
    decision to send drones"). A main clause naming no weapon ("Germany will deliver
    them") may be about the record's items, named in another sentence."""
    supplying = "|".join(SUPPLYING.get(language, ()) + SUPPLYING["en"])
    if not _compiled(rf"(?<!\w)(?i:{supplying})(?!\w)").search(clause) or _names_items(
        clause, items
    ):
        return False
    return _names_a_weapon(clause, language) or bool(_SUBORDINATE.match(clause))


#: The opening of a relative, participial or temporal clause ("which follows", "whose
#: president thanked", "following", "complementing", "after", "qui", "tras", "nachdem").
_SUBORDINATE = re.compile(
    r"\s*(?i:which|who|whose|that|after|before|since|as|like|following|\w+ing|qui|dont|"
    r"après|suite|que|cuy[oa]s?|tras|después|welche[rsnm]?|nachdem|nach)(?!\w)"
)


def _clauses(text: str) -> list[str]:
    """The stretches of ``text`` between clause boundaries (:data:`_CLAUSE_START`)."""
    bounds = [0, *(m.end() for m in _CLAUSE_START.finditer(text)), len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _names_items(clause: str, items: list[ArmsItem]) -> bool:
    """Whether ``clause`` names one of ``items``: a word of its designation, read past a
    plural ending ("howitzers" in "howitzer deliveries", "F-16" in "F-16 jets")."""
    for item in items:
        for word in re.findall(r"[\w'’-]{2,}", item.designation):
            if word.isdigit():
                continue
            stem = word if len(word) < 5 else word[: max(4, len(word) - 2)]
            if re.search(rf"(?<!\w){re.escape(stem)}", clause, re.I):
                return True
    return False


#: A statement's author as the one who acts (first person, each language): "we will
#: send", "I am providing", "nous livrerons", "wir liefern", "мы передадим", "我国提供".
_FIRST_PERSON = {
    "en": r"we|I",
    "es": r"nosotr[oa]s|yo",
    "fr": r"nous|je|j['’]",
    "de": r"wir|ich",
    "ru": r"мы|я",
}
#: Its possessive before aid or a weapon: "our security assistance", "notre aide".
_OUR = {
    "en": r"our|my",
    "es": r"nuestr[oa]s?|mis?",
    "fr": r"notre|nos|mon|ma|mes",
    "de": r"unser\w*|mein\w*",
    "ru": r"наш\w*|мо[йяеи]\w*",
}
_AID = cues.AID_NOUNS


#: The publisher's own office deciding a transfer: "President Biden announced",
#: "the Secretary approved", "le président a annoncé", "el presidente aprobó", "der
#: Präsident genehmigte" (its subject names no country: "President Zelenskyy of Ukraine
#: announced" is another state's).
_OFFICE_DECIDES = re.compile(
    r"(?<!\w)(?i:President|Secretary|Administration|Department|Pentagon|Government|"
    r"Minister|présidente?|secrétaire|gouvernement|ministre|president[ea]|secretari[oa]|"
    r"gobierno|ministr[oa]|Präsident\w*|Regierung|Minister\w*)(?!\w)"
    r"([^.;:!?\n]{0,40}?)(?<!\w)(?i:announc(?:e[sd]?|ing)|approv(?:e[sd]?|ing)|"
    r"authori[sz](?:e[sd]?|ing)|directed|pledged|committed|a\s+(?:annoncé|approuvé|autorisé)|"
    r"annonce|approuve|autorise|anunci[óa]|aprob[óa]|autoriz[óa]|kündigt\w*|genehmigt\w*|"
    r"billigt\w*)(?!\w)"
)


def _office_decides(quote: str, language: str) -> bool:
    """Whether an office of no other state or body decides a transfer: the words before
    its title in the clause count ("Danish Defence Minister X announced", "Denmark's
    government pledged", "NATO Secretary General X announced" are not the publisher's)."""
    reading = None if language == "en" else language
    clause_starts: list[int] | None = None  # found once: per title, a scan from 0 was quadratic
    for match in _OFFICE_DECIDES.finditer(quote):
        if clause_starts is None:
            clause_starts = [m.end() for m in _CLAUSE_START.finditer(quote)]
        at = bisect.bisect_right(clause_starts, match.start())
        start = clause_starts[at - 1] if at else 0
        before = quote[start : match.start()].split()[-_TITLE_WORDS:]
        office = " ".join([*before, match.group(0)])
        if not countries_in_text(office, reading) and not any(map(_ACRONYM.fullmatch, before)):
            return True
    return False


#: Characters read after "our" for the three words that say what is ours (a bound: the
#: whole rest of the quote, split per "our", was quadratic).
_AHEAD = 200
#: At most this many words before a title are read with it ("Danish Defence Minister").
_TITLE_WORDS = 3
#: A body's acronym before a title ("NATO Secretary General", "EU foreign policy chief"):
#: another body's office, not the publisher's (a country's acronym, "US", names a country).
_ACRONYM = re.compile(r"[A-Z]{2,6}(?:['’]s)?")


def _publisher_acts(quote: str, language: str, article: str) -> bool:
    """Whether the evidence has its author supply or receive in the first person: a
    pronoun a few words before a verb of supplying or acquiring ("we will send", "wir
    werden ... liefern", or after it in German, "liefern wir"), a Spanish verb of
    supplying in the first person ("enviaremos"), "our" before aid or a weapon ("our
    security assistance", "unsere Panzer"), or its office deciding ("President Biden
    announced", :data:`_OFFICE_DECIDES`). Chinese: "我们", "我国", "我方"."""
    if language == "zh":
        return bool(re.search(r"(?:我们|我国|我方)", quote))
    if _office_decides(quote, language):
        return True
    for at, between, _side in _first_person(quote, language):
        if _the_authors(quote, at, between, language, article):
            return True
    for each in dict.fromkeys(("en", language)):
        if each not in _FIRST_PERSON:
            continue
        for own in re.finditer(rf"(?<!\w)(?i:{_OUR[each]})\s+", quote):
            ahead = " ".join(quote[own.end() : own.end() + _AHEAD].split()[:3])
            if (_AID.search(ahead) or _names_a_weapon(ahead, each)) and not _beside_another(
                quote, own.start(), language
            ):
                return True
    return False


def _first_person(quote: str, language: str) -> list[tuple[int, str, str]]:
    """Each first person supplying or acquiring in ``quote`` (English and ``language``):
    its offset, the words between the pronoun and its verb, and its side ("supplier" for
    "we will send", "wir liefern", "liefern wir", "enviaremos"; "recipient" for "we
    bought")."""
    found = []
    for each in dict.fromkeys(("en", language)):
        if each not in _FIRST_PERSON:
            continue
        supply = "|".join(SUPPLYING[each])
        verbs = f"(?i:(?P<supplier>{supply})|(?P<recipient>{'|'.join(ACQUIRING[each])}))"
        pronoun = rf"(?<!\w)(?i:{_FIRST_PERSON[each]})(?!\w)"
        forms = [rf"{pronoun}(?P<between>(?:\s+[\w'’-]+){{0,3}}?)\s+{verbs}(?!\w)"]
        if each == "de":  # "liefern wir"
            forms.append(rf"(?<!\w){verbs}\s+{pronoun}(?P<between>)")
        if each == "es":  # "enviaremos", "compraré"
            forms.append(rf"(?<!\w)(?={verbs}(?!\w))\w*(?:mos|ré)(?!\w)(?P<between>)")
        for form in forms:
            for said in re.finditer(form, quote):
                side = "supplier" if said.group("supplier") is not None else "recipient"
                found.append((said.start(), said.group("between"), side))
    return found


def _the_authors(quote: str, at: int, between: str, language: str, article: str) -> bool:
    """Whether a first person at ``at`` supplies as the statement's author: no country
    stands between it and its verb ("We thank Denmark for sending", "We welcome Denmark
    sending": Denmark sends), and it is not quoted from another state's speaker ('"We will
    send F-16 jets," the Danish Prime Minister said': the "we" is Denmark)."""
    reading = None if language == "en" else language
    if countries_in_text(between, reading) and not _JOINED.match(between):
        return False  # "We thank Denmark for sending"; "we and Poland will send" is ours
    quoted = _quotation_at(quote, at)
    return quoted is None or not _speaker_states(quote, quoted, reading, article)


def _quotation_at(quote: str, at: int) -> re.Match[str] | None:
    """The quotation of ``quote`` that offset ``at`` stands in, if any (the quotations
    found once per quote: a scan per first person was quadratic in a long one)."""
    starts, quotations = _quotations(quote)
    i = bisect.bisect_left(starts, at) - 1
    return quotations[i] if i >= 0 and at < quotations[i].end() else None


@functools.lru_cache(maxsize=8)
def _quotations(quote: str) -> tuple[list[int], list[re.Match[str]]]:
    """The quotations of ``quote`` and their starts, in order."""
    found = list(_QUOTED.finditer(quote))
    return [q.start() for q in found], found


#: A verb that introduces reported speech (:data:`SPEECH_VERBS`: "said", "dijo", "a
#: déclaré", "sagte", "заявил"), with its auxiliary: its subject is the quotation's speaker.
_SPEECH = re.compile(rf"(?<!\w)(?i:(?:a|ont|ha|han|hat|haben)\s+)?{speech_verbs()}(?!\w)")
#: The words after a speech verb that end its inverted subject ("said the Danish Prime
#: Minister after talks with ..."): a clause boundary or a preposition opening an adjunct.
_SPEAKER_END = re.compile(
    r"[,.;:!?\n]|(?<!\w)(?i:after|at|in|during|on|when|while|before|as|with|following|"
    r"tras|después|durante|en|con|après|lors|pendant|avec|nach|bei|während|mit|после|во|"
    r"в|на|с)(?!\w)"
)
#: At most this many words stand between a quotation and the verb of speech after it.
_SPEAKER_WORDS = 8
#: Characters read on each side of a quotation for its speaker (a bound: a long quote
#: is not re-read per quotation).
_SPEAKER_SPAN = 300


def _speaker_states(
    quote: str, quoted: re.Match[str], reading: str | None, article: str
) -> list[str]:
    """The states of the speaker of ``quoted`` (:func:`_speaker`): those its words name;
    for a speaker named by name alone ('"...," Frederiksen said'), those of the title the
    article writes before that name ("Danish Prime Minister Mette Frederiksen"). Several
    people speaking together are one state's only when each is named with it: '"We will
    send ...," the President and the Danish Prime Minister said' is no one state's 'we'."""
    people = _OTHER_PERSON.split(_speaker(quote, quoted))
    states: set[str] = set()
    for person in people:
        found = countries_in_text(person, reading) or _titled_name_states(person, article, reading)
        if len(people) > 1 and len(found) != 1:
            return []  # one of those speaking is named with no state, or several
        states.update(found)
    return sorted(states)


#: "and" before another person who speaks: an article or a title opens them ("the
#: President and the Danish Prime Minister said"); "the Danish Prime Minister and Defence
#: Minister" is one person's two offices.
_OTHER_PERSON = re.compile(
    r"\s+(?i:and|y|et|und|и)\s+(?=(?i:the|el|la|los|las|le|les|l['’]|der|die|das)\s|"
    r"(?:President|Prime|Chancellor|Minister|King|Queen|Secretary|Premier)\b)"
)
#: A name as a speaker: one to three capitalised words and nothing else ("Frederiksen",
#: "Mette Frederiksen").
_BARE_NAME = re.compile(r"\s*((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*\s+){0,2}([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+))\s*")
#: The capitalised words written right before a name: its title ("Danish Prime Minister
#: Mette" before "Frederiksen").
_TITLE_BEFORE = re.compile(r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*\s+){1,8}$")
#: The mentions of a name read for its title (a bound: a long article is not read per name).
_MENTIONS = 20


def _titled_name_states(person: str, article: str, reading: str | None) -> list[str]:
    """The states of the title the article writes before a speaker named by name alone:
    the first mention of the name's last word that has one naming one state."""
    name = _BARE_NAME.fullmatch(person)
    if name is None or countries_in_text(name.group(1), reading):
        return []
    surname = re.compile(rf"(?<!\w){re.escape(name.group(2))}(?!\w)")
    for mention in itertools.islice(surname.finditer(article), _MENTIONS):
        line_start = article.rfind("\n", 0, mention.start()) + 1
        title = _TITLE_BEFORE.search(
            article, max(line_start, mention.start() - 120), mention.start()
        )
        if title is not None and len(found := countries_in_text(title.group(), reading)) == 1:
            return found
    return []


def _speaker(quote: str, quoted: re.Match[str]) -> str:
    """Who speaks ``quoted``: the subject of the verb of speech beside it ('"...," the
    Danish Prime Minister said', '"...," said the Prime Minister of Denmark after talks
    with Germany', 'The Danish Prime Minister said: "..."'), so a state named later in
    the sentence ("after talks with the German chancellor") is not the speaker's. Where
    no verb of speech stands beside it, the rest of its sentence."""
    after = _sentence_at(quote[quoted.end() : quoted.end() + _SPEAKER_SPAN], 0)
    verb = _SPEECH.search(after)
    if verb is not None and len(after[: verb.start()].split()) <= _SPEAKER_WORDS:
        before = after[: verb.start()].strip(" ,—–-")
        if before:
            return before  # '"...," the Danish Prime Minister said'
        end = _SPEAKER_END.search(after, verb.end())
        return after[verb.end() : end.start() if end else len(after)]  # '"...," said X'
    lead = quote[max(0, quoted.start() - _SPEAKER_SPAN) : quoted.start()]
    lead = _sentence_at(lead, len(lead))
    verbs = list(_SPEECH.finditer(lead))
    if verbs and not lead[verbs[-1].end() :].strip(" ,:—–-").strip():
        return lead[: verbs[-1].start()]  # 'The Danish Prime Minister said: "..."'
    return f"{lead} {after}"


#: A conjunction joining another party to the first person ("we and Poland will send").
_JOINED = re.compile(r"\s*(?i:and|together\s+with|with|y|e|et|und|и)(?!\w)")
#: A quotation in any of the usual marks.
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”“»]")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at``."""
    start = max((m.end() for m in re.finditer(r"[.!?\n]\s", text[:at])), default=0)
    end = re.compile(r"[.!?\n](?:\s|$)").search(text, at)
    return text[start : end.end() if end else len(text)]


def _beside_another(quote: str, at: int, language: str) -> bool:
    """Whether "our" at ``at`` stands in a clause of its own, naming no weapon, beside a
    clause another country supplies in ("As part of our support for Ukraine, Denmark will
    deliver F-16 jets": the jets are Denmark's; "our support" frames them)."""
    bounds = [0, *(m.end() for m in _CLAUSE_START.finditer(quote)), len(quote)]
    spans = list(pairwise(bounds))
    own = next((a, b) for a, b in spans if a <= at < b)
    if _names_a_weapon(quote[own[0] : own[1]], language):
        return False
    return any(transfer_sides(quote[a:b], language)[0] for a, b in spans if (a, b) != own)


def _a_weapon(designation: str, make: Builder) -> bool:
    """Whether an item names equipment the article names: not a price ("$1 billion", the
    package's value, which is the transfer's ``value``), not a weapon it never names."""
    if is_amount(designation):
        make.warn(f"item {designation!r} is an amount, not a weapon: dropped")
        return False
    return bool(make.written(designation, "item"))


#: A party as each language writes it: a name (with its article), or, in Russian, any
#: case of a name ("Индии", "России"); Chinese names follow the preposition unspaced.
#: Read case-sensitively where the script has case: a name begins with a capital, so "to
#: France via Japan" names France alone, not a party "France via Japan" that names two
#: countries and so none (the words around a party are read in any case).
_PARTY: dict[str, str] = {
    "en": r"((?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})",
    "es": r"((?:(?i:el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\w'’.-]*){0,3})",
    "fr": r"((?:(?i:la|le|les)\s+|(?i:l)['’])?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[\s-]+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})",
    "de": r"((?:(?i:der|die|das|den|dem)\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})",
    "ru": r"([А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*){0,2})",
    "zh": r"(\w{2,8}?)",
}  # fmt: skip
#: The words before the supplier of a verb of acquiring ("from", "de", "à", "aus", "von",
#: "из", "у"; never "by", which names the buyer of "bought by") and before the recipient
#: of a verb of supplying ("to", "for", "a", "à", "an", "в") of each language.
_FROM = {"en": "from", "es": r"(?:de|desde|a)", "fr": r"(?:de|des|du|auprès de|à)",
         "de": r"(?:aus|von|vom|bei|beim)", "ru": r"(?:из|у|от)"}  # fmt: skip
_TO = {"en": r"(?:to|for)", "es": r"(?:a|al|para)", "fr": r"(?:à|au|aux|pour)",
       "de": r"(?:an|nach|für)", "ru": r"(?:в|во|для)"}  # fmt: skip
#: The word before the agent of a passive verb of supplying, later in its clause ("were
#: delivered to France by Germany", "was supplied with howitzers by Poland", "entregados
#: a Francia por Alemania"), and Russian's origin ("переданы ... из Турции"): the supplier.
_BY = {"en": "by", "es": "por", "fr": "par", "de": r"(?:von|vom)", "ru": r"(?:из|от)"}
#: A clause's words up to such an agent: no comma, so a relative clause's agent ("to
#: Ukraine, which was attacked by Russia") is not read as the supplier.
_AGENT_GAP = r"[^,.;:!?。；！？\n]{0,90}?"
#: What may stand between a word of supplying and its "to X" in one clause: not a verb
#: whose own "to X" it would be ("questions regarding this Sale should be directed to").
#: A point between digits is a decimal's ("$1.2bn"), no sentence's end.
_GAP = (
    r"(?:(?!(?<!\w)(?i:directed|referred|addressed|submitted|according|due|related|"
    r"regarding|compared|close|next)(?!\w))(?:[^.;:!?。；！？\n]|(?<=\d)[.:](?=\d))){0,90}?"
)
#: What a verb of acquiring may receive that is no weapon ("received an order from Egypt",
#: "a request from Poland", "payment from India", "$300 million", "un acompte", "аванс",
#: "订单"): the seller receives money and commercial papers, so its "from X" is the buyer,
#: and its subject is no recipient.
_NOT_GOODS_NOUNS = (
    r"orders?|requests?|letters?|payments?|approvals?|contracts?|bids?|offers?|funding|"
    r"support|notifications?|invitations?|calls?|visits?|delegations?|deals?|advances?|"
    r"instal+ments?|inquir(?:y|ies)|enquir(?:y|ies)|deposits?|tenders?|proposals?|"
    r"money|cash|funds?|revenues?|pedidos?|solicitud\w*|cartas?|pagos?|contratos?|"
    r"anticipos?|adelantos?|acuerdos?|encargos?|commandes?|demandes?|lettres?|paiements?|"
    r"contrats?|acomptes?|avances?|versements?|Auftr[aä]ge?|Anfragen?|Bestellung\w*|"
    r"Zahlung\w*|Anzahlung\w*|Vorschuss\w*|Vertr[aä]ge?|заказ\w*|запрос\w*|письм\w*|"
    r"оплат\w*|платеж\w*|платёж\w*|аванс\w*|контракт\w*|сделк\w*"
)
#: A word that ends a noun phrase before its head noun: a preposition, a conjunction or a
#: word of value ("tanks worth $3 million", "tanks for $3 million", "weapons and $3
#: million", "chars pour 300 millions", "Panzer im Wert von", "танки на 300 млн"): the
#: noun before it is the object's head, what follows it no object of the verb.
_LINK = (
    r"(?:worth|valued|for|of|in|at|on|and|or|to|from|with|by|under|over|into|as|after|"
    r"before|since|during|via|including|that|which|who|por|para|de|del|en|con|y|o|a|al|"
    r"sobre|bajo|tras|que|pour|à|au|aux|avec|et|ou|sur|sous|après|avant|qui|für|im|von|"
    r"vom|mit|und|oder|an|bei|aus|nach|über|unter|vor|seit|dass|на|за|от|из|у|с|и|в|или|"
    r"по|после|до|для|под|при|что|котор\w*|valor|Wert)(?!\w)"
)
#: A scale word after a figure ("$300 million", "€300m", "300 Millionen", "300 млн").
_SCALE = (
    r"(?:thousand|million|billion|trillion|mn|mln|bn|m|b|k|mil|mill[oó]n(?:es)?|"
    r"millions?|milliards?|Million(?:en)?|Milliarden?|Mio|Mrd|тыс|млн|млрд|"
    r"миллион\w*|миллиард\w*)(?!\w)\.?"
)
#: A sum of money: a currency sign at a figure and its scale ("$300 million"), or a figure,
#: its scale and a currency word ("300 millions de dollars", "5 Millionen Euro", "300 млн
#: долларов"). Read whole (atomic): no shorter reading of it is tried.
_MONEY = (
    rf"(?>[$€£¥]\s?\d[\d.,]*(?:\s?{_SCALE})?(?!\w)|\d[\d.,]*\s*(?:[a-zа-я.]+\s+){{0,2}}?"
    r"(?:d['’])?(?:dollars?|dólares|euros?|pounds?|yuan|rubles?|roubles?|долл\w*|евро|"
    r"рубл\w*)(?!\w))"
)
#: The nouns of a lot of goods a sum can price ("a $300 million package", "shipment",
#: "consignment", "sale", "tranche", "paquete", "livraison", "Paket", "партия"): a sum
#: before one of them, or before a weapon ("a $1 billion arms sale"), is the goods' value.
_GOODS_LOTS = (
    r"packages?|shipments?|consignments?|sales?|batch(?:es)?|tranches?|deliver(?:y|ies)|"
    r"transfers?|lots?|paquetes?|env[íi]os?|cargamentos?|lotes?|ventas?|paquets?|"
    r"livraisons?|cargaisons?|ventes?|\w*pakete?s?|\w*lieferung(?:en)?|пакет\w*|парти\w*|"
    r"поставк\w*"
)
#: The English words of weapons, none captured: read inside the direction patterns, whose
#: groups are the parties.


def _uncaptured(pattern: str) -> str:
    """``pattern`` with its groups made non-capturing: read inside the direction patterns,
    whose groups are the parties."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


_EN_WEAPONS = _uncaptured(ARMS_WORDS.pattern)
_PRICED_GOODS = rf"\s+(?:[^\s,;:$€£¥]+\s+)?(?:{_GOODS_LOTS}|{_EN_WEAPONS})(?!\w)"
#: A sum of money as a verb's object: the head noun of the object, not a measure of goods
#: after it ("$300 million in weapons", "$300 million worth of tanks", "300 millones de
#: dólares en armas", "300 Millionen Euro an Waffen"; a year after "in" is no goods), nor
#: the price of a lot of goods (:data:`_PRICED_GOODS`).
_MONEY_OBJECT = (
    _MONEY
    + r"(?!\s*(?:worth\s+)?(?:of|in|en|de|d['’]|an|в)(?:\s+|(?<=['’]))(?!\d))"
    + rf"(?!{_PRICED_GOODS})"
)
#: A verb's object, read in any case, after a determiner and at most two more words
#: before its head ("a $2 billion deal", "the second installment"); none of them a word
#: that ends a noun phrase (:data:`_LINK`), so the head is the object's first noun.
_DETERMINER = (
    r"(?:an?|the|its|their|his|her|el|la|los|las|un|una|une|le|les|des|du|einen?|"
    r"eine[rm]?|die|den|das)"
)
_HEAD_WORDS = rf"(?:(?!{_LINK})[^\s,;:]+\s+){{0,2}}?"
_OBJECT = rf"\s+(?:{_DETERMINER}\s+)?{_HEAD_WORDS}"
_NOT_GOODS = re.compile(
    _OBJECT + rf"(?:(?:{_NOT_GOODS_NOUNS})(?!\w)|{_MONEY_OBJECT})",
    re.I,
)
#: A "from X" between a verb and its object ("received from China an order", "erhielt von
#: China eine Zahlung", "a reçu de la Chine une commande"): the party is capitalised, read
#: so in a pattern read in any case ("from Germany tanks worth" is no party).
_FROM_BEFORE_OBJECT = (
    r"(?:\s+(?i:from|de|desde|des|du|von|vom|aus|bei|beim|от|из|у)\s+"
    r"(?:(?i:the|la|le|les|el|los|las|der|die|dem|den)\s+|(?i:l)['’])?"
    r"(?-i:[A-ZÁÉÍÓÚÑÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*(?:\s+(?:(?i:of|de)\s+)?[A-ZÁÉÍÓÚÑÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*){0,3}))?"
)
#: Not before such an object, wherever the object stands: right after the verb or past its
#: "from X" (the object of the verb is judged, not its place).
_NOT_GOODS_AHEAD = f"(?!{_FROM_BEFORE_OBJECT}(?i:{_NOT_GOODS.pattern}))"
#: What a verb of supplying may give that is no weapon, after its English indirect object:
#: money ("pledged $300 million to Germany") or a paper with its determiner ("gave Germany
#: an order", "sent Germany a request", "handed Germany a $300 million payment"). Its
#: subject supplies nothing, and its "to X" or indirect object receives nothing: the
#: direct object decides. A noun right after a noun of supplying is a compound ("supply
#: deal", "export orders"), no object.
_GIVEN_NOT_GOODS = (
    r"(?:\s+(?-i:(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})(?<!['’]s))?"
    rf"(?i:\s+{_DETERMINER}\s+{_HEAD_WORDS}(?:{_NOT_GOODS_NOUNS})(?!\w)|{_OBJECT}{_MONEY_OBJECT})"
)
_NOT_GIVEN_GOODS_AHEAD = f"(?!{_GIVEN_NOT_GOODS})"
#: The Chinese object comes after its verb, its head noun last ("获得了20辆坦克的订单"):
#: a head noun of money or papers in the verb's clause. A noun before "的" modifies the
#: head ("价值3亿美元的坦克": tanks), and a sum after "价值" or "金额" is the goods' value.
_ZH_NOT_GOODS_AHEAD = (
    r"(?![^，。；！？,.;!?]*?(?:订单|订货|货款|付款|预付款|定金|订金|款项|合同|合约|询价|"
    r"请求|申请|资金|(?<!值)(?<!值约)(?<!额)(?<![\d.])\d[\d.]*[十百千万亿]*(?:美元|欧元|人民币|元))(?!的))"
)
#: Verbs of supplying too common to say, on their own, that their subject supplies
#: weapons ("Jordan can provide the same degree of protection"): their subject is read
#: only in a sentence that names a weapon.
_GENERIC = re.compile(r"provid\w*|sen[dt]\w*|g[ai]v\w*", re.I)
#: At most this many words before a verb are its subject: a longer stretch holds other
#: verbs ("the United States ... is helping the Ukrainians acquire").
_SUBJECT_WORDS = 8

# German puts the participle and the infinitive at the end of the clause: "Deutschland hat
# am Dienstag 14 Panzer an Frankreich geliefert", "Frankreich will Panzer kaufen". Its
# participles take "ge-" after a separable prefix ("ausgeliefert", "bereitgestellt") and
# none after an inseparable one ("verkauft", "übergeben", "erhalten"). A compound tense is
# read at its finite auxiliary, whose subject is the verb's: the auxiliary is matched
# when its own participle or infinitive ends the clause.
_DE_SUPPLIED = (
    r"(?:aus|zu)?geliefert|beliefert|verkauft|übergeben|überlassen|bereitgestellt|"
    r"zur\s+Verfügung\s+gestellt|exportiert|geschickt|verschickt|gespendet|abgegeben|"
    r"verschifft|transferiert"
)
_DE_SUPPLY = (
    r"(?:aus)?liefern|beliefern|verkaufen|übergeben|überlassen|bereitstellen|"
    r"zur\s+Verfügung\s+stellen|exportieren|schicken|verschicken|spenden|abgeben|"
    r"verschiffen|transferieren"
)
_DE_ACQUIRED = (
    r"gekauft|angekauft|eingekauft|erworben|bestellt|importiert|bezogen|beschafft|"
    r"erhalten|bekommen|(?:aus|zu)?geliefert\s+bekommen"
)
_DE_ACQUIRE = (
    r"kaufen|ankaufen|einkaufen|erwerben|bestellen|importieren|beziehen|beschaffen|"
    r"erhalten|bekommen"
)
#: The rest of a German clause up to its last verb; "geliefert bekommen" is a receiving.
_DE_TO_END = r"(?=[^,.;:!?\n]{{1,160}}?\s(?:{})(?!\w)(?!\s+(?:bekommen|erhalten)))"
_DE_HAVE = r"(?:hat|haben|habe|hatte|hatten)"
_DE_WILL = r"(?:wird|werden|will|wollen|soll|sollen|kann|können|muss|müssen|möchte|möchten)"
_DE_PASSIVE = r"(?:wurde|wurden|wird|werden|ist|sind|war|waren)"
#: Finite German verbs (an auxiliary of a verb at the clause's end, "erhält", "bekam")
#: the cue words of :mod:`extractor.text.cues` leave out.
_DE_SUPPLYING = (
    _DE_HAVE + _DE_TO_END.format(_DE_SUPPLIED),
    _DE_WILL + _DE_TO_END.format(_DE_SUPPLY),
    _DE_PASSIVE + _DE_TO_END.format(_DE_SUPPLIED),
    r"beliefer\w*",
)
_DE_ACQUIRING = (
    _DE_HAVE + _DE_TO_END.format(_DE_ACQUIRED),
    _DE_WILL + _DE_TO_END.format(_DE_ACQUIRE),
    r"erhält",
    r"erhältst",
    r"bekommt",
    r"bekam\w*",
    r"erwirbt",
    r"beschafft\w*",
)
#: A German passive: "Panzer wurden an Frankreich geliefert" (its subject is the goods).
_DE_PASSIVE_AT = re.compile(
    r"(?i:" + _DE_PASSIVE + ")" + _DE_TO_END.format(_DE_SUPPLIED + "|" + _DE_ACQUIRED)
)
#: A German verb not finite where it stands: a participle ("gekauft"), one at the end of
#: its clause or before its auxiliary ("..., die an Frankreich verkauft wurden"), an
#: infinitive after "zu": no subject stands before it.
_DE_NONFINITE_AFTER = re.compile(
    r"\s*(?:$|[,.;:!?\n]|(?i:wurde|wurden|worden|werden|wird|hat|haben|hatte|hatten|ist|"
    r"sind|war|waren|sein|bekommen)(?!\w))"
)
#: Verbs of approving, per language: a government that approves goods for a state
#: supplies them, as one that sells them does ("approved a $300 million security
#: assistance package for Taiwan", "aprobó un paquete de armas para Ucrania", "a approuvé
#: une livraison de chars à la Pologne", "genehmigte ein Waffenpaket für die Ukraine",
#: "одобрила пакет вооружений для Украины"). Read only with goods as their object
#: (:func:`_approving_goods`).
_APPROVING = {
    "en": r"approv(?:e|es|ed|ing)|authori[sz](?:e|es|ed|ing)|cleared",
    "es": r"aprob(?:ó|aron|ado|ará|aría)|autoriz(?:ó|aron|ado|ará|aría)",
    "fr": r"approuv(?:é|e|ent|era|erait)|autoris(?:é|e|ent|era|erait)",
    "de": r"genehmigte\w*|genehmigt|billigte\w*|billigt",
    "ru": r"одобри(?:л|ла|ли|ло)|утверди(?:л|ла|ли|ло)|разреши(?:л|ла|ли|ло)",
}
#: Words that make a lot of something other than arms ("a sanctions package", "an
#: economic aid package", "a reform package"): no goods approved.
_NOT_ARMS_LOT = (
    r"sanction\w*|reform\w*|stimulus|budget\w*|spending|relief|economic|financial|"
    r"humanitarian|rescue|bailout|trade|tax\w*|sanci\w*|econ[oó]mic\w*|financier\w*|"
    r"humanitari\w*|Sanktion\w*|Wirtschafts\w*|санкц\w*|экономич\w*|гуманитар\w*"
)
#: The head of an "of" phrase that says a lot holds arms ("a package of air-defence
#: systems", "un paquete de sistemas", "пакет техники") where no weapon word stands.
_ARMS_HEADS = (
    r"[A-Za-z]+-\d+\w*|[\w-]*defen[cs]e|systems?|equipment|materiel|matériel|sistemas?|material|"
    r"systèmes?|équipements?|\w*[Ss]ystem\w*|\w*[Aa]usrüstung\w*|систем\w*|техник\w*"
)
#: Words that say a lot is military where no weapon is named: before its noun ("a
#: military support package", "a defence package", "Militärpaket") or after it ("un
#: paquete militar", "un paquet militaire", "пакет военной помощи" is a weapon word).
_MILITARY_LOT = r"military|defen[cs]e|Militär\w*"
_MILITARY_AFTER_LOT = r"militar(?:es)?|militaires?|военн\w*"
#: A weapon word that names no goods but a limit on them or a truce: "arms control",
#: "an arms embargo", "a weapons ban", "Rüstungskontrolle", "Waffenstillstand",
#: "Waffenruhe". Approving one moves no goods.
_ARMS_LIMIT_AFTER = (
    r"[\w-]*\s+(?:control|embargo(?:es)?|bans?|race|reductions?|limitations?|limits?|"
    r"treaty|treaties|talks|inspectors?|non-proliferation)(?!\w)"
)
_ARMS_LIMIT_WORD = r"\w*(?:kontroll|stillstand|waffenruhe|embargo|verbot|fabrik)"
#: A weapon's designation ("F-16s", "Su-35", "K2"): letters, a hyphen, digits; not a
#: virus's or a group's name ("COVID-19", "G-7") nor a visa's ("H-1B").
_DESIGNATION = r"(?!(?:covid|sars|mers|g|h)-)[A-Za-z]{1,5}-\d+\w*"


def _approved_weapons(language: str) -> str:
    """A weapon word of ``language`` or English that names goods, not a limit on them
    (:data:`_ARMS_LIMIT_AFTER`, :data:`_ARMS_LIMIT_WORD`), or a designation ("F-16s")."""
    weapons = _uncaptured(ARMS_CUES.get(language, ARMS_WORDS).pattern)
    return (
        rf"(?!{_ARMS_LIMIT_WORD})(?:{weapons}|{_EN_WEAPONS}|{_DESIGNATION})(?!{_ARMS_LIMIT_AFTER})"
    )


def _approving_goods(language: str) -> str:
    """A verb of approving whose object is a lot of arms or a weapon (SIPRI: a transfer
    is of military goods). A lot (:data:`_GOODS_LOTS`, after at most three words, none a
    link nor a word of a lot of other things) counts only when it names its goods or says
    it is military: a weapon or "military" before its noun ("an arms package", "a
    military aid package", "a defence package"), or a weapon within four words after it,
    "of" or not ("a package of air-defence systems", "un paquete de ayuda militar",
    "пакет вооружений", "ein Paket militärischer Hilfe"). A sum counts when it is a
    measure of weapons ("$800 million in weapons", "800 millones de dólares en ayuda
    militar"). "Approved $300 million", "a $300 million recovery package", "a package of
    sanctions", "an arms control treaty" supply no goods."""
    weapons = _approved_weapons(language)
    head = rf"(?:(?!(?:{_LINK}|{_NOT_ARMS_LOT})(?!\w))[^\s,;:]+\s+){{0,3}}?"
    of = r"(?:of|de|d['’]|du|des|von|aus)"
    lot = rf"(?:{_GOODS_LOTS})(?!\w)"
    named = (
        rf"{lot}(?:\s+{of})?(?:\s+|(?<=['’]))(?:(?!{_LINK}(?!\w))\S+\s+){{0,3}}?"
        rf"(?:{weapons}|{_ARMS_HEADS}|{_MILITARY_AFTER_LOT})"
    )
    military = rf"(?:{_MILITARY_LOT})(?:\s+|(?=\w*(?:{_GOODS_LOTS})))(?:\S+\s+){{0,2}}?\w*{lot}"
    measure = (
        r"(?:(?:additional|another|further|new|nuevos?|otros?|nouveaux?|autres?)\s+)?"
        rf"{_MONEY}\s+(?:worth\s+of|in|of|en|de|d['’]|an|в)(?:\s+|(?<=['’]))(?:\S+\s+){{0,2}}?"
        rf"{weapons}"
    )
    return (
        rf"(?:{_APPROVING[language]})(?!\w)(?=\s+(?:{_DETERMINER}\s+)?(?i:{measure}|{head}"
        rf"(?:{named}|{military}|{weapons})))"
    )


#: German approvals at the end of their clause, read at the finite auxiliary as the
#: other compound tenses are (:data:`_DE_SUPPLYING`): "Deutschland hat Waffenlieferungen
#: an die Ukraine genehmigt", "Berlin wird Rüstungsexporte nach Israel billigen"; only
#: with a weapon in the clause (:func:`_approved_weapons`), so "hat den Haushalt
#: genehmigt" and "hat den Waffenstillstand gebilligt" approve no goods.
_DE_APPROVED = r"genehmigt|gebilligt|bewilligt"
_DE_APPROVE = r"genehmigen|billigen|bewilligen"


def _de_approving_goods() -> tuple[str, ...]:
    """The German auxiliaries whose clause ends in a verb of approving goods."""
    goods = _approved_weapons("de")
    clause = r"[^,.;:!?\n]{0,120}?"

    def ending(verbs: str) -> str:
        return rf"(?=\s{clause}(?<!\w)(?i:{goods}){clause}\s(?:{verbs})(?!\w))"

    return _DE_HAVE + ending(_DE_APPROVED), _DE_WILL + ending(_DE_APPROVE)


#: What a verb or noun of moving may move that is no weapon nor military good (SIPRI
#: counts weapons and military equipment only), per language, in two classes: things
#: (money, power, an office or custody, land, know-how, relief goods: "transferred funds",
#: "entregó el poder", "a livré des céréales", "übergab den Vorsitz", "передала власть",
#: "移交了战俘"), which a military word qualifying them makes military ("military
#: technology", "tecnología militar"), and people and aid, which stay what they are
#: whatever qualifies them ("military advisers", "asesores militares", "Militärberater",
#: "военных советников", "军事顾问", "food aid", "ayuda alimentaria"). Only heads of the
#: object are listed; a weapon word coordinated with them ("funds and weapons") still
#: moves goods.
_NOT_MOVED_GOODS: dict[str, tuple[str, str]] = {
    "en": (r"funds?|funding|money|cash|loans?|grants?|remains|bodies|power|control|custody|"
           r"sovereignty|presidency|chairmanship|leadership|authority|territor(?:y|ies)|lands?|"
           r"islands?|technology|technologies|know-how|expertise|information|data|"
           r"humanitarian\s+(?:supplies|goods)|relief|food|grain|wheat|fertili[sz]ers?|"
           r"vaccines?|doses|medicines?|medical\s+supplies|fuel|electricity|embassy|embassies|"
           r"buildings?|premises|gas|oil|energy|coal",
           r"refugees?|prisoners?|detainees?|hostages?|captives?|migrants?|asylum[- ]seekers?|"
           r"evacuees?|civilians?|suspects?|fugitives?|troops|soldiers|personnel|staff|"
           r"servicemen|peacekeepers|diplomats|advis[eo]rs|instructors|trainers|experts|"
           r"specialists|observers|volunteers|mercenaries|police(?:\s+officers)?|policemen|"
           r"firefighters|doctors|medics|nurses|medical\s+teams|(?:humanitarian|financial|"
           r"economic|food|development|emergency|reconstruction)\s+(?:aid|assistance)|"
           r"(?:financial|economic|budget(?:ary)?)\s+support"),
    "es": (r"fondos|dinero|préstamos?|poder|control|custodia|soberanía|presidencia|"
           r"territorios?|tierras?|islas?|tecnologías?|conocimientos|información|alimentos|"
           r"cereales|granos?|trigo|vacunas?|medicamentos|medicinas|combustible|embajadas?|"
           r"edificios?|gas|petróleo|energía|suministros\s+médicos",
           r"refugiad[oa]s|prisioner[oa]s|presos|detenid[oa]s|rehenes|migrantes|civiles|tropas|"
           r"soldados|personal|diplomáticos|asesores|instructores|entrenadores|expertos|"
           r"observadores|voluntari[oa]s|mercenarios|bomberos|policías|médicos|enfermer[oa]s|"
           r"ayuda\s+(?:humanitaria|financiera|económica|alimentaria|de\s+emergencia|"
           r"al\s+desarrollo|para\s+el\s+desarrollo)"),
    "fr": (r"fonds|argent|prêts?|pouvoir|contrôle|garde|souveraineté|présidence|territoires?|"
           r"terres?|îles?|technologies?|savoir-faire|informations?|vivres|nourriture|"
           r"céréales|blé|vaccins?|médicaments|carburant|ambassades?|bâtiments?|gaz|pétrole|"
           r"énergie|fournitures\s+médicales",
           r"réfugié(?:e)?s|prisonnier(?:e)?s|détenu(?:e)?s|otages|migrants|civils|troupes|"
           r"soldats|personnel|diplomates|conseillers|instructeurs|formateurs|experts|"
           r"observateurs|volontaires|mercenaires|pompiers|policiers|médecins|infirmi[eè]r(?:e)?s|"
           r"aide\s+(?:humanitaire|financière|économique|alimentaire|d['’]urgence|"
           r"au\s+développement)"),
    "de": (r"Geldern?|Geld|Finanzmittel\w*|Kredit(?:e|en)?|Macht|Kontrolle|Sorgerecht|Souveränität|Vorsitz|"
           r"Präsidentschaft|Gebiete?|Territori\w*|Land|Inseln?|Technologien?|Know-how|"
           r"Hilfsgüter|Lebensmittel|Getreide|Weizen|Impfstoff\w*|Medikament\w*|Treibstoff|"
           r"Botschaft|Gebäude|Gas|Erdgas|Öl|Erdöl|Energie|Strom|Sanitätsmaterial|\w+gelder",
           r"Flüchtling\w*|Gefangene\w*|Häftling\w*|Geiseln?|Migranten|Zivilisten|\w*truppen|"
           r"\w*soldaten|Personal|Diplomaten|\w*gefangene\w*|\w*flüchtling\w*|\w*berater|"
           r"\w*ausbilder|\w*experten|\w*beobachter|Freiwillige\w*|Söldner\w*|Feuerwehrleute|"
           r"\w*polizisten|\w*ärzte|\w*helfer|humanitäre\w*\s+Hilfe|(?:Finanz|Wirtschafts|"
           r"Haushalts|Budget|Lebensmittel|Nahrungsmittel|Entwicklungs|Not|Sofort|Wiederaufbau)"
           r"hilfe\w*"),
    "ru": (r"средств\w*|деньг\w*|кредит\w*|власт\w*|контрол\w*|председательств\w*|"
           r"президентств\w*|территори\w*|земл\w*|остров\w*|технологи\w*|продовольстви\w*|"
           r"зерн\w*|пшениц\w*|вакцин\w*|лекарств\w*|топлив\w*|посольств\w*|здани\w*|газ|газа|"
           r"нефт\w*|энерги\w*|медикамент\w*",
           r"беженц\w*|пленн\w*|военнопленн\w*|заключ[её]нн\w*|задержанн\w*|заложник\w*|"
           r"мигрант\w*|войск\w*|солдат\w*|военнослужащ\w*|персонал\w*|сотрудник\w*|"
           r"дипломат\w*|советник\w*|инструктор\w*|эксперт\w*|специалист\w*|наблюдател\w*|"
           r"добровол\w*|на[её]мник\w*|миротвор\w*|пожарн\w*|полицейск\w*|врач\w*|"
           r"(?:гуманитарн|финансов|экономическ|продовольственн)\w*\s+помощ\w*"),
    "zh": (r"资金|钱款|贷款|权力|政权|控制权|监护权|主权|主席职位|主席国|领土|土地|岛屿|技术|"
           r"专有技术|粮食|小麦|疫苗|药品|燃料|大使馆|使馆|建筑|天然气|石油|能源|电力|医疗用品|"
           r"医疗物资",
           r"难民|战俘|俘虏|囚犯|被拘留者|被拘押者|人质|移民|平民|军队|部队|士兵|人员|工作人员|"
           r"维和人员|维和部队|维和士兵|顾问|教官|专家|观察员|志愿者|雇佣兵|消防员|警察|医生|人道主义援助|人道援助|财政援助|"
           r"经济援助|资金援助|粮食援助|食品援助|发展援助|紧急援助"),
}  # fmt: skip
#: The languages whose noun phrase puts its head first, its adjectives after it
#: ("helicópteros médicos", "conseillers militaires"); the others put it last
#: ("military advisers", "Militärberater", "военных советников").
_HEAD_FIRST = ("es", "fr")
_HEAD_LAST = ("en", "de", "ru")


def _not_moved(languages: Sequence[str], kind: int) -> str:
    """The non-goods of ``languages`` of one class (0 things, 1 people and aid)."""
    return "|".join(_NOT_MOVED_GOODS[language][kind] for language in languages)


_NOT_MOVED = "|".join(_not_moved(tuple(_NOT_MOVED_GOODS), kind) for kind in (0, 1))
#: Words that make an object military ("military technology", "defence funds").
_MILITARY_WORD = r"milit\w*|militär\w*|воен\w*|defen[cs]e|defensa|défense|arms?|weapons?"
#: The conjunctions that join the conjuncts of an object, one split for every language
#: ("aid and shells", "aide et obus", "ayuda y proyectiles", "Hilfe und Granaten",
#: "помощь и снаряды", "援助和弹药").
_CONJUNCTION = (
    r"\s*,?\s+(?:and|or|as\s+well\s+as|plus|including|y|e|o|et|ou|und|oder|sowie|и|или)(?!\w)"
)
_ZH_CONJUNCTION = r"(?:以及|和|与|及|、)"
#: What may follow a whole Chinese object of moving: a stop, a party's preposition or an
#: aid noun it qualifies ("资金。", "资金给", "资金支持"). Anything else makes the listed
#: word the first part of a compound whose head is another ("能源武器", "人员运输车",
#: "技术装备" are goods).
_ZH_OBJECT_END = r"$|[\s，。；：！？,.;:!?）)]|向|给|到|支持|援助|帮助|支援"
#: A Chinese conjunct of moving: a listed non-good, or a people or aid head after the
#: words of its compound that qualify it ("军事顾问", "维和人员"), none a conjunction.
_ZH_NOT_MOVED = (
    rf"(?:{_NOT_MOVED_GOODS['zh'][0]}|{_NOT_MOVED_GOODS['zh'][1]}|"
    rf"(?:(?!{_ZH_CONJUNCTION})[\u4e00-\u9fff]){{1,4}}?(?:{_NOT_MOVED_GOODS['zh'][1]}))"
)
#: A party named before the object ("gave Ukraine funds"): a whole capitalised word that
#: is no acronym of three or more capitals, those being things (Russian "средства ПВО",
#: "РЭБ"), not states; case is read as written even inside a case-blind pattern.
_PARTY_WORD = r"(?-i:(?![A-ZА-ЯЁ]{3,}(?!\w))[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*)(?![\w'’.-])"
#: The party a verb of supplying names before its object, with its preposition and
#: article ("gave Ukraine funds", "a fourni à la Pologne des prêts", "suministró a
#: Ucrania", "lieferte der Ukraine"), and the word that then opens the object ("supplied
#: Poland with", "belieferte die Ukraine mit").
_OBJECT_PARTY = (
    r"(?:\s+(?:(?:a|al|à|au|aux)\s+)?(?:(?:the|el|la|le|les|die|der|den|dem)\s+|[lL]['’])?"
    rf"(?!(?i:{_MILITARY_WORD})(?!\w)){_PARTY_WORD}(?:\s+(?:with|mit)(?!\w))?)?"
)
#: The words before a head-first head that may be no noun of their own: a figure or a
#: word of quantity or order ("500 asesores", "nuevos préstamos", "d'autres conseillers").
_BEFORE_HEAD_FIRST = (
    r"\d[\d.,]*|más|muchos|muchas|pocos|pocas|varios|varias|numerosos|numerosas|nuevos?|"
    r"nuevas?|otros?|otras?|todos|todas|primer(?:os?|as?)?|algunos|algunas|cientos|miles|"
    r"plus|nombreux|nombreuses|nouveaux|nouvelles?|nouvel|autres|plusieurs|quelques|"
    r"premiers?|premières?|certains|certaines|tous|toutes|centaines|milliers"
)
#: The object of a spaced verb or noun of moving, read up to its head's words: a dative
#: party before it (:data:`_OBJECT_PARTY`), a particle ("handed over"), "of" after a noun
#: ("the transfer of funds"), a determiner and a sum it measures ("$5 million in
#: humanitarian aid").
_MOVED_OBJECT = (
    rf"{_OBJECT_PARTY}(?:\s+(?:over|out|back|off))?"
    r"(?:\s+(?:of|de|del|du|des|von|der)(?!\w)|\s+d['’])?\s*(?:"
    + _DETERMINER
    + r"\s+|[lL]['’]\s*)?"
    + rf"(?:{_MONEY}\s+(?:worth\s+of|in|of|en|de|d['’]|an|в)(?:\s+|(?<=['’])))?"
)
#: A noun of a lot or measure (:data:`_GOODS_LOTS`: "the first tranche of funds",
#: "первый транш средств") takes the head of its "of" phrase.
_LOT_OF = (
    rf"(?:(?i:{_GOODS_LOTS})(?:\s+(?:of|de|del|du|des|von|der)(?!\w)|\s+d['’]|)\s*"
    r"(?:(?i:" + _DETERMINER + r")\s+|[lL]['’]\s*)?)?"
)
#: Words before a head-last head: at most two, no link; no military word before a thing
#: ("military technology" is goods), any before people or aid ("military advisers").
_BEFORE_THING = rf"(?:(?!(?:{_LINK}|{_MILITARY_WORD})(?!\w))[^\s,;:]+\s+){{0,2}}?"
_BEFORE_PEOPLE = rf"(?:(?!{_LINK})[^\s,;:]+\s+){{0,2}}?"
#: Words after a head-first head: at most two lowercase ones, no link nor conjunction; no
#: military word after a thing ("tecnología militar" is goods), any after people or aid
#: ("asesores militares").
_AFTER_THING = rf"(?:\s+(?!(?:{_LINK}|e|{_MILITARY_WORD})(?!\w))(?-i:[a-zß-ÿ][\w-]*)){{0,2}}"
_AFTER_PEOPLE = rf"(?:\s+(?!(?:{_LINK}|e)(?!\w))(?-i:[a-zß-ÿ][\w-]*)){{0,2}}"


def _no_goods_head(before: str) -> str:
    """One conjunct of an object that is no goods, after ``before`` (its lead): its head
    read by the place of the head in its language's noun phrase. A head-last language's
    head is the last word ("military advisers", "Militärberater"); a head-first language's
    is the first noun, only figures and words of quantity before it (:data:`
    _BEFORE_HEAD_FIRST`), so a listed word after another noun is its adjective
    ("helicópteros médicos": helicopters)."""
    head = r"(?<![\w-])(?i:{})(?!\w)"
    first = rf"(?:(?i:{_BEFORE_HEAD_FIRST})\s+){{0,2}}?"
    return (
        rf"{before}(?:{_BEFORE_THING}{_LOT_OF}{head.format(_not_moved(_HEAD_LAST, 0))}"
        rf"|{_BEFORE_PEOPLE}{_LOT_OF}{head.format(_not_moved(_HEAD_LAST, 1))}"
        rf"|{first}{_LOT_OF}{first}{head.format(_not_moved(_HEAD_FIRST, 0))}{_AFTER_THING}"
        rf"|{first}{_LOT_OF}{first}{head.format(_not_moved(_HEAD_FIRST, 1))}{_AFTER_PEOPLE})"
    )


#: A conjunct after the first: its determiner before its words.
_NEXT_CONJUNCT = (
    rf"{_CONJUNCTION}\s*(?:(?i:{_DETERMINER})\s+|[lL]['’]\s*|(?:de|d['’])\s*(?:[lL]['’]\s*)?)?"
)
#: After a verb or noun of moving: every conjunct of its object is no goods
#: (:data:`_NOT_MOVED_GOODS`), each thing ending its noun phrase ("complete power units"
#: are goods); a conjunct that names anything else, a weapon or an unlisted good ("aid and
#: shells", "援助和弹药"), may be goods and keeps the sides. The object ends at a
#: punctuation, a link or a party after it ("гуманитарную помощь Украине"). Chinese puts
#: the object right after the verb and its "了". A fragment of the direction patterns, which
#: compile it with theirs (compiling it alone cost every process's start a fifth of a second).
_MOVES_NO_GOODS = (
    rf"(?:{_no_goods_head(_MOVED_OBJECT)}(?:{_no_goods_head(_NEXT_CONJUNCT)})*"
    rf"(?!{_CONJUNCTION})(?=\s*(?:$|[,.;:!?)]|(?i:{_LINK})|(?<=\s){_PARTY_WORD}))"
    rf"|(?:了|过)?{_ZH_NOT_MOVED}(?:{_ZH_CONJUNCTION}{_ZH_NOT_MOVED})*"
    rf"(?={_ZH_OBJECT_END}))"
)
_MOVES_GOODS_AHEAD = f"(?!{_MOVES_NO_GOODS})"
#: A word of supplying after a word of relief is the relief's noun, no verb: "sent medical
#: supplies to Ukraine", "relief supplies" (SIPRI: relief is no arms transfer). Chinese
#: joins the word without a space: the listed aid ("财政援助", "粮食援助") is aid, its
#: "援助" no verb.
_RELIEF_BEHIND = "".join(
    rf"(?<!{word}\s)" for word in ("medical", "relief", "humanitarian", "emergency")
) + "".join(
    rf"(?<!{aid[: -len('援助')]})"
    for aid in _NOT_MOVED_GOODS["zh"][1].split("|")
    if aid.endswith("援助")
)


def _moving_goods(verbs: Sequence[str], language: str = "") -> tuple[str, ...]:
    """The verbs of supplying, as one alternative read only when its object may be goods: "transferred funds
    to Ukraine", "handed over the presidency to Poland", "移交了战俘" supply nothing
    (SIPRI: a transfer moves weapons). A spaced verb is read whole first, so a shorter
    reading of it ("transf" of "transferred") does not slip past the object."""
    whole = "" if language == "zh" else r"(?!\w)"
    return (rf"{_RELIEF_BEHIND}(?:{'|'.join(verbs)}){whole}{_MOVES_GOODS_AHEAD}",)


SUPPLYING: dict[str, tuple[str, ...]] = {
    **{
        k: _moving_goods((*v, _approving_goods(k)) if k in _APPROVING else v, k)
        for k, v in SUPPLYING_WORDS.items()
    },
    # "transfirió", "transfieren": the stem of "transferir" that "transfer-" misses
    "es": _moving_goods(
        (*SUPPLYING_WORDS["es"], r"transfiri\w*", r"transfier\w*", _approving_goods("es"))
    ),
    "de": _moving_goods(
        (*_DE_SUPPLYING, *SUPPLYING_WORDS["de"], _approving_goods("de"), *_de_approving_goods())
    ),
    # "enverr-": the future of "envoyer"
    "fr": _moving_goods((*SUPPLYING_WORDS["fr"], r"enverr\w*", _approving_goods("fr"))),
}
#: The article of a German dative country name: "dem Irak", "den USA", "der Ukraine",
#: not the nominative "der" of a masculine one ("heute liefert der Iran Drohnen").
_DE_DATIVE = (
    r"(?:(?i:dem|den)\s+|(?i:der)\s+(?!(?:Iran|Irak|Jemen|Libanon|Sudan|Südsudan|Tschad|"
    r"Niger|Kongo|Oman|Senegal|Vatikan|Kosovo)(?!\w)))"
)
#: "Get" is acquiring only with goods as its object ("got 20 tanks from", "is getting
#: Patriot missiles"), never with what else one gets ("got a boost", "got permission to
#: sell", "is getting ready to deliver", "to get access to its ports").
_EN_GETTING_GOODS = (
    r"(?:get|gets|getting|got|gotten)(?=\s+(?:(?!" + _LINK + r")[^\s,;:]+\s+){0,3}?"
    rf"(?i:{_EN_WEAPONS})|\s+\d[\d,]*\s+(?!{_SCALE}|percent|per\s+cent)[A-Za-z])"
)
#: "Ask for" is acquiring when goods are asked for ("asked Germany for 20 tanks"), not
#: money or a paper ("asked Poland for payment", "for $300 million"): the seller asks
#: for those. The object after the first "for" decides.
_EN_ASKED_FOR = r"(?:\s+(?!for(?!\w))\S+){0,4}?\s+for(?!\w)" + _NOT_GOODS_AHEAD
_EN_ASKING_GOODS = rf"ask(?:s|ed|ing)?(?={_EN_ASKED_FOR})"
ACQUIRING: dict[str, tuple[str, ...]] = {
    **ACQUIRING_WORDS,
    "en": (*ACQUIRING_WORDS["en"], _EN_GETTING_GOODS, _EN_ASKING_GOODS),
    "de": (*_DE_ACQUIRING, *ACQUIRING_WORDS["de"]),
}
#: The auxiliary of a passive before its participle ("was supplied", "fueron entregados",
#: "ont été livrés", "были переданы"): the subject of a passive verb of supplying is not
#: its supplier.
_PASSIVE_AUX = {
    "en": r"(?:is|are|was|were|be|been|being|gets?|got)",
    "es": r"(?:es|son|fue|fueron|era|eran|será|serán|sido|sea|sean)",
    "fr": r"(?:est|sont|fut|furent|était|étaient|sera|seront|été|être)",
    "ru": r"(?:был|была|было|были|будет|будут)",
}
#: A Russian short passive participle ("передан", "переданы", "поставлены", "отгружены").
_RU_PASSIVE = re.compile(r"\w*(?:[ая]н|ен|ён)[аоы]?", re.I)
#: A Russian adjective of nationality agreeing with the goods ("Российские С-400",
#: "французская техника", "Немецкие танки"): the subject of a passive it stands in is the
#: goods, made in that country, so the country supplies them; only a dative or a bare
#: name ("Индии", "Индия") before a passive is its recipient.
_RU_ADJECTIVE = re.compile(r"\w+(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ую|их|ими|ым|ом)(?!\w)", re.I)
#: English participles of supplying whose passive subject is the one supplied: "Japan was
#: supplied with howitzers", "Ukraine was sent tanks" (not "tanks were sent to Ukraine").
_EN_SUPPLIED = re.compile(
    r"(?i:supplied|provided|furnished|equipped|armed|sold|sent|given|handed|shipped|"
    r"delivered|donated|transferred|offered|pledged|promised)"
)
_EN_NO_OBJECT = re.compile(
    r"\s*(?:$|[,.;:!?]|(?i:to|by|from|for|in|on|at|over|via|as|under|into|after|before)(?!\w))"
)

#: An English party named without a possessive: "Germany", not "Germany's".
_EN_PARTY = _PARTY["en"] + r"(?<!['’]s)(?![\w'’])"
_EN_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*){0,3}"
#: A noun of supplying, its recipient ({}), then the goods' owner: "the transfer to Poland
#: of Germany's tanks".
_EN_TRANSFER_TO_OF = (
    r"(?<!\w)(?i:transfers?|deliver(?:y|ies)|sales?|suppl(?:y|ies)|exports?|shipments?)\s+"
    r"(?i:to)\s+{}\s+(?i:of)\s+"
)
#: English suppliers marked outside a verb's subject: the one asked for goods ("asked
#: Germany for tanks"), the owner of goods transferred ("the transfer to Poland of
#: Germany's tanks"), the subject of "armed X with" ("Germany armed Poland with").
_EN_SUPPLIER_EXTRA = (
    rf"(?<!\w)(?i:ask(?:s|ed|ing)?)\s+{_EN_PARTY}\s+(?i:for)(?!\w)(?!(?i:{_NOT_GOODS.pattern}))",
    _EN_TRANSFER_TO_OF.format(_EN_NAME) + rf"{_PARTY['en']}(?=['’]s(?!\w))",
    rf"{_EN_PARTY}\s+(?:(?i:has|have|had|will|is|are|was|were)\s+)?(?i:arm(?:s|ed|ing))\s+"
    rf"{_EN_NAME}\s+(?i:with)(?!\w)",
)
#: The English indirect object of a verb of supplying or pledging, right after it and
#: before the goods ("gave Poland 20 tanks", "offered Ukraine jets", "is supplying Japan
#: with howitzers", "armed Poland with"): the recipient. Not a permission or a promise
#: given ("gave Poland permission to"), nor a time after the verb ("sold France in 2020").
_EN_SUPPLIED_PARTY = (
    r"(?<!\w)(?i:gave|give[sn]?|giving|sent|sends?|sending|offer(?:s|ed|ing)|"
    r"pledg(?:es|ed|ing)|promis(?:es|ed|ing)|sold|sells?|selling|hand(?:s|ed|ing)|"
    r"suppl(?:y|ies|ied|ying)|provid(?:es?|ed|ing)|arm(?:s|ed|ing)|equipp?(?:s|ed|ing)|"
    rf"furnish(?:es|ed|ing)){_NOT_GIVEN_GOODS_AHEAD}{_MOVES_GOODS_AHEAD}\s+{_EN_PARTY}(?=\s+(?:with(?!\w)|\d|(?!(?i:to|in|on|at|for|"
    r"from|by|and|or|as|over|last|this|next|after|before|during|since|via|under|that|"
    r"permission|approval|assurances?|guarantees?|support|access|time|notice)(?!\w))[a-z]))"
)
#: The word before a partner in a deal, and the word before the deal's purpose, per
#: language ("a deal with Germany to buy", "un acuerdo con Alemania para comprar").
_WITH = {"en": "with", "es": "con", "fr": "avec"}
_PURPOSE = {"en": r"(?:to|for\s+the)", "es": r"(?:para|por\s+el\s+que)", "fr": r"pour"}


@functools.cache
def _direction_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """Patterns that mark a party as supplier ("from X", "sold by X", "从X购买") or as
    recipient ("sale ... to X", "向X交付", Russian dative after "поставила"). Only the
    verbs and prepositions are read in any case; a party's capital is kept.

    Compiled on a language's first sentence, not at import: the five languages' patterns
    took five seconds, paid by every process that imports the package (the CLI's
    ``--help``, each worker of a bulk run) whether or not it reads a transfer."""
    supplying = "(?i:" + "|".join(SUPPLYING[language]) + ")"
    acquiring = "(?i:" + "|".join(ACQUIRING[language]) + ")"
    party = _PARTY[language]
    if language == "zh":
        # "巴西接收了中国交付的坦克": the party before a supplying verb's "的" supplies
        relative = rf"(?<![向对给为从自由])([^\W向对给为从自由]{{2,8}}?)(?:已经|已|将|所)?(?:{supplying})的"
        return {
            "supplier": re.compile(
                rf"(?:从|自|由){party}(?:{acquiring}){_ZH_NOT_GOODS_AHEAD}|{relative}"
            ),
            "recipient": re.compile(rf"(?:向|对|给|为){party}(?:{supplying})"),
        }
    word = r"(?<!\w){}(?!\w)"
    supplier = [
        # "bought ... from X", "purchased from X", "acquired under licence from X"
        word.format(acquiring)
        + _NOT_GOODS_AHEAD
        + _GAP
        + rf"(?<!\w)(?i:{_FROM[language]})\s+{party}",
        # "supplied by X", "made by X", "fabricados por X", "geliefert von X"
        rf"(?<!\w)(?i:{supplying}|made|built|manufactured|produced|fabricad\w*|fabriqué\w*|"
        rf"hergestellt|produzid\w*)\s+(?i:by|por|par|von|vom)\s+{party}",
    ]
    # a passive's agent: "were delivered to France by Germany", "was supplied with
    # howitzers by Poland", "переданы ... из Турции" (not "sold ... despite protests by X")
    if language == "ru":
        passive = rf"(?<!\w)(?=(?i:{supplying})(?!\w)){_RU_PASSIVE.pattern}(?!\w)"
    elif language in _PASSIVE_AUX:
        aux = _PASSIVE_AUX[language]
        passive = rf"(?<!\w)(?i:{aux})\s+(?:\w+ly\s+)?" + word.format(supplying)
    else:  # German: "von X ... geliefert", below
        passive = ""
    if passive:
        supplier.append(passive + _AGENT_GAP + rf"(?<!\w)(?i:{_BY[language]})\s+{party}")
    if language == "en":
        supplier.append(rf"(?<!\w)(?i:licen[cs]e\s+from)\s+{party}")
        supplier.extend(_EN_SUPPLIER_EXTRA)
    recipient = [
        word.format(supplying)
        + _NOT_GIVEN_GOODS_AHEAD
        + _GAP
        + rf"(?<!\w)(?i:{_TO[language]})\s+{party}"
    ]
    if language == "en":  # "the transfer to Poland of Germany's tanks": Poland alone
        recipient.insert(0, _EN_TRANSFER_TO_OF.format(f"({_EN_NAME})"))
        recipient.append(_EN_SUPPLIED_PARTY)
    if language in _WITH:  # "a deal with X to buy": X sells; "... with X to sell": X buys
        partner = rf"(?<!\w)(?i:{_WITH[language]})\s+{party}\s+(?i:{_PURPOSE[language]})\s+"
        supplier.append(partner + rf"(?:{acquiring})(?!\w){_NOT_GOODS_AHEAD}")
        recipient.append(partner + rf"(?:{supplying})(?!\w){_NOT_GIVEN_GOODS_AHEAD}")
    if language == "ru":  # "Россия поставила Индии ...": the dative right after the verb,
        # past lowercase words but no preposition, whose own case it is ("танки из Турции")
        recipient.append(
            word.format(supplying)
            + r"(?:\s+(?!(?:из|у|от|с|со|к|ко|в|во|на|по|для|до|без|при|о|об|за|под|над|"
            r"через|после|перед|между|против)\s)[а-яё-]+){0,3}?\s+" + party
        )
    if language == "de":  # the verb at the end: "die von Deutschland gelieferten Panzer"
        verbs = "(?i:" + "|".join((_DE_SUPPLIED, _DE_SUPPLY)) + r")\w*"
        acquired = "(?i:" + "|".join((_DE_ACQUIRED, _DE_ACQUIRE)) + r")\w*"
        ahead = r"(?={}\s(?:{})(?!\w))"
        supplier.append(
            rf"(?<!\w)(?i:von|vom|aus)\s+{party}" + ahead.format(_AGENT_GAP, f"{verbs}|{acquired}")
        )
        recipient.append(rf"(?<!\w)(?i:an|nach)\s+{party}" + ahead.format(_AGENT_GAP, verbs))
        # "Deutschland beliefert Frankreich mit Panzern": the accusative is supplied
        recipient.append(rf"(?<!\w)(?i:beliefer\w*)(?!\w){_MOVES_GOODS_AHEAD}\s+{party}")
        # "Deutschland liefert der Ukraine Panzer": the dative right after the verb (with
        # its article: a bare name there may be the subject, "heute liefert Polen")
        recipient.append(word.format(supplying) + rf"\s+{_DE_DATIVE}{party}")
    return {
        "supplier": re.compile("|".join(supplier)),
        "recipient": re.compile("|".join(recipient)),
    }


#: Verbs of pledging, per language: in a relative clause on the goods their subject gives
#: them ("The howitzers that Germany pledged will be delivered": Germany supplies).
_PLEDGING = {
    "en": r"pledg\w*|promis\w*|committed|offered",
    "es": r"prometi\w*|prometid\w*|ofreci\w*|ofrecid\w*|comprometi\w*",
    "fr": r"promis\w*|promet\w*|offert\w*|engag\w*",
    "de": r"zugesagt\w*|versprochen\w*|angeboten\w*|zusagt\w*|verspricht\w*",
    "ru": r"обеща\w*|предложи\w*",
}
#: A relative pronoun (or "that") before its clause's subject, per language.
_RELATIVE = {"en": r"that|which", "es": r"que", "fr": r"que|qu['’]", "de": r"(?<=,)\s*(?:die|den|das)",
             "ru": r"которы\w*|которую|которое"}  # fmt: skip
_PLEDGED = {
    language: re.compile(
        rf"(?<!\w)(?i:{_RELATIVE[language]})\s*{_PARTY[language]}\s+"
        rf"(?:[a-zà-ÿа-яё]\w*\s+){{0,3}}?(?i:{verbs})(?!\w)(?!\s+(?:to|de|à|a|zu)\s+[a-zà-ÿ])"
    )
    for language, verbs in _PLEDGING.items()
}


#: A German compound tense whose object is no goods: "Deutschland hat Gelder an Polen
#: übergeben". Its "an Polen ... übergeben" is read at the clause's end, past the object
#: (:func:`_direction_patterns`), so the auxiliary's object is judged here.
@functools.cache
def _de_moves_no_goods() -> re.Pattern[str]:
    """The pattern of a German auxiliary whose object is no goods, made on first use."""
    return re.compile(rf"(?<!\w)(?i:{'|'.join(_DE_SUPPLYING[:2])})(?={_MOVES_NO_GOODS})")


def _moves_no_goods(sentence: str, language: str) -> bool:
    """Whether a German sentence that names no weapon moves something else in a compound
    tense ("hat Gefangene an die Ukraine übergeben"): it marks no side."""
    return (
        language == "de"
        and _de_moves_no_goods().search(sentence) is not None
        and not _names_a_weapon(sentence, language)
    )


def transfer_sides(sentence: str, language: str = "en") -> tuple[set[str], set[str]]:
    """The countries a sentence marks as supplier and as recipient (SIPRI: supplier ->
    recipient), read in English and in ``language``: "from X", "sold by X", "under licence
    from X", "从X购买", "из X" mark a supplier; "sold ... to X", "delivery to X", "向X交付",
    the Russian dative after "поставила" mark a recipient; the subject of a verb of
    supplying ("Russia supplied", "中国向...交付") is a supplier, the subject of a verb of
    acquiring ("Poland bought") a recipient, and the subject of a passive "supplied with"
    ("Japan was supplied with howitzers", "Японии переданы") a recipient."""
    suppliers: set[str] = set()
    recipients: set[str] = set()
    if _moves_no_goods(sentence, language):
        return suppliers, recipients
    for each in dict.fromkeys(("en", language)):
        if each not in _PARTY:
            continue
        patterns = _direction_patterns(each)
        reading = None if each == "en" else each
        for key, found in (("supplier", suppliers), ("recipient", recipients)):
            found |= _marked(patterns[key], sentence, reading)
        if each in _PLEDGED:
            suppliers |= _marked(_PLEDGED[each], sentence, reading)
        subject = _subject(sentence, each)
        if subject is not None:
            (suppliers if subject[1] == "supplier" else recipients).update(subject[0])
    return suppliers, recipients


def _marked(pattern: re.Pattern[str], sentence: str, reading: str | None) -> set[str]:
    """The countries ``pattern`` marks in ``sentence``. A capitalised word after the
    preposition that names no country ("lieferte Panzer nach Gesprächen mit Polen an
    Japan", "delivered to Kyiv's army") is no party: the verb's words are read on past it
    for the next one."""
    found: set[str] = set()
    text, at = sentence, 0
    for _ in range(_MARK_TRIES):
        match = pattern.search(text, at)
        if match is None:
            break
        group = next((i for i, g in enumerate(match.groups(), 1) if g), None)
        code = _name_at(text, match.start(group), match.end(group), reading)[0] if group else None
        if code is not None or group is None:
            found |= {code} if code else set()
            at = max(match.end(), at + 1)
            continue
        start = match.start(group)  # hide that word from the party pattern, read again
        text, at = text[:start] + "\x00" + text[start + 1 :], match.start()
    return found


#: At most this many party words tried in one sentence (each try hides one).
_MARK_TRIES = 40


def _party_country(text: str, language: str | None) -> str | None:
    """The country a party names: a country name or government body; a person's title with
    a country adjective ("Indian officials") names none here."""
    return country_in_text(text, language)


#: A country's name may go on past its capitalised words ("la Corée du Sud", "Trinidad and
#: Tobago", "the Democratic Republic of the Congo", "Объединенным арабским эмиратам"): at
#: most this many more words, any case, are read with a party.
_NAME_WORDS = 4
_NEXT_WORD = re.compile(r"[ \t-]+[\w'’.-]+")
_FIRST_WORD = re.compile(
    r"\s*(?:(?i:the|el|la|los|las|le|les|der|die|das|den|dem)\s+|(?i:l)['’])?[\w.-]+"
)


def _name_at(text: str, start: int, end: int, reading: str | None) -> tuple[str | None, int]:
    """The country a party at ``text[start:end]`` names and where its name ends: the party
    read on over the next words while that names one country ("la Corée" names none, "la
    Corée du Sud" names South Korea), the longest such reading. The name must begin with
    the party's first word: "Gesprächen mit Polen" is no party naming Poland, as "mit
    Polen" names Poland without it; but "Democratic Republic of the Congo" is one, as its
    tail names another country."""
    code, name_end, at = _party_country(text[start:end], reading), end, end
    for _ in range(_NAME_WORDS):
        word = _NEXT_WORD.match(text, at)
        if word is None:
            break
        at = word.end()
        phrase = text[start:at]
        found = _party_country(phrase, reading)
        tail = _FIRST_WORD.sub("", phrase, count=1)
        if found is not None and _party_country(tail, reading) != found:
            code, name_end = found, at
    return code, name_end


_CLAUSE_START = re.compile(r"[.;:!?。；！？\n]|,\s|，")


def _subject(sentence: str, language: str) -> tuple[tuple[str, ...], str] | None:
    """The one country named before the first verb of supplying or acquiring in its clause
    (or the countries of a list of parties there, :func:`_listed_parties`), with its side:
    the subject of "Russia supplied", "中国向巴基斯坦交付" supplies, that of "Poland
    bought", "Индия закупила" receives. Only the first verb: in "Ukraine received
    tanks supplied by Germany", Ukraine is the subject of "received" alone. The subject of
    a passive verb of supplying is the goods ("tanks were delivered"), or, alone before
    "supplied with" or a Russian short participle, the recipient ("Японии переданы")."""
    sentence = _past_parentheses(sentence, language)
    first: tuple[int, str] | None = None
    for words, side in ((SUPPLYING, "supplier"), (ACQUIRING, "recipient")):
        alternatives = "(?:" + "|".join(words[language]) + ")"
        if language == "zh":  # the verb after its "向X", "从X"
            ahead = _ZH_NOT_GOODS_AHEAD if side == "recipient" else ""
            verb = _compiled(rf"(?:向|从|自|对|给)\w{{1,8}}?{alternatives}{ahead}").search(sentence)
            verb = verb or _compiled(alternatives + ahead).search(sentence)
        else:  # receiving or giving an order or money moves no goods (see _NOT_GOODS)
            ahead = _NOT_GOODS_AHEAD if side == "recipient" else _NOT_GIVEN_GOODS_AHEAD
            verb = _compiled(rf"(?<!\w){alternatives}(?!\w){ahead}", re.I).search(sentence)
        if verb is not None and (first is None or verb.start() < first[0]):
            first = (verb.start(), side)
    if first is None:
        return None
    at, side = first
    verb = re.match(r"\w+", sentence[at:])
    if verb and _GENERIC.fullmatch(verb.group()) and not _names_a_weapon(sentence, language):
        return None
    start = 0
    for match in _CLAUSE_START.finditer(sentence, 0, at):
        start = match.end()
    subject = sentence[start:at]
    if language == "zh":
        found = countries_in_text(subject, "zh")
        return ((found[0],), side) if len(found) == 1 else None
    if re.search(r"(?<!\w)(?:by|por|par|von|vom|из|of|de|du)\s*$", subject):
        return None  # "sold by X": the "by" pattern's
    subject = _complement_subject(subject, language)
    word = verb.group() if verb else ""
    voice = _voice(sentence, at, word, subject, language)
    if voice == "nonfinite":
        return None
    if len(subject.split()) > _SUBJECT_WORDS:  # other verbs may stand between, or a list
        return _listed_subject(sentence, at, side, voice, language)
    if voice != "active":
        if side != "supplier" or voice != "supplied with":
            return None  # "tanks were delivered", "Panzer wurden gekauft"
        subject = re.sub(
            rf"(?<!\w)(?i:{_PASSIVE_AUX.get(language, _PASSIVE_AUX['en'])}|{_PASSIVE_AUX['en']})"
            r"(?:\s+\w+ly)?\s*$",
            "",
            subject,
        )
        if language == "ru" and _RU_ADJECTIVE.match(subject.strip()):
            side = "supplier"  # "Российские С-400 поставлены": the goods' origin
        elif not _bare_party(subject, language):
            return None  # "Танки Германии переданы": the goods, not the recipient
        else:
            side = "recipient"
    found = countries_in_text(subject, None if language == "en" else language)
    if len(found) == 1:
        return (found[0],), side
    return _listed_subject(sentence, at, side, voice, language)


#: A party opening its clause, then a relative or participial clause set off by commas
#: ("Germany, which has already sent tanks, will deliver"; "Alemania, que ya envió
#: tanques, entregará"; "Deutschland, das Panzer geliefert hat, wird liefern"; "Германия,
#: которая передала танки, поставит").
_PARENTHESIS = re.compile(
    r"(?:^|(?<=[.;:!?\n]))([^,.;:!?\n]{1,60}?)(,"
    + _SUBORDINATE.pattern
    + r"[^,.;:!?\n]*,|,\s*(?i:der|die|das|котор\w+|quien(?:es)?|lequel|laquelle)(?!\w)"
    r"[^,.;:!?\n]*,)(?=\s)"
)


#: A German relative pronoun that is also an article ("die Niederlande").
_GERMAN_ARTICLE = re.compile(r",\s*(?i:der|die|das)(?!\w)")
#: A parenthesis that adds a party to the subject ("Germany, as well as Norway, will").
_ALSO = re.compile(r",\s*(?i:as\s+well\s+as)(?!\w)")


def _past_parentheses(sentence: str, language: str) -> str:
    """``sentence`` with each relative or participial clause after a party that opens its
    clause blanked out (same length): the main verb after it is the party's, and the
    verb inside it is no subject's first verb ("Germany, which has already sent tanks,
    will deliver howitzers": Germany delivers the howitzers). A clause after other words
    ("Alongside Germany, which is sending tanks, the President will send") is kept."""
    reading = None if language == "en" else language
    for match in _PARENTHESIS.finditer(sentence):
        if _GERMAN_ARTICLE.match(match.group(2)) and countries_in_text(match.group(2), reading):
            continue  # "Norwegen, die Niederlande und Dänemark werden": a list, no relative
        if _ALSO.match(match.group(2)):
            continue
        if _bare_party(match.group(1), language):
            start, end = match.span(2)
            sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


#: A word that opens a complement clause, which has its own subject ("Danish Defence Minister
#: Lars Holm announced that Denmark will deliver": Denmark delivers, not the minister).
#: Speech verbs whose object is what was said, not a person told ("told Poland").
_SAID = {w for forms in SPEECH_VERBS.values() for w in forms if w not in {"told", "tells"}}
_COMPLEMENTISER = re.compile(
    r"(?<!\w)(?:(?i:that|que|qu['’]|dass|что|under\s+which|whereby|por\s+el\s+que|"
    r"en\s+vertu\s+duquel)|(?-i:" + "|".join(sorted(_SAID, key=len, reverse=True)) + r"))(?!\w)"
)
#: A partner named after "with" in a subject ("Poland signed a deal with Germany to buy"):
#: the one the subject deals with, not the subject; read up to the verb.
_PARTNER = re.compile(r"\s(?i:with|con|avec|mit)\s+[A-ZÁÉÍÓÚÑÀ-ÖØ-ÞА-ЯЁ].*$", re.S)


def _complement_subject(subject: str, language: str) -> str:
    """The subject of the complement clause ``subject`` ends in, where that names a country
    ("announced that Denmark will deliver"); else all of it, whose pronoun points back
    ("Germany said that it will deliver": Germany)."""
    after = _COMPLEMENTISER.split(subject)[-1]
    reading = None if language == "en" else language
    if after != subject and countries_in_text(after, reading):
        return after
    alone = _PARTNER.sub("", subject)
    return alone if alone != subject and countries_in_text(alone, reading) else subject


def _listed_subject(
    sentence: str, at: int, side: str, voice: str, language: str
) -> tuple[tuple[str, ...], str] | None:
    """The countries of an active verb's subject that lists parties, with their side."""
    listed = _listed_parties(_hard_clause(sentence, at), language) if voice == "active" else ()
    return (listed, side) if listed else None


def _hard_clause(sentence: str, at: int) -> str:
    """The words before ``at`` back to the start of their clause, past list commas: the
    subject "Denmark, the Netherlands and Norway" of "... will deliver"."""
    start = 0
    for match in re.finditer(r"[.;:!?。；！？\n]", sentence[:at]):
        start = match.end()
    return sentence[start:at]


#: The word joining the last two parties of a list, per language (Spanish "e" before
#: an "i": "Francia e Italia").
_AND = r"(?:and|as well as|y|e|et|und|sowie|и)"


#: A word opening a clause that is a verb's object ("welcomed that", "a salué que").
_THAT = re.compile(r"(?<!\w)(?i:that|que|qu['’]|dass|что)(?:\s+|(?<=['’]))")


def _listed_parties(subject: str, language: str) -> tuple[str, ...]:
    """The countries of a subject that is a list of parties ("Denmark, the Netherlands
    and Norway will", "Dänemark und Norwegen werden"): each joined by a comma or "and",
    each one country's name; followed only by lowercase words (an auxiliary, an
    adverb). Each is a supplier of its own (SIPRI codes a transfer per supplier); a
    subject with any other words ("Talks with Denmark and Norway") lists none."""
    if language == "zh":
        return ()
    subject = _THAT.split(subject)[-1]  # "The President welcomed that Denmark and ..."
    words = subject.split()
    while words and words[-1][:1].islower():
        words.pop()  # "will", "have jointly", "werden"
    if len(words) > _SUBJECT_WORDS * 2:
        return ()
    pieces = re.split(rf"\s*,\s*(?:(?i:{_AND})\s+)?|\s+(?i:{_AND})\s+", " ".join(words))
    if len(pieces) < 2 or not all(_bare_party(p, language) for p in pieces):
        return ()
    reading = None if language == "en" else language
    found = [countries_in_text(p, reading) for p in pieces]
    return tuple(dict.fromkeys(f[0] for f in found if len(f) == 1))


_ARTICLE = re.compile(r"^(?:(?i:the|el|la|los|las|le|les|der|die|das|den|dem)\s+|(?i:l)['’]\s*)")


def _bare_party(text: str, language: str) -> bool:
    """Whether ``text`` is a country's name alone, with its article ("Japan", "The United
    States", "Японии"), not a noun of it ("Танки Германии", "Russian tanks")."""
    words = _ARTICLE.sub("", text.strip(), count=1)  # "the", never the "Den" of "Denmark"
    reading = None if language == "en" else language
    party = re.match(_PARTY[language], words)
    if party is None:
        return False
    if party.end() < len(words):  # "Объединенным арабским эмиратам": a name read on
        code, end = _name_at(words, party.start(1), party.end(1), reading)
        return code is not None and end == len(words)
    rest = words.split(maxsplit=1)[1:]
    return bool(countries_in_text(words, reading)) and not (
        rest and countries_in_text(rest[0], reading)
    )


def _voice(sentence: str, at: int, word: str, subject: str, language: str) -> str:
    """How the verb at ``at`` stands to the words before it: "active" (they hold its
    subject), "passive" (its subject is what is moved), "supplied with" (a passive whose
    subject is the one supplied: "Japan was supplied with", "Ukraine was sent tanks",
    "Японии переданы", "Frankreich wurde mit Panzern beliefert"), or "nonfinite" (a German
    participle or clause-final verb: what stands before it is no subject)."""
    end = at + len(word)
    if language == "de":
        if _DE_PASSIVE_AT.match(sentence, at):
            tail = re.match(r"[^,.;:!?\n]*", sentence[end:])
            supplied = tail and re.search(r"(?i:beliefert)(?!\w)", tail.group())
            return "supplied with" if supplied else "passive"
        # a participle's "ge-", not a stem's: "genehmigte" (approved) is finite
        if re.match(r"(?i:ge(?!nehmigte)|ausge|zuge|bereitge|abge)\w", word) or re.search(
            r"(?i:zu)\s+$", subject
        ):
            return "nonfinite"
        if _DE_NONFINITE_AFTER.match(sentence, end) and not re.match(
            rf"(?i:{_DE_HAVE}|{_DE_WILL})$", word
        ):
            return "nonfinite"
        return "active"
    if language == "ru":
        return "supplied with" if _RU_PASSIVE.fullmatch(word) else "active"
    aux = _PASSIVE_AUX.get(language)
    before = r"(?<!\w)(?i:{})(?:\s+\w+ly)?\s+$"
    english = re.search(before.format(_PASSIVE_AUX["en"]), subject)
    own = aux and re.search(before.format(aux), subject)
    if not (english if language == "en" else own or english) or re.search(r"ing$", word):
        return "active"  # "was supplying": a progressive is active
    if language == "en" and _EN_SUPPLIED.fullmatch(word):
        return "passive" if _EN_NO_OBJECT.match(sentence, end) else "supplied with"
    return "passive"


def _names_a_weapon(sentence: str, language: str) -> bool:
    return any(
        ARMS_CUES[each].search(sentence)
        for each in dict.fromkeys(("en", language))
        if each in ARMS_CUES
    )


def directed(data: dict[str, Any], make: Builder) -> dict[str, Any]:
    """The transfer coded the right way round: weapons go from the supplier to the recipient.

    When the evidence marks the answer's recipient as the supplier and its
    supplier as the recipient ("Poland bought tanks from the United States"
    coded Poland -> United States), the two are swapped with a warning. When it
    marks only one of them the wrong way, the answer is kept and a warning
    says which side the evidence contradicts.
    """
    supplier, recipient = data["supplier"].country, data["recipient"].country
    if not supplier or not recipient or supplier == recipient:
        return data
    suppliers, recipients = transfer_sides(make.quote, make.language)
    supplies = suppliers - recipients  # a country marked both ways says nothing
    receives = recipients - suppliers
    backwards_supplier = recipient in supplies
    backwards_recipient = supplier in receives
    if backwards_supplier and backwards_recipient:
        make.warn(
            f"the evidence has {recipient} supplying and {supplier} receiving: supplier and "
            "recipient swapped"
        )
        return {**data, "supplier": data["recipient"], "recipient": data["supplier"]}
    if backwards_supplier or backwards_recipient:
        which = (
            f"{recipient} (the recipient) as supplier"
            if backwards_supplier
            else f"{supplier} (the supplier) as recipient"
        )
        make.warn(
            f"the evidence marks {which}: supplier {supplier} and recipient {recipient} kept "
            "as answered, check the direction"
        )
    return data


def terms(draft: ArmsTransferDraft) -> tuple[set[str], set[str]]:
    figures: set[str] = set()
    if draft.value:
        figures.add(draft.value)
        money = Money.parse(draft.value)
        if money is not None:
            figures |= number_forms(money.amount)
    parties = [draft.supplier, draft.recipient]
    return draft_terms(set(), list(parties), list(parties), figures)


def _items(record: Mapping[str, Any], line: Mapping[str, Any]) -> list[str]:
    """Each item as "designation xN" (N when the quantity is known), a list cell."""
    parts = []
    for item in record.get("items") or []:
        if not isinstance(item, Mapping):
            continue
        text = str(item.get("designation") or "")
        if item.get("quantity") is not None:
            text += f" x{item['quantity']}"
        parts.append(text)
    return parts


def _item_categories(record: Mapping[str, Any], line: Mapping[str, Any]) -> list[str]:
    found = [
        str(item["category"])
        for item in record.get("items") or []
        if isinstance(item, Mapping) and item.get("category")
    ]
    return list(dict.fromkeys(found))


def _item_quantity(record: Mapping[str, Any], line: Mapping[str, Any]) -> int | None:
    quantities = [
        item["quantity"]
        for item in record.get("items") or []
        if isinstance(item, Mapping) and isinstance(item.get("quantity"), int)
    ]
    return sum(quantities) if quantities else None


COLUMNS = (
    col.Column("supplier", "str", col.actor_name("supplier")),
    col.Column("supplier_country", "str", col.field_of("supplier", "country")),
    col.Column("recipient", "str", col.actor_name("recipient")),
    col.Column("recipient_country", "str", col.field_of("recipient", "country")),
    col.Column("end_user", "str", col.actor_name("end_user")),
    col.Column("end_user_country", "str", col.field_of("end_user", "country")),
    col.Column("items", "list", _items),
    col.Column("item_categories", "list", _item_categories),
    col.Column("item_quantity", "int", _item_quantity),
    col.Column("value_amount", "float", col.field_of("value", "amount")),
    col.Column("value_currency", "str", col.field_of("value", "currency")),
    col.Column("value_text", "str", col.field_of("value", "text")),
    *col.date_columns("order_date"),
    *col.date_columns("delivery_date"),
    col.Column("deal_status", "str", col.field_of("deal_status")),
    col.Column("transfer_type", "str", col.field_of("transfer_type")),
)

TABLE = (
    ("supplier", lambda a: a.supplier.country or a.supplier.name),
    ("recipient", lambda a: a.recipient.country or a.recipient.name),
    ("items", lambda a: col.SEPARATOR.join(i.designation for i in a.items)),
    ("value", lambda a: f"{a.value.amount:,} {a.value.currency}" if a.value else ""),
    ("deal", lambda a: a.deal_status or ""),
)


def to_gold(record: Record) -> dict[str, Any]:
    from extractor.types.goldspec import code_or_name

    assert isinstance(record, ArmsTransfer)
    when = record.order_date or record.delivery_date
    start, end = (when.value, when.end) if when else (None, None)
    if record.order_date and record.delivery_date:
        end = record.delivery_date.end or record.delivery_date.value
    quantities = [i.quantity for i in record.items if i.quantity is not None]
    status = record.deal_status
    if record.status == Status.ALLEGED:
        status = "alleged"
    return {
        "supplier": code_or_name(record.supplier),
        "recipient": code_or_name(record.recipient),
        "items": [i.designation for i in record.items],
        "quantity": sum(quantities) if quantities else None,
        "value": (
            {"amount": float(record.value.amount), "currency": record.value.currency}
            if record.value
            else None
        ),
        "start": start,
        "end": end,
        "status": status,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_date, gold_party

    value = gold.get("value")
    items = [ArmsItem(designation=i) for i in gold.get("items") or []]
    if items and gold.get("quantity") is not None:
        items[0] = items[0].model_copy(update={"quantity": gold["quantity"]})
    when = gold_date(gold.get("start"), gold.get("end"))
    delivered = gold.get("status") == "delivered"
    data: dict[str, Any] = {
        "supplier": gold_party(gold.get("supplier")),
        "recipient": gold_party(gold.get("recipient")),
        "items": items,
        "value": Money(amount=value["amount"], currency=value["currency"]) if value else None,
        "delivery_date": when if delivered else None,
        "order_date": None if delivered else when,
        "deal_status": gold.get("status"),
    }
    if gold.get("status") == "alleged":
        data["status"] = Status.ALLEGED
    return data


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """The (supplier, recipient) pair agrees (a country among them), or the quantity,
    or the value within 1 %."""
    from extractor.evaluation.matching import (
        _country,
        actors_match,
        money_matches,
        quantities_match,
    )

    gs, gr = gold.get("supplier"), gold.get("recipient")
    if (_country(gs) or _country(gr)) and (
        actors_match(gs, pred.get("supplier")) and actors_match(gr, pred.get("recipient"))
    ):
        return True
    if gold.get("quantity") is not None and quantities_match(
        gold.get("quantity"), pred.get("quantity")
    ):
        return True
    return gold.get("value") is not None and money_matches(gold.get("value"), pred.get("value"))


SPEC = RecordSpec(
    record=ArmsTransfer,
    draft=ArmsTransferDraft,
    build=build,
    terms=terms,
    plural="arms_transfers",
    label="arms transfers",
    cues=ARMS_CUES,
    # A price is an attribute of a transfer, not what makes one (SIPRI codes deals of
    # unknown value): a price no sentence states is left empty, the transfer kept.
    optional_figures=("value",),
    template="types/arms_transfer.j2",
    columns=COLUMNS,
    table=TABLE,
    gold=GoldSpec(
        fields={
            "supplier": K.ACTOR,
            "recipient": K.ACTOR,
            "items": K.ITEMS,
            "quantity": K.QUANTITY,
            "value": K.MONEY,
            "start": K.DATE,
            "end": K.DATE,
            "status": K.ENUM,
        },
        enums={"status": frozenset(get_args(ReportedDealStatus))},
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("supplier", "recipient"),
    ),
)
