"""Myanmar text typed in the Zawgyi font (thai_text/zawgyi.py, rule zawgyi).

The Zawgyi lines are the Unicode sentences below as a Zawgyi font's user types them (converted
once with python-myanmar's converter and kept here as data): the vowel sign ေ before its
consonant, medials and the asat on Zawgyi's code points.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thai_text.zawgyi import zawgyi_lines

ROOT = Path(__file__).resolve().parents[2]

UNICODE = [
    "အလုပ်လုပ်ခွင့်ပါမစ် သက်တမ်းတိုးရန် ဥပဒေတွင် သတ်မှတ်ထားသော အခကြေးငွေမှအပ မည်သူ့ကိုမျှ ငွေပေးရန် မလိုအပ်ပါ။",
    "ပွဲစား သို့မဟုတ် ဝန်ထမ်းတစ်ဦးဦးက ငွေတောင်းပါက ဖုန်း 1546 သို့ အခမဲ့ တိုင်ကြားနိုင်ပါသည်။",
    "တိုင်ကြားသူ၏ အမည်ကို လျှို့ဝှက်ထားပါမည်။",
    "ငွေပေးရန် မလိုပါ",
    "မြန်မာ",
    "ပွဲစားကို ငွေမပေးပါနှင့်။",
    "ဖုန်း 1546 သို့ အခမဲ့ ဆက်သွယ်နိုင်ပါသည်။",
]
ZAWGYI = [
    "အလုပ္လုပ္ခြင့်ပါမစ္ သက္တမ္းတိုးရန္ ဥပေဒတြင္ သတ္မွတ္ထားေသာ အခေၾကးေငြမွအပ မည္သူ႔ကိုမၽႇ ေငြေပးရန္ မလိုအပ္ပါ။",
    "ပြဲစား သို႔မဟုတ္ ဝန္ထမ္းတစ္ဦးဦးက ေငြေတာင္းပါက ဖုန္း 1546 သို႔ အခမဲ့ တိုင္ၾကားႏိုင္ပါသည္။",
    "တိုင္ၾကားသူ၏ အမည္ကို လၽႇိဳ႔ဝွက္ထားပါမည္။",
    "ေငြေပးရန္ မလိုပါ",
    "ျမန္မာ",
    "ပြဲစားကို ေငြမေပးပါႏွင့်။",
    "ဖုန္း 1546 သို႔ အခမဲ့ ဆက္သြယ္ႏိုင္ပါသည္။",
]


@pytest.mark.parametrize("line", ZAWGYI)
def test_a_zawgyi_line_is_found(line):
    text = f"Title: ประกาศ\n\nป้ายเขียนว่า {line} แปลว่า ไม่ต้องจ่ายเงิน\n"
    assert zawgyi_lines(text) == [(3, line)]


@pytest.mark.parametrize("line", UNICODE)
def test_the_same_line_in_unicode_is_not(line):
    assert zawgyi_lines(f"Title: ประกาศ\n\nป้ายเขียนว่า {line}\n") == []


def test_text_the_same_in_both_encodings_and_marks_alone_are_not_judged():
    # Words spelt the same in both (about one half either way), and ၏ alone (0.98 on its own).
    assert zawgyi_lines("မ က ပါ\n၏\n။\nภาษาไทยล้วน\n") == []


def test_every_line_of_the_sample_content_is_unicode():
    sources = sorted((ROOT / "content").rglob("*.md"))
    burmese = [path for path in sources if "ငွေ" in path.read_text(encoding="utf-8")]
    assert burmese, "the sample content has a notice in Myanmar"
    assert [(path.name, zawgyi_lines(path.read_text(encoding="utf-8"))) for path in sources
            if zawgyi_lines(path.read_text(encoding="utf-8"))] == []
