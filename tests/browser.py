"""Headless Chromium for the graph-page tests: Debian's chromium + chromium-driver through Selenium,
pages opened from disk (file://) with the network emulated offline. The `browser` fixture skips,
with the reason, when selenium or the browser is missing.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module, offline, console messages kept."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install selenium)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(f"browser tests need {', '.join(missing)}: apt-get install chromium chromium-driver")
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # selenium-manager must never download anything
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path, timeout: float = 60) -> None:
    """Open a page from disk and wait until its layout has stabilised (window.kgReady)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri())
    try:
        WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return window.kgReady === true"))
    except TimeoutException:
        pytest.fail(f"page never set window.kgReady; console errors: {severe_logs(driver)}")


def severe_logs(driver: Any) -> list[str]:
    """Console errors since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visible_ids(driver: Any) -> set[str]:
    """Ids of the nodes the page currently shows."""
    return set(driver.execute_script("return kgNodes.getIds({filter: n => !n.hidden})"))


def click_canvas(driver: Any, script: str, *args: Any) -> None:
    """Click the graph canvas at the DOM point returned by `script` run with `args` (relative to the canvas)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#kg-graph canvas")
    point = driver.execute_script(script, *args)
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, point["x"] - size["width"] / 2, point["y"] - size["height"] / 2).click().perform()
