"""Input formats: real HTML, PDF, DOCX, CSV and XLSX files made here load into the same records as plain text."""
from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import ReportError
from kg.model import Extraction, Report
from kg.pipeline import Skipped, build, extract_file, extract_files
from loaders import formats
from loaders.clean import clean
from loaders.extract import extract
from loaders.formats import Loader, choose, register
from loaders.read import find_reports, read_report

SAMPLE = "002_eb3d5fa2d698886d.txt"
SAMPLES_DIR = Path(__file__).resolve().parents[1] / "loaders" / "samples"

# --- helpers -----------------------------------------------------------------------------------------------------


def entity_set(extraction: Extraction) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extraction.entities}


def relation_set(extraction: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in extraction.entities}
    return {(r.type, names[r.head], names[r.tail]) for r in extraction.relations}


@pytest.fixture
def sample_text(corpus_dir: Path) -> str:
    return (corpus_dir / SAMPLE).read_text(encoding="utf-8")


@pytest.fixture
def sample_entities(sample_text: str) -> set[tuple[str, str]]:
    found = entity_set(extract(Report(SAMPLE, SAMPLE, sample_text)))
    assert len(found) > 20  # the comparisons below mean something
    return found


def write_pdf(path: Path, lines: list[str], *, bold: str | None = None, columns: list[str] | None = None) -> None:
    """A CJK PDF (reportlab's STSong-Light CID font): optional overprinted bold headline, lines wrapped at
    40 characters across pages, or two columns of text side by side."""
    reportlab = pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    assert reportlab
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 50
    if bold:
        pdf.setFont("STSong-Light", 16)
        pdf.drawString(40, y, bold)
        pdf.drawString(40.4, y - 0.2, bold)  # how e-papers fake bold: the same line again, slightly offset
        y -= 40
    pdf.setFont("STSong-Light", 11)
    for line in lines:
        while True:
            chunk, line = line[:40], line[40:]
            if y < 50:
                pdf.showPage()
                pdf.setFont("STSong-Light", 11)
                y = height - 50
            pdf.drawString(40, y, chunk)
            y -= 15
            if not line:
                break
    for x, text in zip((40, 310), columns or []):
        row_y = y
        for start in range(0, len(text), 18):
            pdf.drawString(x, row_y, text[start:start + 18])
            row_y -= 15
    pdf.save()


SHEET_ROWS = [
    ["序号", "企业名称", "所在园区", "所属行业", "产业链环节", "项目名称", "投资额（亿元）", "阶段", "供应商"],
    [1, "洛阳恒锐储能科技有限公司", "洛阳高新技术产业开发区", "新型储能", "储能电池", "恒锐储能电站集成基地", 26.5, "已开工", ""],
    [2, "许昌瑞丰电气有限公司", "许昌经济技术开发区", "电力装备", "配电设备", "", None, "", "洛阳恒锐储能科技有限公司"],
    [3, "焦作新宇膜材料有限公司", "焦作高新技术产业开发区", "新材料", "", "年产2亿平方米隔膜项目", 12, "签约",
     "许昌瑞丰电气有限公司、洛阳恒锐储能科技有限公司"],
]


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, title: str | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某区重点企业名录"])  # a banner row above the header
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    if title:
        book.properties.title = title
    book.save(path)
    return path


@pytest.fixture
def extra_loader() -> Iterator[None]:
    """Remove a loader a test registered."""
    before = dict(formats._REGISTRY)
    yield
    formats._REGISTRY.clear()
    formats._REGISTRY.update(before)


# --- registry ------------------------------------------------------------------------------------------------


def test_every_format_registers_itself_with_suffixes():
    names = {loader.name for loader in formats.loaders()}
    assert {"text", "html", "pdf", "docx", "csv", "xlsx"} <= names
    assert {".txt", ".md", ".html", ".pdf", ".docx", ".csv", ".xlsx"} <= set(formats.suffixes())


