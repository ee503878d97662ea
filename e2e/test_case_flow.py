"""One person through the whole case flow in the browser, in Arabic and in English.

The product issue: "one person can be taken in the browser from registration through screening, care plan,
approval, services, a shelter stay, a referral answered by a partner account, and an AVRR return to closure".

The administrator (made through the one-time setup link) adds a partner organisation, a shelter with two beds and
the partner's focal-point account; a caseworker and a supervisor of Khartoum (SD01) come from the CLI. Then, all
through pages, forms and buttons: the caseworker registers a woman, starts a screening, opens a case, assesses it,
plans a need and submits the plan; the supervisor approves; the caseworker records a service, checks her in to a
bed and out again (the nights become a safe-accommodation service), records consent and refers her to the partner;
the focal point sees only what was shared, accepts and completes; the caseworker asks for a voluntary return and
walks it step by step to its end (a skipped step is refused), moves the case to follow-up and asks to close it;
the supervisor approves the closure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select

from conftest import REPO_ROOT, SanadServer, create_user
import test_first_start as ui

PASSWORD = "Sanad-e2e-case-flow-passphrase"
ADMIN, CASEWORKER, SUPERVISOR, FOCAL_POINT = "admin-flow", "cw-flow", "sup-flow", "partner-flow"
UUID = r"[0-9a-fA-F-]{36}"
CASE_PATH = re.compile(rf"/cases/{UUID}")

PERSON = {"ar": "فاطمة آدم", "en": "Fatima Adam"}
PARTNER = {"ar": "منظمة الأمل للعون القانوني", "en": "Hope Legal Aid"}
SHELTER = {"ar": "دار الأمان", "en": "Safe House Khartoum"}

# What the pages must say, written out here rather than read from the catalogue so that a wrong translation fails.
EXPECT = {
    "en": {
        "assessed": "Assessed", "plan-approved": "Care plan approved", "assistance": "Assistance",
        "follow-up": "Follow-up", "closed": "Closed", "safe-accommodation": "Safe accommodation", "nights": "nights",
        "completed": "Completed", "sent": "Sent", "request": "Request", "return-closed": "Closed",
        "returned-home": "Returned home", "htcds-follow-up": "Follow-up", "htcds-closed": "Closed",
    },
    "ar": {
        "assessed": "مُقيَّمة", "plan-approved": "خطة الرعاية معتمدة", "assistance": "تقديم المساعدة",
        "follow-up": "المتابعة", "closed": "مغلقة", "safe-accommodation": "إيواء آمن", "nights": "ليالٍ",
        "completed": "مكتملة", "sent": "مُرسلة", "request": "الطلب", "return-closed": "مغلقة",
        "returned-home": "عاد إلى بلده", "htcds-follow-up": "متابعة", "htcds-closed": "مغلقة",
    },
}

RETURN_STEPS = [
    "eligibility", "counselling", "risk-assessment", "travel-documents", "fit-to-travel", "departure-booked",
    "departed", "received", "reintegration-plan", "reintegration-assistance", "monitoring-visits", "closed",
]


def catalogue(language: str) -> dict[str, str]:
    """The interface texts, for labels the test only needs to find (step names, section labels)."""
    path = REPO_ROOT / "Sources" / "SanadWeb" / "Resources" / f"{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# helpers for pages with several forms (the case page has a "partner", "service", "date" … in more than one form)


def in_form(d: WebDriver, form: str, name: str):
    found = d.find_elements(By.CSS_SELECTOR, f'{form} [name="{name}"]')
    assert found, f"no field {name!r} in {form}{ui.where(d)}"
    return found[0]


def choose(d: WebDriver, form: str, name: str, value: str) -> None:
    field = in_form(d, form, name)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    Select(field).select_by_value(value)


def type_in(d: WebDriver, form: str, name: str, value: str) -> None:
    field = in_form(d, form, name)
    field.clear()
    field.send_keys(value)
    assert field.get_attribute("value") == value, f"{form} {name} holds {field.get_attribute('value')!r}"


def open_details(d: WebDriver, css: str) -> None:
    """Opens a disclosure that keeps an ending action apart (issue 20, finding 10) by clicking its summary."""
    summary = d.find_element(By.CSS_SELECTOR, f"{css} > summary")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", summary)
    summary.click()
    assert d.find_element(By.CSS_SELECTOR, css).get_attribute("open") is not None, f"{css} did not open{ui.where(d)}"


def set_value(d: WebDriver, form: str, name: str, value: str) -> None:
    """For date inputs, whose typing order depends on the browser's locale."""
    field = in_form(d, form, name)
    d.execute_script("arguments[0].value = arguments[1];", field, value)
    assert field.get_attribute("value") == value, f"{form} {name} holds {field.get_attribute('value')!r}"


