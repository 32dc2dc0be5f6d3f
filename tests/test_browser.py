"""The HTML views in a real browser: headless Debian Chromium driven by selenium + chromedriver.

`bash scripts/test.sh` installs `chromium`, `chromium-driver` and `fonts-wqy-microhei` with apt-get
when they are missing (as root) and sets GOVKG_REQUIRE_BROWSER=1, which turns a missing browser into
a failure instead of a skip.  Chromium runs with a fresh profile and no background networking; every
request a page makes is read from Chrome's performance log and must be file:, data: or blob:.

The bundled report's main view is saved as a screenshot to docs/screenshots/tianjin-2023.png.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from govkg.build import build_report

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshots" / "tianjin-2023.png"
READY_TIMEOUT = 60.0
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome-error:")

try:  # selenium is in the [test] extra; without it the browser tests cannot run at all
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
except ImportError:  # pragma: no cover - depends on the environment
    webdriver = None


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) if "/" not in name else (name if os.access(name, os.X_OK) else None)
        if found:
            return found
    return None


CHROMIUM = _find("chromium", "chromium-browser", "/usr/lib/chromium/chromium", "google-chrome")
CHROMEDRIVER = _find("chromedriver", "/usr/lib/chromium/chromedriver", "/usr/bin/chromedriver")


def _unavailable(reason: str) -> None:
    if os.environ.get("GOVKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (GOVKG_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if webdriver is None:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    if not CHROMIUM or not CHROMEDRIVER:
        _unavailable("Chromium or chromedriver not found; run `bash scripts/test.sh` as root to apt-get install "
                     "chromium chromium-driver fonts-wqy-microhei")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager download anything
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--disable-default-apps", "--window-size=1400,1000", "--lang=zh-CN",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(READY_TIMEOUT)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from govkg.build import BUNDLED_REPORT

    return build_report(BUNDLED_REPORT, tmp_path_factory.mktemp("browser-exports"))


EVIL_REPORT = (
    "──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n"
    "一、2022年工作回顾\n"
    "（一）经济稳定<script>window.__pwned=1;alert(1)</script>。全市地区生产总值增长3%。"
    "河西区要聚焦金融服务、总部经济等产业。\n"
    "二、2023年工作安排\n"
    "（一）聚焦创新<img src=x onerror=\"window.__pwned=2;alert(2)\">，着力发展\n"
    "完善创新体系javascript:window.__pwned=3。加快建设滨海—中关村<b onmouseover=alert(3)>科技园。"
    "滨海新区加快建设“<img src=x onerror=window.__pwned=4>”产业园。\n"
)


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil")
    report = folder / "tianjin-2023-evil.txt"
    report.write_text(EVIL_REPORT, encoding="utf-8")
    return build_report(report, folder / "out")


# --- helpers -----------------------------------------------------------------------------


def _drain(drv) -> None:
    drv.get_log("browser")
    drv.get_log("performance")


def open_view(drv, path: Path) -> int:
    """Load a view and wait until it reports itself interactive; returns readyMs."""
    _drain(drv)
    drv.get(Path(path).resolve().as_uri())
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        ready = drv.execute_script("return window.govkg && window.govkg.ready ? window.govkg.readyMs : null")
        if ready:
            return int(ready)
        time.sleep(0.05)
    raise AssertionError(f"{path.name} not interactive after {READY_TIMEOUT} s")


def console_errors(drv) -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def requested_urls(drv) -> list[str]:
    urls = []
    for entry in drv.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            params = message.get("params", {})
            urls.append(params.get("request", {}).get("url") or params.get("url", ""))
    return urls


def assert_clean(drv) -> None:
    errors = console_errors(drv)
    assert not errors, errors
    urls = requested_urls(drv)
    assert urls, "the performance log recorded no request at all (not even the page itself)"
    remote = [u for u in urls if not u.startswith(LOCAL_SCHEMES)]
    assert not remote, remote


def non_blank_pixels(drv) -> int:
    return drv.execute_script("""
        var c = document.querySelector('#govkg-network canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
        for (var i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) { n++; }
        }
        return n;""")


def node_id(drv, label: str) -> int:
    found = drv.execute_script(
        "var q = arguments[0]; return govkg.data.nodes.filter(function (n) { return n.name === q; })"
        ".map(function (n) { return n.id; });", label)
    assert found, f"no node named {label!r}"
    return found[0]


def visible(drv, js_filter: str) -> int:
    return drv.execute_script(
        f"return govkg.nodes.get({{filter: function (n) {{ return !n.hidden && ({js_filter}); }}}}).length;")


def _onto(drv, nid: int) -> ActionChains:
    """Mouse actions that move onto node ``nid`` (focused first, so it is on screen)."""
    drv.execute_script("govkg.network.focus(arguments[0], {scale: 1.5, animation: false});", nid)
    x, y, w, h = drv.execute_script("""
        var net = govkg.network, p = net.canvasToDOM(net.getPosition(arguments[0]));
        var c = document.querySelector('#govkg-network canvas');
        return [p.x, p.y, c.clientWidth, c.clientHeight];""", nid)
    canvas = drv.find_element(By.CSS_SELECTOR, "#govkg-network canvas")
    return ActionChains(drv).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).pause(0.1)


def click_node(drv, nid: int) -> None:
    _onto(drv, nid).click().pause(0.2).perform()


def hover(drv, nid: int) -> str:
    """Move the mouse onto node ``nid`` and return the tooltip's text."""
    _onto(drv, nid).move_by_offset(1, 0).perform()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        text = drv.execute_script("""
            var t = document.querySelector('.vis-tooltip');
            return t && getComputedStyle(t).visibility === 'visible' ? t.innerText : null;""")
        if text:
            return text
        time.sleep(0.05)
    raise AssertionError("no tooltip appeared")


