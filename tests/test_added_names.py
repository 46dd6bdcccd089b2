"""Names the gazetteer's data gained for other languages, scripts and periods resolve to their entity.

A sample of each file's additions (gazetteer/data/country_names.jsonl: the press of European and other
Latin-script languages, CLDR names in further scripts, official long forms, the region's own exonyms,
Soviet-era and other former names; gazetteer/data/translations.jsonl: the curated entities' further names
and former names). Each ranks its entity first; a former name ranks its entity first on a date of its period
through a name of kind historical, and is flagged out of use after it.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from gazetteer import NameKind
from namematch import Resolver

CURATED = resources.files("gazetteer") / "data" / "country_names.jsonl"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# (name, entity id)
NAMES = [
    ('Weißrussland', 'belarus'),
    ('Holland', 'netherlands'),
    ('Elfenbeinküste', 'cote-d-ivoire'),
    ('Großbritannien', 'united-kingdom'),
    ('Moldawien', 'moldova'),
    ('Osttimor', 'timor-leste'),
    ('Costa de Marfil', 'cote-d-ivoire'),
    ('Holanda', 'netherlands'),
    ('Olanda', 'netherlands'),
    ('Repubblica Ceca', 'czechia'),
    ('Grã-Bretanha', 'united-kingdom'),
    ('Wit-Rusland', 'belarus'),
    ('Groot-Brittannië', 'united-kingdom'),
    ('Vitryssland', 'belarus'),
    ('Hviderusland', 'belarus'),
    ('Østrig', 'austria'),
    ('Frankrig', 'france'),
    ('Hviterussland', 'belarus'),
    ('Storbritannia', 'united-kingdom'),
    ('Saksa', 'germany'),
    ('Itävalta', 'austria'),
    ('Tadžikistan', 'tajikistan'),
    ('Valko-Venäjä', 'belarus'),
    ('Nemecko', 'germany'),
    ('Spojené štáty', 'united-states'),
    ('Nemčija', 'germany'),
    ('Njemačka', 'germany'),
    ('Bjelorusija', 'belarus'),
    ('Marea Britanie', 'united-kingdom'),
    ('Elveția', 'switzerland'),
    ('Fehéroroszország', 'belarus'),
    ('Beyaz Rusya', 'belarus'),
    ('Fildişi Sahili', 'cote-d-ivoire'),
    ('Almaniya', 'germany'),
    ('Gürcüstan', 'georgia'),
    ('Saksamaa', 'germany'),
    ('Valgevene', 'belarus'),
    ('Vācija', 'germany'),
    ('Baltkrievija', 'belarus'),
    ('Vokietija', 'germany'),
    ('Baltarusija', 'belarus'),
    ('Belanda', 'netherlands'),
    ('Inggris Raya', 'united-kingdom'),
    ('Nhật Bản', 'japan'),
    ('Tây Ban Nha', 'spain'),
    ('คาซัคสถาน', 'kazakhstan'),
    ('ฝรั่งเศส', 'france'),
    ('เกาหลีเหนือ', 'north-korea'),
    ('อัฟกานิสถาน', 'afghanistan'),
    ('קזחסטן', 'kazakhstan'),
    ('צרפת', 'france'),
    ('גרמניה', 'germany'),
    ('ארצות הברית', 'united-states'),
    ('Καζακστάν', 'kazakhstan'),
    ('Γερμανία', 'germany'),
    ('Ηνωμένο Βασίλειο', 'united-kingdom'),
    ('Ղազախստան', 'kazakhstan'),
    ('Ռուսաստան', 'russia'),
    ('ყაზახეთი', 'kazakhstan'),
    ('რუსეთი', 'russia'),
    ('ამერიკის შეერთებული შტატები', 'united-states'),
    ('कज़ाखस्तान', 'kazakhstan'),
    ('पाकिस्तान', 'pakistan'),
    ('जर्मनी', 'germany'),
    ('কাজাখস্তান', 'kazakhstan'),
    ('ভারত', 'india'),
    ('قزاخستان', 'kazakhstan'),
    ('بھارت', 'india'),
    ('Хятад', 'china'),
    ('Энэтхэг', 'india'),
    ('Өмнөд Солонгос', 'south-korea'),
    ('Монгол Улс', 'mongolia'),
    ('Гърция', 'greece'),
    ('Съединени щати', 'united-states'),
    ('Немачка', 'germany'),
    ('Таџикистан', 'tajikistan'),
    ('Француска', 'france'),
    ('Германија', 'germany'),
    ('Јапонија', 'japan'),
    ('カザフスタン共和国', 'kazakhstan'),
    ('朝鮮民主主義人民共和国', 'north-korea'),
    ('イラン・イスラム共和国', 'iran'),
    ('조선민주주의인민공화국', 'north-korea'),
    ('우즈베키스탄 공화국', 'uzbekistan'),
    ('중화인민공화국', 'china'),
    ('モンゴル国', 'mongolia'),
    ('俄罗斯联邦', 'russia'),
    ('Мажарстан', 'hungary'),
    ('Majarstan', 'hungary'),
    ('Маҷористон', 'hungary'),
    ('Мысыр', 'egypt'),
    ('Mysyr', 'egypt'),
    ('Миср', 'egypt'),
    ('Үндістан', 'india'),
    ('Ündıstan', 'india'),
    ('Орусия', 'russia'),
    ('Resei', 'russia'),
    ('Ооганстан', 'afghanistan'),
    ('Ауғанстан', 'afghanistan'),
    ('Әзірбайжан', 'azerbaijan'),
    ('Qytai', 'china'),
    ('Жапония', 'japan'),
    ('Олмон', 'germany'),
    ('Ұлыбритания', 'united-kingdom'),
    ('Британияи Кабир', 'united-kingdom'),
    ('Beýik Britaniýa', 'united-kingdom'),
    ('Yunoniston', 'greece'),
    ('Falastin', 'palestine'),
    ('Gollandiya', 'netherlands'),
    ('Türıkmenstan', 'turkmenistan'),
    ('อัลมาตี', 'almaty'),
    ('บิชเคก', 'bishkek'),
    ('ดูชานเบ', 'dushanbe'),
    ('อัสตานา', 'astana'),
    ('คาบูล', 'kabul'),
    ('เซี่ยงไฮ้', 'shanghai'),
    ('เอเชียกลาง', 'central-asia'),
    ('สหภาพโซเวียต', 'soviet-union'),
    ('สี จิ้นผิง', 'xi-jinping'),
    ('โจ ไบเดน', 'joe-biden'),
    ('ไบเดน', 'joe-biden'),
    ('อัชราฟ กานี', 'ashraf-ghani'),
    ('อับดุล กานี บาราดาร์', 'abdul-ghani-baradar'),
    ('ตาลีบัน', 'taliban'),
    ('ตอลิบาน', 'taliban'),
    ('องค์การสนธิสัญญาความมั่นคงร่วม', 'csto'),
    ('องค์การความร่วมมือเซี่ยงไฮ้', 'sco'),
    ('สหประชาชาติ', 'united-nations'),
    ('คณะมนตรีความมั่นคงแห่งสหประชาชาติ', 'un-security-council'),
    ('เนโท', 'nato'),
    ('เทือกเขาปามีร์', 'pamirs'),
    ('ศาสนาอิสลาม', 'islam'),
    ('รอมฎอน', 'ramadan'),
    ('الماتی', 'almaty'),
    ('دوشنبي', 'dushanbe'),
    ('Kabil', 'kabul'),
    ('Σανγκάη', 'shanghai'),
    ('Kırgızistan Güvenlik Konseyi', 'security-council-kyrgyzstan'),
    ('KGAÖ', 'csto'),
    ('په افغانستان کې د ملګرو ملتونو سیاسي استازولي', 'unama'),
    ('هیئت معاونت ملل متحد در افغانستان', 'unama'),
    ('رادیو آزادی', 'rfe-rl'),
    ('Islamic Jihad Group', 'islamic-jihad-union'),
    ('جماعة الجهاد الاسلامي', 'islamic-jihad-union'),
    ('Совет обороны Кыргызской Республики', 'security-council-kyrgyzstan'),
    ('Defence Council of the Kyrgyz Republic', 'security-council-kyrgyzstan'),
    ('上海五国', 'sco'),
    ('Cinco de Shanghai', 'sco'),
    ('शंघाई फाइव', 'sco'),
    ('Radio Liberation', 'rfe-rl'),
    ('Радио Освобождение', 'rfe-rl'),
    ('Werny', 'almaty'),
    ('Frounze', 'bishkek'),
    ('Pischpek', 'bishkek'),
    ('Сталинобод', 'dushanbe'),
    ('UK', 'united-kingdom'),
    ('U.K.', 'united-kingdom'),
    ('Republic of Korea', 'south-korea'),
    ('Korea, Republic of', 'south-korea'),
    ('DPRK', 'north-korea'),
    ('DR Congo', 'democratic-republic-of-the-congo'),
    ('Lao PDR', 'laos'),
    ('Abyssinia', 'ethiopia'),
    ('Ресей Федерациясы', 'russia'),
    ('Россия Федерациясы', 'russia'),
]

# (former name, a date it was in use, entity id)
FORMER = [
    ('Ceylon', '1950-01-01', 'sri-lanka'),
    ('Siam', '1930-01-01', 'thailand'),
    ('Siam', '1947-01-01', 'thailand'),
    ('Zaire', '1980-01-01', 'democratic-republic-of-the-congo'),
    ('Upper Volta', '1970-01-01', 'burkina-faso'),
    ('Dahomey', '1970-01-01', 'benin'),
    ('Kampuchea', '1980-06-01', 'cambodia'),
    ('Kazakh SSR', '1970-01-01', 'kazakhstan'),
    ('Казахская ССР', '1980-06-01', 'kazakhstan'),
    ('Киргизская ССР', '1980-06-01', 'kyrgyzstan'),
    ('Uzbek SSR', '1980-06-01', 'uzbekistan'),
    ('Byelorussian SSR', '1980-06-01', 'belarus'),
    ('Estnische SSR', '1980-06-01', 'estonia'),
    ('РСФСР', '1980-06-01', 'russia'),
    ('Islamic Jihad Group', '2004-07-30', 'islamic-jihad-union'),
    ('Совет обороны Кыргызской Республики', '2013-05-01', 'security-council-kyrgyzstan'),
    ('Defense Council of Kyrgyzstan', '2012-01-15', 'security-council-kyrgyzstan'),
    ('Szanghajska Piątka', '1998-07-03', 'sco'),
    ('گروه شانگهای', '1999-08-25', 'sco'),
    ('Radio Liberation', '1955-06-01', 'rfe-rl'),
    ('Stalinobod', '1950-01-01', 'dushanbe'),
    ('Werny', '1900-01-01', 'almaty'),
    ('Rhodesia', '1970-01-01', 'zimbabwe'),
    ('British Honduras', '1960-01-01', 'belize'),
    ('Nyasaland', '1950-01-01', 'malawi'),
    ('Trucial States', '1960-01-01', 'united-arab-emirates'),
]


@pytest.mark.parametrize(("name", "entity_id"), NAMES)
def test_name_resolves_to_its_entity(resolver: Resolver, name: str, entity_id: str) -> None:
    assert [m.entity.id for m in resolver.resolve(name, limit=1)] == [entity_id]


@pytest.mark.parametrize(("name", "when", "entity_id"), FORMER)
def test_former_name_in_its_period(resolver: Resolver, name: str, when: str, entity_id: str) -> None:
    best = resolver.resolve(name, date=when, limit=1)[0]
    assert best.entity.id == entity_id
    assert best.name.kind is NameKind.HISTORICAL
    assert best.valid


@pytest.mark.parametrize(("name", "when", "entity_id"), [
    ("Ceylon", "2000-01-01", "sri-lanka"), ("Kazakh SSR", "2000-01-01", "kazakhstan"),
    ("Siam", "1942-01-01", "thailand"),     # (between its two periods)
])
def test_former_name_out_of_its_period(resolver: Resolver, name: str, when: str, entity_id: str) -> None:
    """Still found (press history uses it), but flagged as not in use on that date."""
    best = resolver.resolve(name, date=when, limit=1)[0]
    assert best.entity.id == entity_id and not best.valid


@pytest.mark.parametrize(("text", "span", "entity_id"), [
    ("הנשיא נפגש היום עם נשיא צרפת, והשניים דנו במצב באזור.", "צרפת", "france"),
    ("Қазақстан Президенті Мажарстан премьер-министрімен Астанада кездесті.", "Мажарстан", "hungary"),
])
def test_name_in_running_text(resolver: Resolver, text: str, span: str, entity_id: str) -> None:
    assert (span, entity_id) in {(m.text, m.entity.id) for m in resolver.find_mentions(text)}


@pytest.mark.parametrize("text", ["The UK and the U.K.'s envoys", "ROK and DPRK delegations"])
def test_abbreviation_in_running_text(resolver: Resolver, text: str) -> None:
    assert {m.entity.id for m in resolver.find_mentions(text)} >= (
        {"united-kingdom"} if "UK" in text else {"south-korea", "north-korea"})


def test_curated_country_names_are_not_short_words() -> None:
    """Beyond abbreviations, no curated country name is 3 letters or fewer (a precision guard for find_mentions)."""
    lines = CURATED.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("//")
    for line in lines[1:]:
        record = json.loads(line)
        for name in record["names"]:
            if name.get("kind") != NameKind.ABBREVIATION.value:
                assert len(name["text"]) > 3, (record["id"], name["text"])
