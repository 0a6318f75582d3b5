"""The names of the King and the royal family as government news writes them, in the parts a line
may end between.

No Pelican imports. Every Thai government office publishes royal occasions: birthdays, the 5th of
December, merit-making "ถวายเป็นพระราชกุศล". The names are long and most are in no word list the
segmenter has, so nlpo3 cut them into pieces that are not words (มหาวชิราลงกรณ became
มหา|ว|ชิ|รา|ลง|กร|ณ, นเรนทิราเทพยวดี became น|เร|นทิ|รา|เทพย|วดี): a line could end in the middle
of the King's name, the spelling check reported its pieces as unknown words (กรณ, ธิเบศร, ลักษณ,
ทิ) and suggested "fixes" (กรณี), and the writer of every such release had to add them to the site
dictionary.

Each entry is one part of a name, as the Bureau of the Royal Household writes it (no ์ where the
name has none: พัชรสุธาพิมลลักษณ, ชนกาธิเบศร). The segmenter takes them as it takes the site
dictionary's words (never split, and a slip in one is named: `near_miss.py`), so a line of a long
name ends only between its parts (พระบาทสมเด็จ|พระ|ปรเมนทร|รามาธิบดี|ศรีสินทร|มหาวชิราลงกรณ); the
parts pythainlp's word list already holds whole (สิริกิติ์, รามาธิบดี, มหิตลาธิเบศร) are not listed.
Of the royal vocabulary, the few terms of every such release that the word list cuts where a line
end reads wrong (ถวายราช|สดุดี, วันพระบรมราช|สมภพ, ทรงพระ|เจริญ) are kept whole too (ROYAL_TERMS);
the rest is made of words a line may end between.
"""

ROYAL_NAMES = (
    # พระบาทสมเด็จพระปรเมนทรรามาธิบดีศรีสินทรมหาวชิราลงกรณ พระวชิรเกล้าเจ้าอยู่หัว
    "พระบาทสมเด็จ", "ปรเมนทร", "ศรีสินทร", "มหาวชิราลงกรณ", "วชิรเกล้า", "เจ้าอยู่หัว",
    "บดินทรเทพยวรางกูร",
    # สมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี
    "สุทิดา", "พัชรสุธาพิมลลักษณ",
    # พระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร
    "บรมชนกาธิเบศร", "มหาภูมิพล", "บรมนาถบพิตร",
    # สมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ พระบรมราชชนนีพันปีหลวง
    "พระบรมราชชนนีพันปีหลวง",
    # สมเด็จพระกนิษฐาธิราชเจ้า กรมสมเด็จพระเทพรัตนราชสุดาฯ สยามบรมราชกุมารี
    "กนิษฐาธิราชเจ้า", "เทพรัตนราชสุดา", "สยามบรมราชกุมารี",
    # สมเด็จพระเจ้าน้องนางเธอ เจ้าฟ้าจุฬาภรณวลัยลักษณ์ อัครราชกุมารี กรมพระศรีสวางควัฒน วรขัตติยราชนารี
    "จุฬาภรณวลัยลักษณ์", "อัครราชกุมารี", "ศรีสวางควัฒน", "วรขัตติยราชนารี",
    # สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าพัชรกิติยาภา นเรนทิราเทพยวดี กรมหลวงราชสาริณี สิริพัชร มหาวัชรราชธิดา
    "พัชรกิติยาภา", "นเรนทิราเทพยวดี", "ราชสาริณี", "สิริพัชร", "มหาวัชรราชธิดา",
    # สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าสิริวัณณวรี นารีรัตนราชกัญญา
    "สิริวัณณวรี", "นารีรัตนราชกัญญา",
    # สมเด็จพระเจ้าลูกยาเธอ เจ้าฟ้าทีปังกรรัศมีโชติ มหาวชิโรตตมางกูร สิริวิบูลยราชกุมาร
    "ทีปังกรรัศมีโชติ", "มหาวชิโรตตมางกูร", "สิริวิบูลยราชกุมาร",
    # ทูลกระหม่อมหญิงอุบลรัตนราชกัญญา สิริวัฒนาพรรณวดี
    "สิริวัฒนาพรรณวดี",
    # สมเด็จพระมหิตลาธิเบศร อดุลยเดชวิกรม พระบรมราชชนก; สมเด็จพระศรีนครินทราบรมราชชนนี
    "อดุลยเดชวิกรม", "ศรีนครินทราบรมราชชนนี",
)

ROYAL_TERMS = ("พระบรมราชสมภพ", "พระราชสมภพ", "ราชสดุดี", "ราชสักการะ", "ทรงพระเจริญ")

# A royal name or term is written after a royal title or a verb of the royal vocabulary: a near
# miss of one (near_miss.py) is looked for only in a line that holds one of these (the 2,000 posts
# of the benchmark hold none, and their spelling check took half as long again with the 37 entries
# looked for everywhere).
ROYAL_CONTEXT = ("พระ", "เจ้าฟ้า", "ทูลกระหม่อม", "ถวาย")
