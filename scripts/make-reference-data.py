#!/usr/bin/env python3
"""Regenerate SanadCore's bundled reference data (places, countries, languages).

Usage: python3 scripts/make-reference-data.py [REPO_ROOT]

REPO_ROOT defaults to this script's parent folder. Source files are read from
REPO_ROOT/../shared/data, which exists on developer and CI machines but not where
Sanad is deployed; that is why the product ships the generated JSON instead of
reading the CSV files at run time.

Arabic country and language names are not in the sources, so they live in this
file. Edit them here and re-run rather than editing the JSON by hand.
"""

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ADMIN1 = "sudan/sdn_admin1_pcodes_OCHA_CODAB.csv"
ADMIN2 = "sudan/sdn_admin2_pcodes_Khartoum_Gedaref_Kassala.csv"
COUNTRY_REGIONS = "ctdc/country-regions.csv"

# Spellings seen on documents and in intake interviews that the OCHA notes column
# does not list; a case worker searching for them must still find the state.
EXTRA_STATE_ALIASES = {
    "SD12": ["Gadaref"],
}

# country-regions.csv leaves ISO3 empty for these territories; without a code they
# could not be looked up by alpha-3 and would collide with each other.
ISO3_FILL = {"JE": "JEY", "MF": "MAF", "SX": "SXM"}

# CTDC files Kosovo under the private code Y1 and Serbia's alpha-3 (SRB), which would
# make "SRB" ambiguous. XK / XKX are the user-assigned codes that the EU, IOM and
# CLDR use for Kosovo.
CODE_FIXES = {"Y1": ("XK", "XKX")}

# The UN M49 sub-region of Jersey is Northern Europe (Channel Islands); the CTDC
# file's "Eastern Europe" is a slip.
SUBREGION_FIXES = {"JE": "Northern Europe"}

