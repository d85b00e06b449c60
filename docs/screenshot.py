r"""Screenshot a graph page in headless Chromium (Debian's chromium + chromium-driver), offline.

    .venv/bin/kg build ../shared/corpus && .venv/bin/python docs/screenshot.py graph.html docs/graph.png \
        --select 郑州经开区 --zoom 0.5 --palette

--select types the name into the page's search box and opens the first hit, so the
details panel shows that node.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def screenshot(page: Path, out: Path, select: str | None = None, zoom: float | None = None,
               size: tuple[int, int] = (1400, 860)) -> Path:
    """Open `page` from disk with the network off, wait for the layout, optionally open a node
    (and zoom to `zoom` around it; else show the whole graph), save a PNG."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory(prefix="kg-shot-") as profile:
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     f"--window-size={size[0]},{size[1]}", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                                   {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
            driver.get(page.resolve().as_uri())
            WebDriverWait(driver, 120).until(lambda d: d.execute_script("return window.kgReady === true"))
            if select:
                box = driver.find_element(By.ID, "kg-search")
                box.send_keys(select)
                box.send_keys(Keys.ENTER)
                box.send_keys(Keys.ESCAPE)
                driver.execute_script(
                    "const id = kgNetwork.getSelectedNodes()[0];"
                    "if (arguments[0]) kgNetwork.moveTo({position: kgNetwork.getPositions([id])[id],"
                    " scale: arguments[0], animation: false}); else kgNetwork.fit({animation: false});", zoom)
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()
    return out


def shrink(png: Path) -> Path:
    """Re-save as a 256-colour PNG (a quarter of the size; the page's flat colours survive). Needs Pillow."""
    from PIL import Image

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(png, optimize=True)
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--select", help="name to search for and open in the details panel")
    parser.add_argument("--zoom", type=float, help="zoom around the selected node (default: whole graph)")
    parser.add_argument("--palette", action="store_true", help="save as a smaller 256-colour PNG (Pillow)")
    args = parser.parse_args()
    out = screenshot(args.page, args.out, args.select, args.zoom)
    print(shrink(out) if args.palette else out)


if __name__ == "__main__":
    main()
