"""Read a plan or program: `parse(text)` gives an `Extraction` (see `coso.importer.extraction`);
`read_file(name, data)` gives the text of a .txt, .md, .docx or .pdf file.

Pure text work, no database: the preview matches units and library texts afterwards."""

from __future__ import annotations

import io
import re

from ..extraction import CitedDocument, Extraction
from . import citations, header, reporting, structure, table, tail, tasks
from .lines import split
from .normalise import normalise

__all__ = ["parse", "read_file", "normalise"]

_BASIS_LINE = re.compile(r"^(?:[-+•]\s*)?(?:Căn cứ|Thực hiện)\b", re.I)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b")


def parse(text: str) -> Extraction:
    norm = normalise(text)
    lines = split(norm)
    result = Extraction(text=norm)
    if not norm.strip():
        result.warnings.append("Văn bản trống.")
        return result
    result.header, body_index, warnings = header.parse(lines)
    result.warnings += warnings
    result.recipients, result.signer, tail_index = tail.extract(lines)
    # the preamble: "Căn cứ …" / "Thực hiện …" paragraphs before the first numbered item
    first_item = body_index
    while first_item < tail_index and (
        structure.classify(lines[first_item])[0] == "para"
        or _BASIS_LINE.match(lines[first_item].text)
    ):
        first_item += 1
    bases: list[CitedDocument] = []
    for line in lines[body_index:first_item]:
        if _BASIS_LINE.match(line.text):
            bases += citations.bases(norm, line.start, line.end)
    result.bases = _unique(bases, skip={result.header.number_symbol})
    roots = structure.build(lines, first_item, tail_index)
    result.sections = structure.sections(roots)
    year = result.header.issued_on.year if result.header.issued_on else None
    if year is None:
        match = _YEAR.search(result.header.title) or _YEAR.search(norm[:2000])
        year = int(match.group(1)) if match else None
    result.tasks = tasks.extract(norm, roots, year)
    table_tasks = table.extract(lines, year)
    if table_tasks:
        # "Các nhiệm vụ cụ thể … tại Phụ lục kèm theo": the appendix holds the tasks
        result.tasks = [t for t in result.tasks if "phụ lục" not in t.text.lower()] + table_tasks
    body_start = lines[first_item].start if first_item < len(lines) else len(norm)
    body_end = lines[tail_index].start if tail_index < len(lines) else len(norm)
    cited = citations.find(norm, body_start, body_end)
    known = {d.number_symbol for d in result.bases} | {result.header.number_symbol}
    result.cited = _unique(cited, skip=known)
    task_lines = {
        i
        for t in result.tasks
        for i in range(_line_at(lines, t.start), _line_at(lines, max(t.start, t.end - 1)) + 1)
    }
    result.reporting = reporting.extract(lines[first_item:tail_index], task_lines)
    if not result.tasks:
        result.warnings.append("Không tìm thấy nhiệm vụ nào trong văn bản.")
    return result


def _line_at(lines, offset: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _unique(docs: list[CitedDocument], skip: set[str]) -> list[CitedDocument]:
    """One entry per number (the most complete mention); unnumbered entries kept."""
    result: list[CitedDocument] = []
    by_number: dict[str, CitedDocument] = {}
    for doc in docs:
        if not doc.number_symbol:
            result.append(doc)
            continue
        if doc.number_symbol in skip:
            continue
        seen = by_number.get(doc.number_symbol)
        if seen is None:
            by_number[doc.number_symbol] = doc
            result.append(doc)
            continue
        seen.issued_on = seen.issued_on or doc.issued_on
        seen.issuer = seen.issuer or doc.issuer
        seen.doc_type = seen.doc_type or doc.doc_type
    return result


MAX_BYTES = 10 * 1024 * 1024


def read_file(name: str, data: bytes) -> str:
    """The text of an uploaded file. Raises ValueError with a message for the officer."""
    if not data:
        raise ValueError("Tệp trống: không có nội dung để đọc.")
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in ("txt", "md", "text", ""):
        for encoding in ("utf-8-sig", "utf-16", "cp1258"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return text
        raise ValueError("Không đọc được tệp văn bản: hãy lưu tệp với bảng mã UTF-8.")
    if ext == "docx":
        return _read_docx(data)
    if ext == "pdf":
        return _read_pdf(data)
    if ext == "doc":
        raise ValueError("Định dạng .doc cũ chưa được hỗ trợ: hãy lưu lại thành .docx hoặc PDF.")
    raise ValueError("Định dạng tệp không được hỗ trợ: chỉ nhận tệp .txt, .docx hoặc .pdf.")


def _read_docx(data: bytes) -> str:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zip or XML errors: not a real DOCX
        raise ValueError(
            "Không mở được tệp DOCX: tệp bị hỏng hoặc không phải văn bản Word."
        ) from exc
    out: list[str] = []
    seen_text = False
    # the body in order: paragraphs and tables interleaved
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            out.append(text)
            seen_text = seen_text or bool(text.strip())
        elif tag == "tbl":
            grid = Table(child, document)
            rows = [[c.text.strip() for c in row.cells] for row in grid.rows]
            if not seen_text and all(len(r) <= 2 for r in rows):
                # the header table (issuer | national motto): one cell after the other
                for row in rows:
                    for cell_text in dict.fromkeys(row):
                        if cell_text:
                            out.append(cell_text)
            else:
                for row in rows:
                    out.append("\t".join(" ".join(c.split()) for c in row))
            seen_text = True
    text = "\n".join(out)
    if not text.strip():
        raise ValueError("Tệp DOCX không có chữ.")
    return text


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds on broken or encrypted files
        raise ValueError("Không mở được tệp PDF: tệp bị hỏng hoặc có mật khẩu.") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s+", "", text)) < 20:
        raise ValueError(
            "Tệp PDF chỉ có hình ảnh (bản quét), không có lớp chữ: hãy tải lên bản PDF có chữ, "
            "tệp DOCX, hoặc dán nội dung văn bản."
        )
    return text
