"""The staff quick guides (issue 18, item 3), in English and Arabic, printed to PDF as a reader would print them.

Signed out (a trainer prints them before accounts exist): open Help from the header, open each guide, print it with
headless Chromium's print-to-PDF on A4 paper, and check the PDF with poppler's pdfinfo and pdftotext: exactly one
A4 page, and the guide's title and every section heading in its text, in the page's language. Then the same in
Arabic after the language switch. The PDFs and screenshots go to the artifacts folder.

Run: SANAD_BIN=/path/to/sanad python -m pytest -q e2e/test_staff_guides.py
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import REPO_ROOT, SanadServer
from test_first_start import assert_arabic, click_and_wait, shot, visit, wait_arabic

GUIDES = json.loads((REPO_ROOT / "Sources/SanadWeb/Resources/guides.json").read_text(encoding="utf-8"))
A4_POINTS = (595, 842)


def squeeze(text: str) -> str:
    """Text as comparable letters: Arabic presentation forms folded (NFKC); spaces, tatweel, vowel marks, quotes and
    bidi controls out; and alef and lam out too, because pdftotext writes the lam-alef ligature back as alef-lam."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u0640\u064b-\u065f\u200e\u200f\u202a-\u202e\u2066-\u2069«»\"\u0627\u0644]+", "", folded)


def pdf_of(driver: WebDriver, out: Path) -> Path:
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    options.background = False
    out.write_bytes(base64.b64decode(driver.print_page(options)))
    return out


def pdf_pages(pdf: Path) -> tuple[int, tuple[int, int]]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (round(float(size.group(1))), round(float(size.group(2))))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdfinfo) is not installed")
def test_staff_guides_print_on_one_a4_page_in_both_languages(
    sanad_server: SanadServer, browser: WebDriver, artifacts: Path
) -> None:
    visit(browser, sanad_server, "/signin")
    for lang in ("en", "ar"):
        if lang == "ar":
            click_and_wait(browser, sanad_server, "#lang-ar", "/help")
            wait_arabic(browser)
        click_and_wait(browser, sanad_server, "#nav-help", "/help")
        for name, versions in GUIDES.items():
            guide = versions[lang]
            click_and_wait(browser, sanad_server, f"#guide-{name}", f"/help/{name}")
            if lang == "ar":
                assert_arabic(browser)
            assert browser.find_element(By.TAG_NAME, "h1").text == guide["title"]
            shot(browser, artifacts, f"guide-{name}-{lang}")
            pdf = pdf_of(browser, artifacts / f"guide-{name}-{lang}.pdf")
            pages, size = pdf_pages(pdf)
            assert all(abs(a - b) <= 2 for a, b in zip(size, A4_POINTS)), f"{pdf.name}: {size} pts is not A4"
            assert pages == 1, f"{pdf.name}: {pages} pages; a quick guide must print on one A4 sheet"
            text = squeeze(pdf_text(pdf))
            for heading in [guide["title"]] + [s["heading"] for s in guide["sections"]]:
                assert squeeze(heading) in text, f"{pdf.name}: '{heading}' is not in the printed text"
            # The menus and the language switch are not printed.
            assert squeeze("English") not in text or lang == "en"
            visit(browser, sanad_server, "/help")
