"""Staff never lose their work, and the daily pages are safe to use (issue 20), in Arabic and in English.

The administrator (through the setup link) adds a partner; a caseworker and a supervisor of Khartoum come from the
CLI. In the browser, as the caseworker:
- finding 9: the Register button is sent twice at once; one person is made and the page is hers;
- finding 1: the session cookie is dropped (an ended session) while a second registration is being typed; sending
  it shows the sign-in page, signing in shows what was kept, Send registers her; a person page opened while
  signed out is where sign-in lands;
- finding 7: a referral sent without consent comes back with partner, service, urgency and note as typed; ticking
  consent in the referral form sends it;
- finding 6: a trafficking confirmation is asked for; the supervisor's "my work" shows it first, with her name.
Screenshots daily-<lang>-*.png go to the artifacts folder.

Run: SANAD_BIN=/path/to/sanad python -m pytest -q e2e/test_daily_work.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

import test_case_flow as cf
import test_first_start as ui
from conftest import SanadServer, create_user

PASSWORD = "Sanad-e2e-daily-passphrase"
ADMIN, CASEWORKER, SUPERVISOR = "admin-daily", "cw-daily", "sup-daily"
UUID = r"[0-9a-fA-F-]{36}"
PERSON_PATH = re.compile(rf"/people/{UUID}")
FIRST = {"ar": "سلمى إدريس", "en": "Salma Idris"}
SECOND = {"ar": "مريم جابر", "en": "Mariam Jaber"}
PARTNER = {"ar": "منظمة النور", "en": "Nour Aid"}
NOTE = {"ar": "تحتاج محامياً قبل الجلسة", "en": "Needs a lawyer before the hearing"}


def switch_user(d: WebDriver, server: SanadServer, username: str) -> None:
    if d.find_elements(By.ID, "signout"):
        ui.sign_out(d, server)
    ui.sign_in(d, server, username, PASSWORD)


def register_form(d: WebDriver, server: SanadServer, name: str) -> None:
    ui.visit(d, server, "/people/new")
    ui.fill(d, "name_original", name)
    ui.select(d, "sex", "Feminine")
    ui.fill(d, "age_estimate", "26")
    ui.check(d, "#consent_interview")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_daily_work(sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str) -> None:
    server, d = sanad_server, browser
    create_user(server, CASEWORKER, "caseworker", "SD01", PASSWORD)
    create_user(server, SUPERVISOR, "supervisor", "SD01", PASSWORD)

    ui.visit(d, server, server.setup_url)
    ui.fill(d, "username", ADMIN)
    ui.fill(d, "password", PASSWORD)
    ui.fill(d, "password_confirm", PASSWORD)
    ui.click_and_wait(d, server, "#submit", "/signin")
    if language == "ar":
        ui.click_and_wait(d, server, "#lang-ar", "/signin")
        ui.wait_arabic(d)
    ui.sign_in(d, server, ADMIN, PASSWORD)
    ui.visit(d, server, "/partners")
    cf.type_in(d, "#partner-form", "name", PARTNER[language])
    cf.choose(d, "#partner-form", "type", "NGO")
    cf.tick(d, '#partner-form input[name=services][value="legal-aid"]')
    cf.tick(d, '#partner-form input[name=states][value="SD01"]')
    cf.submit(d, server, "#save-partner", "/partners")
    switch_user(d, server, CASEWORKER)

    # Finding 9: two submissions of one registration form make one person, and the page shown is hers.
    register_form(d, server, FIRST[language])
    d.execute_script("const f = document.querySelector('form[action=\"/people\"]'); f.requestSubmit(); f.requestSubmit();")
    WebDriverWait(d, ui.WAIT).until(lambda drv: PERSON_PATH.fullmatch(ui.path_of(drv)) is not None)
    person_path = ui.path_of(d)
    assert FIRST[language] in d.find_element(By.ID, "person-name").text, f"not her page{ui.where(d)}"
    ui.visit(d, server, "/people")
    found = [a.text for a in d.find_elements(By.CSS_SELECTOR, "#main table a") if FIRST[language] in a.text]
    assert len(found) == 1, f"{len(found)} people named {FIRST[language]!r} after a double submission{ui.where(d)}"
    ui.shot(d, artifacts, f"daily-{language}-1-registered-once")

    # Finding 1: the session ends while the second registration is typed; nothing typed is lost.
    register_form(d, server, SECOND[language])
    d.delete_cookie("sanad_session")
    ui.click_and_wait(d, server, "#submit", "/people", allow_error_page=True)
    assert d.find_elements(By.NAME, "resume_action"), f"the sign-in page does not keep the form{ui.where(d)}"
    if language == "ar":
        ui.assert_arabic(d)
    ui.shot(d, artifacts, f"daily-{language}-2-session-ended")
    ui.fill(d, "username", CASEWORKER)
    ui.fill(d, "password", PASSWORD)
    ui.click_and_wait(d, server, "#submit", "/signin")
    ui.shot(d, artifacts, f"daily-{language}-3-send-kept")
    ui.click_and_wait(d, server, "#resume-send", re.compile(rf"/people/(new|{UUID})"))
    if ui.path_of(d) == "/people/new":
        # The duplicate check may ask first; the kept registration goes on from there.
        ui.click_and_wait(d, server, "#submit", PERSON_PATH)
    assert PERSON_PATH.fullmatch(ui.path_of(d)), f"the kept registration did not land on a person{ui.where(d)}"
    assert SECOND[language] in d.find_element(By.ID, "person-name").text, f"not the kept person{ui.where(d)}"

    d.delete_cookie("sanad_session")
    ui.visit(d, server, person_path)
    assert ui.path_of(d) == "/signin", f"a signed-out page did not ask to sign in{ui.where(d)}"
    ui.fill(d, "username", CASEWORKER)
    ui.fill(d, "password", PASSWORD)
    ui.click_and_wait(d, server, "#submit", person_path)

    # Finding 7: a referral refused for want of consent keeps what was typed; consent is recorded in place.
    ui.click_and_wait(d, server, "#person-cases", f"{person_path}/cases")
    cf.submit(d, server, "#open-case", cf.CASE_PATH)
    case_path = ui.path_of(d)
    partner_id = next(
        o.get_attribute("value")
        for o in Select(cf.in_form(d, "#referral-form", "partner")).options
        if o.text == PARTNER[language]
    )
    cf.choose(d, "#referral-form", "partner", partner_id)
    cf.choose(d, "#referral-form", "service", "legal-aid")
    cf.choose(d, "#referral-form", "urgency", "urgent")
    cf.type_in(d, "#referral-form", "note", NOTE[language])
    ui.click_and_wait(d, server, "#send-referral", case_path + "/referrals", allow_error_page=True)
    kept = Select(cf.in_form(d, "#referral-form", "partner")).first_selected_option.get_attribute("value")
    assert kept == partner_id, f"the partner was cleared{ui.where(d)}"
    assert Select(cf.in_form(d, "#referral-form", "urgency")).first_selected_option.get_attribute("value") == "urgent"
    assert cf.in_form(d, "#referral-form", "note").get_attribute("value") == NOTE[language], "the note was cleared"
    ui.shot(d, artifacts, f"daily-{language}-4-referral-kept")
    cf.tick(d, "#referral-form input[name=consent_now]")
    cf.submit(d, server, "#send-referral", case_path)
    assert PARTNER[language] in cf.section_text(d, "referrals"), f"the referral was not sent{ui.where(d)}"

    # Finding 19: the person's page opens with where they stand: the case (a link to it) and the open referral.
    ui.visit(d, server, person_path)
    summary = d.find_element(By.ID, "person-summary")
    assert PARTNER[language] in summary.text, f"the open referral is not in the summary: {summary.text!r}"
    assert summary.find_element(By.ID, "summary-case").get_attribute("href").endswith(case_path), \
        f"the summary does not link the case{ui.where(d)}"
    ui.shot(d, artifacts, f"daily-{language}-6-person-summary")
    ui.visit(d, server, case_path)

    # Finding 6: the supervisor's own work starts with the approval, and names her.
    cf.choose(d, "#confirmation-form", "subject", "ActualVictimOfTrafficking")
    cf.submit(d, server, "#request-confirmation", case_path)
    switch_user(d, server, SUPERVISOR)
    ui.visit(d, server, "/work")
    first_row = d.find_element(By.CSS_SELECTOR, "#main table tbody tr").text
    approval = "موافقة" if language == "ar" else "Approval"
    assert approval in first_row, f"the first item is not the approval: {first_row!r}{ui.where(d)}"
    assert FIRST[language] in first_row, f"the approval does not name her: {first_row!r}{ui.where(d)}"
    ui.shot(d, artifacts, f"daily-{language}-5-supervisor-work")
