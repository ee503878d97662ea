"""Duplicate detection at registration, across scripts, in Arabic and in English; merge and undo by a supervisor."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import SanadServer, create_user
from test_first_start import check, click_and_wait, fill, path_of, select, shot, sign_in, sign_out, visit, wait_arabic, where

PASSWORD = "Sanad-e2e-duplicates-passphrase"
UUID = r"[0-9a-fA-F-]{36}"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_registration_shows_duplicates_across_scripts(sanad_server: SanadServer, browser: WebDriver, artifacts, language: str) -> None:
    server, d = sanad_server, browser
    create_user(server, "cw-dup", "caseworker", "SD12", PASSWORD)
    create_user(server, "sup-dup", "supervisor", "SD12", PASSWORD)
    visit(d, server, "/signin")
    if language == "ar":
        click_and_wait(d, server, "#lang-ar", "/signin")
    sign_in(d, server, "cw-dup", PASSWORD)
    if language == "ar":
        wait_arabic(d)

    # The first registration, in Ge'ez script with a date of birth: no candidates, so it saves at once.
    visit(d, server, "/people/new")
    fill(d, "name_original", "ተስፋይ ገብረማርያም")
    select(d, "sex", "Masculine")
    fill(d, "age_estimate", "31")
    select(d, "nationality", "ERI")
    check(d, "#consent_interview")
    click_and_wait(d, server, "#submit", re.compile(rf"^/people/{UUID}$"))
    first = path_of(d)

    # The same man again, in Latin script with another spelling: the form shows him before saving anything.
    visit(d, server, "/people/new")
    fill(d, "name_original", "Tesfaye G/Mariam")
    select(d, "sex", "Masculine")
    fill(d, "age_estimate", "30")
    select(d, "nationality", "ERI")
    check(d, "#consent_interview")
    click_and_wait(d, server, "#submit", "/people/new")  # the warning is a page of its own (post, redirect, get)
    panel = d.find_elements(By.ID, "possible-duplicates")
    assert panel, f"no possible duplicates shown for a cross-script re-registration{where(d)}"
    links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "#possible-duplicates a.duplicate-link")]
    assert any(first in (h or "") for h in links), f"the existing record is not offered: {links}{where(d)}"
    shot(d, artifacts, f"duplicates-{language}-1-registration")

    # Registering anyway is a deliberate choice.
    click_and_wait(d, server, "#submit", re.compile(rf"^/people/{UUID}$"))
    second = path_of(d)
    assert second != first
    sign_out(d, server)

    # A supervisor sees the pair on the record, merges, and undoes the merge.
    sign_in(d, server, "sup-dup", PASSWORD)
    visit(d, server, first)
    assert d.find_elements(By.ID, "duplicates"), f"no duplicates section for the supervisor{where(d)}"
    merge_buttons = d.find_elements(By.CSS_SELECTOR, f'#duplicates form[action="{first}/merge"] button')
    assert merge_buttons, f"no merge button{where(d)}"
    merge_buttons[0].click()
    click_wait_path(d, first)
    assert d.find_elements(By.ID, "merged-records"), f"the survivor does not list the merged record{where(d)}"
    shot(d, artifacts, f"duplicates-{language}-2-merged")
    visit(d, server, second)
    assert d.find_elements(By.ID, "merged-banner"), f"the merged record does not say where it went{where(d)}"
    click_and_wait(d, server, "#unmerge", second)
    assert not d.find_elements(By.ID, "merged-banner"), f"undo did not restore the record{where(d)}"


def click_wait_path(d: WebDriver, path: str) -> None:
    """After a click on a button with no id: wait for the notice the merge redirect shows."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(d, 20).until(lambda drv: path_of(drv) == path and "merged=1" in drv.current_url)
    WebDriverWait(d, 20).until(lambda drv: drv.find_elements(By.ID, "merged-records"))
