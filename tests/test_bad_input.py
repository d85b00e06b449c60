"""Bad input files meet the real CLI: each bad file is one line naming it and the problem, every good
file still loads, the exit code tells whether anything was skipped (2; 1 with --strict), encodings
are detected, and a 50 MB report goes through in sections with bounded memory."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Report
from loaders.extract import extract
from loaders.read import read_report
from loaders.sections import sections
from tests.conftest import CORPUS
from tests.test_fuzz import check

REPORT = ("郑州经开区2023年招商引资工作报告\n"
          "比亚迪汽车有限公司投资建设新能源汽车零部件项目，总投资20亿元，位于郑州经开区。\n"
          "宇通客车股份有限公司为比亚迪汽车有限公司供应底盘（含“电驱”系统）。\n"
          "郑州经开区重点引进新型显示、集成电路、智能装备等细分产业。\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `kg` in a new process."""
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd,
                          check=False, timeout=900)


def skip_lines(stderr: str) -> dict[str, str]:
    """The 'skipped: PATH: problem' lines by path (each path once)."""
    lines = [line.removeprefix("skipped: ") for line in stderr.splitlines() if line.startswith("skipped: ")]
    by_path = dict(line.split(": ", 1) for line in lines)
    assert len(by_path) == len(lines), lines
    return by_path


def _bad_entries(folder: Path) -> dict[str, str]:
    """Make one of each kind of bad entry in `folder`; {path: the problem its line must state}."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n\u3000\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(PNG + bytes(range(256)) * 4)
    (folder / "dangling.txt").symlink_to("missing.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    os.mkfifo(folder / "pipe.txt")  # reading a pipe would hang the build
    bad = {"empty.txt": "empty report", "blank.txt": "empty report",
           "image.txt": "binary file (PNG image), not a text report",
           "dangling.txt": "broken symbolic link (to missing.txt)", "loop.txt": "symbolic link loop",
           "sub/up": "symbolic link loop (to ..)", "pipe.txt": "a named pipe, not a report"}
    if Path("/proc/self/mem").exists():  # a file whose read fails even for root (I/O error)
        (folder / "mem.txt").symlink_to("/proc/self/mem")
        bad["mem.txt"] = "cannot read (Input/output error)"
    return {str(folder / name): problem for name, problem in bad.items()}


def _good_files(folder: Path, count: int) -> list[str]:
    """`count` small reports, each naming its own company, spread over ten subfolders."""
    syllables = "华金银泰恒瑞达信联创宏盛安德新天博远"
    names = []
    for i in range(count):
        name = "郑州" + "".join(syllables[(i // 18 ** k) % 18] for k in range(3)) + "科技有限公司"
        path = folder / f"part{i % 10}" / f"r{i:04d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"{name}落户郑州经开区。\n", encoding="utf-8")
        names.append(name)
    return names


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], int]:
    """2,000 good reports in subfolders, a link to one of them (read once), and every kind of bad entry."""
    folder = tmp_path_factory.mktemp("bad-input") / "reports"
    folder.mkdir()
    good = len(_good_files(folder, 2000))
    (folder / "again").symlink_to("part3")  # the same reports under a second name are read once
    return folder, _bad_entries(folder), good


def test_a_folder_of_thousands_with_bad_entries_builds_the_good_ones(big_folder, tmp_path: Path) -> None:
    from kg.store.falkor import FalkorStore

    folder, bad, good = big_folder
    proc = kg("build", str(folder), "--store", str(tmp_path / "kg-data"), "--no-html")
    assert proc.returncode == 2, proc.stderr
    assert skip_lines(proc.stderr) == bad
    assert f"reports read: {good}, skipped: {len(bad)}" in proc.stdout
    assert "Traceback" not in proc.stderr
    store = FalkorStore(tmp_path / "kg-data")
    try:
        assert store.read("MATCH (r:Report) RETURN count(r) AS n")[0]["n"] == good
    finally:
        store.close()


def test_kg_extract_skips_the_same_files_and_strict_fails(big_folder, tmp_path: Path) -> None:
    folder, bad, good = big_folder
    proc = kg("extract", str(folder), "--out", str(tmp_path / "pred"))
    assert proc.returncode == 2, proc.stderr
    assert skip_lines(proc.stderr) == bad
    assert len(list((tmp_path / "pred").glob("*.json"))) == good
    strict = kg("extract", str(folder / "image.txt"), str(folder / "part0"), "--out", str(tmp_path / "strict"),
                "--strict")
    assert strict.returncode == 1 and list(skip_lines(strict.stderr)) == [str(folder / "image.txt")]
    assert len(list((tmp_path / "strict").glob("*.json"))) == 200  # the good ones are still written


def test_build_strict_exits_1_after_loading_the_good_reports(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = kg("build", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), "--store", str(tmp_path / "kg"),
              "--no-html", "--strict")
    assert proc.returncode == 1
    assert skip_lines(proc.stderr) == {str(tmp_path / "empty.txt"): "empty report"}
    assert "reports read: 1, skipped: 1" in proc.stdout


def test_an_unreadable_file_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading (mem.txt in the folder test "
                    "covers a failing read)")
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inner.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "closed").chmod(0)
    try:
        proc = kg("extract", str(tmp_path), "--out", str(tmp_path / "pred"))
    finally:
        locked.chmod(0o644)
        (tmp_path / "closed").chmod(0o755)
    assert proc.returncode == 2
    assert skip_lines(proc.stderr) == {str(locked): "cannot read (Permission denied)",
                                       str(tmp_path / "closed"): "cannot open folder (Permission denied)"}
    assert [p.name for p in (tmp_path / "pred").glob("*.json")] == ["ok.json"]


SUPPLEMENTARY = "𠀀䶮\n"  # characters outside GBK, for GB18030
ENCODINGS = {  # name: (bytes, the text they must decode to)
    "gbk.txt": (REPORT.encode("gbk"), REPORT),
    "gb18030.txt": ((REPORT + SUPPLEMENTARY).encode("gb18030"), REPORT + SUPPLEMENTARY),
    "utf16-bom.txt": (REPORT.encode("utf-16"), REPORT),
    "utf16le.txt": (REPORT.encode("utf-16-le"), REPORT),  # no byte-order mark
    "utf16be.txt": (REPORT.encode("utf-16-be"), REPORT),
    "utf8-bom.txt": (REPORT.encode("utf-8-sig"), REPORT),
    "crlf.txt": (REPORT.replace("\n", "\r\n").encode("utf-8"), REPORT),
    "mixed-endings.txt": (REPORT.replace("\n", "\r\n", 1).replace("。\n", "。\r", 1).encode("utf-8"), REPORT),
    "gbk-crlf.txt": (REPORT.replace("\n", "\r\n").encode("gbk"), REPORT),
    "damaged.txt": (REPORT[:-10].encode("utf-8") + b"\xff" + REPORT[-10:].encode("utf-8"),
                    REPORT[:-10] + "\ufffd" + REPORT[-10:]),  # one bad byte in UTF-8 is one U+FFFD
}


def test_encodings_and_line_endings_are_decoded_exactly(tmp_path: Path) -> None:
    for name, (data, _) in ENCODINGS.items():
        (tmp_path / name).write_bytes(data)
    proc = kg("extract", str(tmp_path), "--out", str(tmp_path / "pred"))
    assert proc.returncode == 0, proc.stderr
    assert len(extract(Report(id="r", path="r", text=REPORT)).relations) >= 3
    for name, (_, text) in ENCODINGS.items():
        assert read_report(tmp_path / name).text == text, name
        got = json.loads((tmp_path / "pred" / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
        assert got == extract(Report(id=name, path=name, text=text)).to_schema_json(), name


def test_empty_folder_is_an_error_and_same_stems_do_not_overwrite(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    proc = kg("extract", str(tmp_path / "nothing"), "--out", str(tmp_path / "pred"))
    assert proc.returncode == 1 and proc.stderr.strip() == f"error: no report files in {tmp_path / 'nothing'}"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(REPORT, encoding="utf-8")
    proc = kg("extract", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "pred"))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "pred").iterdir()) == ["report-2.json", "report.json"]


def _corpus_texts() -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {CORPUS}")
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def test_a_long_report_is_read_in_sections_with_offsets_into_the_whole_text() -> None:
    one = _corpus_texts()[4]
    stride = len(one) + 2
    text = "\n\n".join([one] * 40)
    bounds = list(sections(text))
    assert len(bounds) >= 3 and all(end - start <= 50_000 for start, end in bounds)
    assert "".join(text[start:end] for start, end in bounds) == text
    whole = extract(Report(id="one.txt", path="one.txt", text=one))
    long = extract(Report(id="long.txt", path="long.txt", text=text))
    check(text)  # spans in range, evidence under its span
    merged = {(e.type, e.name): e for e in long.entities}
    assert len(merged) == len(long.entities)  # one entity per type and name
    inside = [k for k in range(40) if any(s <= k * stride and k * stride + len(one) <= e for s, e in bounds)]
    assert len(inside) >= 30
    for entity in whole.entities:  # each copy read whole in one section: its mentions at their global offsets
        spans = {(s.start, s.end) for s in merged[(entity.type, entity.name)].spans}
        for k in inside:
            assert {(s.start + k * stride, s.end + k * stride) for s in entity.spans} <= spans, entity.name
    assert {(r.type, r.evidence) for r in whole.relations} <= {(r.type, r.evidence) for r in long.relations}


RSS_PROBE = """
import resource, sys
from kg.cli import main
try:
    main(sys.argv[1:])
