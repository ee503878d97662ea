"""Documents and the case file (issue 15), in Arabic and in English.

A caseworker of Khartoum (from the CLI) registers a person, attaches a PDF to her record and a photo carrying
location metadata to her case through the plain upload forms, sees both listed, downloads them with the browser's
session (the PDF comes back byte for byte, the photo without its EXIF), and prints the case file with headless
Chromium's print-to-PDF on A4; poppler's pdftotext must find her name in its own script and the file's section
headings in the page's language. Screenshots and PDFs go to the artifacts folder.

Run: SANAD_BIN=/path/to/sanad python -m pytest -q e2e/test_documents.py
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import test_case_flow as cf
import test_first_start as ui
from conftest import SanadServer, create_user
from test_reports import fetch
from test_staff_guides import pdf_of, pdf_pages, pdf_text, squeeze

PASSWORD = "Sanad-e2e-documents-passphrase"
ADMIN, CASEWORKER = "admin-docs", "cw-docs"
UUID = r"[0-9a-fA-F-]{36}"
PERSON_PATH = re.compile(rf"/people/{UUID}")
NAME = {"ar": "هبة عبد الرحمن", "en": "Heba Abdelrahman"}
CAPTION = {"ar": "صفحة الجواز الأولى", "en": "Passport, first page"}


def pdf_bytes(marker: str) -> bytes:
    return b"%PDF-1.4\n% " + marker.encode() + b"\n" + bytes((i * 31 + 7) % 256 for i in range(50_000)) + b"\n%%EOF\n"


def jpeg_with_gps() -> tuple[bytes, bytes]:
    """A JPEG with an EXIF segment (a GPS position) and a comment; and what must remain of it."""
    def segment(marker: int, payload: bytes) -> bytes:
        return bytes([0xFF, marker, (len(payload) + 2) >> 8, (len(payload) + 2) & 0xFF]) + payload
    jfif = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    scan = segment(0xDA, bytes([1, 1, 0, 0, 0x3F, 0])) + bytes(i % 200 for i in range(4000)) + b"\xff\xd9"
    photo = b"\xff\xd8" + jfif + segment(0xE1, b"Exif\x00\x00GPSLatitude 15.5007N") + segment(0xFE, b"safe house") + scan
    return photo, b"\xff\xd8" + jfif + scan


def attach(d: WebDriver, server: SanadServer, path: Path, kind: str, caption: str, back: re.Pattern) -> None:
    cf.choose(d, "#attachment-form", "kind", kind)
    cf.type_in(d, "#attachment-form", "caption", caption)
    d.find_element(By.ID, "attachment-file").send_keys(str(path))
    ui.click_and_wait(d, server, "#attach", back)
    cf.no_error(d)


def listed(d: WebDriver) -> list[tuple[str, str]]:
    return [(a.text, a.get_attribute("href")) for a in d.find_elements(By.CSS_SELECTOR, "#attachment-list a")]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdfinfo) is not installed")
@pytest.mark.parametrize("language", ["ar", "en"])
def test_documents_and_case_file(
    sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str, tmp_path: Path
) -> None:
    server, d = sanad_server, browser
    create_user(server, CASEWORKER, "caseworker", "SD01", PASSWORD)
    ui.visit(d, server, server.setup_url)
    ui.fill(d, "username", ADMIN)
    ui.fill(d, "password", PASSWORD)
    ui.fill(d, "password_confirm", PASSWORD)
    ui.click_and_wait(d, server, "#submit", "/signin")
    if language == "ar":
        ui.click_and_wait(d, server, "#lang-ar", "/signin")
        ui.wait_arabic(d)
    ui.sign_in(d, server, CASEWORKER, PASSWORD)

    ui.visit(d, server, "/people/new")
    ui.fill(d, "name_original", NAME[language])
    ui.select(d, "sex", "Feminine")
    ui.fill(d, "age_estimate", "31")
    ui.check(d, "#consent_interview")
    ui.click_and_wait(d, server, "#submit", PERSON_PATH)
    person_path = ui.path_of(d)

    # A PDF on her record, named in Arabic in the Arabic run.
    document = tmp_path / ("جواز-سفر.pdf" if language == "ar" else "passport.pdf")
    content = pdf_bytes(f"DOC-{language}")
    document.write_bytes(content)
    attach(d, server, document, "identity-document", CAPTION[language], re.compile(re.escape(person_path)))
    items = listed(d)
    assert [name for name, _ in items] == [document.name], f"listed: {items}{ui.where(d)}"
    assert CAPTION[language] in d.find_element(By.ID, "attachment-list").text
    if language == "ar":
        ui.assert_arabic(d)
    ui.shot(d, artifacts, f"documents-{language}-1-person")
    status, headers, body = fetch(d, items[0][1])
    assert status == 200 and body == content, f"download: {status}, {len(body)} bytes of {len(content)}"
    assert headers.get("Content-Disposition", "").startswith("attachment;"), headers.get("Content-Disposition")
    assert headers.get("X-Content-Type-Options") == "nosniff"

    # A photo on her case; it comes back without where it was taken.
    ui.click_and_wait(d, server, "#person-cases", f"{person_path}/cases")
    cf.submit(d, server, "#open-case", cf.CASE_PATH)
    case_path = ui.path_of(d)
    photo, stripped = jpeg_with_gps()
    picture = tmp_path / "injury.jpg"
    picture.write_bytes(photo)
    attach(d, server, picture, "photo", "", re.compile(re.escape(case_path)))
    items = listed(d)
    assert [name for name, _ in items] == ["injury.jpg"], f"listed on the case: {items}{ui.where(d)}"
    status, _, body = fetch(d, items[0][1])
    assert status == 200 and body == stripped, f"the photo came back as {len(body)} bytes, GPS kept: {b'GPS' in body}"
    ui.shot(d, artifacts, f"documents-{language}-2-case")

    # A file that is not what its name says is refused in the page's language, and nothing is listed.
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    cf.choose(d, "#attachment-form", "kind", "other")
    d.find_element(By.ID, "attachment-file").send_keys(str(fake))
    ui.click_and_wait(d, server, "#attach", re.compile(re.escape(case_path) + "(/attachments)?"), allow_error_page=True)
    assert d.find_elements(By.CSS_SELECTOR, ".error-summary"), f"no refusal{ui.where(d)}"
    if language == "ar":
        ui.assert_arabic(d)
    ui.visit(d, server, case_path)
    assert len(listed(d)) == 1

    # The case file, printed to PDF: her name in its script, the sections in the page's language, no forms.
    ui.click_and_wait(d, server, "#case-file", case_path + "/file")
    assert not d.find_elements(By.CSS_SELECTOR, "#main form"), f"the case file has forms{ui.where(d)}"
    headings = [h.text.strip() for h in d.find_elements(By.CSS_SELECTOR, "section.file-section > h2")]
    assert len(headings) >= 9, f"sections: {headings}"
    ui.shot(d, artifacts, f"documents-{language}-3-case-file")
    pdf = pdf_of(d, artifacts / f"case-file-{language}.pdf")
    pages, size = pdf_pages(pdf)
    # A4 is 595.28 × 841.89 pt; Chromium rounds the width either way depending on the content.
    assert abs(size[0] - 595) <= 1 and abs(size[1] - 842) <= 1 and pages >= 1, f"{pages} pages of {size}"
    # Brackets around Latin inside Arabic come out mirrored from pdftotext ("(AVRR)" as ")AVRR"): left out.
    def letters(value: str) -> str:
        return re.sub(r"[()]", "", squeeze(value))

    text = letters(pdf_text(pdf))
    assert letters(NAME[language]) in text, f"{NAME[language]!r} not in the PDF text"
    missing = [h for h in headings if letters(h) not in text]
    assert not missing, f"sections not in the PDF: {missing}"
    assert letters(document.name.rsplit(".", 1)[0]) in text, "the attachment list is not in the case file"
