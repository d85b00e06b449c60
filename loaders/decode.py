"""Bytes to text for report files: BOM, UTF-8, UTF-16 without BOM, a declared charset, or a detected Chinese encoding.

Binary files (images, archives, programs renamed to ``.txt``) are refused with a one-line error
rather than decoded into noise.
"""
from __future__ import annotations

import codecs
import re

from kg.errors import ReportError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                       rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SIGNATURES = ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
               (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"), (b"\x7fELF", "program"),
               (b"%PDF", "PDF"))
_SAMPLE = 4096  # bytes looked at to tell binary from text and the UTF-16 byte order
_TEXT_SHARE = 0.95  # share of a UTF-16 sample that must be Chinese/ASCII text
_MAX_DAMAGE = 1 / 50  # UTF-8 with at most one undecodable byte per 50 other non-ASCII characters
_DAMAGE_SAMPLE = 1 << 16
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_READABLE = re.compile(r"[\t\n\r\x20-\x7e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f\u00b7]")


def decode(data: bytes, where: str) -> str:
    """Decode report bytes: BOM, UTF-8, UTF-16 without BOM, then a detected Chinese encoding.

    UTF-8 with a few damaged bytes keeps its text (each damaged byte becomes U+FFFD).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _bom_less_utf16(data)
    if text is not None:
        return text
    if b"\x00" in data[:_SAMPLE]:
        raise ReportError(f"{where}: binary file ({_kind(data)}), not a text report")
    if _little_damage(data[:_DAMAGE_SAMPLE].decode("utf-8", errors="replace")):  # cheap test first
        text = data.decode("utf-8", errors="replace")
        if _little_damage(text):
            return _checked(text, data, where)
        del text
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise ReportError(f"{where}: cannot tell the text encoding (not UTF-8, UTF-16, GBK/GB18030 or Big5)")
    return _checked(str(best), data, where)


def _little_damage(text: str) -> bool:
    """Whether UTF-8 decoding replaced few bytes compared with the non-ASCII characters it decoded."""
    damaged = text.count("\ufffd")
    return damaged <= _MAX_DAMAGE * (len(text) - len(text.encode("ascii", "ignore")) - damaged)


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportError(f"{where}: not valid {encoding.upper()} although it starts with its byte-order mark "
                          f"(byte {exc.start})") from exc


def _bom_less_utf16(data: bytes) -> str | None:
    """The text of UTF-16 data without a byte-order mark, if a sample reads as Chinese/ASCII text in one byte order."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        if len(_READABLE.findall(text)) >= _TEXT_SHARE * len(text):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _checked(text: str, data: bytes, where: str) -> str:
    """Refuse a decoding that is mostly control characters: binary data that happened to decode."""
    sample = text[:_SAMPLE]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise ReportError(f"{where}: binary file ({_kind(data)}), not a text report")
    return text


def _kind(data: bytes) -> str:
    return next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), "unknown format")


def decode_markup(data: bytes, where: str) -> str:
    """Decode HTML/XML bytes, honouring a charset the document declares (GBK pages say so)."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        m = _DECLARED.search(data[:_SAMPLE])
        name = (m.group(1) or m.group(2)).decode("ascii").lower() if m else ""
        if name in ("gb2312", "gbk"):
            name = "gb18030"  # a superset, and what "gb2312" pages really contain
        try:
            if name:
                codecs.lookup(name)
                return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, where)