# Short names as used in everyday Modern Standard Arabic (the form a case worker
# would pick from a list), not the long official titles.
ARABIC_COUNTRY_NAMES = {
    "ABW": "أروبا",
    "AFG": "أفغانستان",
    "AGO": "أنغولا",
    "AIA": "أنغويلا",
    "ALB": "ألبانيا",
    "AND": "أندورا",
    "ANT": "جزر الأنتيل الهولندية",
    "ARE": "الإمارات العربية المتحدة",
    "ARG": "الأرجنتين",
    "ARM": "أرمينيا",
    "ASM": "ساموا الأمريكية",
    "ATA": "القارة القطبية الجنوبية",
    "ATF": "الأقاليم الجنوبية الفرنسية",
    "ATG": "أنتيغوا وباربودا",
    "AUS": "أستراليا",
    "AUT": "النمسا",
    "AZE": "أذربيجان",
    "BDI": "بوروندي",
    "BEL": "بلجيكا",
    "BEN": "بنين",
    "BFA": "بوركينا فاسو",
    "BGD": "بنغلاديش",
    "BGR": "بلغاريا",
    "BHR": "البحرين",
    "BHS": "جزر البهاما",
    "BIH": "البوسنة والهرسك",
    "BLR": "بيلاروس",
    "BLZ": "بليز",
    "BMU": "برمودا",
    "BOL": "بوليفيا",
    "BRA": "البرازيل",
    "BRB": "باربادوس",
    "BRN": "بروناي",
    "BTN": "بوتان",
    "BVT": "جزيرة بوفيه",
    "BWA": "بوتسوانا",
    "CAF": "جمهورية أفريقيا الوسطى",
    "CAN": "كندا",
    "CCK": "جزر كوكوس (كيلينغ)",
    "CHE": "سويسرا",
    "CHL": "تشيلي",
    "CHN": "الصين",
    "CIV": "كوت ديفوار",
    "CMR": "الكاميرون",
    "COD": "جمهورية الكونغو الديمقراطية",
    "COG": "جمهورية الكونغو",
    "COK": "جزر كوك",
    "COL": "كولومبيا",
    "COM": "جزر القمر",
    "CPV": "الرأس الأخضر",
    "CRI": "كوستاريكا",
    "CUB": "كوبا",
    "CUW": "كوراساو",
    "CXR": "جزيرة عيد الميلاد",
    "CYM": "جزر كايمان",
    "CYP": "قبرص",
    "CZE": "التشيك",
    "DEU": "ألمانيا",
    "DJI": "جيبوتي",
    "DMA": "دومينيكا",
    "DNK": "الدنمارك",
    "DOM": "جمهورية الدومينيكان",
    "DZA": "الجزائر",
    "ECU": "الإكوادور",
    "EGY": "مصر",
    "ERI": "إريتريا",
    "ESH": "الصحراء الغربية",
    "ESP": "إسبانيا",
    "EST": "إستونيا",
    "ETH": "إثيوبيا",
    "FIN": "فنلندا",
    "FJI": "فيجي",
    "FLK": "جزر فوكلاند (مالفيناس)",
    "FRA": "فرنسا",
    "FRO": "جزر فارو",
    "FSM": "ميكرونيزيا",
    "GAB": "الغابون",
    "GBR": "المملكة المتحدة",
    "GEO": "جورجيا",
    "GHA": "غانا",
    "GIB": "جبل طارق",
    "GIN": "غينيا",
    "GLP": "غوادلوب",
    "GMB": "غامبيا",
    "GNB": "غينيا بيساو",
    "GNQ": "غينيا الاستوائية",
    "GRC": "اليونان",
    "GRD": "غرينادا",
    "GRL": "غرينلاند",
    "GTM": "غواتيمالا",
    "GUF": "غويانا الفرنسية",
    "GUM": "غوام",
    "GUY": "غيانا",
    "HKG": "هونغ كونغ",
    "HMD": "جزيرة هيرد وجزر ماكدونالد",
    "HND": "هندوراس",
    "HRV": "كرواتيا",
    "HTI": "هايتي",
    "HUN": "المجر",
    "IDN": "إندونيسيا",
    "IND": "الهند",
    "IOT": "إقليم المحيط الهندي البريطاني",
    "IRL": "أيرلندا",
    "IRN": "إيران",
    "IRQ": "العراق",
    "ISL": "آيسلندا",
    "ISR": "إسرائيل",
    "ITA": "إيطاليا",
    "JAM": "جامايكا",
    "JEY": "جيرزي",
    "JOR": "الأردن",
    "JPN": "اليابان",
    "KAZ": "كازاخستان",
    "KEN": "كينيا",
    "KGZ": "قيرغيزستان",
    "KHM": "كمبوديا",
    "KIR": "كيريباتي",
    "KNA": "سانت كيتس ونيفيس",
    "KOR": "كوريا الجنوبية",
    "KWT": "الكويت",
    "LAO": "لاوس",
    "LBN": "لبنان",
    "LBR": "ليبيريا",
    "LBY": "ليبيا",
    "LCA": "سانت لوسيا",
    "LIE": "ليختنشتاين",
    "LKA": "سريلانكا",
    "LSO": "ليسوتو",
    "LTU": "ليتوانيا",
    "LUX": "لوكسمبورغ",
    "LVA": "لاتفيا",
    "MAC": "ماكاو",
    "MAF": "سانت مارتن (الجزء الفرنسي)",
    "MAR": "المغرب",
    "MCO": "موناكو",
    "MDA": "مولدوفا",
    "MDG": "مدغشقر",
    "MDV": "جزر المالديف",
    "MEX": "المكسيك",
    "MHL": "جزر مارشال",
    "MKD": "مقدونيا الشمالية",
    "MLI": "مالي",
    "MLT": "مالطا",
    "MMR": "ميانمار",
    "MNE": "الجبل الأسود",
    "MNG": "منغوليا",
    "MNP": "جزر ماريانا الشمالية",
    "MOZ": "موزمبيق",
    "MRT": "موريتانيا",
    "MSR": "مونتسرات",
    "MTQ": "مارتينيك",
    "MUS": "موريشيوس",
    "MWI": "ملاوي",
    "MYS": "ماليزيا",
    "MYT": "مايوت",
    "NAM": "ناميبيا",
    "NCL": "كاليدونيا الجديدة",
    "NER": "النيجر",
    "NFK": "جزيرة نورفولك",
    "NGA": "نيجيريا",
    "NIC": "نيكاراغوا",
    "NIU": "نيوي",
    "NLD": "هولندا",
    "NOR": "النرويج",
    "NPL": "نيبال",
    "NRU": "ناورو",
    "NZL": "نيوزيلندا",
    "OMN": "عُمان",
    "PAK": "باكستان",
    "PAN": "بنما",
    "PCN": "جزر بيتكيرن",
    "PER": "بيرو",
    "PHL": "الفلبين",
    "PLW": "بالاو",
    "PNG": "بابوا غينيا الجديدة",
    "POL": "بولندا",
    "PRI": "بورتوريكو",
    "PRK": "كوريا الشمالية",
    "PRT": "البرتغال",
    "PRY": "باراغواي",
    "PSE": "فلسطين",
    "PYF": "بولينيزيا الفرنسية",
    "QAT": "قطر",
    "REU": "لا ريونيون",
    "ROU": "رومانيا",
    "RUS": "روسيا",
    "RWA": "رواندا",
    "SAU": "المملكة العربية السعودية",
    "SDN": "السودان",
    "SEN": "السنغال",
    "SGP": "سنغافورة",
    "SGS": "جورجيا الجنوبية وجزر ساندويتش الجنوبية",
    "SHN": "سانت هيلينا وأسينشين وتريستان دا كونا",
    "SJM": "سفالبارد ويان ماين",
    "SLB": "جزر سليمان",
    "SLE": "سيراليون",
    "SLV": "السلفادور",
    "SMR": "سان مارينو",
    "SOM": "الصومال",
    "SPM": "سان بيير وميكلون",
    "SRB": "صربيا",
    "SSD": "جنوب السودان",
    "STP": "ساو تومي وبرينسيب",
    "SUR": "سورينام",
    "SVK": "سلوفاكيا",
    "SVN": "سلوفينيا",
    "SWE": "السويد",
    "SWZ": "إسواتيني",
    "SXM": "سينت مارتن (الجزء الهولندي)",
    "SYC": "سيشل",
    "SYR": "سوريا",
    "TCA": "جزر توركس وكايكوس",
    "TCD": "تشاد",
    "TGO": "توغو",
    "THA": "تايلاند",
    "TJK": "طاجيكستان",
    "TKL": "توكيلاو",
    "TKM": "تركمانستان",
    "TLS": "تيمور الشرقية",
    "TON": "تونغا",
    "TTO": "ترينيداد وتوباغو",
    "TUN": "تونس",
    "TUR": "تركيا",
    "TUV": "توفالو",
    "TWN": "تايوان",
    "TZA": "تنزانيا",
    "UGA": "أوغندا",
    "UKR": "أوكرانيا",
    "UMI": "جزر الولايات المتحدة الصغيرة النائية",
    "URY": "الأوروغواي",
    "USA": "الولايات المتحدة",
    "UZB": "أوزبكستان",
    "VAT": "الفاتيكان",
    "VCT": "سانت فينسنت والغرينادين",
    "VEN": "فنزويلا",
    "VGB": "جزر العذراء البريطانية",
    "VIR": "جزر العذراء الأمريكية",
    "VNM": "فيتنام",
    "VUT": "فانواتو",
    "WLF": "واليس وفوتونا",
    "WSM": "ساموا",
    "XKX": "كوسوفو",
    "YEM": "اليمن",
    "ZAF": "جنوب أفريقيا",
    "ZMB": "زامبيا",
    "ZWE": "زيمبابوي",
}