def test_content_wins_over_a_wrong_suffix(tmp_path: Path):
    pdf = tmp_path / "page.pdf"
    write_pdf(pdf, ["郑州经开区新开工项目六个。"])
    disguised = tmp_path / "page.txt"
    disguised.write_bytes(pdf.read_bytes())
    assert choose(disguised, disguised.read_bytes()).name == "pdf"
    page = tmp_path / "saved.txt"
    page.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>", encoding="utf-8")
    assert choose(page, page.read_bytes()).name == "html"
    notes = tmp_path / "notes"  # no suffix, no signature: plain text
    notes.write_text("郑州高新区管委会召开会议。", encoding="utf-8")
    assert choose(notes, notes.read_bytes()).name == "text"
    assert read_report(notes).meta["format"] == "text"


def test_docx_and_xlsx_are_told_apart_inside_the_zip(tmp_path: Path):
    import docx

    word = tmp_path / "a.bin"
    docx.Document().save(word)
    book = write_xlsx(tmp_path / "b.bin", SHEET_ROWS)
    assert choose(word, word.read_bytes()).name == "docx"
    assert choose(book, book.read_bytes()).name == "xlsx"


def test_a_new_format_is_one_registration(tmp_path: Path, extra_loader: None):
    def load_memo(path: Path, data: bytes) -> Report:
        return Report(path.name, str(path), data.decode("utf-8").removeprefix("MEMO1\n"), {"format": "memo"})

    register(Loader("memo", (".memo",), load_memo, sniff=lambda data: data.startswith(b"MEMO1\n")))
    (tmp_path / "sub").mkdir()
    memo = tmp_path / "sub" / "x.memo"
    memo.write_text("MEMO1\n郑州经开区引进比亚迪汽车有限公司。", encoding="utf-8")
    assert list(find_reports([tmp_path])) == [memo]
    assert read_report(memo).text == "郑州经开区引进比亚迪汽车有限公司。"
    assert ("Company", "比亚迪汽车有限公司") in entity_set(extract_file(memo))


def test_folder_walk_takes_every_registered_format_but_not_lock_files(tmp_path: Path):
    for name in ("a.txt", "b.html", "c.pdf", "d.docx", "e.csv", "f.xlsx", "~$d.docx", ".hidden.txt", "g.yaml"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_reports([tmp_path])] == ["a.txt", "b.html", "c.pdf", "d.docx", "e.csv", "f.xlsx"]


# --- text ----------------------------------------------------------------------------------------------------


def test_markdown_front_matter_is_metadata(tmp_path: Path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: 经开区一季度项目建设\ndate: 2023-04-02\nzone: 郑州经济技术开发区\n---\n"
                    "郑州经开区签约项目三个。\n", encoding="utf-8")
    report = read_report(path)
    assert report.text == "郑州经开区签约项目三个。\n"
    assert report.meta == {"source": str(path), "format": "text", "title": "经开区一季度项目建设",
                           "date": "2023-04-02", "zone": "郑州经济技术开发区"}


def test_a_date_in_the_first_lines_is_the_report_date(tmp_path: Path):
    path = tmp_path / "r.txt"
    path.write_text("郑州日报 2023年1月30日 星期一\n\n经开区开工项目6个。2019年5月1日建成的园区……", encoding="utf-8")
    assert read_report(path).meta["date"] == "2023-01-30"


# --- HTML ----------------------------------------------------------------------------------------------------