def tick(d: WebDriver, css: str) -> None:
    box = d.find_element(By.CSS_SELECTOR, css)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    ui.check(d, css)


def detail(d: WebDriver, label: str, scope: str = "") -> str:
    """The <dd> that follows the first <dt> with this label (inside `scope`, an XPath prefix)."""
    found = d.find_elements(By.XPATH, f"({scope}//dt[normalize-space()='{label}'])[1]/following-sibling::dd[1]")
    assert found, f"no detail {label!r}{ui.where(d)}"
    return found[0].text.strip()


def section_text(d: WebDriver, section: str) -> str:
    found = d.find_elements(By.ID, section)
    assert found, f"no #{section} section{ui.where(d)}"
    return found[0].text


def no_error(d: WebDriver) -> None:
    errors = d.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert not errors, f"the page shows an error: {errors[0].text!r}{ui.where(d)}"


def submit(d: WebDriver, server: SanadServer, css: str, expected_path) -> None:
    """Clicks a submit button (centred first) and waits for the next page; that page must not show an error."""
    button = d.find_element(By.CSS_SELECTOR, css)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    ui.click_and_wait(d, server, css, expected_path)
    no_error(d)


def switch_user(d: WebDriver, server: SanadServer, username: str, language: str) -> None:
    if d.find_elements(By.ID, "signout"):
        ui.sign_out(d, server)
    ui.sign_in(d, server, username, PASSWORD)
    if language == "ar":
        ui.assert_arabic(d)  # the language is remembered by the browser, across accounts


# --------------------------------------------------------------------------------------------
# the test