# (code, ISO 639-1, English, Arabic). The code is ISO 639-2/B when the language
# has one of its own, otherwise ISO 639-3: many languages spoken by people arriving
# in Sudan (Nuer, Saho, Kunama, Fur, Masalit, Zaghawa...) exist only in 639-3.
# Collective 639-2 codes (nub, ber, sgn) are kept where people name the group
# rather than one member language.
LANGUAGES = [
    # Arabic and the varieties an interpreter needs to know about.
    ("ara", "ar", "Arabic", "العربية"),
    ("apd", None, "Sudanese Arabic", "العربية السودانية"),
    ("shu", None, "Chadian Arabic", "العربية التشادية"),
    ("pga", None, "Juba Arabic", "عربي جوبا"),
    ("mey", None, "Hassaniya Arabic", "الحسانية"),
    ("eng", "en", "English", "الإنجليزية"),
    ("fre", "fr", "French", "الفرنسية"),
    # Eritrea and Ethiopia.
    ("tir", "ti", "Tigrinya", "التغرينية"),
    ("tig", None, "Tigre", "التقري"),
    ("amh", "am", "Amharic", "الأمهرية"),
    ("orm", "om", "Oromo", "الأورومية"),
    ("aar", "aa", "Afar", "العفرية"),
    ("ssy", None, "Saho", "الساهو"),
    ("byn", None, "Bilen", "البلين"),
    ("kun", None, "Kunama", "الكوناما"),
    ("nrb", None, "Nara", "النارا"),
    ("sid", None, "Sidamo", "السيدامو"),
    ("wal", None, "Wolaytta", "الولايتا"),
    ("sgw", None, "Gurage (Sebat Bet)", "الغوراغي"),
    # Somali region.
    ("som", "so", "Somali", "الصومالية"),
    # Sudan.
    ("bej", None, "Beja (Bedawiyet)", "البجاوية (البداويت)"),
    ("nub", None, "Nubian languages", "اللغات النوبية"),
    ("fia", None, "Nobiin (Mahas-Fadicca)", "النوبية المحسية (نوبين)"),
    ("dgl", None, "Dongolawi (Andaandi)", "النوبية الدنقلاوية"),
    ("xnz", None, "Kenzi (Kenuzi)", "النوبية الكنزية"),
    ("mei", None, "Midob", "الميدوب"),
    ("fvr", None, "Fur", "الفوراوية"),
    ("mls", None, "Masalit", "المساليت"),
    ("zag", None, "Zaghawa (Beria)", "الزغاوة"),
    # South Sudan and the Great Lakes.
    ("din", None, "Dinka", "الدينكا"),
    ("nus", None, "Nuer", "النوير"),
    ("shk", None, "Shilluk", "الشلك"),
    ("anu", None, "Anuak", "الأنواك"),
    ("mur", None, "Murle", "المورلي"),
    ("bfa", None, "Bari", "الباري"),
    ("zne", None, "Zande", "الزاندي"),
    ("ach", None, "Acholi", "الأشولي"),
    ("luo", None, "Luo (Dholuo)", "اللوو"),
    ("swa", "sw", "Swahili", "السواحيلية"),
    ("kin", "rw", "Kinyarwanda", "الكينيارواندا"),
    ("run", "rn", "Kirundi", "الكيروندي"),
    ("lin", "ln", "Lingala", "اللينغالا"),
    ("sag", "sg", "Sango", "السانغو"),
    # Sahel and West Africa.
    ("hau", "ha", "Hausa", "الهوسا"),
    ("ful", "ff", "Fula (Fulfulde)", "الفولانية"),
    ("kau", "kr", "Kanuri", "الكانوري"),
    ("dje", None, "Zarma", "الزرما"),
    ("tmh", None, "Tamasheq (Tuareg)", "التماشق (الطوارق)"),
    ("ber", None, "Berber languages (Tamazight)", "الأمازيغية"),
    ("wol", "wo", "Wolof", "الولوف"),
    ("bam", "bm", "Bambara", "البمبرية"),
    ("man", None, "Mandinka (Mandingo)", "الماندينكا"),
    ("snk", None, "Soninke", "السوننكي"),
    ("mos", None, "Mooré (Mossi)", "الموري (الموسي)"),
    ("yor", "yo", "Yoruba", "اليوروبا"),
    ("ibo", "ig", "Igbo", "الإيغبو"),
    ("aka", "ak", "Akan (Twi)", "الأكان (التوي)"),
    ("kri", None, "Krio", "الكريو"),
    # Major world languages, including those of migrant workers on Gulf routes.
    ("por", "pt", "Portuguese", "البرتغالية"),
    ("spa", "es", "Spanish", "الإسبانية"),
    ("ita", "it", "Italian", "الإيطالية"),
    ("ger", "de", "German", "الألمانية"),
    ("rus", "ru", "Russian", "الروسية"),
    ("tur", "tr", "Turkish", "التركية"),
    ("per", "fa", "Persian", "الفارسية"),
    ("prs", None, "Dari", "الدارية"),
    ("pus", "ps", "Pashto", "البشتوية"),
    ("kur", "ku", "Kurdish", "الكردية"),
    ("urd", "ur", "Urdu", "الأردية"),
    ("hin", "hi", "Hindi", "الهندية"),
    ("ben", "bn", "Bengali", "البنغالية"),
    ("nep", "ne", "Nepali", "النيبالية"),
    ("sin", "si", "Sinhala", "السنهالية"),
    ("ind", "id", "Indonesian", "الإندونيسية"),
    ("fil", None, "Filipino", "الفلبينية"),
    ("chi", "zh", "Chinese", "الصينية"),
    ("sgn", None, "Sign languages", "لغات الإشارة"),
]