def news_page(paragraphs: list[str], *, charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    title = html.escape(paragraphs[0])
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title} - 中原要闻网</title>
<meta property="article:published_time" content="2023-01-30T08:00:00+08:00">
<script>var hot = "富士康科技集团 比亚迪汽车有限公司";</script><style>.nav {{ color: red }}</style></head>
<body>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">安阳高新技术产业开发区动态</a></li>
<li><a href="/b">富士康科技集团专题</a></li></ul></nav>
<div class="breadcrumb">首页 &gt; 要闻 &gt; 正文</div>
<article><h1>{title}</h1>
<div class="info">2023-01-30 08:00 来源：中原要闻网</div>
{body}
</article>
<aside class="related"><h3>相关阅读</h3><ul><li><a href="/c">比亚迪汽车有限公司落户安阳高新技术产业开发区</a></li></ul></aside>
<section id="comments" class="comments"><h3>网友评论</h3>
<div class="comment"><p>网友甲：希望富士康科技集团也来投资设厂！</p></div></section>
<footer>版权所有 中原要闻网 豫ICP备00000000号</footer>
<script>document.write("比亚迪汽车有限公司");</script>
</body></html>"""


def test_html_article_without_boilerplate_gives_the_same_entities(tmp_path: Path, sample_text: str):
    paragraphs = clean(Report(SAMPLE, SAMPLE, sample_text)).text.split("\n")
    boilerplate = ("富士康", "比亚迪", "安阳高新", "网友", "首页", "ICP", "相关阅读")
    assert not any(word in sample_text for word in boilerplate)
    path = tmp_path / "news.html"
    path.write_text(news_page(paragraphs), encoding="utf-8")

    report = read_report(path)
    assert not any(word in report.text for word in boilerplate)
    assert report.meta["title"] == paragraphs[0]
    assert report.meta["date"] == "2023-01-30"
    assert report.meta["format"] == "html"
    plain = extract(Report("plain.txt", "plain.txt", "\n".join(paragraphs)))
    assert entity_set(extract_file(path)) == entity_set(plain)


def test_html_declared_gbk_charset_is_honoured(tmp_path: Path):
    paragraphs = ["经开区项目建设提速", "郑州经开区管委会与一汽解放签约，建设新能源商用车郑州基地，总投资30亿元。" * 4]
    path = tmp_path / "gbk.htm"
    path.write_bytes(news_page(paragraphs, charset="gbk").encode("gbk"))
    report = read_report(path)
    assert "一汽解放" in report.text and report.meta["title"] == "经开区项目建设提速"


def test_html_page_without_article_is_an_error(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>登录</title><script>var zone = '郑州经开区';</script></head>"
                    "<body><img src='banner.png'><script>document.write(zone)</script></body></html>", encoding="utf-8")
    with pytest.raises(ReportError, match=r"empty.html: no article text"):
        read_report(path)


# --- PDF -----------------------------------------------------------------------------------------------------


def test_pdf_of_a_sample_report_gives_the_same_entities(tmp_path: Path, sample_text: str,
                                                        sample_entities: set[tuple[str, str]]):
    path = tmp_path / "epaper.pdf"
    write_pdf(path, sample_text.split("\n"))  # long lines wrap: the PDF breaks lines where the text did not
    report = read_report(path)
    assert report.meta["format"] == "pdf"
    assert report.text.count("\n") > sample_text.count("\n")
    assert entity_set(extract_file(path)) == sample_entities


def test_pdf_columns_in_reading_order_and_bold_overprint_once(tmp_path: Path):
    left = "郑州经开区聚焦汽车及装备制造产业，一汽解放新能源商用车郑州基地开工建设。" * 2
    right = "郑州航空港经济综合实验区聚焦电子信息产业，富士康科技集团扩大投资。" * 2
    path = tmp_path / "page.pdf"
    write_pdf(path, [], bold="重大项目建设如火如荼", columns=[left, right])
    text = read_report(path).text
    assert text.count("重大项目建设如火如荼") == 1
    joined = text.replace("\n", "")
    assert left in joined and right in joined  # each column read whole, left before right
    assert joined.index(left) < joined.index(right)


def test_scanned_pdf_without_text_layer_is_reported(tmp_path: Path):
    write_pdf(tmp_path / "probe.pdf", [])  # skips when reportlab is missing
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scan = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(scan)
    for y in range(40, 520, 24):  # lines of "print" that are pixels, not text
        draw.rectangle((30, y, 370, y + 10), fill=40)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(scan), 40, 100, width=500, height=700)
    pdf.save()
    with pytest.raises(ReportError, match=r"scan\.pdf: no text layer \(scanned PDF\?\)"):
        read_report(path)
    skipped: list[Skipped] = []
    assert list(extract_files([path], skipped)) == []
    assert skipped[0].problem.endswith("no text layer (scanned PDF?)")


def test_damaged_pdf_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 50)
    with pytest.raises(ReportError, match=r"^.*broken\.pdf: "):
        read_report(path)


# --- DOCX ----------------------------------------------------------------------------------------------------


def test_docx_paragraphs_give_the_same_entities(tmp_path: Path, sample_text: str,
                                                sample_entities: set[tuple[str, str]]):
    import docx

    document = docx.Document()
    document.core_properties.title = "经开区“三个一批”项目建设"
    for block in re.split(r"\n\s*\n", sample_text):
        if block.strip():
            document.add_paragraph(block)  # line breaks inside a paragraph stay line breaks
    path = tmp_path / "report.docx"
    document.save(path)
    report = read_report(path)
    assert report.meta["title"] == "经开区“三个一批”项目建设"
    assert entity_set(extract_file(path)) == sample_entities


def test_docx_tables_are_read_row_by_row(tmp_path: Path):
    import docx

    intro = "2023年郑州经开区重点项目如下表。"
    rows = [["序号", "项目名称", "建设单位", "总投资"],
            ["1", "盒子智行科技新能源整车项目", "盒子智行科技有限公司", "30亿元"],
            ["2", "海尔压缩机项目", "海尔集团", "12亿元"]]
    document = docx.Document()
    document.add_paragraph(intro)
    table = document.add_table(rows=len(rows) + 1, cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(len(rows), 0).merge(table.cell(len(rows), 3))
    merged.text = "合计：总投资42亿元"
    document.add_paragraph("以上项目均位于郑州经开区。")
    path = tmp_path / "table.docx"
    document.save(path)

    text = read_report(path).text
    assert "1，盒子智行科技新能源整车项目，盒子智行科技有限公司，30亿元。" in text
    assert text.count("合计：总投资42亿元") == 1  # a merged cell is one cell
    equivalent = "\n\n".join([intro, "\n".join("，".join(r) + "。" for r in rows) + "\n合计：总投资42亿元。",
                              "以上项目均位于郑州经开区。"])
    assert text == equivalent
    assert entity_set(extract_file(path)) == entity_set(extract(Report("t", "t", equivalent)))


# --- CSV / XLSX ----------------------------------------------------------------------------------------------


def expected_from_rows(rows: list[list[object]]) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """What the sample mapping says these rows state, computed from the rows themselves."""
    header = rows[0]
    col = {name: header.index(name) for name in header}
    entities: set[tuple[str, str]] = set()
    relations: set[tuple[str, str, str]] = set()
    for row in rows[1:]:
        company, park, industry, segment, project = (row[col[c]] for c in ("企业名称", "所在园区", "所属行业",
                                                                           "产业链环节", "项目名称"))
        suppliers = [s for s in str(row[col["供应商"]] or "").split("、") if s]
        entities |= {("Company", company), ("Park", park), ("Industry", industry)}
        entities |= {("Company", s) for s in suppliers}
        relations |= {("LOCATED_IN", company, park), ("IN_INDUSTRY", company, industry)}
        relations |= {("SUPPLIES", s, company) for s in suppliers}
        if segment:
            entities.add(("Industry", segment))
            relations |= {("IN_INDUSTRY", company, segment), ("SUB_INDUSTRY_OF", segment, industry)}
        if project:
            entities.add(("Project", project))
            relations |= {("LOCATED_IN", project, park), ("INVESTS_IN", company, project),
                          ("IN_INDUSTRY", project, industry)}
    return entities, relations


def test_csv_and_xlsx_rows_become_the_entities_and_relations_they_state(tmp_path: Path):
    expected_entities, expected_relations = expected_from_rows(SHEET_ROWS)
    loaded = [extract_file(write_csv(tmp_path / "list.csv", SHEET_ROWS)),
              extract_file(write_csv(tmp_path / "list_gbk.csv", SHEET_ROWS, encoding="gbk")),
              extract_file(write_xlsx(tmp_path / "list.xlsx", SHEET_ROWS, title="重点企业名录"))]
    for extraction in loaded:
        assert entity_set(extraction) == expected_entities
        assert relation_set(extraction) == expected_relations
    attrs = {e.name: e.attrs for e in loaded[0].entities if e.attrs}
    assert attrs == {"恒锐储能电站集成基地": {"investment_cny": 2_650_000_000, "stage": "开工"},
                     "年产2亿平方米隔膜项目": {"investment_cny": 1_200_000_000, "stage": "签约"}}
    assert {e.name: e.attrs for e in loaded[2].entities if e.attrs} == attrs
    assert loaded[2].report.meta["title"] == "重点企业名录"
    assert loaded[0].report.meta["format"] == "csv" and loaded[2].report.meta["format"] == "xlsx"


def test_row_provenance_is_file_and_row(tmp_path: Path):
    extraction = extract_file(write_xlsx(tmp_path / "list.xlsx", SHEET_ROWS))
    report = extraction.report
    names = {e.id: e.name for e in extraction.entities}
    supplies = [r for r in extraction.relations if r.type == "SUPPLIES" and names[r.tail] == "许昌瑞丰电气有限公司"]
    assert len(supplies) == 1
    evidence = supplies[0].evidence
    assert evidence.startswith("第4行 ")  # banner row 1, header row 2, this is the sheet's row 4
    assert "供应商：洛阳恒锐储能科技有限公司" in evidence and "序号" not in evidence
    span = supplies[0].span
    assert span is not None and report.text[span.start:span.end] == evidence
    for entity in extraction.entities:
        assert all(report.text[s.start:s.end] == entity.name for s in entity.spans)


def test_mapping_beside_the_list_renames_columns(tmp_path: Path):
    rows = [["单位", "落户载体", "供货对象"],
            ["平顶山尼龙新材料有限公司", "平顶山高新技术产业开发区", "郑州宇通客车股份有限公司"]]
    path = write_csv(tmp_path / "suppliers.csv", rows)
    (tmp_path / "suppliers.mapping.yaml").write_text(
        "zone: 平顶山高新技术产业开发区\n"
        "entities:\n"
        "  firm: {type: Company, columns: [单位]}\n"
        "  park: {type: Park, columns: [落户载体]}\n"
        "  buyer: {type: Company, columns: [供货对象], split: true}\n"
        "relations:\n"
        "  - [firm, LOCATED_IN, park]\n"
        "  - [firm, SUPPLIES, buyer]\n", encoding="utf-8")
    extraction = extract_file(path)
    assert relation_set(extraction) == {("LOCATED_IN", "平顶山尼龙新材料有限公司", "平顶山高新技术产业开发区"),
                                        ("SUPPLIES", "平顶山尼龙新材料有限公司", "郑州宇通客车股份有限公司")}
    assert extraction.report.meta["zone"] == "平顶山高新技术产业开发区"


@pytest.mark.parametrize("mapping, problem", [
    ("entities: {firm: {type: Firm, columns: [单位]}}\n", "type must be one of"),
    ("entities: {firm: {type: Company, columns: [单位]}}\nrelations: [[firm, OWNS, firm]]\n", "relation 'OWNS'"),
    ("entities: [\n", "not valid YAML"),
])
def test_a_bad_mapping_names_the_file_and_the_problem(tmp_path: Path, mapping: str, problem: str):
    path = write_csv(tmp_path / "x.csv", [["单位"], ["某某有限公司"]])
    (tmp_path / "mapping.yaml").write_text(mapping, encoding="utf-8")
    with pytest.raises(ReportError, match=re.escape(f"{tmp_path / 'mapping.yaml'}: ") + ".*" + re.escape(problem)):
        extract_file(path)


def test_a_list_without_mapped_columns_is_an_error(tmp_path: Path):
    path = write_csv(tmp_path / "contacts.csv", [["姓名", "电话"], ["张三", "123"]])
    with pytest.raises(ReportError, match=r"contacts\.csv: no header row with a column of .*sample_mapping\.yaml"):
        extract_file(path)


def test_shipped_sample_list_loads_with_the_shipped_mapping():
    extraction = extract_file(SAMPLES_DIR / "zone_enterprises.csv")
    types = {r.type for r in extraction.relations}
    assert {"LOCATED_IN", "INVESTS_IN", "IN_INDUSTRY", "SUB_INDUSTRY_OF", "SUPPLIES"} <= types
    companies = {e.name for e in extraction.entities if e.type == "Company"}
    assert len(companies) >= 5
    assert any(e.aliases for e in extraction.entities if e.type == "Company")  # 企业简称 column


# --- into the graph ------------------------------------------------------------------------------------------


def test_report_metadata_and_rows_reach_the_graph(tmp_path: Path, falkor_store, sample_text: str):
    paragraphs = clean(Report(SAMPLE, SAMPLE, sample_text)).text.split("\n")
    page = tmp_path / "news.html"
    page.write_text(news_page(paragraphs), encoding="utf-8")
    sheet = write_xlsx(tmp_path / "list.xlsx", SHEET_ROWS)
    result = build(falkor_store, [page, sheet])
    assert result.read == 2 and not result.skipped

    reports = {r["key"]: r for r in falkor_store.read(
        "MATCH (r:Report) RETURN r.key AS key, r.title AS title, r.date AS date, r.format AS format, "
        "r.source AS source ORDER BY key")}
    assert reports["news.html"] == {"key": "news.html", "title": paragraphs[0], "date": "2023-01-30",
                                    "format": "html", "source": str(page)}
    assert reports["list.xlsx"]["format"] == "xlsx"

    rows = falkor_store.read(
        "MATCH (a:Company)-[r:SUPPLIES]->(b:Company {name: $name}) RETURN a.name AS supplier, r.evidence AS evidence, "
        "r.reports AS reports", {"name": "许昌瑞丰电气有限公司"})
    assert rows == [{"supplier": "洛阳恒锐储能科技有限公司", "evidence": [rows[0]["evidence"][0]],
                     "reports": ["list.xlsx"]}]
    assert rows[0]["evidence"][0].startswith("第4行 ")
    listed = falkor_store.read("MATCH (r:Report), (n:Entity) WHERE r.key IN n.reports RETURN r.key AS report, "
                               "count(n) AS n ORDER BY report")
    assert [row["report"] for row in listed] == ["list.xlsx", "news.html"]

    build(falkor_store, [page, sheet])  # loading again changes nothing
    assert falkor_store.read("MATCH (r:Report) RETURN count(r) AS n") == [{"n": 2}]


def test_cli_lists_formats_and_stored_reports(tmp_path: Path):
    import json

    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["formats", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert {row["format"] for row in json.loads(listed.output)} >= {"text", "html", "pdf", "docx", "csv", "xlsx"}

    notes = tmp_path / "notes.md"
    notes.write_text("---\ntitle: 园区周报\ndate: 2023-03-06\n---\n郑州经开区引进比亚迪汽车有限公司。\n", encoding="utf-8")
    store = str(tmp_path / "kg-data")
    built = runner.invoke(main, ["build", str(notes), str(SAMPLES_DIR), "--store", store, "--no-html"])
    assert built.exit_code == 0, built.output
    shown = runner.invoke(main, ["reports", "notes.md", "--store", store, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    (row,) = json.loads(shown.output)
    assert (row["report"], row["title"], row["date"], row["format"]) == ("notes.md", "园区周报", "2023-03-06", "text")
    assert row["entities"] >= 2
    unknown = runner.invoke(main, ["reports", "note.md", "--store", store])
    assert unknown.exit_code == 1
    assert "no report named 'note.md'" in unknown.output and "did you mean notes.md" in unknown.output
