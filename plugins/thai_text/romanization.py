"""RTGS romanisation of Thai words: official names, common words, and rules for the rest.

The Royal Thai General System (RTGS) writes how a word is said, and Thai spelling does not always
tell: the linking vowel of a Pali or Sanskrit compound (ราชบุรี Ratchaburi, กิจกรรม kitchakam),
a consonant read twice (สุขภาพ sukkhaphap), a silent ร (เพชร phet). So:

1. PROVINCES: the official romanisations of the 77 provinces (and อยุธยา), as the Royal
   Institute and the provinces write them; a slug joins their words with hyphens (Chon Buri ->
   chon-buri).
2. WORDS: common words of the center's news whose RTGS the rules below cannot find.
3. Every other word: pythainlp's royin rules syllable by syllable, after `_respell` has rewritten
   what royin misreads: a leading ห or อ (ใหม่ mai, อยู่ yu), false clusters (สร้าง sang, จริง ching,
   ทราบ sap), a silent final ร (เพชร phet, สูตร sut), and the short a between two consonants
   that are not a cluster (ตลอด talot, สวัสดิ sawat).

Measured on tests/thai_text/data/rtgs.tsv (written for the tests): see the README.
"""

from __future__ import annotations

import re

PROVINCES = {
    "กระบี่": "Krabi", "กรุงเทพมหานคร": "Krung Thep Maha Nakhon", "กาญจนบุรี": "Kanchanaburi",
    "กาฬสินธุ์": "Kalasin", "กำแพงเพชร": "Kamphaeng Phet", "ขอนแก่น": "Khon Kaen",
    "จันทบุรี": "Chanthaburi", "ฉะเชิงเทรา": "Chachoengsao", "ชลบุรี": "Chon Buri",
    "ชัยนาท": "Chai Nat", "ชัยภูมิ": "Chaiyaphum", "ชุมพร": "Chumphon", "เชียงราย": "Chiang Rai",
    "เชียงใหม่": "Chiang Mai", "ตรัง": "Trang", "ตราด": "Trat", "ตาก": "Tak",
    "นครนายก": "Nakhon Nayok", "นครปฐม": "Nakhon Pathom", "นครพนม": "Nakhon Phanom",
    "นครราชสีมา": "Nakhon Ratchasima", "นครศรีธรรมราช": "Nakhon Si Thammarat",
    "นครสวรรค์": "Nakhon Sawan", "นนทบุรี": "Nonthaburi", "นราธิวาส": "Narathiwat", "น่าน": "Nan",
    "บึงกาฬ": "Bueng Kan", "บุรีรัมย์": "Buri Ram", "ปทุมธานี": "Pathum Thani",
    "ประจวบคีรีขันธ์": "Prachuap Khiri Khan", "ปราจีนบุรี": "Prachin Buri", "ปัตตานี": "Pattani",
    "พระนครศรีอยุธยา": "Phra Nakhon Si Ayutthaya", "พะเยา": "Phayao", "พังงา": "Phang Nga",
    "พัทลุง": "Phatthalung", "พิจิตร": "Phichit", "พิษณุโลก": "Phitsanulok",
    "เพชรบุรี": "Phetchaburi", "เพชรบูรณ์": "Phetchabun", "แพร่": "Phrae", "ภูเก็ต": "Phuket",
    "มหาสารคาม": "Maha Sarakham", "มุกดาหาร": "Mukdahan", "แม่ฮ่องสอน": "Mae Hong Son",
    "ยโสธร": "Yasothon", "ยะลา": "Yala", "ร้อยเอ็ด": "Roi Et", "ระนอง": "Ranong",
    "ระยอง": "Rayong", "ราชบุรี": "Ratchaburi", "ลพบุรี": "Lop Buri", "ลำปาง": "Lampang",
    "ลำพูน": "Lamphun", "เลย": "Loei", "ศรีสะเกษ": "Si Sa Ket", "สกลนคร": "Sakon Nakhon",
    "สงขลา": "Songkhla", "สตูล": "Satun", "สมุทรปราการ": "Samut Prakan",
    "สมุทรสงคราม": "Samut Songkhram", "สมุทรสาคร": "Samut Sakhon", "สระแก้ว": "Sa Kaeo",
    "สระบุรี": "Saraburi", "สิงห์บุรี": "Sing Buri", "สุโขทัย": "Sukhothai",
    "สุพรรณบุรี": "Suphan Buri", "สุราษฎร์ธานี": "Surat Thani", "สุรินทร์": "Surin",
    "หนองคาย": "Nong Khai", "หนองบัวลำภู": "Nong Bua Lam Phu", "อ่างทอง": "Ang Thong",
    "อำนาจเจริญ": "Amnat Charoen", "อุดรธานี": "Udon Thani", "อุตรดิตถ์": "Uttaradit",
    "อุทัยธานี": "Uthai Thani", "อุบลราชธานี": "Ubon Ratchathani",
    # not a province, but the name every Thai reader knows
    "อยุธยา": "Ayutthaya", "กรุงเทพฯ": "Krung Thep", "กรุงเทพ": "Krung Thep",
}

