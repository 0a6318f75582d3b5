import pytest
from tests.editor.test_editor_bad_inputs import paste_into_a_new_release, saved_body

pytestmark = pytest.mark.browser

EXCEL = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
.xl65
	{mso-number-format:"\\#\\,\\#\\#0";}
.xl66
	{font-weight:700;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=372 style='border-collapse:
 collapse;width:279pt'>
<!--StartFragment-->
 <col width=180 style='mso-width-source:userset;mso-width-alt:6582;width:135pt'>
 <col width=96 span=2 style='mso-width-source:userset;width:72pt'>
 <tr height=21 style='height:16.0pt'>
  <td height=21 class=xl66 width=180 style='height:16.0pt;width:135pt'>จังหวัด</td>
  <td class=xl66 width=96 style='width:72pt'>เรื่องร้องเรียน</td>
  <td class=xl66 width=96 style='width:72pt'>ยุติแล้ว</td>
 </tr>
 <tr height=21 style='height:16.0pt'>
  <td height=21 style='height:16.0pt'>ตาก</td>
  <td class=xl65 align=right>1,204</td>
  <td class=xl65 align=right>987</td>
 </tr>
 <tr height=21 style='height:16.0pt'>
  <td height=21 style='height:16.0pt'>สมุทรสาคร</td>
  <td class=xl65 align=right>2,310</td>
  <td class=xl65 align=right>1,876</td>
 </tr>
 <tr height=21 style='height:16.0pt'>
  <td height=21 class=xl66 style='height:16.0pt'>รวม</td>
  <td class=xl65 align=right style='font-weight:700'>3,514</td>
  <td class=xl65 align=right style='font-weight:700'>2,863</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>"""

SHEETS = """<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1"><colgroup><col width="150"/><col width="100"/></colgroup><tbody><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">ช่องทาง</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">จำนวน</td></tr><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">สายด่วน 1546</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:845}">845</td></tr><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">เว็บไซต์<br>และอีเมล</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;text-align:right;">1,020</td></tr></tbody></table>"""

PLAIN_EXCEL = "จังหวัด\tเรื่องร้องเรียน\tยุติแล้ว\nตาก\t1,204\t987\nสมุทรสาคร\t2,310\t1,876\nรวม\t3,514\t2,863\n"


@pytest.mark.parametrize("html,plain", [(EXCEL, PLAIN_EXCEL), (SHEETS, "ช่องทาง\tจำนวน\nสายด่วน 1546\t845\n\"เว็บไซต์\nและอีเมล\"\t1,020")])
def test_paste(editor, editor_page, html, plain):
    page = editor_page
    saved = paste_into_a_new_release(page, editor, html, plain)
    page.wait_for_timeout(500)
    print(repr(saved_body(page, saved)))
    page.screenshot(path="/tmp/s/excel.png")


def test_plain_tabs(editor, editor_page):
    page = editor_page
    from tests.editor.conftest import new_release, capture_saves
    new_release(page, editor, category="ประกาศ")
    saved = capture_saves(page, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=editor.url)
    page.evaluate("(text) => navigator.clipboard.writeText(text)", PLAIN_EXCEL)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+V")
    page.wait_for_timeout(500)
    print(repr(saved_body(page, saved)))
