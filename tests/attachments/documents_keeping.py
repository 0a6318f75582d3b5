"""Office documents that keep more than their pages show, written here part by part as Word,
Excel, PowerPoint and LibreOffice write them (their XML namespaces and part names; Thai words
split over runs, as Word splits them when a word was typed in two goes): tracked changes,
comments, speaker notes, hidden sheets. Each maker also writes the clean document, so that a
test can hold both. Used by the attachments plugin's tests."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TC = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _zip(parts: dict[str, str | bytes], first: tuple[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:  # LibreOffice's mimetype member comes first, stored
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _run(text: str, tag: str = "t") -> str:
    return f'<w:r><w:rPr><w:rFonts w:cs="TH SarabunPSK"/><w:lang w:bidi="th-TH"/></w:rPr><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


def word(paragraphs: list[str], *, deleted: str = "", added: str = "", comments: list[str] = (),
         footer_change: bool = False, moved_paragraph_mark: bool = False) -> bytes:
    """A .docx whose body is `paragraphs` (each split into two runs, as Word splits typed words);
    `deleted`/`added`: a tracked change in the first paragraph; `comments`: one comment each,
    anchored on the first paragraph; `footer_change`: a tracked insertion in the footer only;
    `moved_paragraph_mark`: only a paragraph mark inserted (Word lists it as a change)."""
    body = []
    for number, text in enumerate(paragraphs):
        half = len(text) // 2
        runs = _run(text[:half]) + _run(text[half:])
        if number == 0:
            if deleted:
                runs += (f'<w:del w:id="11" w:author="นางสาวพิมพ์ชนก ใจดี" w:date="2026-11-18T09:12:00Z">'
                         f'{_run(deleted[:3], "delText")}{_run(deleted[3:], "delText")}</w:del>')
            if added:
                runs += f'<w:ins w:id="12" w:author="นายธนภัทร" w:date="2026-11-18T09:13:00Z">{_run(added)}</w:ins>'
            for at, _comment in enumerate(comments):
                runs = (f'<w:commentRangeStart w:id="{at}"/>{runs}<w:commentRangeEnd w:id="{at}"/>'
                        f'<w:r><w:commentReference w:id="{at}"/></w:r>')
        mark = ('<w:pPr><w:rPr><w:ins w:id="13" w:author="ศปท." w:date="2026-11-18T09:14:00Z"/></w:rPr></w:pPr>'
                if moved_paragraph_mark and number == 0 else "")
        body.append(f"<w:p>{mark}{runs}</w:p>")
    parts = {
        "[Content_Types].xml": HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": HEAD + f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}'
                                    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
        "word/styles.xml": HEAD + f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Normal"/></w:styles>',
        "word/footer1.xml": HEAD + f'<w:ftr xmlns:w="{W}"><w:p>{_run("ศูนย์ปฏิบัติการต่อต้านการทุจริต")}'
                                   + (f'<w:ins w:id="21" w:author="ศปท." w:date="2026-11-18T09:15:00Z">{_run(" ฉบับร่าง")}</w:ins>'
                                      if footer_change else "") + "</w:p></w:ftr>",
    }
    if comments:
        parts["word/comments.xml"] = HEAD + f'<w:comments xmlns:w="{W}">' + "".join(
            f'<w:comment w:id="{at}" w:author="หัวหน้ากลุ่มงาน" w:date="2026-11-18T10:00:00Z" w:initials="หก">'
            f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r>'
            f'{_run(text[:4])}{_run(text[4:])}</w:p></w:comment>'
            for at, text in enumerate(comments)) + "</w:comments>"
    return _zip(parts)


def excel(*, notes: list[str] = (), threaded: list[str] = (), hidden: list[str] = (), very_hidden: list[str] = ()) -> bytes:
    """An .xlsx with one visible sheet of figures; `notes`: old-style notes (Excel's "Notes");
    `threaded`: comments of today's Excel, which also writes each as a stand-in old note;
    `hidden`/`very_hidden`: more sheets with that state."""
    sheets = [("คะแนนรายหน่วยงาน", "")] + [(n, "hidden") for n in hidden] + [(n, "veryHidden") for n in very_hidden]
    workbook = HEAD + f'<workbook xmlns="{S}" xmlns:r="{R}"><sheets>' + "".join(
        f'<sheet name="{name}" sheetId="{at}"{f" state={chr(34)}{state}{chr(34)}" if state else ""} r:id="rId{at}"/>'
        for at, (name, state) in enumerate(sheets, start=1)) + "</sheets></workbook>"
    parts = {
        "[Content_Types].xml": HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": workbook,
        "xl/worksheets/sheet1.xml": HEAD + f'<worksheet xmlns="{S}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                                           '<is><t>หน่วยงาน</t></is></c><c r="B1"><v>92.5</v></c></row></sheetData></worksheet>',
    }
    stand_ins = [("[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any "
                  "edits to it will get removed if the file is opened in a newer version of Excel. Learn more: "
                  "https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    " + text) for text in threaded]
    legacy = list(notes) + stand_ins
    if legacy:
        parts["xl/comments1.xml"] = HEAD + f'<comments xmlns="{S}"><authors><author>ศปท.</author></authors><commentList>' + "".join(
            f'<comment ref="B{at}" authorId="0"><text><r><rPr><b/></rPr><t>ศปท.:</t></r><r><t xml:space="preserve">\n{text}</t></r></text></comment>'
            for at, text in enumerate(legacy, start=2)) + "</commentList></comments>"
    if threaded:
        parts["xl/threadedComments/threadedComment1.xml"] = HEAD + f'<ThreadedComments xmlns="{TC}">' + "".join(
            f'<threadedComment ref="B{at}" dT="2026-11-18T10:00:00.00" personId="{{1}}" id="{{{at}}}"><text>{text}</text></threadedComment>'
            f'<threadedComment ref="B{at}" dT="2026-11-18T10:05:00.00" personId="{{2}}" id="{{9{at}}}" parentId="{{{at}}}"><text>รับทราบ</text></threadedComment>'
            for at, text in enumerate(threaded, start=2 + len(notes))) + "</ThreadedComments>"
    return _zip(parts)


def _note_slide(text: str) -> str:
    shapes = (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr/><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr></p:sp>'
              f'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>'
              f'<p:txBody><a:bodyPr/><a:p>{"".join(f"<a:r><a:t>{part}</a:t></a:r>" for part in (text[:5], text[5:]) if part)}</a:p></p:txBody></p:sp>'
              f'<p:sp><p:nvSpPr><p:cNvPr id="4" name="Slide Number"/><p:cNvSpPr/><p:nvPr><p:ph type="sldNum" idx="5"/></p:nvPr></p:nvSpPr>'
              f'<p:txBody><a:bodyPr/><a:p><a:fld type="slidenum"><a:t>1</a:t></a:fld></a:p></p:txBody></p:sp>')
    return HEAD + f'<p:notes xmlns:p="{P}" xmlns:a="{A}"><p:cSld><p:spTree>{shapes}</p:spTree></p:cSld></p:notes>'


def powerpoint(*, notes: list[str] = (), empty_notes: int = 0, comments: list[str] = (), modern: list[str] = ()) -> bytes:
    """A .pptx of slides; `notes`: speaker notes, one slide each; `empty_notes`: notes pages with
    nothing typed (PowerPoint makes one per slide as soon as the notes pane is opened);
    `comments`: old-style comments; `modern`: today's threaded comments (a reply each)."""
    parts = {
        "[Content_Types].xml": HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "ppt/presentation.xml": HEAD + f'<p:presentation xmlns:p="{P}"/>',
        "ppt/slides/slide1.xml": HEAD + f'<p:sld xmlns:p="{P}" xmlns:a="{A}"><p:cSld><p:spTree><p:sp><p:txBody>'
                                        '<a:p><a:r><a:t>ผลการดำเนินงาน ปี 2569</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>',
    }
    for at, text in enumerate(list(notes) + [""] * empty_notes, start=1):
        parts[f"ppt/notesSlides/notesSlide{at}.xml"] = _note_slide(text)
    if comments:
        parts["ppt/comments/comment1.xml"] = HEAD + f'<p:cmLst xmlns:p="{P}">' + "".join(
            f'<p:cm authorId="0" dt="2026-11-18T10:00:00.000" idx="{at}"><p:pos x="10" y="10"/><p:text>{text}</p:text></p:cm>'
            for at, text in enumerate(comments, start=1)) + "</p:cmLst>"
    if modern:
        parts["ppt/comments/modernComment_100_1A2B3C4D.xml"] = HEAD + f'<p188:cmLst xmlns:p188="{P188}" xmlns:a="{A}">' + "".join(
            f'<p188:cm id="{{{at}}}" authorId="{{1}}" created="2026-11-18T10:00:00.000"><p188:txBody><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p188:txBody>'
            f'<p188:replyLst><p188:reply id="{{9{at}}}" authorId="{{2}}"><p188:txBody><a:bodyPr/><a:p><a:r><a:t>แก้แล้ว</a:t></a:r></a:p></p188:txBody></p188:reply></p188:replyLst></p188:cm>'
            for at, text in enumerate(modern, start=1)) + "</p188:cmLst>"
    return _zip(parts)


def open_document(kind: str, *, deleted: str = "", inserted: bool = False, comments: list[str] = (),
                  notes: list[str] = (), hidden: list[str] = ()) -> bytes:
    """A LibreOffice file: kind "text" (.odt: paragraphs, tracked changes, comments), "presentation"
    (.odp: speaker notes) or "spreadsheet" (.ods: hidden tables)."""
    styles = "".join(f'<style:style style:name="ta{n}" style:family="table"><style:table-properties table:display="{v}"/></style:style>'
                     for n, v in ((1, "true"), (2, "false")))
    changes = ""
    if deleted or inserted:
        regions = []
        if deleted:
            regions.append('<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>นายธนภัทร</dc:creator>'
                           f'<dc:date>2026-11-18T09:12:00</dc:date></office:change-info><text:p>{deleted}</text:p></text:deletion></text:changed-region>')
        if inserted:
            regions.append('<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>ศปท.</dc:creator>'
                           '<dc:date>2026-11-18T09:13:00</dc:date></office:change-info></text:insertion></text:changed-region>')
        changes = f"<text:tracked-changes>{''.join(regions)}</text:tracked-changes>"
    annotations = "".join(f'<office:annotation office:name="c{at}"><dc:creator>หัวหน้ากลุ่มงาน</dc:creator><dc:date>2026-11-18T10:00:00</dc:date>'
                          f'<text:p>{text}</text:p></office:annotation>' for at, text in enumerate(comments))
    if kind == "text":
        body = (f'<office:text>{changes}<text:p>ศูนย์ฯ รับเรื่องร้องเรียน{annotations}ภายในหนึ่งวันทำการ'
                + ('<text:change-start text:change-id="ct2"/>เพิ่มเติม<text:change-end text:change-id="ct2"/>' if inserted else "")
                + "</text:p></office:text>")
    elif kind == "presentation":
        pages = "".join(f'<draw:page draw:name="page{at}"><draw:frame><draw:text-box><text:p>สไลด์ที่ {at}</text:p></draw:text-box></draw:frame>'
                        f'<presentation:notes><draw:page-thumbnail/><draw:frame presentation:class="notes"><draw:text-box>'
                        f'<text:p>{text}</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>'
                        for at, text in enumerate(list(notes) or [""], start=1))
        body = f"<office:presentation>{pages}</office:presentation>"
    else:
        tables = [("คะแนน", "ta1")] + [(name, "ta2") for name in hidden]
        body = "<office:spreadsheet>" + "".join(
            f'<table:table table:name="{name}" table:style-name="{style}"><table:table-row><table:table-cell><text:p>92.5</text:p>'
            f'</table:table-cell></table:table-row></table:table>' for name, style in tables) + "</office:spreadsheet>"
    content = HEAD + f"<office:document-content {ODF}><office:automatic-styles>{styles}</office:automatic-styles><office:body>{body}</office:body></office:document-content>"
    mime = {"text": "application/vnd.oasis.opendocument.text", "presentation": "application/vnd.oasis.opendocument.presentation",
            "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet"}[kind]
    return _zip({"META-INF/manifest.xml": HEAD + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
                 "content.xml": content}, first=("mimetype", mime))


def pdf_literal(text: str, octal: bool = False) -> bytes:
    """A PDF literal string as Acrobat writes a comment's words: UTF-16BE after its byte order mark,
    the bytes ( ) and backslash escaped; `octal`: every byte below 0x20 as a three-digit escape."""
    out = bytearray(b"(")
    for byte in b"\xfe\xff" + text.encode("utf-16-be"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif octal and byte < 0x20:
            out += b"\\%03o" % byte
        elif byte == 0x0D:
            out += b"\\r"
        else:
            out.append(byte)
    return bytes(out + b")")


def pdf_hex(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def annotated_pdf(annotations: list[bytes], *, packed: bool = False, encrypted: bool = False,
                  deleted: list[bytes] = ()) -> bytes:
    """A one-page PDF whose page lists `annotations` (each an annotation dictionary, `<<...>>`), as
    a PDF reader saves a reviewer's comments: each an object of its own, or (`packed`) all in one
    deflated object stream, as PDF 1.5 files keep them; `encrypted` names an /Encrypt dictionary;
    `deleted`: annotations left in the file by an incremental save after they were taken off the
    page (their objects stay, no page lists them)."""
    import zlib

    first = 4
    numbers = list(range(first, first + len(annotations)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [" + b" ".join(b"%d 0 R" % n for n in numbers)
        + b"] >>",
    ]
    if packed:
        header = b" ".join(b"%d %d" % (n, sum(len(a) + 1 for a in annotations[:k])) for k, n in enumerate(numbers))
        body = b"\n".join(annotations) + b"\n"
        stream = zlib.compress(header + b"\n" + body)
        objects.append(b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
                       % (len(annotations), len(header) + 1, len(stream)) + stream + b"\nendstream")
    else:
        objects += list(annotations)
    objects += list(deleted)
    from tests.attachments.documents_with_photos import pdf_file

    return pdf_file(objects, b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n",
                    b" /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>" if encrypted else b"")


def sticky_note(words: bytes, author: str = "หัวหน้ากลุ่มงาน") -> bytes:
    """A sticky note as Acrobat Reader writes it: its keys in alphabetical order, /Contents first."""
    return (b"<</AP<</N 12 0 R>>/C[1.0 0.819 0.0]/Contents" + words + b"/CreationDate(D:20261118100000+07'00')"
            b"/F 28/M(D:20261118100000+07'00')/Name/Comment/NM(a1b2c3)/P 3 0 R/Popup 13 0 R"
            b"/Rect[100 700 120 720]/Subtype/Text/T" + pdf_literal(author) + b"/Type/Annot>>")


def markup(kind: bytes, words: bytes = b"") -> bytes:
    """A highlight, underline, strike-out or insertion mark, with or without words typed in it."""
    return (b"<< /Type /Annot /Subtype /" + kind + b" /Rect [72 600 300 614] /QuadPoints [72 614 300 614 72 600 300 600]"
            + (b" /Contents " + words if words else b"") + b" /C [1 1 0] >>")


LINK = b"<< /Type /Annot /Subtype /Link /Rect [72 500 200 514] /A << /S /URI /URI (https://www.mol.go.th/) >> >>"
FIELD = b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 400 300 420] /Contents (fill in) >>"
TYPED = b"<< /Type /Annot /Subtype /FreeText /Rect [72 300 300 320] /Contents (typed on the page) /DA (/Helv 12 Tf) >>"
