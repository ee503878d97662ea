"""People search with the identity engine (issue 17): one name in five spellings and three scripts finds the same
people, in Arabic and in English, each result saying why it came up; narrowing by age keeps the oldest."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import SanadServer, create_user
from test_first_start import check, click_and_wait, fill, path_of, search, select, shot, sign_in, visit, wait_arabic, where

PASSWORD = "Sanad-e2e-search-passphrase"
UUID = r"[0-9a-fA-F-]{36}"
ARABIC = re.compile(r"[\u0600-\u06FF]")


def register(d: WebDriver, server: SanadServer, name: str, age: str) -> str:
    visit(d, server, "/people/new")
    fill(d, "name_original", name)
    select(d, "sex", "Masculine")
    fill(d, "age_estimate", age)
    select(d, "nationality", "SDN")
    check(d, "#consent_interview")
    click_and_wait(d, server, "#submit", re.compile(rf"^/people(/{UUID})?$"))
    # A possible duplicate is shown before saving; registering anyway is a second click.
    if not re.fullmatch(rf"/people/{UUID}", path_of(d)):
        click_and_wait(d, server, "#submit", re.compile(rf"^/people/{UUID}$"))
    return path_of(d)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_one_name_in_every_spelling_and_script(sanad_server: SanadServer, browser: WebDriver, artifacts, language: str) -> None:
    server, d = sanad_server, browser
    create_user(server, "cw-search", "caseworker", "SD12", PASSWORD)
    visit(d, server, "/signin")
    if language == "ar":
        click_and_wait(d, server, "#lang-ar", "/signin")
    sign_in(d, server, "cw-search", PASSWORD)
    if language == "ar":
        wait_arabic(d)
    expected = {
        register(d, server, "Mohamed Ahmed Ali", "30"),
        register(d, server, "محمد عثمان", "25"),
        register(d, server, "ሙሓመድ ሰዒድ", "41"),
        register(d, server, "Muhammad Idris", "62"),
    }
    register(d, server, "Mahmoud Hassan", "35")
    register(d, server, "Amina Yusuf", "22")

    for query in ["Mohamed", "Mohammed", "Muhammad", "محمد", "መሓመድ"]:
        found = {urlparse(href).path for _, href in search(d, server, query)}
        assert found == expected, f"q={query!r} found {sorted(found)}, expected {sorted(expected)}{where(d)}"
        reasons = [cell.text for cell in d.find_elements(By.CSS_SELECTOR, "tr.person-row .why")]
        assert len(reasons) == 4 and all(reasons), f"q={query!r}: a result without its reason: {reasons}{where(d)}"
        if language == "ar":
            assert all(ARABIC.search(r) for r in reasons), f"reasons not in Arabic: {reasons}"
    shot(d, artifacts, f"search-{language}-geez")

    # Narrowed to people over 60 through the folded-away form: only Muhammad Idris.
    visit(d, server, "/people")
    fill(d, "q", "محمد")
    d.find_element(By.CSS_SELECTOR, "#narrow summary").click()
    fill(d, "ageFrom", "60")
    click_and_wait(d, server, "#search-form button[type=submit]", "/people")
    rows = d.find_elements(By.CSS_SELECTOR, "tr.person-row")
    assert len(rows) == 1 and "Muhammad Idris" in rows[0].text, f"narrowing by age: {[r.text for r in rows]}{where(d)}"
    shot(d, artifacts, f"search-{language}-narrowed")