# 639-2 has two codes for some languages; records and browsers often use the
# terminology (T) one, so lookups must accept it too.
TERMINOLOGY_CODES = {"fre": "fra", "ger": "deu", "per": "fas", "chi": "zho"}

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def null_to_empty(value):
    return "" if value == "NULL" else value


def is_arabic(text):
    """True when every letter is Arabic script (spaces and brackets may appear)."""
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    return bool(letters) and all(ARABIC_LETTER.match(c) for c in letters)


def aliases_from_note(note):
    # The OCHA notes read like "also written A / B / C" or "also A / B".
    match = re.match(r"also (?:written )?(.+)", note)
    if not match:
        return []
    return [a.strip() for a in match.group(1).split("/") if a.strip()]


def make_places(data):
    states = []
    for row in read_csv(data / ADMIN1):
        pcode = row["ADM1_PCODE"]
        aliases = aliases_from_note(row["note"]) + EXTRA_STATE_ALIASES.get(pcode, [])
        states.append({
            "pcode": pcode,
            "name": {"en": row["ADM1_EN"], "ar": row["ADM1_AR"]},
            "aliases": list(dict.fromkeys(aliases)),
        })
    state_codes = {s["pcode"] for s in states}
    localities = []
    for row in read_csv(data / ADMIN2):
        assert row["ADM1_PCODE"] in state_codes, row
        localities.append({
            "pcode": row["ADM2_PCODE"],
            "name": {"en": row["ADM2_EN"], "ar": row["ADM2_AR"]},
            "statePcode": row["ADM1_PCODE"],
        })
    check_unique([s["pcode"] for s in states] + [l["pcode"] for l in localities], "P-code")
    return {
        "source": f"OCHA COD-AB via shared/data/{ADMIN1} and {ADMIN2}",
        "states": states,
        "localities": localities,
    }