def assert_no_script_ran(drv) -> None:
    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text  # noqa: B018 - raises when no dialog is open
    assert drv.execute_script("return typeof window.__pwned") == "undefined"


# --- the bundled report ----------------------------------------------------------------------


def test_main_view_loads_offline_and_draws(driver, bundled) -> None:
    ready_ms = open_view(driver, bundled.html)
    assert ready_ms < 15000
    assert_clean(driver)
    assert non_blank_pixels(driver) > 2000
    total = driver.execute_script("return govkg.data.nodes.length")
    collapsed = driver.execute_script("return govkg.data.nodes.filter(function (n) { return n.o !== undefined; }).length")
    assert total > 400 and collapsed > 100  # the observations start collapsed into their indicators
    assert driver.execute_script("return govkg.visible") == visible(driver, "true") == total - collapsed
    # screenshot for the README: whole graph, with 滨海新区's details in the side panel
    driver.execute_script("govkg.showDetails(arguments[0]);", node_id(driver, "滨海新区"))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10000


def test_search_focuses_the_node(driver, bundled) -> None:
    open_view(driver, bundled.html)
    target = node_id(driver, "滨海新区")
    box = driver.find_element(By.ID, "govkg-search")
    box.clear()
    box.send_keys("滨海新区", Keys.ENTER)
    assert driver.execute_script("return govkg.network.getSelectedNodes();") == [target]
    dist = driver.execute_script("""
        var net = govkg.network, p = net.getPosition(arguments[0]), v = net.getViewPosition();
        return Math.hypot(p.x - v.x, p.y - v.y);""", target)
    assert dist < 1.0
    assert "滨海新区" in driver.find_element(By.ID, "govkg-search-status").text
    assert "滨海新区" in driver.find_element(By.ID, "govkg-details").text
    # a part of a name finds the node too; nonsense finds nothing and says so
    box.clear()
    box.send_keys("中关村", Keys.ENTER)
    selected = driver.execute_script("return govkg.network.getSelectedNodes();")
    assert len(selected) == 1
    assert "中关村" in driver.execute_script("return govkg.nodes.get(arguments[0]).name;", selected[0])
    box.clear()
    box.send_keys("没有这个节点", Keys.ENTER)
    assert "no node matches" in driver.find_element(By.ID, "govkg-search-status").text
    assert_clean(driver)


