"""Names added to the curated entities (gazetteer/data/translations.jsonl) resolve to their entity.

A sample of the further-language and former names: each ranks its entity first, and a former
name given a date within its period ranks its entity first through a name of kind historical.
"""

from __future__ import annotations

import pytest

from gazetteer import NameKind
from namematch import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


NEW_NAMES = [
    # Thai (CLDR for places, press for people and organisations)
    ("อัลมาตี", "almaty"),
    ("บิชเคก", "bishkek"),
    ("ดูชานเบ", "dushanbe"),
    ("อัสตานา", "astana"),
    ("คาบูล", "kabul"),
    ("เซี่ยงไฮ้", "shanghai"),
    ("เอเชียกลาง", "central-asia"),
    ("สหภาพโซเวียต", "soviet-union"),
    ("สี จิ้นผิง", "xi-jinping"),
    ("โจ ไบเดน", "joe-biden"),
    ("ไบเดน", "joe-biden"),
    ("อัชราฟ กานี", "ashraf-ghani"),
    ("อับดุล กานี บาราดาร์", "abdul-ghani-baradar"),
    ("ตาลีบัน", "taliban"),
    ("ตอลิบาน", "taliban"),
    ("องค์การสนธิสัญญาความมั่นคงร่วม", "csto"),
    ("องค์การความร่วมมือเซี่ยงไฮ้", "sco"),
    ("สหประชาชาติ", "united-nations"),
    ("คณะมนตรีความมั่นคงแห่งสหประชาชาติ", "un-security-council"),
    ("เนโท", "nato"),
    ("เทือกเขาปามีร์", "pamirs"),
    ("ศาสนาอิสลาม", "islam"),
    ("รอมฎอน", "ramadan"),
    # other scripts and languages
    ("الماتی", "almaty"),
    ("دوشنبي", "dushanbe"),
    ("Kabil", "kabul"),
    ("Σανγκάη", "shanghai"),
    ("Kırgızistan Güvenlik Konseyi", "security-council-kyrgyzstan"),
    ("KGAÖ", "csto"),
    ("په افغانستان کې د ملګرو ملتونو سیاسي استازولي", "unama"),
    ("هیئت معاونت ملل متحد در افغانستان", "unama"),
    ("رادیو آزادی", "rfe-rl"),
    # former names
    ("Islamic Jihad Group", "islamic-jihad-union"),
    ("جماعة الجهاد الاسلامي", "islamic-jihad-union"),
    ("Совет обороны Кыргызской Республики", "security-council-kyrgyzstan"),
    ("Defence Council of the Kyrgyz Republic", "security-council-kyrgyzstan"),
    ("上海五国", "sco"),
    ("Cinco de Shanghai", "sco"),
    ("शंघाई फाइव", "sco"),
    ("Radio Liberation", "rfe-rl"),
    ("Радио Освобождение", "rfe-rl"),
    ("Werny", "almaty"),
    ("Frounze", "bishkek"),
    ("Pischpek", "bishkek"),
    ("Сталинобод", "dushanbe"),
]


@pytest.mark.parametrize(("name", "entity_id"), NEW_NAMES)
def test_new_name_resolves_to_its_entity(resolver: Resolver, name: str, entity_id: str) -> None:
    matches = resolver.resolve(name, limit=1)
    assert matches, name
    assert matches[0].entity.id == entity_id


HISTORICAL = [
    ("Islamic Jihad Group", "2004-07-30", "islamic-jihad-union"),
    ("Совет обороны Кыргызской Республики", "2013-05-01", "security-council-kyrgyzstan"),
    ("Defense Council of Kyrgyzstan", "2012-01-15", "security-council-kyrgyzstan"),
    ("Szanghajska Piątka", "1998-07-03", "sco"),
    ("گروه شانگهای", "1999-08-25", "sco"),
    ("Radio Liberation", "1955-06-01", "rfe-rl"),
    ("Stalinobod", "1950-01-01", "dushanbe"),
    ("Werny", "1900-01-01", "almaty"),
]


@pytest.mark.parametrize(("name", "when", "entity_id"), HISTORICAL)
def test_former_name_in_its_period_matches_a_historical_name(
    resolver: Resolver, name: str, when: str, entity_id: str
) -> None:
    matches = resolver.resolve(name, limit=1, date=when)
    assert matches, name
    best = matches[0]
    assert best.entity.id == entity_id
    assert best.name.kind is NameKind.HISTORICAL
    assert best.valid