finally:
    sys.stderr.write(f"peak-rss-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def _extract_measured(report: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """`kg extract` in a new process; its result and peak resident memory in bytes."""
    proc = subprocess.run([sys.executable, "-c", RSS_PROBE, "extract", str(report), "--out", str(out)],
                          capture_output=True, text=True, check=False, timeout=1800)
    peak = next(line for line in proc.stderr.splitlines() if line.startswith("peak-rss-kb "))
    return proc, int(peak.split()[1]) * 1024


def test_a_50_mb_report_goes_through_kg_extract_in_bounded_memory(tmp_path: Path) -> None:
    """The size can be lowered with KG_TEST_HUGE_MB (default 50); it takes about 3 minutes on 2 cores."""
    texts = _corpus_texts()
    size = int(float(os.environ.get("KG_TEST_HUGE_MB", "50")) * 1_000_000)
    huge = tmp_path / "huge.txt"
    with huge.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            for text in texts:
                out.write(text + "\n\n")
                written += len(text.encode("utf-8")) + 2
    small = tmp_path / "small.txt"
    small.write_text(texts[0], encoding="utf-8")
    _, baseline = _extract_measured(small, tmp_path / "small-out")
    proc, peak = _extract_measured(huge, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr[-2000:]
    growth = peak - baseline
    assert growth < 8 * huge.stat().st_size, (peak, baseline)  # whole-text cleaning alone would be ~40x
    got = json.loads((tmp_path / "out" / "huge.json").read_text(encoding="utf-8"))
    names = {(e["type"], e["name"]) for e in got["entities"]}
    expected = {(e.type, e.name) for t in texts for e in extract(Report(id="t", path="t", text=t)).entities}
    assert len(names & expected) >= 0.9 * len(expected)