def test_tooltip_shows_values_and_evidence(driver, bundled) -> None:
    open_view(driver, bundled.html)
    obs = driver.execute_script(
        "return govkg.data.nodes.filter(function (n) { return n.kind === 'Observation' && n.title.indexOf('9000') >= 0; })"
        ".map(function (n) { return n.id; });")
    assert obs
    driver.execute_script("govkg.expand(govkg.nodes.get(arguments[0]).o, true);", obs[0])  # collapsed at first
    text = hover(driver, obs[0])
    assert "Observation" in text and "status: target" in text and "period: 2027" in text
    assert "evidence: 「" in text and "滨海新区经济总量" in text


def test_an_indicator_expands_into_its_observations_and_collapses_again(driver, bundled) -> None:
    open_view(driver, bundled.html)
    start = visible(driver, "true")
    indicator = driver.execute_script("""
        var n = govkg.data.nodes.filter(function (n) { return n.kind === 'Indicator' && n.name === '地区生产总值'; });
        return n[0].id;""")
    own = driver.execute_script("var i = arguments[0]; "
                                "return govkg.data.nodes.filter(function (n) { return n.o === i; }).length", indicator)
    assert own >= 2 and visible(driver, f"n.o === {indicator}") == 0
    summary = f"govkg.edges.get({{filter: function (e) {{ return e.sum === {indicator} && !e.hidden; }}}}).length"
    assert driver.execute_script("return " + summary) >= 1  # a place -> indicator edge stands for them
    click_node(driver, indicator)
    assert visible(driver, f"n.o === {indicator}") == own and visible(driver, "true") == start + own
    assert driver.execute_script("return " + summary) == 0
    near = driver.execute_script("""  // the observations sit round their indicator
        var net = govkg.network, i = arguments[0], c = net.getPosition(i);
        return govkg.data.nodes.filter(function (n) { return n.o === i; }).every(function (n) {
          var p = net.getPosition(n.id); return Math.hypot(p.x - c.x, p.y - c.y) < 400; });""", indicator)
    assert near
    details = driver.find_element(By.ID, "govkg-details")
    assert f"collapse its {own} observation(s)" in details.text
    details.find_element(By.XPATH, ".//button[starts-with(., 'collapse its')]").click()
    assert visible(driver, "true") == start
    # ticking Observation shows them all; searching an observation's value opens its indicator
    driver.find_element(By.CSS_SELECTOR, "input[data-kind='Observation']").click()
    assert visible(driver, "n.kind === 'Observation'") == driver.execute_script(
        "return govkg.data.nodes.filter(function (n) { return n.kind === 'Observation'; }).length")
    driver.find_element(By.ID, "govkg-reset").click()
    assert visible(driver, "true") == start
    assert_clean(driver)


