"""Bytes to text for report files: BOM, UTF-8, a declared charset, or a detected Chinese encoding."""
from __future__ import annotations

import codecs
import re

from kg.errors import ReportError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
                       re.IGNORECASE)


def decode(data: bytes, where: str) -> str:
    """Decode report bytes: BOM first, then UTF-8, then a detected Chinese encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        raise ReportError(f"{where}: binary file, not a text report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise ReportError(f"{where}: cannot tell the text encoding (not UTF-8, GBK/GB18030 or Big5)")
    return str(best)


def decode_markup(data: bytes, where: str) -> str:
    """Decode HTML/XML bytes, honouring a charset the document declares (GBK pages say so)."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        m = _DECLARED.search(data[:4096])
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