@pytest.mark.parametrize("language", ["ar", "en"])
def test_case_flow(sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str) -> None:
    server, d = sanad_server, browser
    started = time.monotonic()
    want = EXPECT[language]
    t = catalogue(language)
    person_name, partner_name = PERSON[language], PARTNER[language]

    create_user(server, CASEWORKER, "caseworker", "SD01", PASSWORD)
    create_user(server, SUPERVISOR, "supervisor", "SD01", PASSWORD)

    # 1. The administrator, through the setup link, in the chosen language.
    ui.visit(d, server, server.setup_url)
    ui.fill(d, "username", ADMIN)
    ui.fill(d, "password", PASSWORD)
    ui.fill(d, "password_confirm", PASSWORD)
    ui.click_and_wait(d, server, "#submit", "/signin")
    if language == "ar":
        ui.click_and_wait(d, server, "#lang-ar", "/signin")
        ui.wait_arabic(d)
    ui.sign_in(d, server, ADMIN, PASSWORD)

    # … adds the partner organisation
    ui.visit(d, server, "/partners")
    type_in(d, "#partner-form", "name", partner_name)
    choose(d, "#partner-form", "type", "NGO")
    tick(d, '#partner-form input[name=services][value="legal-aid"]')
    tick(d, '#partner-form input[name=services][value="mhpss"]')
    tick(d, '#partner-form input[name=states][value="SD01"]')
    submit(d, server, "#save-partner", "/partners")
    assert partner_name in d.find_element(By.ID, "main").text, f"the new partner is not listed{ui.where(d)}"

    # … a shelter with two beds for women and children at Khartoum
    ui.visit(d, server, "/shelters/SD01")
    type_in(d, "#shelter-form", "name", SHELTER[language])
    submit(d, server, "#add-shelter", "/shelters/SD01")
    choose(d, "#beds-form", "shelter", Select(in_form(d, "#beds-form", "shelter")).options[0].get_attribute("value"))
    type_in(d, "#beds-form", "room", "1")
    type_in(d, "#beds-form", "labels", "A1, A2")
    choose(d, "#beds-form", "restriction", "women-and-children")
    submit(d, server, "#add-beds", "/shelters/SD01")
    beds = d.find_element(By.ID, "main").text
    assert "A1" in beds and "A2" in beds, f"the beds are not listed{ui.where(d)}"

    # … and the partner's focal-point account
    ui.visit(d, server, "/admin/users/new")
    ui.fill(d, "username", FOCAL_POINT)
    ui.fill(d, "password", PASSWORD)
    ui.select(d, "role", "partner")
    Select(d.find_element(By.NAME, "partner")).select_by_visible_text(partner_name)
    submit(d, server, "#submit", "/admin/users")
    assert FOCAL_POINT in d.find_element(By.ID, "main").text, f"{FOCAL_POINT} not listed{ui.where(d)}"
    ui.shot(d, artifacts, f"case-flow-{language}-1-admin")

    # 2. The caseworker registers a woman, starts a screening and opens a case.
    switch_user(d, server, CASEWORKER, language)
    ui.visit(d, server, "/people/new")
    ui.fill(d, "name_original", person_name)
    ui.select(d, "sex", "Feminine")
    ui.fill(d, "age_estimate", "29")
    ui.select(d, "nationality", "ERI")
    ui.check(d, "#consent_interview")
    submit(d, server, "#submit", re.compile(rf"/people/{UUID}"))
    person_path = ui.path_of(d)

    ui.click_and_wait(d, server, "#person-screenings", f"{person_path}/screenings")
    ui.select(d, "instrument", "ilo-adult-labour")
    ui.select(d, "language", "tir")
    ui.check(d, "#consent_interview")
    ui.check(d, "#consent_told_purpose")
    submit(d, server, "#submit", re.compile(rf"/screenings/{UUID}"))
    screening_path = ui.path_of(d)
    radio = d.find_element(By.CSS_SELECTOR, 'input[type=radio][name="a:D1.deceived-nature-of-job"][value="yes"]')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", radio)
    radio.click()
    submit(d, server, "#save", screening_path)

    ui.visit(d, server, person_path)
    ui.click_and_wait(d, server, "#person-cases", f"{person_path}/cases")
    submit(d, server, "#open-case", CASE_PATH)
    case_path = ui.path_of(d)
    assert person_name in d.find_element(By.CSS_SELECTOR, ".person-line").text, f"the case does not name her{ui.where(d)}"
    if language == "ar":
        ui.assert_arabic(d)

    submit(d, server, "#assess", case_path)
    assert detail(d, t["case.stage"]) == want["assessed"], f"stage after assessment{ui.where(d)}"

    need = "متابعة طبية للإصابات" if language == "ar" else "Medical follow-up of injuries"
    type_in(d, "#plan-form", "need", need)
    choose(d, "#plan-form", "service", "medical")
    set_value(d, "#plan-form", "due", "2030-01-01")
    submit(d, server, "#add-plan-item", case_path)
    assert need in section_text(d, "plan"), f"the plan item is not shown{ui.where(d)}"
    submit(d, server, "#submit-plan", case_path)
    assert d.find_elements(By.ID, "pending-approval"), f"no pending approval after submitting the plan{ui.where(d)}"
    assert not d.find_elements(By.ID, "decide-form"), "a caseworker must not be offered the approval form"

    # 3. The supervisor approves the plan.
    switch_user(d, server, SUPERVISOR, language)
    ui.visit(d, server, case_path)
    type_in(d, "#decide-form", "comment", "موافق" if language == "ar" else "Agreed")
    submit(d, server, "#approve", case_path)
    assert detail(d, t["case.stage"]) == want["plan-approved"], f"stage after approval{ui.where(d)}"

    # 4. The caseworker records a service, a shelter stay, consent and a referral.
    switch_user(d, server, CASEWORKER, language)
    ui.visit(d, server, case_path)
    choose(d, "#service-form", "type", "food")
    type_in(d, "#service-form", "quantity", "1")
    choose(d, "#service-form", "status", "delivered")
    submit(d, server, "#record-service", case_path)
    assert detail(d, t["case.stage"]) == want["assistance"], f"a delivered service starts assistance{ui.where(d)}"

    bed_options = [o for o in Select(in_form(d, "#checkin-form", "bed")).options if o.get_attribute("value")]
    assert len(bed_options) == 2, f"two free beds expected, got {[o.text for o in bed_options]}{ui.where(d)}"
    choose(d, "#checkin-form", "bed", bed_options[0].get_attribute("value"))
    today = dt.date.fromisoformat(in_form(d, "#checkin-form", "check_in").get_attribute("value"))
    set_value(d, "#checkin-form", "check_in", (today - dt.timedelta(days=3)).isoformat())
    submit(d, server, "#check-in", case_path)
    assert d.find_elements(By.ID, "current-stay"), f"no current stay after check-in{ui.where(d)}"
    # Check-out is behind a disclosure and dated by hand: nothing invites it right after the check-in.
    assert not in_form(d, "#checkout-form", "check_out").get_attribute("value"), "check-out date filled in advance"
    open_details(d, "#checkout-details")
    set_value(d, "#checkout-form", "check_out", today.isoformat())
    submit(d, server, "#check-out", case_path)
    assert not d.find_elements(By.ID, "current-stay"), f"still staying after check-out{ui.where(d)}"
    rows = [r.text for r in d.find_elements(By.CSS_SELECTOR, "#services table tbody tr")]
    stay_rows = [r for r in rows if want["safe-accommodation"] in r]
    assert stay_rows and f"3 {want['nights']}" in stay_rows[0], f"no 3-night safe accommodation: {rows}{ui.where(d)}"

    consent = d.find_elements(By.XPATH, f"//form[@id='consent-form']//label[normalize-space()='{partner_name}']")
    assert consent, f"the partner is not offered for consent{ui.where(d)}"
    partner_id = d.find_element(By.ID, consent[0].get_attribute("for")).get_attribute("value")
    tick(d, f'#consent-form input[name=partners][value="{partner_id}"]')
    submit(d, server, "#save-consent", case_path)
    assert d.find_element(By.CSS_SELECTOR, f'#consent-form input[value="{partner_id}"]').is_selected(), \
        f"consent was not kept{ui.where(d)}"

    choose(d, "#referral-form", "partner", partner_id)
    choose(d, "#referral-form", "service", "legal-aid")
    choose(d, "#referral-form", "urgency", "urgent")
    choose(d, "#referral-form", "reason", Select(in_form(d, "#referral-form", "reason")).options[0].get_attribute("value"))
    ticked = sorted(b.get_attribute("value") for b in d.find_elements(By.CSS_SELECTOR, "#referral-form input[name=shared]")
                    if b.is_selected())
    assert ticked == ["age", "needs", "sex"], f"default shared fields {ticked}"
    needs = "تحتاج مشورة قانونية بشأن وثائقها" if language == "ar" else "Needs legal advice about her documents"
    type_in(d, "#referral-form", "note", needs)
    submit(d, server, "#send-referral", case_path)
    referrals = section_text(d, "referrals")
    assert partner_name in referrals and want["sent"] in referrals, f"the referral is not listed as sent{ui.where(d)}"

    # 5. The partner's focal point answers the referral and sees only what was shared.
    switch_user(d, server, FOCAL_POINT, language)
    ui.visit(d, server, "/referrals")
    links = d.find_elements(By.CSS_SELECTOR, 'main table a[href^="/referrals/"]')
    assert len(links) == 1, f"the focal point should see exactly one referral{ui.where(d)}"
    referral_path = "/referrals/" + links[0].get_attribute("href").rsplit("/referrals/", 1)[1]
    ui.click_and_wait(d, server, 'main table a[href^="/referrals/"]', referral_path)
    page = d.find_element(By.ID, "main").text
    assert person_name not in page, f"the person's name is shown to the partner although not shared{ui.where(d)}"
    for word in person_name.split():
        assert word not in page, f"part of the name ({word!r}) is shown to the partner{ui.where(d)}"
    shared = d.find_element(By.ID, "shared").text
    assert needs in shared and "29" in shared, f"shared fields {shared!r}"
    assert not d.find_elements(By.CSS_SELECTOR, f'a[href="{case_path}"]'), "the partner is offered the case file"
    ui.shot(d, artifacts, f"case-flow-{language}-2-partner")
    for closed_to_partner in (case_path, person_path):  # neither the case file nor the person's record
        ui.visit(d, server, closed_to_partner, allow_error_page=True)
        assert d.find_elements(By.ID, "error-page"), f"the partner may open {closed_to_partner}{ui.where(d)}"
        assert person_name not in d.find_element(By.TAG_NAME, "body").text, f"the name leaks{ui.where(d)}"
    ui.visit(d, server, referral_path)
    submit(d, server, "#accept", referral_path)
    submit(d, server, "#complete", referral_path)
    assert detail(d, t["cf.status"]) == want["completed"], f"referral status after completing{ui.where(d)}"

    # 6. The caseworker sees it completed, and walks a voluntary return to its end.
    switch_user(d, server, CASEWORKER, language)
    ui.visit(d, server, case_path)
    assert want["completed"] in section_text(d, "referrals"), f"the referral is not shown completed{ui.where(d)}"

    ui.click_and_wait(d, server, "#request-return", f"{case_path}/returns")
    choose(d, "#return-form", "country", "ERI")
    type_in(d, "#return-form", "place", "أسمرا" if language == "ar" else "Asmara")
    submit(d, server, "#submit-return", case_path)
    assert detail(d, t["avrr.step"], "//section[@id='avrr']") == want["request"], f"return step{ui.where(d)}"

    # A skipped step is refused: force "departed" into the step list.
    offered = [o.get_attribute("value") for o in Select(in_form(d, "#step-form", "step")).options]
    assert offered[0] == "eligibility" and "departed" not in offered, f"steps offered after the request: {offered}"
    step = in_form(d, "#step-form", "step")
    d.execute_script(
        "const o = document.createElement('option'); o.value = 'departed'; o.textContent = 'departed';"
        "arguments[0].appendChild(o); arguments[0].value = 'departed';", step)
    return_action = d.find_element(By.ID, "step-form").get_attribute("action")
    button = d.find_element(By.ID, "record-step")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    ui.click_and_wait(d, server, "#record-step", re.compile(r"/returns/" + UUID))
    assert return_action.endswith(ui.path_of(d)), f"posted to {return_action}, at {ui.path_of(d)}"
    errors = d.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert errors, f"skipping to departure was not refused{ui.where(d)}"
    refusal = errors[0].text
    assert t["avrr.eligibility"] in refusal and t["avrr.departed"] in refusal, f"refusal text {refusal!r}"
    assert detail(d, t["avrr.step"], "//section[@id='avrr']") == want["request"], f"the step changed{ui.where(d)}"

    ui.visit(d, server, case_path)
    for name in RETURN_STEPS:
        field = in_form(d, "#step-form", "step")
        assert Select(field).first_selected_option.get_attribute("value") == name, \
            f"next step offered is {Select(field).first_selected_option.get_attribute('value')!r}, expected {name!r}"
        if name == "travel-documents":
            type_in(d, "#step-form", "documents", "Laissez-passer")
        submit(d, server, "#record-step", case_path)
        assert detail(d, t["avrr.step"], "//section[@id='avrr']") == t[f"avrr.{name}"], f"after {name}{ui.where(d)}"
    assert not d.find_elements(By.ID, "step-form"), f"a closed return still offers a next step{ui.where(d)}"
    assert len(d.find_elements(By.CSS_SELECTOR, "#avrr ol.steps li")) == len(RETURN_STEPS) + 1

    # 7. Follow-up, a closure request, and the supervisor's approval.
    submit(d, server, "#start-follow-up", case_path)
    assert detail(d, t["case.stage"]) == want["follow-up"], f"stage after follow-up{ui.where(d)}"
    assert detail(d, t["case.htcds-status"]) == want["htcds-follow-up"], f"HTCDS status{ui.where(d)}"
    open_details(d, "#closure-details")
    choose(d, "#closure-form", "subject", "returned-home")
    submit(d, server, "#request-closure", case_path)
    assert d.find_elements(By.ID, "pending-approval"), f"no pending closure approval{ui.where(d)}"

    switch_user(d, server, SUPERVISOR, language)
    ui.visit(d, server, case_path)
    submit(d, server, "#approve", case_path)
    assert detail(d, t["case.stage"]) == want["closed"], f"stage after closure{ui.where(d)}"
    assert detail(d, t["case.htcds-status"]) == want["htcds-closed"], f"HTCDS status{ui.where(d)}"
    assert detail(d, t["case.closure-reason"]) == want["returned-home"], f"closure reason{ui.where(d)}"
    for form in ("plan-form", "service-form", "referral-form", "closure-form"):
        assert not d.find_elements(By.ID, form), f"a closed case still offers #{form}{ui.where(d)}"

    # 8. The closed case, as the supervisor sees it.
    if language == "ar":
        ui.assert_arabic(d)
    d.execute_script("window.scrollTo(0, 0);")
    ui.shot(d, artifacts, f"case-{language}")
    for part in ("services", "avrr"):
        d.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", part)
        ui.shot(d, artifacts, f"case-{language}-{part}")
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1280, min(max(1000, height + 150), 8000))
    ui.shot(d, artifacts, f"case-{language}-full")
    d.set_window_size(1280, 1000)
    print(f"\ncase flow ({language}) took {time.monotonic() - started:.1f} s; screenshots in {artifacts}")