def test_filters_hide_what_they_should(driver, bundled) -> None:
    open_view(driver, bundled.html)
    total = driver.execute_script("return govkg.visible")  # what the view opens with (observations collapsed)
    projects = visible(driver, "n.kind === 'Project'")
    assert projects > 50
    driver.find_element(By.CSS_SELECTOR, "input[data-kind='Project']").click()
    assert visible(driver, "n.kind === 'Project'") == 0
    assert visible(driver, "true") == total - projects
    assert f"{total - projects} of " in driver.find_element(By.ID, "govkg-visible").text
    driver.find_element(By.CSS_SELECTOR, "input[data-kind='Project']").click()
    assert visible(driver, "true") == total

    Select(driver.find_element(By.ID, "govkg-status")).select_by_value("target")
    assert visible(driver, "n.kind === 'Observation' && n.s.indexOf('target') < 0") == 0
    assert visible(driver, "n.kind === 'Observation'") > 10
    assert visible(driver, "n.kind === 'Action'") == driver.execute_script(
        "return govkg.data.nodes.filter(function (n) { return n.kind === 'Action'; }).length;")
    Select(driver.find_element(By.ID, "govkg-status")).select_by_value("")

    Select(driver.find_element(By.ID, "govkg-period")).select_by_value("2027")
    assert visible(driver, "n.kind === 'Observation' && n.p.indexOf('2027') < 0") == 0
    assert visible(driver, "n.kind === 'Observation'") > 0
    Select(driver.find_element(By.ID, "govkg-period")).select_by_value("")

    Select(driver.find_element(By.ID, "govkg-district")).select_by_visible_text("滨海新区")
    index = driver.execute_script("return +document.getElementById('govkg-district').value;")
    shown = visible(driver, "true")
    assert 3 < shown < total / 4
    assert visible(driver, f"!n.d || n.d.indexOf({index}) < 0") == 0
    assert visible(driver, "n.name === '滨海新区'") == 1
    driver.find_element(By.ID, "govkg-reset").click()
    assert visible(driver, "true") == total
    assert_clean(driver)


