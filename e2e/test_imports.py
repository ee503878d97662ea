"""Bringing in an old register (issue 14), in Arabic and in English.

A supervisor of Khartoum registers one person through the form, then uploads an Excel register (built here with the
standard library: shared nothing, inline strings, an Arabic header) through the import wizard: the columns page
recognises the headers, the preview counts every outcome without changing anything, the import (good rows only)
lands as a batch, the held row is shown beside the registered person and decided as the same person, the report
downloads as CSV with a byte-order mark, and the batch is undone. Screenshots go to the artifacts folder.

Run: SANAD_BIN=/path/to/sanad python -m pytest -q e2e/test_imports.py
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import test_case_flow as cf
import test_first_start as ui
from conftest import SanadServer, create_user
from test_reports import fetch

PASSWORD = "Sanad-e2e-imports-passphrase"
ADMIN, SUPERVISOR = "admin-imports", "sup-imports"
UUID = r"[0-9a-fA-F-]{36}"
PERSON_PATH = re.compile(rf"/people/{UUID}")
PENDING = re.compile(rf"/imports/pending/{UUID}")
BATCH = re.compile(rf"/imports/{UUID}")
ROWS = [
    ["الاسم", "Sex", "Age", "Nationality", "Registered by"],
    ["Yohanes Gebremedhin", "M", "31", "Eritrean", "Amal"],
    ["مريم إدريس آدم", "F", "22", "سودانية", "Amal"],
    ["Hawa Ali", "F", "", "Atlantis", "Amal"],
]


def xlsx(rows: list[list[str]], path: Path) -> None:
    """A minimal workbook: one sheet, every cell an inline string."""
    def column(i: int) -> str:
        return chr(ord("A") + i)

    sheet_rows = "".join(
        f'<row r="{r + 1}">'
        + "".join(
            f'<c r="{column(c)}{r + 1}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for c, v in enumerate(row) if v
        )
        + "</row>"
        for r, row in enumerate(rows)
    )
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        f'xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def counts(d: WebDriver) -> dict[str, str]:
    terms = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#import-counts dt")]
    values = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#import-counts dd")]
    return dict(zip(terms, values))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_import_wizard(
    sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str, tmp_path: Path
) -> None:
    server, d = sanad_server, browser
    t = cf.catalogue(language)
    create_user(server, SUPERVISOR, "supervisor", "SD01", PASSWORD)
    ui.visit(d, server, server.setup_url)
    ui.fill(d, "username", ADMIN)
    ui.fill(d, "password", PASSWORD)
    ui.fill(d, "password_confirm", PASSWORD)
    ui.click_and_wait(d, server, "#submit", "/signin")
    if language == "ar":
        ui.click_and_wait(d, server, "#lang-ar", "/signin")
        ui.wait_arabic(d)
    ui.sign_in(d, server, SUPERVISOR, PASSWORD)

    ui.visit(d, server, "/people/new")
    ui.fill(d, "name_original", "Yohannes Gebremedhin Tesfay")
    ui.select(d, "sex", "Masculine")
    ui.fill(d, "age_estimate", "30")
    ui.select(d, "nationality", "ERI")
    ui.check(d, "#consent_interview")
    ui.click_and_wait(d, server, "#submit", PERSON_PATH)
    registered = ui.path_of(d)

    # Upload: the nav leads to the wizard; a workbook goes up with the plain form.
    ui.click_and_wait(d, server, "#nav-imports", "/imports")
    register = tmp_path / "register.xlsx"
    xlsx(ROWS, register)
    d.find_element(By.ID, "import-file").send_keys(str(register))
    ui.click_and_wait(d, server, "#import-upload-button", PENDING)
    pending = ui.path_of(d)
    chosen = [e.get_attribute("value") for e in d.find_elements(By.CSS_SELECTOR, "#import-columns select")]
    assert chosen == ["name_original", "sex", "age_estimate", "nationality", "notes"], f"columns: {chosen}"
    if language == "ar":
        ui.assert_arabic(d)
    ui.shot(d, artifacts, f"imports-{language}-1-columns")

    # Preview: every outcome counted, nothing changed yet.
    ui.click_and_wait(d, server, "#import-preview-button", pending + "/preview")
    seen = counts(d)
    assert seen.get(t["import.outcome.held-for-review"]) == "1", f"counts: {seen}"
    assert seen.get(t["import.outcome.imported"]) == "1", f"counts: {seen}"
    assert seen.get(t["import.outcome.rejected"]) == "1", f"counts: {seen}"
    ui.shot(d, artifacts, f"imports-{language}-2-preview")

    # Import the good rows; the batch page lists the held row.
    ui.check(d, "#import_good_rows")
    ui.click_and_wait(d, server, "#import-run-button", BATCH)
    batch = ui.path_of(d)
    held = d.find_elements(By.CSS_SELECTOR, f'#held + .import-rows a[href^="{batch}/rows/"]')
    assert len(held) == 1, f"held rows: {[a.get_attribute('href') for a in held]}{ui.where(d)}"
    ui.shot(d, artifacts, f"imports-{language}-3-batch")
    status, headers, body = fetch(d, server.url(batch + "/report.csv"))
    assert status == 200 and body.startswith(b"\xef\xbb\xbfrow,outcome,person_id,reason"), body[:80]
    assert b"4,rejected,,Nationality: unknown nationality" in body

    # Review: the row beside the registered person, decided as the same person.
    ui.click_and_wait(
        d, server, f'#held + .import-rows a[href^="{batch}/rows/"]', re.compile(re.escape(batch) + r"/rows/\d+")
    )
    assert "Yohannes Gebremedhin Tesfay" in d.find_element(By.ID, "candidate").text
    assert "Yohanes Gebremedhin" in d.find_element(By.ID, "held-row").text
    if language == "ar":
        ui.assert_arabic(d)
    ui.shot(d, artifacts, f"imports-{language}-4-review")
    ui.click_and_wait(d, server, "#decide-same", batch)
    ui.visit(d, server, registered)
    assert "Yohanes Gebremedhin" in d.find_element(By.TAG_NAME, "main").text, f"the alias is not on the person{ui.where(d)}"

    # Undo: behind a disclosure; afterwards the batch says so and the alias is gone.
    ui.visit(d, server, batch)
    cf.open_details(d, "#import-undo")
    ui.click_and_wait(d, server, "#import-undo-button", batch)
    assert d.find_elements(By.ID, "batch-undone"), f"not undone{ui.where(d)}"
    ui.shot(d, artifacts, f"imports-{language}-5-undone")
    ui.visit(d, server, registered)
    assert "Yohanes Gebremedhin" not in d.find_element(By.TAG_NAME, "main").text