def make_countries(data):
    countries = []
    dropped = []
    for row in read_csv(data / COUNTRY_REGIONS):
        iso2, iso3, name = row["ISO2"], null_to_empty(row["ISO3"]), row["Country"]
        # The tail of the file holds retired or private codes (ZR Zaire, YU,
        # TP...) with no name of their own; they would duplicate live codes.
        if not name:
            dropped.append(iso2)
            continue
        iso3 = iso3 or ISO3_FILL.get(iso2, "")
        iso2, iso3 = CODE_FIXES.get(iso2, (iso2, iso3))
        assert re.fullmatch(r"[A-Z]{2}", iso2) and re.fullmatch(r"[A-Z]{3}", iso3), row
        arabic = ARABIC_COUNTRY_NAMES.get(iso3)
        assert arabic and is_arabic(arabic), f"no Arabic name for {iso3}"
        countries.append({
            "iso2": iso2,
            "iso3": iso3,
            "name": {"en": name, "ar": arabic},
            "unRegion": null_to_empty(row["UNRegion"]),
            "unSubRegion": SUBREGION_FIXES.get(iso2, null_to_empty(row["UNSubRegion"])),
            "iomRegion": null_to_empty(row["IOMRegion"]),
        })
    check_unique([c["iso2"] for c in countries], "ISO2")
    check_unique([c["iso3"] for c in countries], "ISO3")
    unused = set(ARABIC_COUNTRY_NAMES) - {c["iso3"] for c in countries}
    assert not unused, f"Arabic names for countries not in the source: {sorted(unused)}"
    return {
        "source": f"CTDC via shared/data/{COUNTRY_REGIONS}; Arabic names and code fixes from "
                  "scripts/make-reference-data.py",
        "countries": countries,
    }, dropped


def make_languages():
    languages = []
    for code, iso1, en, ar in LANGUAGES:
        assert re.fullmatch(r"[a-z]{3}", code) and (iso1 is None or re.fullmatch(r"[a-z]{2}", iso1))
        assert is_arabic(ar), code
        entry = {"code": code}
        if code in TERMINOLOGY_CODES:
            entry["terminologyCode"] = TERMINOLOGY_CODES[code]
        if iso1:
            entry["iso1"] = iso1
        entry["name"] = {"en": en, "ar": ar}
        languages.append(entry)
    all_codes = [l["code"] for l in languages] + list(TERMINOLOGY_CODES.values())
    check_unique(all_codes, "ISO 639-2/3 code")
    check_unique([l["iso1"] for l in languages if "iso1" in l], "ISO 639-1 code")
    return {
        "source": "ISO 639-2/B, else ISO 639-3; names from scripts/make-reference-data.py",
        "languages": languages,
    }


def check_unique(values, what):
    seen = set()
    for value in values:
        assert value not in seen, f"duplicate {what}: {value}"
        seen.add(value)


def write_json(path, value):
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    data = root / ".." / "shared" / "data"
    out = root / "Sources" / "SanadCore" / "Resources"

    places = make_places(data)
    countries, dropped = make_countries(data)
    languages = make_languages()

    write_json(out / "places.json", places)
    write_json(out / "countries.json", countries)
    write_json(out / "languages.json", languages)
    print(f"states: {len(places['states'])}, localities: {len(places['localities'])}")
    print(f"countries: {len(countries['countries'])} (dropped nameless legacy rows: {', '.join(dropped)})")
    print(f"languages: {len(languages['languages'])}")


if __name__ == "__main__":
    main()