# Common words of government and labour news that the rules get wrong (compound linking vowels,
# reread consonants, words said otherwise than spelt). Lowercase ASCII, as a slug writes them.
WORDS = {
    "ใหม่": "mai", "โครงการ": "khrongkan", "ผู้บริหาร": "phuborihan", "บริหาร": "borihan",
    "ศูนย์ปฏิบัติการ": "sunpatibatkan", "ปฏิบัติการ": "patibatkan", "ปฏิบัติ": "patibat",
    "กระทรวง": "krasuang", "ทุจริต": "thutcharit", "ธรรมาภิบาล": "thammaphiban",
    "โปร่งใส": "prongsai", "ความโปร่งใส": "khwam-prongsai", "มหาวิทยาลัย": "mahawitthayalai",
    "สมัคร": "samak", "อาสาสมัคร": "asasamak", "กิจกรรม": "kitchakam", "ราชการ": "ratchakan",
    "ข้าราชการ": "kharatchakan", "รัฐมนตรี": "ratthamontri", "รัฐ": "rat", "ปลัด": "palat",
    "คุณธรรม": "khunnatham", "จริยธรรม": "chariyatham", "พัสดุ": "phatsadu", "อธิบดี": "athibodi",
    "กรรมการ": "kammakan", "คณะกรรมการ": "khana-kammakan", "สุขภาพ": "sukkhaphap",
    "สาธารณะ": "satharana", "สาธารณสุข": "satharanasuk", "พัฒนา": "phatthana",
    "มาตรการ": "mattrakan", "ปราบปราม": "prapram", "หลักสูตร": "laksut", "วิทยากร": "witthayakon",
    "เยาวชน": "yaowachon", "บริการ": "borikan", "เครือข่าย": "khruea-khai", "เครือ": "khruea",
    "ประชาสัมพันธ์": "prachasamphan", "สัมพันธ์": "samphan", "ผลประโยชน์": "phonprayot",
    "ประโยชน์": "prayot", "จังหวัด": "changwat", "อำเภอ": "amphoe", "สวัสดิการ": "sawatdikan",
    "กฎหมาย": "kotmai", "วิทยาลัย": "witthayalai", "นิติธรรม": "nitittham", "ยุติธรรม": "yuttitham",
    "ภารกิจ": "pharakit", "ภาคี": "phakhi", "พลเมือง": "phonlamueang", "สถาบัน": "sathaban",
    "สถานประกอบการ": "sathan-prakopkan", "อุตสาหกรรม": "utsahakam", "เกษตรกร": "kasettrakon",
    "ประกันสังคม": "prakan-sangkhom", "สังคม": "sangkhom", "อบรม": "oprom", "ฝึกอบรม": "fuekoprom",
    "ตรวจสอบ": "truatsop", "ศักยภาพ": "sakkayaphap", "ประสิทธิภาพ": "prasitthiphap",
    "นวัตกรรม": "nawatkam", "เทคโนโลยี": "theknoloyi", "ดิจิทัล": "dichithan",
    "คอร์รัปชัน": "khorapchan", "สากล": "sakon", "ธรรมะ": "thamma", "อาชีพ": "achip",
    "สมรรถนะ": "samatthana", "ภาคเหนือ": "phak-nuea", "เหนือ": "nuea",
}

_LEAD = "[เแโใไ]?"
_SONORANT = "[งญนมยรลว]"
# Clusters that RTGS writes as two sounds (kr, khl, pr, phl, tr, kw ...).
TRUE_CLUSTERS = frozenset("กร กล กว ขร ขล ขว คร คล คว ตร ปร ปล พร พล".split())
_RESPELL = [
    (re.compile(f"^({_LEAD})ห(?={_SONORANT})"), r"\1"),  # ใหม่ -> ใม่ (mai), หนอง -> นอง
    (re.compile(f"^({_LEAD})อ(?=ย)"), r"\1"),  # อยู่ -> ยู่ (yu)
    (re.compile(f"^({_LEAD})ทร(?=[ัาะ])"), r"\1ซ"),  # ทราบ -> ซาบ (sap)
    (re.compile(f"^({_LEAD})([จซศส])ร(?!ะ)"), r"\1\2"),  # สร้าง -> ส้าง (sang), จริง -> จิง
    (re.compile("([ก-ฮ])ร$"), r"\1"),  # เพชร -> เพช (phet), สูตร -> สูต (sut)
    (re.compile("^ห(?=[่้]?อ[ก-ฮ])"), "ฮ"),  # ห้อง -> ฮ้อง (hong; royin drops the ห)
]
_CONSONANTS = re.compile("^([ก-ฮ])([ก-ฮ])(?=[ัาิีึืุู่้๊๋]|อ[ก-ฮ]?$)")
# A lead vowel before two consonants that are not a cluster: the first has its own short a
# (แถลง tha-laeng, เสมอ sa-moe, เกษียณ ka-sian).
_LEAD_CONSONANTS = re.compile("^([เแโ])([ก-ฮ])([ก-ฮ])(?=[ัาิีึืุู่้๊๋อยะ]|[ก-ฮ])")


def official(word: str) -> str | None:
    """The romanisation of a province or listed word, as slug words ("chon-buri"), or None."""
    name = PROVINCES.get(word)
    if name is not None:
        return "-".join(name.lower().split())
    return WORDS.get(word)


def respell(syllable: str) -> str:
    """`syllable` rewritten so that royin's rules read it as it is said (see the docstring)."""
    for pattern, replacement in _RESPELL:
        syllable = pattern.sub(replacement, syllable)
    m = _CONSONANTS.match(syllable)
    if m and m.group(1) + m.group(2) not in TRUE_CLUSTERS and m.group(1) not in "หอ":
        syllable = m.group(1) + "ะ" + syllable[1:]  # ตลอด -> ตะลอด, สวัส -> สะวัส
    m = _LEAD_CONSONANTS.match(syllable)
    if m and m.group(2) + m.group(3) not in TRUE_CLUSTERS and m.group(2) not in "หอ":
        syllable = m.group(2) + "ะ" + m.group(1) + syllable[2:]  # แถลง -> ถะแลง
    return syllable