def test_index_and_ego_views(driver, bundled) -> None:
    index = bundled.html.parent / f"{bundled.report_id}-views" / "index.html"
    _drain(driver)
    driver.get(index.as_uri())
    assert "index" in driver.title
    links = driver.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.href);")
    assert any(link.endswith("district-120116.html") for link in links)
    assert all(link.startswith("file:") for link in links), links
    assert_clean(driver)
    ego = [Path(link.split("#")[0][len("file://"):]) for link in links if "-views/" in link and "index" not in link]
    assert len(ego) >= 20
    for path in sorted(set(ego))[:: max(1, len(set(ego)) // 6)] + [index.parent / "district-120116.html"]:
        assert path.is_file(), path
        open_view(driver, path)
        assert_clean(driver)
        assert non_blank_pixels(driver) > 200
    # the 滨海新区 ego view holds the district, its project and its 2027 target
    names = driver.execute_script("return govkg.data.nodes.map(function (n) { return n.name; });")
    assert "滨海新区" in names and "滨海—中关村科技园" in names and "9000亿元" in names


def test_deep_link_searches_on_load(driver, bundled) -> None:
    _drain(driver)
    driver.get(bundled.html.resolve().as_uri() + "#node=" + "%E6%BB%A8%E6%B5%B7%E6%96%B0%E5%8C%BA")
    deadline = time.monotonic() + READY_TIMEOUT
    while not driver.execute_script("return window.govkg && govkg.ready") and time.monotonic() < deadline:
        time.sleep(0.05)
    selected = driver.execute_script("return govkg.network.getSelectedNodes();")
    assert selected == [node_id(driver, "滨海新区")]


# --- hostile report text ---------------------------------------------------------------------


def test_malicious_labels_render_as_text(driver, evil) -> None:
    views = [evil.html, *sorted((evil.html.parent / f"{evil.report_id}-views").glob("*.html"))]
    assert len(views) >= 3
    for path in views:
        if path.name == "index.html":
            _drain(driver)
            driver.get(path.as_uri())
            time.sleep(0.2)
            body = driver.find_element(By.TAG_NAME, "body").text
            assert "<script>window.__pwned=1" in body or "<img src=x" in body
        else:
            open_view(driver, path)
            assert non_blank_pixels(driver) > 100
        assert_no_script_ran(driver)
        assert driver.execute_script(  # the one script loaded from a file is the folder's copy of vis-network
            "return document.querySelectorAll('img, iframe, object, embed, b, "
            "script[src]:not([src$=\"vis-network.min.js\"])').length") == 0
        assert_clean(driver)

    open_view(driver, evil.html)
    names = driver.execute_script("return govkg.data.nodes.map(function (n) { return n.name; });")
    hostile = [n for n in names if "<img" in n or "<script" in n or "javascript:" in n]
    assert len(hostile) >= 2, names
    details = driver.find_element(By.ID, "govkg-details")
    for name in hostile:
        box = driver.find_element(By.ID, "govkg-search")
        box.clear()
        box.send_keys(name, Keys.ENTER)
        assert name in details.text  # shown as text...
        assert driver.execute_script(  # ...with no element made from it
            "return document.querySelectorAll('#govkg-details img, #govkg-details script, #govkg-details b').length"
        ) == 0
        text = hover(driver, driver.execute_script("return govkg.network.getSelectedNodes()[0];"))
        assert name in text
        # innerText turns line breaks into <br>; nothing else may appear
        assert driver.execute_script(
            "return Array.from(document.querySelectorAll('.vis-tooltip *')).filter(function (e) "
            "{ return e.tagName !== 'BR'; }).length") == 0
        assert_no_script_ran(driver)
    # the district whose evidence sentences carry <img onerror> and <b onmouseover>
    text = hover(driver, node_id(driver, "滨海新区"))
    assert "<img src=x onerror=window.__pwned=4>" in text
    assert_no_script_ran(driver)
    assert driver.title.startswith("2023年天津市")
    assert_clean(driver)


# --- report pages, place pages, the corpus index ------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from govkg.build import BUNDLED_REPORT
    from govkg.corpus import build_corpus

    folder = tmp_path_factory.mktemp("browser-corpus")
    evil = folder / "tianjin-2023-evil.txt"
    evil.write_text(EVIL_REPORT, encoding="utf-8")
    result = build_corpus([BUNDLED_REPORT, evil], folder / "out", html=False)
    assert not result.failures
    return result


def open_page(drv, path: Path, screenshot: str | None = None) -> None:
    _drain(drv)
    drv.get(Path(path).resolve().as_uri())
    assert drv.execute_script("return document.readyState") == "complete"
    if screenshot:
        assert drv.save_screenshot(str(SCREENSHOT.parent / screenshot))
    assert_no_script_ran(drv)
    assert_clean(drv)


def test_report_page_place_page_and_corpus_index_open_offline(driver, corpus) -> None:
    out = corpus.out_dir
    open_page(driver, out / "tianjin-2023-report.html", "tianjin-2023-report.png")
    headings = driver.execute_script("return [...document.querySelectorAll('h2')].map(h => h.id)")
    assert {"targets", "results", "places", "projects", "actions", "text"} <= set(headings)
    # a row's sentence link lands on that sentence of the text
    link = driver.find_element(By.CSS_SELECTOR, "#targets ~ table a.quote")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert driver.execute_script("return location.hash") == "#" + target
    assert driver.execute_script(f"return document.getElementById('{target}').matches(':target')")
    # the places list leads to the place page, which holds the place's own targets
    driver.find_element(By.LINK_TEXT, "滨海新区").click()
    assert driver.current_url.endswith("tianjin-2023-places/120116.html")
    open_page(driver, out / "tianjin-2023-places" / "120116.html", "tianjin-2023-place-binhai.png")
    assert "滨海新区" in driver.find_element(By.TAG_NAME, "h1").text
    open_page(driver, out / "corpus-index.html", "corpus-index.png")
    pages = [a.get_attribute("href") for a in driver.find_elements(By.LINK_TEXT, "report page")]
    assert len(pages) == 2 and all(Path(p[len("file://"):]).is_file() for p in pages)


def test_a_hostile_report_page_shows_the_text_and_runs_nothing(driver, corpus) -> None:
    open_page(driver, corpus.out_dir / "tianjin-2023-evil-report.html")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.__pwned=1" in body
    assert driver.execute_script("return document.querySelectorAll('img, iframe, object, embed, b, script').length") == 0
