#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make-register-2.py -- an independent synthetic register generator for Sanad's import
and duplicate-detection tests.

ALL DATA IN THE OUTPUT IS INVENTED.  Names are drawn from word lists written into this
file and combined at random; phone numbers, document numbers, dates and notes are random.
Any resemblance of a generated row to a real person is coincidental.

Independence.  This script was written without reading Sanad's source code or tests
(Sources/, Tests/) and without reading scripts/make-register.py or scripts/import-quality.py.
It models the registers from a description of the population and of how staff in the
Khartoum, Gedaref and Kassala migrant resource centres keep paper/Excel registers, so that
a matcher can be judged on data nobody tuned it on.

Population.  Eritreans (Tigrinya, Tigre, Bilen), Ethiopians (Tigrayan, Amhara, Oromo),
South Sudanese (Dinka, Nuer, with Christian given names), Sudanese returnees (Arabic
patronymic chains, tribe nisbas, "Wad ..." lineage names), Somalis (Somali orthography
Maxamed/Cabdi/Xasan beside English spellings, clans), Chadians (French-style spellings
Mahamat/Abakar), Nigerians (Hausa patronymics; Yoruba/Igbo surnames), Egyptians,
Yemenis, Syrians (family names).  People come in households: singles, couples (shared
phone and arrival date, different names), parents with children (the father's given name
is the child's second name), mothers alone with children, sibling groups (shared father
and grandfather names, usually one phone), twins, unaccompanied children.  On purpose
there are clusters of different people with the same common full name (Mohamed Ahmed
Mohamed, Kidane Tesfamariam, Deng Garang ...), many with close birth years.

Clerk habits (each clerk has a fixed personality):
  * names written in Ge'ez, Arabic or Latin; Ge'ez/Latin names transliterated into Arabic
    script by ear (each clerk has a consistent way: q/j for g, long or short vowels,
    hamza or not, final ة/ه, ى/ي); Somali and Oromo (Qubee: Gammachuu, Caaltuu) spellings;
  * per-clerk preferred spellings (Mohamed/Mohammed/Mahmed, Yohannes/Johannes, Tesfay/
    Tesfai, Haile/Hailé/Hayle), compounds joined, split or abbreviated (Tesfamariam /
    Tesfa Mariam / T/Mariam, Abdelrahim / Abd Elrahim, ገ/ማርያም), El-/Al-, Wad, Abu, Um;
  * two, three or four name parts; grandfather replaced by tribe/clan; surname-first
    for some nationalities; ALL CAPS, lower case, stray spaces; nicknames; typos;
  * dates day-first with / - . separators, ISO, English and Arabic month names (مارس and
    آذار), two-digit years, year only, 01/01/<year> for estimated births, Arabic-Indic
    digits; never month-first.  People without a birth date give round ages that
    change from visit to visit;
  * Sudanese phones in every shape (0912345678, +249 912 345 678, 00249..., 912345678,
    dashes), foreign numbers, shared family phones, changed numbers, blanks;
  * nationality as country, demonym, ISO code, Arabic country or gendered adjective,
    occasional misspelling; sex as M/F, Male/Female, ذكر/أنثى; documents with varied
    spacing/case, and one clerk who writes the family's UNHCR case number for everyone.

Outputs (in --out-dir):
  register-a.csv   older English register, UTF-8 with BOM
  register-b.csv   later register, Arabic headers, UTF-8 without BOM; about 25% of its
                   people are also in A (another centre or a return visit)
  mapping-a.json, mapping-b.json   {"columns": {header: field-or-null}}
  truth.csv        file,row,person,bad,why (row = spreadsheet row, header is row 1)
Repeated records of a person differ from that person's first record in the same file
(or, for B, from the record in A) by 1-3 changes; bad rows (bad=1) carry exactly one
plain defect and belong to a person who also has a good row in that file.

Usage:
  python3 scripts/make-register-2.py --people 12000 --seed 1 --out-dir DIR [--check]
  python3 scripts/make-register-2.py --out-dir DIR --check-only
Python 3 standard library only; output is deterministic for a given seed and size.
"""

import argparse
import copy
import csv
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
import zlib

FIELDS = ["name_original", "name_latin", "sex", "birth_date", "age_estimate", "nationality",
          "languages", "phone", "document_type", "document_number", "document_country",
          "arrival_date", "route", "notes"]


def h32(*parts):
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode("utf-8"))


def weighted(rng, items):
    tot = sum(w for _, w in items)
    x = rng.random() * tot
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


def zipf_index(n, r, s=1.2):
    ws = [1.0 / (i + 1) ** s for i in range(n)]
    x = r.random() * sum(ws)
    for i, w in enumerate(ws):
        x -= w
        if x < 0:
            return i
    return n - 1


# ---------------------------------------------------------------------------------------
# Lexicon.  One line per name:   key = Latin variants | Arabic variants | Ge'ez | native
# '+' marks the joint of a compound (joined, split, hyphenated or, for Ethiopian and
# Eritrean names, abbreviated G/Mariam).  Missing Arabic means "transliterated by ear".
# ---------------------------------------------------------------------------------------

class Entry:
    def __init__(self, key, lat, ar, gz, native, eth):
        self.key, self.lat, self.ar, self.gz, self.native, self.eth = key, lat, ar, gz, native, eth


LEX = {}


def lexicon(text, eth=False):
    keys = []
    for raw in text.strip().splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        key, rest = raw.split("=", 1)
        key = key.strip()
        f = [x.strip() for x in rest.split("|")]
        while len(f) < 4:
            f.append("")

        def lst(s):
            out = []
            for v in s.split(","):
                v = v.strip()
                if v and v not in out:
                    out.append(v)
            return out
        assert key not in LEX, key
        LEX[key] = Entry(key, lst(f[0]), lst(f[1]), lst(f[2]), f[3] or None, eth)
        keys.append(key)
    return keys


SD_M = lexicon("""
mohamed = Mohamed, Mohammed, Mohamad, Muhammad, Mohmed, Mahmed | محمد
ahmed = Ahmed, Ahmad, Ahmmed | أحمد, احمد
ali = Ali, Aly, Alli | علي, على
osman = Osman, Othman, Usman, Osmaan | عثمان
ibrahim = Ibrahim, Ebrahim, Ibraheem, Ibrahem | إبراهيم, ابراهيم
abdalla = Abdalla, Abdallah, Abdullah, Abdulla, Abdella | عبد+الله
hassan = Hassan, Hasan | حسن
adam = Adam, Aadam, Adum | آدم, ادم
abdelrahim = Abdel+Rahim, Abd El+Rahim, Abdul+Rahim, Abdurahim, Abdurrahim, Abdal+Rahim | عبد+الرحيم
hussein = Hussein, Hussien, Husein, Hussain | حسين
yousif = Yousif, Yousef, Yusuf, Yosif, Yousuf | يوسف
omer = Omer, Omar, Umar | عمر
abdelrahman = Abdel+Rahman, Abd El+Rahman, Abdul+Rahman, Abdurrahman, Abdal+Rahman | عبد+الرحمن
elamin = El+Amin, Al+Amin | الأمين, الامين
mustafa = Mustafa, Mostafa, Moustafa, Mustapha | مصطفى, مصطفي
salih = Salih, Saleh, Swalih | صالح
babiker = Babiker, Babikir, Babikr, Babekir | بابكر
abdelaziz = Abdel+Aziz, Abdul+Aziz, Abd El+Aziz, Abdal+Aziz | عبد+العزيز
khalid = Khalid, Khaled | خالد
idris = Idris, Idriss, Edris | إدريس, ادريس
musa = Musa, Mousa, Moussa | موسى, موسي
ismail = Ismail, Ismael, Esmail, Ismaeel | إسماعيل, اسماعيل
suliman = Suliman, Sulieman, Sulaiman, Soliman, Suleiman | سليمان
abubakr = Abu+Bakr, Abu+Bakar, Abu+Baker, Abbakar | أبو+بكر, ابو+بكر
elsadig = El+Sadig, Al+Siddig, El+Sadiq, Al+Sadiq | الصادق
eltayeb = El+Tayeb, Al+Tayeb, El+Tayib, Al+Tayyib | الطيب
hamid = Hamid, Hamed | حامد
mahmoud = Mahmoud, Mahmud, Mahmood | محمود
abdelgadir = Abdel+Gadir, Abdel+Gader, Abdul+Gadir, Abd El+Gadir, Abdel+Kader, Abdul+Qadir | عبد+القادر
elnour = El+Nour, Al+Nur, El+Noor | النور
issa = Issa, Eisa, Isa | عيسى, عيسي
yahya = Yahya, Yehia, Yahia | يحيى, يحيي
bashir = Bashir, Basheer, Beshir | بشير
ishag = Ishag, Ishaq, Ishaag | إسحاق, اسحاق
mohamednour = Mohamed+Nour, Mohammed+Nour, Mohamed+Nur | محمد+نور
hamza = Hamza, Hamzah | حمزة, حمزه
nasir = Nasir, Nasser, Naser | ناصر
awad = Awad, Awadh | عوض
siddig = Siddig, Siddiq, Sidig | صديق
elfatih = El+Fatih, Al+Fatih, El+Fateh | الفاتح
mubarak = Mubarak, Mobarak | مبارك
hashim = Hashim, Hashem | هاشم
abbas = Abbas, Abas | عباس
jaafar = Jaafar, Jafar, Gafar | جعفر
haroun = Haroun, Harun, Haroon | هارون
yassin = Yassin, Yasin, Yaseen | ياسين
elsheikh = El+Sheikh, Al+Sheikh, El+Shiekh | الشيخ
osama = Osama, Usama | أسامة, اسامة, اسامه
tarig = Tarig, Tariq, Tarik | طارق
abdelmoniem = Abdel+Moniem, Abdel+Monem, Abdul+Munim, Abd El+Moneim | عبد+المنعم
fadl = Fadl, Fadul, Fadol | فضل
hamdan = Hamdan | حمدان
mutasim = Mutasim, Moatasim, Mutasem | معتصم
kamal = Kamal, Kamaal | كمال
elhadi = El+Hadi, Al+Hadi | الهادي
""")

SD_F = lexicon("""
fatima = Fatima, Fatma, Fatimah, Fatuma | فاطمة, فاطمه
amna = Amna, Amina, Aamna | آمنة, امنة, امنه
halima = Halima, Haleema, Halimah | حليمة, حليمه
mariam = Mariam, Maryam, Meriam | مريم
khadija = Khadija, Khadiga, Khadeeja, Kadija | خديجة, خديجه
aisha = Aisha, Aysha, Aesha, Ayesha | عائشة, عايشة
zeinab = Zeinab, Zainab, Zenab, Zinab | زينب
hawa = Hawa, Hawwa | حواء, حوا
asha = Asha, Aasha | عشة, عشه
nafisa = Nafisa, Nafeesa, Nefisa | نفيسة
safia = Safia, Safiya, Safiyya | صفية, صفيه
sara = Sara, Sarah | سارة, ساره
huda = Huda, Hoda, Houda | هدى, هدي
samira = Samira, Sameera, Semira | سميرة
umsalama = Um+Salama, Um+Salma, Om+Salama, Umm+Salama | أم+سلمة, ام+سلمة
ikhlas = Ikhlas, Ekhlas | إخلاص, اخلاص
nosiba = Nosiba, Nusaiba, Nuseiba | نسيبة
tasneem = Tasneem, Tasnim | تسنيم
hiba = Hiba, Heba | هبة, هبه
amal = Amal, Amaal | أمل, امل
suad = Suad, Souad | سعاد
sumaya = Sumaya, Somaya, Sumaia | سمية, سميه
umkalthoum = Um+Kalthoum, Om+Kalthoum, Um+Kulthum | أم+كلثوم, ام+كلثوم
awatif = Awatif, Awatef | عواطف
nawal = Nawal, Nawaal | نوال
salma = Salma, Selma | سلمى, سلمي
zahra = Zahra, Zahraa | زهراء, زهرة
asia = Asia, Asya, Asiya | آسيا, اسيا
najwa = Najwa, Nagwa | نجوى
rasha = Rasha | رشا
sitalbanat = Sit+Albanat, Sitt+Elbanat, Sit+Elbanat | ست+البنات
umelhassan = Um+Elhassan, Um+Alhasan | أم+الحسن
""")

SD_TRIBES = lexicon("""
t_jaali = El+Jaali, Al+Ja'ali, El+Gaali | الجعلي
t_shaigi = El+Shaigi, Al+Shaygi | الشايقي
t_hadendawi = Hadendawi, Hadandawi | الهدندوي, هدندوي
t_rashaidi = El+Rashidi, Rashaidi | الرشيدي
t_zaghawi = Zaghawi, El+Zaghawi | الزغاوي
t_dongolawi = Dongolawi, Dangalawi | الدنقلاوي, دنقلاوي
t_kabbashi = El+Kabbashi, Kabbashi | الكباشي
t_fellati = Fellati, Fallata | الفلاتي, فلاتة
w_elnour = Wad+Elnour, Wad+Alnour, Wad+Elnur | ود+النور
w_elhaj = Wad+Elhaj, Wad+Alhaj | ود+الحاج
w_elfaki = Wad+Elfaki, Wad+Alfagi | ود+الفكي
w_hamid = Wad+Hamid, Wad+Hamed | ود+حامد
""")

TI_M = lexicon("""
yohannes = Yohannes, Yohanis, Johannes, Yohanes | | ዮሃንስ, ዮሐንስ
tesfay = Tesfay, Tesfai, Tesfaye, Tesfey | | ተስፋይ
kidane = Kidane, Kidanie, Kidani | | ኪዳነ
tesfamariam = Tesfa+Mariam, Tesfa+Maryam, Tesfai+Mariam | | ተስፋ+ማርያም
haile = Haile, Hailé, Hayle, Haille | | ሃይለ, ኃይለ
gebremariam = Gebre+Mariam, Ghebre+Mariam, Gebre+Maryam | | ገብረ+ማርያም
tekle = Tekle, Tecle, Tekleh | | ተኽለ
berhane = Berhane, Birhane, Berhanie, Brhane | | ብርሃነ
gebremedhin = Gebre+Medhin, Ghebre+Medhin, Gebre+Medhen | | ገብረ+መድህን
mehari = Mehari, Mehary, Mihari | | መሓሪ
habtom = Habtom, Habtome, Habtoum | | ሃብቶም
mussie = Mussie, Musie, Mussié | | ሙሴ
amanuel = Amanuel, Amaniel, Emmanuel, Amanuell | | ኣማኑኤል
ghirmay = Ghirmay, Girmay, Germay, Ghirmai | | ግርማይ
semere = Semere, Semre, Semeré | | ሰመረ
goitom = Goitom, Goytom, Goetom | | ጎይቶም
tsegay = Tsegay, Tsegai, Tsegaye | | ጸጋይ
weldu = Weldu, Woldu | | ወልዱ
samuel = Samuel, Samiel, Semuel | | ሳሙኤል
daniel = Daniel, Danel | | ዳንኤል
filmon = Filmon, Filimon, Philemon | | ፊልሞን
yonas = Yonas, Yonass, Jonas | | ዮናስ
abraham = Abraham, Abrham, Abreham | | ኣብርሃም
isaias = Isaias, Isayas, Esayas | | ኢሳያስ
afewerki = Afewerki, Afwerki, Afeworki | | ኣፈወርቂ
tewolde = Tewolde, Tewelde, Teweldie | | ተወልደ
kibrom = Kibrom, Kbrom, Kibrum | | ክብሮም
zerai = Zerai, Zeray | | ዘርኣይ
asmerom = Asmerom, Asmerum | | ኣስመሮም
mikael = Mikael, Michael, Mikiel | | ሚካኤል
fitsum = Fitsum, Fetsum, Fitsom | | ፍጹም
solomon = Solomon, Selemon | | ሰለሙን
hagos = Hagos, Hagoss | | ሓጎስ
tesfaldet = Tesfaldet, Tesfalidet | | ተስፋልደት
ermias = Ermias, Ermiyas, Yermias | | ኤርምያስ
negasi = Negasi, Negassi | | ነጋሲ
weldemichael = Welde+Michael, Wolde+Michael, Welde+Mikael | | ወልደ+ሚካኤል
hailemariam = Haile+Mariam, Haile+Maryam, Hayle+Mariam | | ሃይለ+ማርያም
teklehaimanot = Tekle+Haimanot, Tekle+Haymanot | | ተኽለ+ሃይማኖት
habte = Habte, Hapte | | ሃብተ
kahsay = Kahsay, Kahsai, Kasay | | ካሕሳይ
gebrehiwet = Gebre+Hiwet, Ghebre+Hiwet, Gebre+Hiwot | | ገብረ+ሕይወት
measho = Measho, Measo | | መኣሾ
""", eth=True)

TI_F = lexicon("""
helen = Helen, Hellen, Helin | | ሄለን
senait = Senait, Senayt, Seniat | | ሰናይት
selam = Selam, Selaam | | ሰላም
freweini = Freweini, Frewoini, Frewini, Freweyni | | ፍረወይኒ
yordanos = Yordanos, Jordanos | | ዮርዳኖስ
saba = Saba | | ሳባ
luwam = Luwam, Lwam, Luam | | ሉዋም
mebrat = Mebrat, Mibrat, Mebrhat | | ምብራት
tsega = Tsega, Tsegga | | ጸጋ
hiwet = Hiwet, Hiwot, Hewet | | ሕይወት
rahel = Rahel, Rachel, Rahiel | | ራሄል
winta = Winta, Wenta | | ዊንታ
elsa = Elsa | | ኤልሳ
mihret = Mihret, Mehret, Mhret | | ምሕረት
akberet = Akberet, Akbert | | ኣኽበረት
abrehet = Abrehet, Abrhet, Abrehit | | ኣብረሀት
almaz = Almaz, Almas | | ኣልማዝ
letebrhan = Lete+Brhan, Lete+Birhan, Lete+Berhan | | ለተ+ብርሃን
meron = Meron | | ሜሮን
semhar = Semhar, Semher | | ሰምሃር
haben = Haben | | ሃበን
feven = Feven, Fiven, Fevin | | ፌቨን
ruta = Ruta, Rutta | | ሩታ
lemlem = Lemlem, Lemlim | | ለምለም
nigisti = Nigisti, Negisti, Nigsti | | ንግስቲ
tsehaye = Tsehaye, Tsehay | | ፀሃየ
adiam = Adiam, Adyam | | ኣድያም
yohana = Yohana, Yohanna, Johanna | | ዮሃና
tirhas = Tirhas, Tirhass | | ትርሓስ
azeb = Azeb, Azieb | | ኣዜብ
""", eth=True)

ETG_M = lexicon("""
berhe = Berhe, Berhie | | በርሀ
gidey = Gidey, Giday | | ግደይ
abraha = Abraha, Abreha | | ኣብርሃ
teklay = Teklay, Teklai | | ተኽላይ
mebrahtu = Mebrahtu, Mebrahtom | | መብራህቱ
gebru = Gebru, Gebrou | | ገብሩ
kiros = Kiros, Kiross | | ኪሮስ
atsbeha = Atsbeha, Atsbaha | | ኣጽብሃ
""", eth=True)

ETG_F = lexicon("""
letay = Letay, Letai | | ለታይ
mulu = Mulu | | ሙሉ
kidan = Kidan | | ኪዳን
""", eth=True)

BL_M = lexicon("""
tesfu = Tesfu, Tesfou | | ተስፉ
kiflom = Kiflom, Kiflum | | ክፍሎም
kiflemariam = Kifle+Mariam, Kifle+Maryam | | ክፍለ+ማርያም
andemariam = Ande+Mariam, Andom+Mariam | | ኣንደ+ማርያም
ogbamichael = Ogba+Michael, Ogbe+Mikael | | ዖቕባ+ሚካኤል
tedros = Tedros, Tewodros | | ቴድሮስ
woldegabriel = Wolde+Gabriel, Welde+Gebriel | | ወልደ+ገብርኤል
""", eth=True)

BL_F = lexicon("""
tsegereda = Tsegereda, Tsigereda | | ጽገረዳ
mana = Mana | | ማና
letemichael = Lete+Michael, Lete+Mikael | | ለተ+ሚካኤል
nebiat = Nebiat, Nebiyat | | ነቢያት
""", eth=True)

TG_M = lexicon("""
mohammed_er = Mohammed, Mohamed, Mehammed | محمد | መሓመድ
idris_er = Idris, Edris, Idriss | إدريس, ادريس | እድሪስ
osman_er = Osman, Usman | عثمان | ዑስማን
saleh_er = Saleh, Salih | صالح | ሳልሕ
ibrahim_er = Ibrahim, Ebrahim | إبراهيم, ابراهيم | ኢብራሂም
adem_er = Adem, Adam | آدم, ادم | ኣደም
mahmud_er = Mahmud, Mahmoud | محمود | መሕሙድ
nur_er = Nur, Nour | نور | ኑር
abubeker_er = Abubeker, Abubaker, Abubekir | أبوبكر, ابوبكر | ኣቡበክር
hamid_er = Hamid, Hamed | حامد | ሓሚድ
omar_er = Omar, Omer, Umer | عمر | ዑመር
ali_er = Ali, Aly | علي | ዓሊ
suleman_er = Suleman, Suleiman | سليمان | ሱሌማን
yasin_er = Yasin, Yassin | ياسين | ያሲን
abdelkadir_er = Abdel+Kadir, Abdul+Kadir, Abdelkader | عبد+القادر | ዓብደል+ቃድር
jaber_er = Jaber, Jabir | جابر | ጃብር
musa_er = Musa, Mussa | موسى | ሙሳ
""", eth=True)

TG_F = lexicon("""
fatna_er = Fatna, Fatma, Fatuma | فاطمة, فاطنة | ፋጥና
amna_er = Amna, Amina | آمنة, امنة | ኣምና
zahra_er = Zahra, Zehra | زهرة | ዛህራ
halima_er = Halima, Halime | حليمة | ሓሊማ
asha_er = Asha, Aisha | عائشة, عشة | ዓሻ
saida_er = Saida, Sa'ida | سعيدة | ሰዒዳ
mariam_er = Mariam, Meriam | مريم | መርየም
khadija_er = Khadija, Kadija | خديجة | ኸዲጃ
zeineb_er = Zeineb, Zeinab | زينب | ዘይነብ
nejat_er = Nejat, Nijat | نجاة | ነጃት
rukiya_er = Rukiya, Rukia, Roqaya | رقية | ሩቅያ
""", eth=True)

ER_TG_TRIBES = lexicon("""
t_beniamer = Beni Amer, Bani Amer | بني عامر | ቤኒ ዓመር
t_habab = Habab | حباب | ሓባብ
t_mensa = Mensa, Mensaa | منسع | መንሳዕ
t_marya = Marya, Maria | ماريا | ማርያ
t_adsheikh = Ad Sheikh, Ad Shek | عد شيخ | ዓድ ሼኽ
""", eth=True)

BL_TRIBES = lexicon("""
t_bettarqe = Bet Tarqe, Bet Tarke | بيت ترقي | ቤት ጠርቀ
t_bettawqe = Bet Tawqe, Bet Tauqe | بيت تاوقي | ቤት ታውቀ
""", eth=True)

AM_M = lexicon("""
tesfaye = Tesfaye, Tesfaie | | ተስፋዬ
abebe = Abebe, Abbebe | | አበበ
getachew = Getachew, Getachaw | | ጌታቸው
alemayehu = Alemayehu, Alemayehou | | አለማየሁ
tadesse = Tadesse, Tadese, Taddese | | ታደሰ
mulugeta = Mulugeta, Mulugetta | | ሙሉጌታ
girma = Girma, Germa | | ግርማ
bekele = Bekele, Bekelle, Bekale | | በቀለ
desalegn = Desalegn, Dessalegn, Desalegne | | ደሳለኝ
worku = Worku, Werku | | ወርቁ
dawit = Dawit, Dawet | | ዳዊት
kebede = Kebede, Kebbede | | ከበደ
mesfin = Mesfin, Mesfen | | መስፍን
yared = Yared, Yaried | | ያሬድ
belay = Belay, Belai | | በላይ
asfaw = Asfaw, Asfau | | አስፋው
tilahun = Tilahun, Tilahoun | | ጥላሁን
fikadu = Fikadu, Fekadu | | ፍቃዱ
mengistu = Mengistu, Mengestu | | መንግስቱ
haile_am = Haile, Hailé, Hayle | | ኃይሌ, ሀይሌ
solomon_am = Solomon, Selomon | | ሰለሞን
hailemariam_am = Haile+Mariam, Haile+Maryam | | ኃይለ+ማርያም
woldemariam = Wolde+Mariam, Welde+Mariam | | ወልደ+ማርያም
gebreegziabher = Gebre+Egziabher, Gebre+Igziabher | | ገብረ+እግዚአብሔር
abera = Abera, Aberra | | አበራ
ayele = Ayele, Ayelle | | አየለ
zewdu = Zewdu, Zewudu | | ዘውዱ
biniam = Biniam, Binyam, Beniam | | ቢንያም
eyob = Eyob, Iyob | | ኢዮብ
henok = Henok, Henock | | ሄኖክ
""", eth=True)

AM_F = lexicon("""
tigist = Tigist, Tigest, Tegist | | ትዕግስት
meseret = Meseret, Meserete | | መሰረት
almaz_am = Almaz | | አልማዝ
hirut = Hirut, Hiruth | | ሂሩት
bethlehem = Bethlehem, Betelhem, Betlehem | | ቤተልሔም
mekdes = Mekdes, Mekdess | | መቅደስ
selamawit = Selamawit, Selamawite | | ሰላማዊት
aster = Aster, Astere | | አስቴር
genet = Genet, Gennet | | ገነት
eyerusalem = Eyerusalem, Jerusalem, Iyerusalem | | ኢየሩሳሌም
yeshi = Yeshi, Yeshe | | የሺ
marta = Marta, Martha | | ማርታ
kidist = Kidist, Kidest | | ቅድስት
hana = Hana, Hanna | | ሐና
mahlet = Mahlet, Mahilet | | ማህሌት
beza = Beza | | ቤዛ
etenesh = Etenesh, Etnesh | | እተነሽ
worknesh = Worknesh, Werknesh | | ወርቅነሽ
zenebech = Zenebech, Zenebesh | | ዘነበች
alem = Alem | | ዓለም
tsehay_am = Tsehay, Tsehaye | | ፀሐይ
""", eth=True)

OM_M = lexicon("""
gemechu = Gemechu, Gemechuu, Gamachu, Gemachu | | ገመቹ | Gammachuu
tolosa = Tolosa, Tollosa, Toloosa, Tolossa | | ቶሎሳ | Tolosaa
abdisa = Abdisa, Abdissa, Abdiisa | | አብዲሳ | Abdiisaa
lemma = Lemma, Lema | | ለማ | Lammaa
fayisa = Fayisa, Fayyisa, Feyisa, Feyissa | | ፈይሳ | Fayyisaa
chala = Chala, Chaala, Challa | | ጫላ | Caalaa
gudeta = Gudeta, Guddeta, Gudetta | | ጉደታ | Guddataa
teshome = Teshome, Tashome | | ተሾመ | Tashoomee
wakjira = Wakjira, Waqjira | | ዋቅጅራ | Waaqjiraa
olana = Olana, Olaana, Ollana | | ኦላና | Olaanaa
gutu = Gutu, Guutu | | ጉቱ | Guutuu
ibsa = Ibsa | | ኢብሳ | Ibsaa
tolera = Tolera, Tollera | | ቶሌራ | Toleeraa
diriba = Diriba, Dirriba, Dereba | | ድሪባ | Dirribaa
dereje = Dereje, Derejje | | ደረጀ | Dereejee
abdi_om = Abdi, Abdii | عبدي | አብዲ | Abdii
jemal = Jemal, Jamal | جمال | ጀማል | Jamaal
kedir = Kedir, Kadir, Kedire | | ከድር | Kadiir
mohammed_om = Mohammed, Mohamed, Muhammed | محمد | መሐመድ | Mohaammad
hussein_om = Hussein, Husen, Hussen | حسين | ሁሴን | Huseen
""", eth=True)

OM_F = lexicon("""
chaltu = Chaltu, Chaaltu, Caltu | | ጫልቱ | Caaltuu
lensa = Lensa, Lensaa | | ለንሳ | Lensaa
bontu = Bontu, Bontuu | | ቦንቱ | Bontuu
hawi = Hawi, Hawwi, Hawii | | ሀዊ | Hawwii
ayantu = Ayantu, Ayyantu | | አያንቱ | Ayyaantuu
gelane = Gelane, Galane | | ገላኔ | Galaanee
jalane = Jalane, Jalanie | | ጃላኔ | Jaalannee
sena = Sena, Senaa | | ሰና | Sanaa
sifan = Sifan, Siifan | | ሲፋን | Siifan
obse = Obse, Obsee | | ኦብሴ | Obsee
kedija = Kedija, Kadija | خديجة | ከዲጃ | Kadiijaa
zeyneba = Zeyneba, Zeineba, Zenaba | زينب | ዘይነባ | Zeyinabaa
""", eth=True)

OM_CLANS = lexicon("""
t_borana = Borana, Boorana | | ቦረና | Boorana
t_guji = Guji, Gujii | | ጉጂ | Gujii
t_arsi = Arsi | | አርሲ | Arsii
t_tulama = Tulama, Tuulama | | ቱለማ | Tuulamaa
t_macha = Macha, Mecha | | መጫ | Maccaa
""", eth=True)

DK_M = lexicon("""
deng = Deng, Deing, Dheng | دينق, دنق
garang = Garang, Garrang | قرنق, جرنق
akol = Akol, Akool | أكول, اكول
majok = Majok, Majak, Majuk | ماجوك
makuei = Makuei, Makuey, Makwei
mayen = Mayen, Mayan
kuol = Kuol, Kuel | كوال, كول
atem = Atem, Atim
bol = Bol | بول
chol = Chol, Col, Chool | شول
malual = Malual, Maluel, Malwal | ملوال
mabior = Mabior, Mabiour
ajak = Ajak, Ajaak
dut = Dut, Duot
thon = Thon, Thoon
manyang = Manyang, Manyaang
aguer = Aguer, Aguir, Agwer
arok = Arok, Arock
lual = Lual, Luol | لوال
madut = Madut, Madot
wol = Wol, Wel
ayuel = Ayuel, Ayual
akech = Akech, Akec, Akeich
mading = Mading, Madeng
marial = Marial, Mariel
""")

DK_F = lexicon("""
nyandeng = Nyan+deng, Nyan+denge | نياندينق
achol = Achol, Acol, Achool
ayen = Ayen, Ayan
akuol = Akuol, Akuel
abuk = Abuk, Abuok
adut = Adut, Aduot
nyibol = Nyibol
aluel = Aluel, Alual
ajok = Ajok, Ajuok
nyanut = Nyanut, Nyanuot
achan = Achan, Acan
""")

CHR_M = lexicon("""
john = John, Jon | جون
peter = Peter, Piter | بيتر
james = James | جيمس
joseph = Joseph, Josef | جوزيف
emmanuel_ss = Emmanuel, Emanuel | إيمانويل, ايمانويل
santino = Santino | سانتينو
gabriel = Gabriel, Gebriel | جبرائيل, قابريال
michael_ss = Michael, Micheal | مايكل
william = William, Wiliam | وليم
simon = Simon, Saimon | سايمون
david = David, Daud | ديفيد
""")

CHR_F = lexicon("""
mary = Mary, Marry | ماري
rebecca = Rebecca, Rebeka, Rebecka | ربيكا
elizabeth = Elizabeth, Elisabeth | إليزابيث, اليزابيث
martha_ss = Martha, Marta | مارثا
grace = Grace | قريس, غريس
monica = Monica, Monika | مونيكا
angelina = Angelina, Anjelina | أنجلينا, انجلينا
sarah_ss = Sarah, Sara | سارة
""")

NU_M = lexicon("""
gatluak = Gat+luak, Gat+luok, Gatluach | قاتلواك
gatkuoth = Gat+kuoth, Gat+kuot | قاتكوث
riek = Riek, Riak | رياك
machar = Machar, Machaar | مشار
nyuon = Nyuon, Nyuong
puok = Puok, Pouk
tut = Tut, Tuut
chuol = Chuol, Cuol
duoth = Duoth, Duot
gai = Gai, Gay
koang = Koang, Kuang
ruach = Ruach, Ruac
lam = Lam
bichiok = Bichiok, Bichok
gatwech = Gat+wech, Gat+wec
kong = Kong
""")

NU_F = lexicon("""
nyakuoth = Nyakuoth, Nyakuot
nyabol = Nyabol
nyaluak = Nyaluak, Nyaluok
nyachuol = Nyachuol, Nyacuol
nyagoa = Nyagoa, Nyagua
nyadak = Nyadak, Nyadaak
nyamal = Nyamal, Nyamaal
nyaruach = Nyaruach, Nyaruac
nyawal = Nyawal, Nyawaal
""")

SO_M = lexicon("""
mohamed_so = Mohamed, Mohammed, Mahamed | محمد | | Maxamed
abdi = Abdi, Abdy | عبدي | | Cabdi
abdullahi = Abdullahi, Abdilahi, Abdulahi | عبد+الله | | Cabdullaahi
ali_so = Ali, Aly | علي | | Cali
hassan_so = Hassan, Hasan | حسن | | Xasan
ahmed_so = Ahmed, Axmed | أحمد, احمد | | Axmed
hussein_so = Hussein, Husein | حسين | | Xuseen
omar_so = Omar, Cumar | عمر | | Cumar
yusuf_so = Yusuf, Yussuf | يوسف | | Yuusuf
abdirahman = Abdirahman, Abdurahman, Abdulrahman | عبد+الرحمن | | Cabdiraxmaan
farah = Farah, Faarah | فارح, فرح | | Faarax
warsame = Warsame, Warsama | ورسمي | | Warsame
jama = Jama, Jamac | جامع | | Jaamac
hirsi = Hirsi, Hersi | حرسي | | Xirsi
osman_so = Osman, Cismaan | عثمان | | Cismaan
ismail_so = Ismail, Ismacil | إسماعيل, اسماعيل | | Ismaaciil
nur_so = Nur, Nuur, Noor | نور | | Nuur
aden = Aden, Adan, Aadan | آدم, ادم | | Aadan
abdikadir = Abdikadir, Abdiqadir, Abdulkadir | عبد+القادر | | Cabdiqaadir
said_so = Said, Saeed | سعيد | | Siciid
mahad = Mahad, Mahat | مهد | | Mahad
""")

SO_F = lexicon("""
fadumo = Fadumo, Faduma, Fatuma | فاطمة | | Faadumo
halimo = Halimo, Halima | حليمة | | Xaliimo
hodan = Hodan, Hoodan | هودن | | Hodan
asha_so = Asha, Aisha | عائشة | | Caasha
amina_so = Amina, Aamina | آمنة, امنة | | Aamina
sahra = Sahra, Sahro | زهرة | | Sahra
nimco = Nimco, Nimo | نعمة | | Nimco
ifrah = Ifrah, Ifra | إفراح | | Ifraax
hamdi = Hamdi, Hamdy | حمدي | | Xamdi
ubah = Ubah, Ubax | | | Ubax
khadra = Khadra, Hadra | خضرة | | Khadra
deeqa = Deeqa, Deqa | | | Deeqa
ayan = Ayan, Ayaan | | | Ayaan
hawo = Hawo, Hawa | حواء | | Xaawo
""")

SO_CLANS = lexicon("""
t_hawiye = Hawiye, Hawiya | هوية | | Hawiye
t_darod = Darod, Darood | دارود | | Daarood
t_isaaq = Isaaq, Isaq | إسحاق | | Isaaq
t_dir = Dir | دير | | Dir
t_rahanweyn = Rahanweyn, Rahanwein | رحنوين | | Raxanweyn
t_abgaal = Abgaal, Abgal | أبغال | | Abgaal
""")

TD_M = lexicon("""
mahamat = Mahamat, Mahamad, Mahammat, Mouhamad | محمد
abakar = Abakar, Abbakar, Aboubakar | أبكر, ابكر
hisseine = Hisseine, Hissein, Hissene | حسين
adoum = Adoum, Adum | آدم, ادم
annour = Annour, Anour | النور
zakaria = Zakaria, Zakariya | زكريا
idriss = Idriss, Idris | إدريس, ادريس
moussa = Moussa, Mousa | موسى
oumar = Oumar, Omar | عمر
brahim = Brahim, Ibrahim | إبراهيم, ابراهيم
djibrine = Djibrine, Jibrin, Djibril | جبرين
issakha = Issakha, Issaka | إسحاق, اسحاق
youssouf = Youssouf, Yousouf | يوسف
abdelkerim = Abdel+Kerim, Abdel+Karim | عبد+الكريم
haroun_td = Haroun, Harun | هارون
ousmane = Ousmane, Ousman | عثمان
saleh_td = Saleh, Salleh | صالح
""")

TD_F = lexicon("""
achta = Achta, Ashta | عشة
khadidja = Khadidja, Khadija | خديجة
fatime = Fatime, Fatimé | فاطمة
halime = Halime, Halimé | حليمة
zenaba = Zenaba, Zeinaba | زينب
hawaye = Hawaye, Hawa | حواء
mariam_td = Mariam, Maryam | مريم
kaltouma = Kaltouma, Kaltoum | كلتومة, كلتوم
hadje = Hadje, Hadjé | حاجة
amina_td = Amina, Amna | آمنة, امنة
""")

TD_TRIBES = lexicon("""
t_zaghawa = Zaghawa, Zagawa | زغاوة
t_gorane = Gorane, Goran | قرعان
t_massalit = Massalit, Masalit | مساليت
t_salamat = Salamat | سلامات
""")

HA_M = lexicon("""
abubakar_ng = Abubakar, Abubakr, Abu+Bakar | أبوبكر, ابوبكر
musa_ng = Musa, Moussa | موسى
ibrahim_ng = Ibrahim, Ibraheem | إبراهيم, ابراهيم
aminu = Aminu, Amino | أمينو
sani = Sani, Sanni | ساني
usman_ng = Usman, Usmanu, Othman | عثمان
bello = Bello, Belo | بلو
garba = Garba | قاربا
lawal = Lawal, Lawan | لوال
yusuf_ng = Yusuf, Yusuff | يوسف
suleiman_ng = Suleiman, Sulaiman | سليمان
umar_ng = Umar, Umaru | عمر
aliyu = Aliyu, Aliu | عليو
abdullahi_ng = Abdullahi, Abdulahi | عبد+الله
danjuma = Dan+juma, Dan+jumma | دانجوما
""")

HA_F = lexicon("""
aisha_ng = Aisha, Aishatu | عائشة
hauwa = Hauwa, Hawa | حواء
zainab_ng = Zainab, Zainabu | زينب
hadiza = Hadiza, Hadizat | هديزة
amina_ng = Amina, Aminatu | آمنة, امينة
binta = Binta, Bintu | بنتا
maryam_ng = Maryam, Mariam | مريم
""")

NGS_M = lexicon("""
chinedu = Chinedu
emeka = Emeka
obinna = Obinna, Obina
chukwuemeka = Chukwuemeka, Chukwu+emeka
adebayo = Adebayo, Adebayor
oluwaseun = Oluwaseun
tunde = Babatunde, Baba+tunde
ifeanyi = Ifeanyi, Ifeanyichukwu
samuel_ng = Samuel
david_ng = David
taiwo = Taiwo
kehinde = Kehinde
""")

NGS_F = lexicon("""
chioma = Chioma
ngozi = Ngozi, Ngozie
blessing = Blessing, Blesing
funmilayo = Funmilayo
folake = Folake, Folakemi
adaeze = Adaeze
nkechi = Nkechi
""")

NG_SUR = lexicon("""
okafor = Okafor
okonkwo = Okonkwo, Okonko
adeyemi = Adeyemi
ogunleye = Ogunleye
eze = Eze, Ezeh
nwosu = Nwosu
balogun = Balogun
okeke = Okeke
adewale = Adewale
""")

EG_M = lexicon("""
mohamed_eg = Mohamed, Mohammed, Mohamad | محمد
ahmed_eg = Ahmed, Ahmad | أحمد, احمد
mahmoud_eg = Mahmoud, Mahmud | محمود
mostafa = Mostafa, Moustafa, Mustafa | مصطفى, مصطفي
ali_eg = Ali, Aly | علي, على
hassan_eg = Hassan, Hasan | حسن
ibrahim_eg = Ibrahim, Ebrahim | إبراهيم, ابراهيم
elsayed = El+Sayed, Al+Sayed, El+Sayyed | السيد
hany = Hany, Hani | هاني, هانى
tarek = Tarek, Tarik, Tareq | طارق
sherif = Sherif, Shereef, Cherif | شريف
amr = Amr, Amro | عمرو
wael = Wael, Wa'el | وائل
ayman = Ayman, Aiman | أيمن, ايمن
karim = Karim, Kareem | كريم
hossam = Hossam, Hussam, Hosam | حسام
islam = Islam, Eslam | إسلام, اسلام
abdelhamid = Abdel+Hamid, Abd El+Hamid, Abdul+Hamid | عبد+الحميد
gamal = Gamal, Jamal | جمال
ashraf = Ashraf, Ashref | أشرف, اشرف
ehab = Ehab, Ihab | إيهاب, ايهاب
""")

EG_F = lexicon("""
mona = Mona, Muna | منى, مني
heba = Heba, Hiba | هبة, هبه
nour_eg = Nour, Noor | نور
yasmin = Yasmin, Yasmine, Yasmeen | ياسمين
dina = Dina, Deena | دينا
rania = Rania, Ranya | رانيا
marwa = Marwa, Marwah | مروة, مروه
shaimaa = Shaimaa, Shaima, Shymaa | شيماء
doaa = Doaa, Duaa | دعاء
samah = Samah | سماح
fatma_eg = Fatma, Fatima | فاطمة
""")

YE_M = lexicon("""
mohammed_ye = Mohammed, Mohamed, Mohammad | محمد
abdullah_ye = Abdullah, Abdulla | عبد+الله
ali_ye = Ali, Aly | علي
saleh_ye = Saleh, Salih | صالح
ahmed_ye = Ahmed, Ahmad | أحمد, احمد
nasser_ye = Nasser, Naser | ناصر
fuad = Fuad, Fouad | فؤاد, فواد
hamood = Hamood, Hamoud, Hammoud | حمود
abdulkarim = Abdul+Karim, Abdul+Kareem, Abdel+Karim | عبد+الكريم
waleed = Waleed, Walid | وليد
anwar = Anwar, Anwer | أنور, انور
yahya_ye = Yahya, Yahia | يحيى
murad = Murad, Mourad | مراد
khaled_ye = Khaled, Khalid | خالد
abdulrahman_ye = Abdul+Rahman, Abdel+Rahman | عبد+الرحمن
""")

YE_F = lexicon("""
arwa = Arwa, Arwaa | أروى, اروى
bushra = Bushra, Boshra | بشرى, بشري
ibtisam = Ibtisam, Ebtisam | ابتسام
afrah = Afrah, Afraa | أفراح, افراح
eman = Eman, Iman | إيمان, ايمان
amatallah = Amat+Allah, Amat+Ullah | أمة+الله, امة+الله
fatima_ye = Fatima, Fatimah | فاطمة
""")

YE_TRIBES = lexicon("""
t_amri = Al+Amri, El+Amri | العمري
t_hakimi = Al+Hakimi, Al+Hakeemi | الحكيمي
t_ansi = Al+Ansi, Al+Anesi | العنسي
t_hashedi = Al+Hashedi, Al+Hashidi | الحاشدي
t_zubairi = Al+Zubairi, Al+Zubayri | الزبيري
""")

SY_M = lexicon("""
mohammad_sy = Mohammad, Muhammad, Mohammed | محمد
ahmad_sy = Ahmad, Ahmed | أحمد, احمد
khaled_sy = Khaled, Khalid | خالد
omar_sy = Omar, Omer | عمر
bilal = Bilal, Belal | بلال
firas = Firas, Feras | فراس
rami = Rami, Ramy | رامي
samer = Samer, Sameer | سامر
ziad = Ziad, Ziyad | زياد
majd = Majd, Majed | مجد
hasan_sy = Hasan, Hassan | حسن
yaser = Yaser, Yasser | ياسر
abdulrahman_sy = Abdul+Rahman, Abd Al+Rahman, Abdel+Rahman | عبد+الرحمن
mustafa_sy = Mustafa, Moustafa | مصطفى
""")

SY_F = lexicon("""
rama = Rama, Ramah | راما
lama = Lama, Lamaa | لمى, لما
rana = Rana, Ranaa | رنا
hala = Hala, Halah | هالة, هاله
reem = Reem, Rim | ريم
nour_sy = Nour, Nur | نور
ghada = Ghada, Ghadah | غادة
fatima_sy = Fatima, Fatmeh | فاطمة
aya = Aya, Ayah | آية, اية
""")

SY_FAM = lexicon("""
f_hariri = Al+Hariri, Hariri | الحريري
f_haddad = Haddad, Hadad | حداد
f_masri = Al+Masri, Masri | المصري
f_kassab = Kassab, Qassab | قصاب
f_halabi = Al+Halabi, Halabi | الحلبي
f_darwish = Darwish, Darwesh | درويش
f_ahmad = Al+Ahmad, Al+Ahmed | الأحمد, الاحمد
f_khatib = Al+Khatib, Khatib | الخطيب
f_hamwi = Al+Hamwi, Hamwi | الحموي
f_jaber = Jaber, Jabr | جابر
""")

# Nicknames and short forms (Latin, Arabic or None = written by ear).
NICK = {
    "mohamed": [("Hamada", "حمادة"), ("Mohd", None)],
    "abdalla": [("Abdo", "عبده")],
    "abdelrahman": [("Abdo", "عبده")],
    "abdelaziz": [("Aziz", "عزيز"), ("Zizo", "زيزو")],
    "ibrahim": [("Hima", "هيما")],
    "fatima": [("Fatoum", "فطوم")],
    "abubakr": [("Bakri", "بكري")],
    "mohamednour": [("Nour", "نور")],
    "yohannes": [("Johnny", None), ("Yoni", None)],
    "tesfamariam": [("Tesfa", None)],
    "gebremedhin": [("Medhin", None)],
    "gebremariam": [("Gebre", None)],
    "alemayehu": [("Alex", None)],
    "abraham": [("Abrish", None)],
    "amanuel": [("Amanu", None)],
    "daniel": [("Dani", None)],
    "samuel": [("Sami", None)],
    "mikael": [("Mike", None)],
    "biniam": [("Bini", None)],
    "elizabeth": [("Liz", None)],
    "rebecca": [("Becky", None)],
    "oluwaseun": [("Seun", None)],
    "chukwuemeka": [("Emeka", None)],
    "funmilayo": [("Funmi", None)],
    "tunde": [("Tunde", None)],
    "abubakar_ng": [("Bakar", None)],
    "abdirahman": [("Abdi", "عبدي")],
    "gatluak": [("Gat", None)],
    "mohammed_er": [("Hamed", None)],
}

# ---------------------------------------------------------------------------------------
# Groups and nationalities
# ---------------------------------------------------------------------------------------

GROUPS = {
    "er_ti": dict(nat="ER", sys="patro", gm=TI_M, gf=TI_F, fa=TI_M, s=0.8, tribes=[],
                  orig=[("gz", .8), ("lat", .2)], langs=[("ti", 1), ("ar", .3), ("en", .1), ("am", .1)],
                  npref=[(2, .45), (3, .5), (4, .05)], grandson=0.0, route="ER"),
    "er_tg": dict(nat="ER", sys="patro", gm=TG_M, gf=TG_F, fa=TG_M, s=0.9, tribes=ER_TG_TRIBES,
                  orig=[("ar", .6), ("gz", .15), ("lat", .25)], langs=[("tig", 1), ("ar", .8), ("ti", .3)],
                  npref=[(2, .3), (3, .6), (4, .1)], grandson=0.1, route="ER"),
    "er_bl": dict(nat="ER", sys="patro", gm=BL_M + TI_M[:20], gf=BL_F + TI_F[:15], fa=BL_M + TI_M[:20],
                  s=0.7, tribes=BL_TRIBES, orig=[("gz", .75), ("lat", .25)],
                  langs=[("byn", 1), ("ti", .8), ("ar", .3)], npref=[(2, .45), (3, .5), (4, .05)],
                  grandson=0.0, route="ER"),
    "et_tg": dict(nat="ET", sys="patro", gm=TI_M[:25] + ETG_M, gf=TI_F[:20] + ETG_F, fa=TI_M[:25] + ETG_M,
                  s=0.8, tribes=[], orig=[("gz", .8), ("lat", .2)], langs=[("ti", 1), ("am", .5)],
                  npref=[(2, .45), (3, .5), (4, .05)], grandson=0.0, route="ET"),
    "et_am": dict(nat="ET", sys="patro", gm=AM_M, gf=AM_F, fa=AM_M, s=0.8, tribes=[],
                  orig=[("gz", .8), ("lat", .2)], langs=[("am", 1), ("en", .15), ("ar", .1)],
                  npref=[(2, .45), (3, .5), (4, .05)], grandson=0.0, route="ET"),
    "et_om": dict(nat="ET", sys="patro", gm=OM_M + ["bekele", "tesfaye", "kebede", "girma"],
                  gf=OM_F + ["tigist", "meseret"], fa=OM_M + ["bekele", "tesfaye", "kebede", "girma"],
                  s=0.8, tribes=OM_CLANS, orig=[("om", .45), ("gz", .35), ("lat", .2)],
                  langs=[("om", 1), ("am", .6)], npref=[(2, .4), (3, .55), (4, .05)], grandson=0.0, route="ET"),
    "ss_dk": dict(nat="SS", sys="patro", gm=DK_M[:12] + CHR_M + DK_M[12:], gf=DK_F + CHR_F, fa=DK_M, s=0.7,
                  tribes=[], orig=[("lat", .65), ("ar", .35)], langs=[("din", 1), ("ar", .7), ("en", .4)],
                  npref=[(3, .6), (2, .35), (4, .05)], grandson=0.0, route="SS"),
    "ss_nu": dict(nat="SS", sys="patro", gm=NU_M[:10] + CHR_M + NU_M[10:], gf=NU_F + CHR_F, fa=NU_M, s=0.7,
                  tribes=[], orig=[("lat", .65), ("ar", .35)], langs=[("nus", 1), ("ar", .6), ("en", .4)],
                  npref=[(3, .6), (2, .35), (4, .05)], grandson=0.0, route="SS"),
    "sd": dict(nat="SD", sys="patro", gm=SD_M, gf=SD_F, fa=SD_M, s=1.0, tribes=SD_TRIBES,
               orig=[("ar", .92), ("lat", .08)], langs=[("ar", 1), ("en", .2)],
               npref=[(3, .55), (4, .35), (2, .1)], grandson=0.15, route="SD"),
    "so": dict(nat="SO", sys="patro", gm=SO_M, gf=SO_F, fa=SO_M, s=0.9, tribes=SO_CLANS,
               orig=[("so", .6), ("lat", .25), ("ar", .15)], langs=[("so", 1), ("ar", .4), ("en", .2)],
               npref=[(3, .8), (2, .1), (4, .1)], grandson=0.1, route="SO"),
    "td": dict(nat="TD", sys="patro", gm=TD_M, gf=TD_F, fa=TD_M, s=0.9, tribes=TD_TRIBES,
               orig=[("ar", .6), ("lat", .4)], langs=[("ar", 1), ("fr", .4)],
               npref=[(3, .6), (2, .3), (4, .1)], grandson=0.1, route="TD"),
    "ng_ha": dict(nat="NG", sys="patro", gm=HA_M, gf=HA_F, fa=HA_M, s=0.8, tribes=[],
                  orig=[("lat", .9), ("ar", .1)], langs=[("ha", 1), ("en", .6), ("ar", .3)],
                  npref=[(2, .5), (3, .5)], grandson=0.05, route="NG"),
    "ng_s": dict(nat="NG", sys="family", gm=NGS_M, gf=NGS_F, fa=NGS_M, fam=NG_SUR, s=0.6, tribes=[],
                 orig=[("lat", 1.0)], langs=[("en", 1), ("yo", .5), ("ig", .4)],
                 npref=[(2, .5), (3, .5)], grandson=0.0, route="NG"),
    "eg": dict(nat="EG", sys="patro", gm=EG_M, gf=EG_F, fa=EG_M, s=0.9, tribes=[],
               orig=[("ar", .9), ("lat", .1)], langs=[("ar", 1), ("en", .3)],
               npref=[(4, .4), (3, .5), (2, .1)], grandson=0.1, route="EG"),
    "ye": dict(nat="YE", sys="patro", gm=YE_M, gf=YE_F, fa=YE_M, s=0.9, tribes=YE_TRIBES,
               orig=[("ar", .9), ("lat", .1)], langs=[("ar", 1), ("en", .15)],
               npref=[(3, .5), (4, .4), (2, .1)], grandson=0.15, route="YE"),
    "sy": dict(nat="SY", sys="family", gm=SY_M, gf=SY_F, fa=SY_M, fam=SY_FAM, s=0.8, tribes=[],
               orig=[("ar", .9), ("lat", .1)], langs=[("ar", 1), ("en", .3)],
               npref=[(3, .7), (2, .3)], grandson=0.0, route="SY"),
}

NAT_W = [("ER", .29), ("ET", .30), ("SS", .14), ("SD", .08), ("SO", .05), ("TD", .03),
         ("NG", .03), ("EG", .03), ("YE", .02), ("SY", .03)]
NAT_GROUPS = {"ER": [("er_ti", .65), ("er_tg", .25), ("er_bl", .10)],
              "ET": [("et_tg", .35), ("et_am", .30), ("et_om", .35)],
              "SS": [("ss_dk", .6), ("ss_nu", .4)], "SD": [("sd", 1)], "SO": [("so", 1)],
              "TD": [("td", 1)], "NG": [("ng_ha", .5), ("ng_s", .5)], "EG": [("eg", 1)],
              "YE": [("ye", 1)], "SY": [("sy", 1)]}
SFIRST_GROUPS = ("ng_ha", "ng_s", "ss_dk", "ss_nu", "td")
TWIN_PAIRS = {"sd": ("hassan", "hussein"), "ng_s": ("taiwo", "kehinde")}

NATS = {
    "ER": dict(en="Eritrea", dem="Eritrean", iso3="ERI", iso2="ER", arc=["إرتريا", "ارتريا", "أريتريا"],
               arm=["ارتري", "إرتري"], arf=["ارترية", "إرترية"], typo=["Eritria", "Erithrea", "Eritrian", "Eretria"]),
    "ET": dict(en="Ethiopia", dem="Ethiopian", iso3="ETH", iso2="ET", arc=["إثيوبيا", "اثيوبيا"],
               arm=["اثيوبي", "إثيوبي"], arf=["اثيوبية", "إثيوبية"], typo=["Ethopia", "Ethiopean", "Etheopian", "Ethiopiya"]),
    "SS": dict(en="South Sudan", dem="South Sudanese", iso3="SSD", iso2="SS", arc=["جنوب السودان"],
               arm=["جنوب سوداني"], arf=["جنوب سودانية"], typo=["S. Sudan", "S.Sudan", "South Sudanes", "Southsudan"]),
    "SD": dict(en="Sudan", dem="Sudanese", iso3="SDN", iso2="SD", arc=["السودان"], arm=["سوداني", "سودانى"],
               arf=["سودانية"], typo=["Sudanes", "Soudan"]),
    "SO": dict(en="Somalia", dem="Somali", iso3="SOM", iso2="SO", arc=["الصومال"], arm=["صومالي"],
               arf=["صومالية"], typo=["Somalie", "Somaliya", "Somalian"]),
    "TD": dict(en="Chad", dem="Chadian", iso3="TCD", iso2="TD", arc=["تشاد"], arm=["تشادي"], arf=["تشادية"],
               typo=["Tchad", "Chadien"]),
    "NG": dict(en="Nigeria", dem="Nigerian", iso3="NGA", iso2="NG", arc=["نيجيريا"], arm=["نيجيري"],
               arf=["نيجيرية"], typo=["Nigerea", "Nigeriya"]),
    "EG": dict(en="Egypt", dem="Egyptian", iso3="EGY", iso2="EG", arc=["مصر"], arm=["مصري"], arf=["مصرية"],
               typo=["Egypte", "Egyption", "Egyptain"]),
    "YE": dict(en="Yemen", dem="Yemeni", iso3="YEM", iso2="YE", arc=["اليمن"], arm=["يمني"], arf=["يمنية"],
               typo=["Yamen", "Yemani"]),
    "SY": dict(en="Syria", dem="Syrian", iso3="SYR", iso2="SY", arc=["سوريا", "سورية"], arm=["سوري"],
               arf=["سورية"], typo=["Syrian Arab Republic", "Sirya", "Syira"]),
}
FICTIONAL = ["Narnia", "Wakanda", "Atlantis", "Ruritania", "Freedonia", "Genovia", "Zubrowka",
             "Latveria", "Elbonia", "Gondor", "نارنيا", "أطلانطس"]

LANGS = {
    "ti": (["Tigrinya", "Tigrigna", "Tigrinia"], ["تقرنجا", "التغرينية", "تغرينيا"]),
    "tig": (["Tigre", "Tigré"], ["التقري", "تقري"]),
    "byn": (["Bilen", "Blin"], ["البلين", "بلين"]),
    "am": (["Amharic", "Amharigna"], ["أمهرية", "الأمهرية", "امهري"]),
    "om": (["Afaan Oromo", "Oromo", "Oromiffa", "Afan Oromo"], ["أورومو", "الأورومية", "اورومي"]),
    "din": (["Dinka", "Thuongjang"], ["دينكا", "الدينكا"]),
    "nus": (["Nuer", "Thok Naath"], ["نوير", "النوير"]),
    "ar": (["Arabic", "arabic", "Arab."], ["عربي", "العربية", "عربى"]),
    "en": (["English", "Eng"], ["إنجليزي", "انجليزي", "الإنجليزية"]),
    "so": (["Somali", "Af-Soomaali"], ["صومالي", "الصومالية"]),
    "fr": (["French", "Francais"], ["فرنسي", "فرنساوي"]),
    "ha": (["Hausa", "Hausa "], ["هوسا", "الهوسا"]),
    "yo": (["Yoruba", "Yorouba"], ["يوروبا"]),
    "ig": (["Igbo", "Ibo"], ["إيبو", "ايبو"]),
}

ROUTES = {
    "ER": [("Tesseney - Kassala", "تسني - كسلا"), ("Om Hajer - Hamdayet - Kassala", "أم حجر - حمداييت - كسلا"),
           ("Shagarab camp - Kassala", "معسكر الشجراب - كسلا"), ("Golj - Kassala", "قلج - كسلا"),
           ("Kassala - Khartoum", "كسلا - الخرطوم"), ("Shagarab - Khartoum", "الشجراب - الخرطوم")],
    "ET": [("Metema - Gallabat - Gedaref", "المتمة - القلابات - القضارف"), ("Humera - Hamdayet", "الحمرة - حمداييت"),
           ("Gallabat - Gedaref - Khartoum", "القلابات - القضارف - الخرطوم"), ("Kurmuk - Damazin", "الكرمك - الدمازين"),
           ("Metema - Doka - Gedaref", "المتمة - دوكة - القضارف")],
    "SS": [("Renk - Kosti - Khartoum", "الرنك - كوستي - الخرطوم"), ("Juba - Kosti", "جوبا - كوستي"),
           ("Aweil - Meiram - Babanusa", "أويل - الميرم - بابنوسة"), ("Malakal - Renk - Jabalain", "ملكال - الرنك - الجبلين")],
    "SD": [("Libya - Dongola", "ليبيا - دنقلا"), ("Egypt - Wadi Halfa", "مصر - وادي حلفا"),
           ("Saudi Arabia - Port Sudan", "السعودية - بورتسودان"), ("Chad - Geneina", "تشاد - الجنينة")],
    "SO": [("Ethiopia - Metema - Gedaref", "إثيوبيا - المتمة - القضارف"), ("Bosaso - Ethiopia - Gallabat", "بوصاصو - إثيوبيا - القلابات")],
    "TD": [("Adre - Geneina - Nyala - Khartoum", "أدري - الجنينة - نيالا - الخرطوم"), ("Tine - Kutum - El Fasher", "الطينة - كتم - الفاشر")],
    "NG": [("Niger - Chad - Geneina - Khartoum", "النيجر - تشاد - الجنينة - الخرطوم"), ("Kano - N'Djamena - Geneina", "كانو - انجمينا - الجنينة")],
    "EG": [("Argeen - Wadi Halfa", "أرقين - وادي حلفا"), ("Ashkeet - Wadi Halfa", "أشكيت - وادي حلفا")],
    "YE": [("By sea to Port Sudan", "بحرا إلى بورتسودان"), ("Suakin port", "ميناء سواكن")],
    "SY": [("By air to Khartoum", "جوا إلى الخرطوم"), ("Khartoum airport", "مطار الخرطوم")],
}

EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"]
AR_MON = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"]
AR_MON_LV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
WEST_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

DOC_EN = {"passport": ["Passport", "PP", "passport", "Pass."],
          "natid": ["National ID", "Nat. ID", "ID card", "National No."],
          "refugee": ["UNHCR refugee ID", "Refugee ID", "UNHCR ID", "UNHCR"],
          "case": ["UNHCR case no.", "Family case"]}
DOC_AR = {"passport": ["جواز سفر", "جواز", "باسبورت"],
          "natid": ["رقم وطني", "بطاقة قومية", "بطاقة شخصية"],
          "refugee": ["بطاقة لاجئ", "بطاقة المفوضية", "مفوضية"],
          "case": ["رقم ملف المفوضية", "ملف أسرة"]}

NOTES_EN = [
    "Came with {k} children, husband still in Libya", 'Lost documents at the border, says "will bring a copy"',
    "Phone belongs to {rel}", "Referred to clinic, follow-up in 2 weeks", "Interpreter used, by phone",
    "Old card, number not legible", "Registered together with family", "Complains of back pain, \"since the journey\"",
    "Works as daily labourer, Souq Libya", "Came back for NFI, kit given", 'Referred to UNHCR "protection" desk',
    "Brother in Saudi Arabia, sends money sometimes", "Needs shelter; pregnant, 6 months", "Wants to go to Khartoum, no money",
    "Asked about AVRR, not decided", "Sleeps at the bus station, referred to shelter", "Says age is a guess",
]
NOTES_EN_ML = ["Wants AVRR\nNeeds counselling first", "Seasonal worker, Gedaref farms\nreturns in November",
               "Referred to MHPSS\nfollow-up on Thursday", "UASC, uncle in Khartoum\nflagged to supervisor"]
NOTES_AR = [
    "حضر مع {k} أطفال، الزوج في ليبيا", 'فقد أوراقه عند الحدود، قال "سأحضر صورة"', "الهاتف يخص {rel}",
    "أحيل إلى العيادة، متابعة بعد أسبوعين", "عامل يومية، سوق ليبيا", "استلم مواد غير غذائية",
    'أحيل إلى "المفوضية"، مكتب الحماية', "يحتاج مأوى وغذاء", "العمر تقديري", "تم تسجيله مع أسرته",
    "يرغب في السفر إلى الخرطوم، لا يملك مالا",
]
NOTES_AR_ML = ["يرغب في العودة الطوعية\nيحتاج إرشاد أولا", "عمل موسمي في مشاريع القضارف\nيعود في نوفمبر",
               "طفل غير مصحوب، العم في الخرطوم\nتم إبلاغ المشرف"]
REL_EN = ["brother", "cousin", "uncle", "neighbour", "sister", "friend"]
REL_AR = ["أخيه", "ابن عمه", "عمه", "جاره", "أخته", "صديقه"]
NEEDS = ["Shelter", "Food", "NFI", "Medical", "MHPSS", "Legal aid", "AVRR", "Cash", "Family tracing"]

A_COLS = [("No.", None), ("Date registered", None), ("Full name", "name_original"),
          ("Name in English", "name_latin"), ("Gender", "sex"), ("DOB", "birth_date"), ("Age", "age_estimate"),
          ("Nationality", "nationality"), ("Languages", "languages"), ("Phone number", "phone"),
          ("ID type", "document_type"), ("Passport/ID no.", "document_number"), ("Issued by", "document_country"),
          ("Date of arrival", "arrival_date"), ("Route", "route"), ("Needs", None), ("Remarks", "notes"),
          ("Registered by", None)]
B_COLS = [("م", None), ("تاريخ التسجيل", None), ("الاسم", "name_original"), ("الاسم بالإنجليزي", "name_latin"),
          ("الجنس", "sex"), ("الجنسية", "nationality"), ("تاريخ الميلاد", "birth_date"), ("العمر", "age_estimate"),
          ("رقم الهاتف", "phone"), ("نوع الوثيقة", "document_type"), ("رقم الوثيقة", "document_number"),
          ("تاريخ الوصول", "arrival_date"), ("خط السير", "route"), ("اللغة", "languages"), ("ملاحظات", "notes"),
          ("رقم السرير", None), ("الموظف", None)]
FILES = {"A": ("register-a.csv", A_COLS, "utf-8-sig"), "B": ("register-b.csv", B_COLS, "utf-8")}

REF = dt.date(2018, 1, 1)
RANGE = {"A": (dt.date(2018, 1, 6), dt.date(2022, 6, 30)), "B": (dt.date(2021, 1, 10), dt.date(2023, 3, 30))}

# ---------------------------------------------------------------------------------------
# Transliteration by ear into Arabic script (each clerk has a consistent style)
# ---------------------------------------------------------------------------------------


class ArStyle:
    def __init__(self, sid, g="ق", pa=0.7, pe=0.5, hamza=0.5, fin_e="ي", fin_ta=0.2, ch="ش", ts="تس", hh=0.2):
        self.sid, self.g, self.pa, self.pe, self.hamza = sid, g, pa, pe, hamza
        self.fin_e, self.fin_ta, self.ch, self.ts, self.hh = fin_e, fin_ta, ch, ts, hh


AR_STYLES = {
    "S0": ArStyle("S0"), "S1": ArStyle("S1", g="ج", pa=0.9, pe=0.8, hamza=0.1, fin_e="ى"),
    "S2": ArStyle("S2", pa=0.4, pe=0.2, hamza=0.8, ch="تش", ts="ص"),
    "S3": ArStyle("S3", g="غ", pa=0.8, pe=0.6, fin_e="ه", fin_ta=0.5, hh=0.5),
}
AR_CONS = {"b": "ب", "c": "ك", "d": "د", "f": "ف", "g": "ق", "h": "ه", "j": "ج", "k": "ك", "l": "ل", "m": "م",
           "n": "ن", "p": "ب", "q": "ق", "r": "ر", "s": "س", "t": "ت", "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز"}
V1 = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}


def _ar_initial(seq, st, r):
    alif = "ا"
    if r.random() < st.hamza:
        alif = "إ" if seq[0] in "ie" else "أ"
    if seq[0] in "ou":
        return alif + "و"
    if seq[:2] in ("ai", "ae"):
        return alif + "ي"
    if seq[0] == "i" or seq in ("ee", "ie", "ei"):
        return alif + ("ي" if r.random() < 0.6 else "")
    if seq[0] == "e":
        return alif + ("ي" if r.random() < 0.3 else "")
    return alif


def _ar_medial(seq, st, r):
    if seq == "a":
        return "ا" if r.random() < st.pa else ""
    if seq == "e":
        return "ي" if r.random() < st.pe else ""
    if seq == "aa":
        return "ا"
    if seq in ("i", "ii", "ee", "ie", "ei"):
        return "ي"
    if seq in ("o", "u", "oo", "uu", "ou", "uo"):
        return "و"
    if seq in ("ai", "ae"):
        return "اي"
    if seq in ("ia", "ea"):
        return "يا"
    if seq in ("ua", "oa", "uaa"):
        return "وا"
    if seq in ("ue", "oe"):
        return "وي"
    if seq == "au":
        return "او"
    if seq == "io":
        return "يو"
    out = ""
    for ch in seq:
        if not out.endswith(V1[ch]):
            out += V1[ch]
    return out


def _ar_final(seq, st, r):
    if seq in ("a", "aa"):
        if r.random() < st.fin_ta:
            return "ة" if r.random() < 0.6 else "ه"
        return "ا"
    if seq == "e":
        return st.fin_e if r.random() < 0.7 else "ي"
    if seq in ("i", "ii", "ee", "ie", "ei"):
        return "ي"
    if seq in ("o", "u", "oo", "uu", "ou", "uo"):
        return "و"
    if seq in ("ai", "ae"):
        return "اي"
    if seq in ("ia", "ea"):
        return "يا"
    if seq in ("ua", "oa"):
        return "وا"
    if seq in ("ue", "oe"):
        return "وي"
    return _ar_medial(seq, st, r)


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def translit(word, st):
    w = re.sub(r"[^a-z]", "", strip_accents(word.lower()))
    r = random.Random(h32("tr", st.sid, w))
    out, prev, i, n = [], "", 0, len(w)
    while i < n:
        c = w[i]
        if c in "aeiou":
            j = i
            while j < n and w[j] in "aeiou":
                j += 1
            seq = w[i:j]
            if i == 0:
                out.append(_ar_initial(seq, st, r))
            elif j == n:
                out.append(_ar_final(seq, st, r))
            else:
                out.append(_ar_medial(seq, st, r))
            prev, i = "", j
            continue
        dg = w[i:i + 2]
        if dg in ("ch", "sh", "th", "dh", "kh", "gh", "ny", "ts", "ph", "ng"):
            s = {"ch": st.ch, "sh": "ش", "kh": "خ", "ny": "ني", "ts": st.ts, "ph": "ف"}.get(dg)
            if dg == "th":
                s = "ث" if r.random() < 0.4 else "ت"
            elif dg == "dh":
                s = "ذ" if r.random() < 0.3 else "د"
            elif dg == "gh":
                s = "غ" if r.random() < 0.6 else "ق"
            elif dg == "ng":
                s = "ن" + (st.g if st.g != "غ" else "ق")
            i += 2
        else:
            s = st.g if c == "g" else ("ح" if c == "h" and r.random() < st.hh else AR_CONS.get(c, ""))
            i += 1
            if s == prev:
                continue
        out.append(s)
        prev = s
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Clerks
# ---------------------------------------------------------------------------------------

class Clerk:
    def __init__(self, cid, name, weight, fileid, **kw):
        self.cid, self.name, self.weight, self.file = cid, name, weight, fileid
        self.case = "title"
        self.french = False
        self.space_p = 0.03
        self.dates = [("dmy/", 1)]
        self.digits_ar = 0.0
        self.phones = [("0n", 1)]
        self.nat = [("en", 1)]
        self.nat_typo = 0.02
        self.nat_miss = 0.04
        self.sexf = [(0, 1)]
        self.sex_miss = 0.03
        self.age_too = 0.35
        self.gz_to_ar = 0.05
        self.gz_keep = 0.0
        self.lat_fill = 0.92
        self.lat_to_ar = 0.5
        self.n_bias = 0
        self.tribe_p = 0.12
        self.sfirst_p = 0.1
        self.sfirst_comma = 0.3
        self.join = [("", .55), (" ", .35), ("-", .1)]
        self.eth_abbr = 0.1
        self.ajoin_p = 0.5
        self.style = "S0"
        self.hamza_drop = 0.3
        self.ta_h = 0.15
        self.ya_i = 0.2
        self.lang_ar = 0.0
        self.route_ar = 0.0
        self.notes_p = 0.3
        self.notes_ar = 0.0
        self.case_p = 0.0
        self.__dict__.update(kw)


def make_clerks():
    A = [
        Clerk("A1", "Hiba O.", 3, "A", dates=[("dmy/", 8), ("dmy/n", 2)], phones=[("0n", 8), ("+sp", 1)],
              nat=[("en", 6), ("dem", 3)], sexf=[(0, 1)], style="S0"),
        Clerk("A2", "M. Elnour", 2, "A", case="upper", dates=[("dmy-", 6), ("dmy2", 3)], phones=[("+sp", 6), ("0n", 2)],
              nat=[("dem", 6), ("en", 2)], sexf=[(1, 1)], gz_to_ar=0.5, style="S1", hamza_drop=0.8, join=[("", .3), (" ", .6), ("-", .1)]),
        Clerk("A3", "Sami K.", 2, "A", dates=[("iso", 9), ("dmy/", 1)], phones=[("00", 6), ("+", 3)],
              nat=[("iso3", 7), ("en", 2)], sexf=[(0, 1)], n_bias=1, age_too=0.1, style="S2"),
        Clerk("A4", "Awadia", 2, "A", dates=[("dMy", 5), ("dMMy", 3), ("dmy/", 2)], phones=[("0n-", 6), ("0n", 3)],
              nat=[("en", 5), ("arc", 1)], sexf=[(2, 1)], n_bias=-1, style="S0", notes_p=0.45),
        Clerk("A5", "Tesfit G.", 2, "A", dates=[("dmy.", 7), ("dmy/", 3)], phones=[("n", 5), ("0n", 3)],
              nat=[("dem", 5), ("en", 3)], sexf=[(0, 1)], gz_to_ar=0.0, eth_abbr=0.45, style="S3",
              join=[("", .35), (" ", .35), ("-", .05), ("/", .25)]),
        Clerk("A6", "Rania", 1, "A", case="lower", dates=[("dmy/n", 6), ("dmy-", 2)], phones=[("+", 6), ("0n", 2)],
              nat=[("iso2", 6), ("en", 2)], sexf=[(3, 1)], style="S1", sex_miss=0.08),
        Clerk("A7", "Yasir B.", 1, "A", space_p=0.25, dates=[("dmy/", 5), ("dmy2", 5)], phones=[("249", 5), ("0n ", 4)],
              nat=[("en", 6), ("dem", 2)], nat_typo=0.1, tribe_p=0.45, sexf=[(0, 1), (1, 1)], style="S2"),
        Clerk("A8", "Nada", 1, "A", dates=[("dmy/", 3), ("iso", 2), ("d-Mon-yy", 3), ("dmy.", 1)],
              phones=[("0n", 3), ("+-", 3), ("(+)", 2)], nat=[("en", 3), ("dem", 3), ("iso3", 1)], sexf=[(1, 1), (0, 1)],
              sfirst_p=0.65, sfirst_comma=0.6, french=True, style="S0"),
    ]
    B = [
        Clerk("B1", "أماني", 3, "B", dates=[("dmy/", 9), ("dmy2", 1)], digits_ar=0.6, phones=[("0n", 7), ("n", 2)],
              nat=[("aradj", 8), ("arc", 2)], sexf=[(0, 1)], lat_fill=0.4, style="S0", hamza_drop=0.7,
              lang_ar=0.9, route_ar=0.9, notes_ar=0.95, notes_p=0.25, gz_to_ar=0.0),
        Clerk("B2", "م. الطيب", 2, "B", case="upper", dates=[("arM", 6), ("dmy/", 3)], phones=[("00", 6), ("0n", 2)],
              nat=[("arc", 6), ("aradj", 3)], sexf=[(1, 1)], lat_fill=0.6, style="S1", hamza_drop=0.2, ta_h=0.5,
              lang_ar=0.8, route_ar=0.8, notes_ar=0.9, notes_p=0.2),
        Clerk("B3", "سلمى ع.", 2, "B", dates=[("iso", 5), ("dmy-", 4)], phones=[("+sp", 6), ("0n", 2)],
              nat=[("aradj", 6), ("en", 2)], sexf=[(0, 1), (3, 1)], lat_fill=0.7, tribe_p=0.4, style="S2",
              lang_ar=0.7, route_ar=0.6, notes_ar=0.8, notes_p=0.3, case_p=0.6),
        Clerk("B4", "هاشم", 1, "B", dates=[("lvM", 5), ("dmy2", 3), ("dmy/", 2)], digits_ar=0.3, phones=[("n", 6), ("0n", 2)],
              nat=[("en", 5), ("arc", 3)], sexf=[(2, 1)], lat_fill=0.3, style="S3", ya_i=0.7, age_too=0.6,
              lang_ar=0.9, route_ar=0.9, notes_ar=1.0, notes_p=0.15),
        Clerk("B5", "Tsega", 1, "B", dates=[("dmy.", 6), ("dmy/", 3)], phones=[("+", 6), ("+sp", 2)],
              nat=[("en", 5), ("dem", 3)], sexf=[(3, 1)], lat_fill=0.85, gz_keep=0.7, eth_abbr=0.35, style="S1",
              join=[("", .4), (" ", .3), ("/", .3)], lang_ar=0.2, route_ar=0.3, notes_ar=0.3, notes_p=0.3),
        Clerk("B6", "نهى", 1, "B", case="lower", dates=[("dmy/n", 7), ("arM", 3)], phones=[("0n ", 6), ("00", 2)],
              nat=[("iso3", 4), ("aradj", 4)], sexf=[(0, 1)], lat_fill=0.5, sfirst_p=0.6, sfirst_comma=0.5,
              style="S2", lang_ar=0.8, route_ar=0.8, notes_ar=0.9, notes_p=0.2, space_p=0.12),
    ]
    return A, B


SEX_FORMS = {"A": [("M", "F"), ("Male", "Female"), ("male", "female"), ("m", "f")],
             "B": [("ذكر", "أنثى"), ("ذكر", "انثى"), ("ذكر", "انثي"), ("M", "F")]}

# ---------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------

_CW = {}


def pick_name(rng, pool, s):
    key = (id(pool), s)
    if key not in _CW:
        acc, cw = 0.0, []
        for i in range(len(pool)):
            acc += 1.0 / (i + 1) ** s
            cw.append(acc)
        _CW[key] = cw
    return rng.choices(pool, cum_weights=_CW[key])[0]


class Person:
    pass


class Household:
    pass


SD_PREFIX = ["91", "92", "90", "96", "99", "12", "11", "10"]
FOREIGN = {"ER": (0.05, "291", lambda r: "7" + dg(r, 6)), "ET": (0.08, "251", lambda r: "9" + dg(r, 8)),
           "SS": (0.08, "211", lambda r: "9" + r.choice("1256") + dg(r, 7)), "SD": (0.05, "966", lambda r: "5" + dg(r, 8)),
           "SO": (0.1, "252", lambda r: "61" + dg(r, 7)), "TD": (0.08, "235", lambda r: "6" + dg(r, 7)),
           "NG": (0.1, "234", lambda r: "80" + dg(r, 8)), "EG": (0.4, "20", lambda r: "1" + r.choice("0125") + dg(r, 8)),
           "YE": (0.2, "967", lambda r: "7" + dg(r, 8)), "SY": (0.3, "963", lambda r: "9" + dg(r, 8))}


def dg(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def new_phone(rng, nat):
    p, cc, f = FOREIGN[nat]
    if rng.random() < p:
        return (cc, f(rng))
    return ("249", rng.choice(SD_PREFIX) + dg(rng, 7))


def birth_for(rng, age):
    return REF - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))


DOBK = {"SD": (.6, .2), "EG": (.7, .15), "SY": (.7, .15), "YE": (.55, .2), "ER": (.4, .25), "ET": (.4, .25),
        "SS": (.25, .25), "SO": (.25, .25), "TD": (.3, .25), "NG": (.5, .2)}
DOC_P = {"ER": .3, "ET": .3, "SS": .2, "SO": .25, "SD": .55, "EG": .7, "SY": .7, "YE": .5, "NG": .5, "TD": .3}
DOC_KIND = {"ER": [("refugee", .7), ("passport", .2), ("natid", .1)], "ET": [("refugee", .6), ("passport", .3), ("natid", .1)],
            "SS": [("refugee", .5), ("passport", .3), ("natid", .2)], "SO": [("refugee", .8), ("passport", .2)],
            "SD": [("natid", .6), ("passport", .4)], "EG": [("passport", .8), ("natid", .2)],
            "SY": [("passport", .9), ("natid", .1)], "YE": [("passport", .8), ("natid", .2)],
            "NG": [("passport", .9), ("natid", .1)], "TD": [("passport", .6), ("natid", .4)]}


def doc_number(rng, nat, kind, office):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if kind == "refugee":
        return "%s-%02d-%06d" % (office, rng.randint(15, 21), rng.randrange(1, 999999))
    if kind == "natid":
        if nat == "EG":
            return dg(rng, 14)
        if nat == "SD":
            return dg(rng, 11)
        return rng.choice(L) + dg(rng, 7)
    pre = {"ER": "P", "ET": "EP", "SS": "S", "SD": "P", "SO": "P0", "EG": "A", "SY": "N", "YE": "0",
           "NG": "A", "TD": "TC"}[nat]
    ln = {"ER": 7, "ET": 7, "SS": 8, "SD": 8, "SO": 7, "EG": 8, "SY": 9, "YE": 7, "NG": 8, "TD": 6}[nat]
    return pre + dg(rng, ln)


def chain(rng, grp, sex):
    G = GROUPS[grp]
    given = pick_name(rng, G["gm"] if sex == "M" else G["gf"], G["s"])
    if G["sys"] == "family":
        middle = pick_name(rng, G["fa"], G["s"])
        if grp == "ng_s" and rng.random() < 0.5:
            middle = pick_name(rng, G["gm"] if sex == "M" else G["gf"], G["s"])
        for _ in range(3):
            if middle != given:
                break
            middle = pick_name(rng, G["fa"], G["s"])
        return [given, middle, pick_name(rng, G["fam"], 0.5)]
    fa = [pick_name(rng, G["fa"], G["s"]) for _ in range(3)]
    for _ in range(3):
        if fa[0] != given:
            break
        fa[0] = pick_name(rng, G["fa"], G["s"])
    if sex == "M" and rng.random() < G["grandson"]:
        given = fa[1]
    return [given] + fa


def child_parts(rng, grp, sex, father, used):
    G = GROUPS[grp]
    for _ in range(6):
        g = pick_name(rng, G["gm"] if sex == "M" else G["gf"], G["s"])
        if g not in used and g != father[0]:
            break
    used.append(g)
    if G["sys"] == "family":
        if grp == "sy":
            mid = father[0]
        else:
            mid = pick_name(rng, G["gm"] if sex == "M" else G["gf"], G["s"])
        return [g, mid, father[2]]
    return [g, father[0], father[1], father[2]]


def make_person(rng, hh, sex, parts, age, role, child=False):
    G = GROUPS[hh.grp]
    p = Person()
    p.grp, p.nat, p.sys, p.sex, p.parts = hh.grp, G["nat"], G["sys"], sex, parts
    p.role, p.hh, p.child = role, hh, child
    p.birth = birth_for(rng, age)
    full, year = DOBK[p.nat] if not child else (.55, .2)
    r = rng.random()
    p.dob_known = "full" if r < full else ("year" if r < full + year else "none")
    p.tribe = None
    if G["tribes"] and rng.random() < 0.6:
        p.tribe = rng.choice(G["tribes"])
    p.maxn = 4 if p.sys == "patro" else 3
    p.npref = weighted(rng, G["npref"])
    p.orig = hh.orig
    langs = []
    for code, pr in G["langs"]:
        if rng.random() < pr:
            langs.append(code)
    p.langs = langs or [G["langs"][0][0]]
    p.doc = None
    if rng.random() < (DOC_P[p.nat] if not child else 0.04):
        kind = weighted(rng, DOC_KIND[p.nat])
        issuer = "SD" if kind == "refugee" else p.nat
        p.doc = (kind, doc_number(rng, p.nat, kind, hh.office), issuer)
    p.phone = None
    p.namesake = None
    return p


SINGLE_M = {"ER": .6, "ET": .5, "SS": .6, "SD": .7, "SO": .6, "TD": .75, "NG": .75, "EG": .8, "YE": .75, "SY": .65}
HH_KINDS = [("single", .56), ("couple", .07), ("couple_kids", .10), ("mother_kids", .10), ("father_kids", .04),
            ("siblings", .10), ("uasc", .03)]
COMMUNITY_PHONES = []


def kids_of(rng, hh, father_parts, n, max_age, used):
    ages = sorted((rng.randint(1, max(1, max_age)) for _ in range(n)), reverse=True)
    sexes = ["M" if rng.random() < 0.5 else "F" for _ in range(n)]
    twins = n >= 2 and rng.random() < 0.08
    pair = TWIN_PAIRS.get(hh.grp) if twins else None
    if twins:
        ages[1] = ages[0]
        if pair and hh.grp == "sd":
            if rng.random() < 0.6:
                sexes[0] = sexes[1] = "M"
            else:
                pair = None
    kids = []
    for i in range(n):
        kids.append((sexes[i], child_parts(rng, hh.grp, sexes[i], father_parts, used), ages[i]))
    if pair:
        kids[0][1][0], kids[1][1][0] = pair
    return kids, twins


def add_kids(rng, hh, members, kids, twins, phone):
    made = []
    for sex, parts, age in kids:
        c = make_person(rng, hh, sex, parts, age, "child", child=True)
        c.phone = phone
        made.append(c)
    if twins:
        made[1].birth, made[1].dob_known = made[0].birth, made[0].dob_known
    members.extend(made)


def build_household(rng, hh):
    G = GROUPS[hh.grp]
    nat = G["nat"]
    members = []
    used = []
    kind = hh.kind
    if kind in ("single", "uasc"):
        sex = "M" if rng.random() < SINGLE_M[nat] else "F"
        age = rng.randint(12, 17) if kind == "uasc" else int(rng.triangular(17, 52, 23))
        p = make_person(rng, hh, sex, chain(rng, hh.grp, sex), age, kind, child=(kind == "uasc"))
        p.phone = new_phone(rng, nat) if rng.random() < (0.9 if kind == "single" else 0.5) else None
        if kind == "single" and rng.random() < 0.015 and COMMUNITY_PHONES:
            p.phone = rng.choice(COMMUNITY_PHONES)
        members.append(p)
    elif kind in ("couple", "couple_kids", "father_kids"):
        hage = rng.randint(22, 52)
        hparts = chain(rng, hh.grp, "M")
        used.append(hparts[0])
        head = make_person(rng, hh, "M", hparts, hage, "head")
        head.phone = new_phone(rng, nat) if rng.random() < 0.92 else None
        members.append(head)
        wage = max(18, hage - rng.randint(0, 10))
        if kind != "father_kids":
            wparts = chain(rng, hh.grp, "F")
            if G["sys"] == "family" and hh.grp == "ng_s" and rng.random() < 0.7:
                wparts[2] = hparts[2]
            wife = make_person(rng, hh, "F", wparts, wage, "spouse")
            wife.phone = head.phone if rng.random() < 0.8 else new_phone(rng, nat)
            members.append(wife)
        if kind != "couple":
            n = weighted(rng, [(1, .3), (2, .3), (3, .25), (4, .15)])
            kids, twins = kids_of(rng, hh, hparts, n, min(17, wage - 17), used)
            add_kids(rng, hh, members, kids, twins, head.phone)
    elif kind == "mother_kids":
        mage = rng.randint(20, 45)
        mparts = chain(rng, hh.grp, "F")
        mother = make_person(rng, hh, "F", mparts, mage, "head")
        mother.phone = new_phone(rng, nat) if rng.random() < 0.85 else None
        members.append(mother)
        fparts = chain(rng, hh.grp, "M")
        n = weighted(rng, [(1, .35), (2, .35), (3, .2), (4, .1)])
        kids, twins = kids_of(rng, hh, fparts, n, min(17, mage - 17), used)
        add_kids(rng, hh, members, kids, twins, mother.phone)
    elif kind == "siblings":
        fparts = chain(rng, hh.grp, "M")
        n = weighted(rng, [(2, .7), (3, .3)])
        base = int(rng.triangular(14, 36, 20))
        shared = new_phone(rng, nat) if rng.random() < 0.75 else None
        twins = rng.random() < 0.1
        for i in range(n):
            sex = "M" if rng.random() < 0.55 else "F"
            parts = child_parts(rng, hh.grp, sex, fparts, used)
            age = base if (i == 0 or (twins and i == 1)) else max(12, base + rng.choice([-1, 1]) * rng.randint(2, 9))
            p = make_person(rng, hh, sex, parts, age, "sibling", child=(age < 18))
            if twins and i == 1:
                p.birth = members[0].birth
                p.dob_known = members[0].dob_known
            p.phone = shared if shared else new_phone(rng, nat)
            members.append(p)
    return members


def make_population(N, rng):
    for _ in range(30):
        COMMUNITY_PHONES.append(("249", rng.choice(SD_PREFIX) + dg(rng, 7)))
    people, hhs = [], []
    while len(people) < N:
        hh = Household()
        hh.id = len(hhs)
        nat = weighted(rng, NAT_W)
        hh.grp = weighted(rng, NAT_GROUPS[nat])
        hh.kind = weighted(rng, HH_KINDS)
        hh.route = rng.randrange(len(ROUTES[nat]))
        hh.orig = weighted(rng, GROUPS[hh.grp]["orig"])
        hh.office = rng.choice(["KSL", "GDR", "KRT", "SHG"])
        hh.case_no = "%s-%02d-C%05d" % (hh.office, rng.randint(15, 21), rng.randrange(10000, 99999))
        ms = build_household(rng, hh)[:N - len(people)]
        for i, m in enumerate(ms):
            m.pid = "P%05d" % (len(people) + 1)
            m.idx = i
            people.append(m)
        hh.members = ms
        hhs.append(hh)
    return people, hhs


NAMESAKE_TEMPLATES = [
    ("sd", "M", ["mohamed", "ahmed", "mohamed"]), ("sd", "M", ["ahmed", "mohamed", "ahmed"]),
    ("sd", "M", ["abdalla", "ibrahim", None]), ("sd", "M", ["mohamed", "adam", "ishag"]),
    ("sd", "F", ["fatima", "mohamed", "ahmed"]), ("sd", "F", ["amna", "ali", "mohamed"]),
    ("er_ti", "M", ["kidane", "tesfamariam", None]), ("er_ti", "M", ["yohannes", "tesfay", None]),
    ("er_ti", "F", ["senait", "tesfay", None]), ("et_am", "M", ["tesfaye", "bekele", None]),
    ("et_tg", "M", ["haile", "gebremedhin", None]), ("et_om", "M", ["gemechu", "tolosa", None]),
    ("ss_dk", "M", ["deng", "garang", None]), ("ss_dk", "M", ["john", "garang", "deng"]),
    ("so", "M", ["mohamed_so", "abdi", "ali_so"]), ("er_tg", "M", ["mohammed_er", "idris_er", "osman_er"]),
    ("td", "M", ["mahamat", "abakar", None]), ("eg", "M", ["mohamed_eg", "ahmed_eg", "mahmoud_eg"]),
    ("et_om", "F", ["chaltu", "gemechu", None]), ("ss_nu", "M", ["gatluak", "riek", None]),
]


def make_namesakes(people, rng, N):
    singles = [p for p in people if p.role == "single" and p.sys == "patro"]
    by = {}
    for p in singles:
        by.setdefault((p.grp, p.sex), []).append(p)
    n_clusters = max(6, N // 220)
    cid = 0
    for ci in range(n_clusters):
        if ci < len(NAMESAKE_TEMPLATES):
            grp, sex, tpl = NAMESAKE_TEMPLATES[ci]
        else:
            grp, sex, tpl = NAMESAKE_TEMPLATES[rng.randrange(len(NAMESAKE_TEMPLATES))]
            if rng.random() < 0.5:
                G = GROUPS[grp]
                tpl = [(G["gm"] if sex == "M" else G["gf"])[rng.randrange(3)], G["fa"][rng.randrange(4)],
                       G["fa"][rng.randrange(6)] if rng.random() < 0.5 else None]
        cands = [p for p in by.get((grp, sex), []) if p.namesake is None]
        if len(cands) < 2:
            continue
        size = min(len(cands), rng.choice([3, 3, 4, 4, 5, 6, 8, 10]))
        members = rng.sample(cands, size)
        tight = rng.random() < 0.6
        center = members[0].birth.year
        for m in members:
            for i, k in enumerate(tpl):
                if k is not None:
                    m.parts[i] = k
            if tight:
                y = center + rng.randint(-2, 2)
                try:
                    m.birth = m.birth.replace(year=y)
                except ValueError:
                    m.birth = m.birth.replace(year=y, day=28)
            m.namesake = cid
        cid += 1


def assign_files(hhs, N, rng):
    order = list(hhs)
    rng.shuffle(order)
    tB = round(0.40 * N)
    tS = round(0.25 * tB)
    shared = bonly = 0
    for hh in order:
        if shared < tS:
            hh.inA = True
            hh.b_members = [m for m in hh.members if rng.random() < 0.9] or [hh.members[0]]
            shared += len(hh.b_members)
        elif bonly < tB - tS:
            hh.inA = False
            hh.b_members = list(hh.members)
            bonly += len(hh.members)
        else:
            hh.inA = True
            hh.b_members = []


# ---------------------------------------------------------------------------------------
# Plans: what a clerk chose to write about a person on one visit
# ---------------------------------------------------------------------------------------

def clerk_pref(clerk, key, n, what):
    return zipf_index(n, random.Random(h32("pref", clerk.cid, key, what)))


def pick_var(clerk, key, n, rng, what="lat"):
    if n <= 1:
        return 0
    if rng.random() < 0.8:
        return clerk_pref(clerk, key, n, what)
    return zipf_index(n, rng)


def pick_join(clerk, e, rng):
    items = [(j, w) for j, w in clerk.join if j != "/"]
    if e.eth:
        items.append(("/", clerk.eth_abbr))
    return weighted(rng, items)


def all_keys(p):
    ks = list(p.parts)
    if p.tribe:
        ks.append(p.tribe)
    return ks


def has_gz(p):
    return all(LEX[k].gz for k in all_keys(p))


def choose_orig(p, clerk, fileid, rng):
    o = p.orig
    if fileid == "A":
        if o == "gz":
            r = rng.random()
            if r < clerk.gz_to_ar:
                return "ar"
            return "lat" if r < clerk.gz_to_ar + 0.08 else "gz"
        if o == "ar":
            return "ar" if rng.random() < 0.85 else "lat"
        if o in ("so", "om"):
            return o if rng.random() < 0.75 else "lat"
        return "lat"
    if o == "gz":
        if rng.random() < clerk.gz_keep:
            return "gz"
        return "ar" if rng.random() < 0.85 else "lat"
    if o == "ar":
        return "ar"
    if o == "lat":
        return "ar" if rng.random() < clerk.lat_to_ar else "lat"
    r = rng.random()
    return "ar" if r < 0.6 else (o if r < 0.8 else "lat")


def visit_fields(plan, p, clerk, fileid, rng):
    plan["age_jit"] = rng.gauss(0, 3.5)
    plan["age_shown"] = rng.random() < clerk.age_too
    plan["arr_shown"] = rng.random() < (0.85 if fileid == "A" else 0.75)
    plan["route_shown"] = rng.random() < (0.6 if fileid == "A" else 0.5)
    plan["langs_shown"] = rng.random() < (0.7 if fileid == "A" else 0.6)
    plan["note"] = None
    if rng.random() < clerk.notes_p:
        ar = rng.random() < clerk.notes_ar
        if rng.random() < 0.012:
            plan["note"] = rng.choice(NOTES_AR_ML if ar else NOTES_EN_ML)
        else:
            t = rng.choice(NOTES_AR if ar else NOTES_EN)
            plan["note"] = t.format(k=rng.randint(1, 4), rel=rng.choice(REL_AR if ar else REL_EN))
    plan["needs"] = ", ".join(rng.sample(NEEDS, rng.randint(1, 3))) if rng.random() < 0.6 else ""
    plan["bed"] = ""
    if rng.random() < 0.2:
        plan["bed"] = rng.choice(["%d" % rng.randint(1, 60), "B-%d" % rng.randint(1, 40), "سرير %d" % rng.randint(1, 30),
                                  "A%d" % rng.randint(1, 20)])
    plan["case_doc"] = rng.random() < clerk.case_p
    plan["two_phones"] = rng.random() < 0.005


def fresh_plan(p, clerk, fileid, rng):
    plan = {"var": {}, "join": {}, "arv": {}, "ajoin": {}, "gzv": {}, "gjoin": {}}
    for k in all_keys(p):
        e = LEX[k]
        plan["var"][k] = pick_var(clerk, k, len(e.lat), rng)
        plan["join"][k] = pick_join(clerk, e, rng)
        plan["arv"][k] = pick_var(clerk, k, len(e.ar), rng, "ar")
        plan["ajoin"][k] = "" if rng.random() < clerk.ajoin_p else " "
        plan["gzv"][k] = 0 if len(e.gz) < 2 or rng.random() < 0.7 else 1
        plan["gjoin"][k] = weighted(rng, [("", .5), (" ", .3), ("/", .2)])
    plan["ars"] = clerk.style
    n = p.npref
    if clerk.n_bias and rng.random() < 0.7:
        n += clerk.n_bias
    plan["n"] = max(2, min(p.maxn, n))
    plan["orig"] = choose_orig(p, clerk, fileid, rng)
    if fileid == "A":
        plan["lat"] = rng.random() < (0.65 if plan["orig"] == "lat" else clerk.lat_fill)
        if plan["orig"] != "lat" and rng.random() < 0.04:
            plan["orig"] = None
            plan["lat"] = True
    else:
        plan["lat"] = rng.random() < clerk.lat_fill
    plan["nick"] = False
    plan["nick_i"] = 0
    if p.parts[0] in NICK and rng.random() < 0.015:
        plan["nick"] = True
        plan["nick_i"] = rng.randrange(len(NICK[p.parts[0]]))
    plan["tribe"] = bool(p.tribe) and plan["n"] >= 3 and rng.random() < clerk.tribe_p
    plan["sfirst"] = p.grp in SFIRST_GROUPS and rng.random() < clerk.sfirst_p
    if plan["orig"] == "gz" and not has_gz(p):
        plan["orig"] = "lat"
    plan["typo"] = None
    if rng.random() < 0.015:
        plan["typo"] = (rng.randrange(plan["n"]), rng.choice(["drop", "double", "swap", "vowel"]), rng.randrange(1000))
    if p.dob_known == "full":
        plan["dob"] = weighted(rng, [("full", .8), ("year", .08), ("age", .12)])
    elif p.dob_known == "year":
        plan["dob"] = weighted(rng, [("year", .6), ("jan1", .25), ("age", .15)])
    else:
        plan["dob"] = weighted(rng, [("age", .72), ("jan1", .28)])
    plan["sex"] = rng.random() > (clerk.sex_miss * (2 if p.child else 1))
    plan["nat"] = rng.random() > clerk.nat_miss
    plan["phone"] = p.phone if rng.random() > (0.45 if p.child else 0.15) else None
    plan["doc"] = p.doc is not None and rng.random() < 0.85
    plan["defect"] = None
    visit_fields(plan, p, clerk, fileid, rng)
    return plan


# ---------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------

def display_keys(p, plan):
    n = plan["n"]
    if p.sys == "patro":
        keys = p.parts[:n]
        if plan["tribe"] and p.tribe and n >= 3:
            keys = keys[:2] + [p.tribe]
        return list(keys)
    return [p.parts[0], p.parts[2]] if n <= 2 else list(p.parts)


def part_lat(e, vi, join):
    s = e.lat[vi % len(e.lat)]
    if "+" in s:
        a, b = s.split("+", 1)
        if join == "":
            s = a + b[:1].lower() + b[1:]
        elif join == "/" and e.eth:
            s = a[:1] + "/" + b[:1].upper() + b[1:]
        elif join == "-":
            s = a + "-" + b[:1].upper() + b[1:]
        else:
            s = a + " " + b[:1].upper() + b[1:]
    return s


AR_SPACE_PREFIX = ("أم", "ام", "ود", "ست")


def part_ar(e, plan, key):
    if e.ar:
        s = e.ar[plan["arv"].get(key, 0) % len(e.ar)]
        if "+" in s:
            a, b = s.split("+", 1)
            j = plan["ajoin"].get(key, "")
            if a in AR_SPACE_PREFIX:
                j = " "
            s = a + j + b
        return s
    st = AR_STYLES[plan["ars"]]
    base = e.lat[0]
    if "+" in base:
        a, b = base.split("+", 1)
        j = plan["ajoin"].get(key, "")
        left = translit(a, st)
        if j == "" and left[-1:] in ("ة", "ه"):
            left = left[:-1] + ("ا" if left[-1] == "ة" else "")
        return left + j + translit(b, st)
    return " ".join(translit(w, st) for w in base.split())


def part_gz(e, plan, key):
    s = e.gz[plan["gzv"].get(key, 0) % len(e.gz)]
    if "+" in s:
        a, b = s.split("+", 1)
        j = plan["gjoin"].get(key, "")
        s = (a[0] + "/" + b) if j == "/" else (a + j + b)
    return s


def apply_typo(s, t):
    _, kind, r = t
    idx = [i for i, ch in enumerate(s) if ch.isalpha()]
    if len(idx) < 4:
        return s
    i = idx[1 + r % (len(idx) - 1)]
    if kind == "drop":
        return s[:i] + s[i + 1:]
    if kind == "double":
        return s[:i] + s[i] + s[i:]
    if kind == "swap" and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    vow = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o", "A": "E", "E": "I", "I": "E", "O": "U", "U": "O"}
    if s[i] in vow:
        return s[:i] + vow[s[i]] + s[i + 1:]
    return s[:i] + s[i] + s[i:]


def ar_habits(s, clerk, r):
    if r.random() < clerk.hamza_drop:
        s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    if r.random() < clerk.ta_h:
        s = re.sub("ة(?=\\s|$)", "ه", s)
    if r.random() < clerk.ya_i:
        s = re.sub("ى(?=\\s|$)", "ي", s)
    return s


def stray(s, clerk, r):
    if s and r.random() < clerk.space_p:
        k = r.randrange(3)
        if k == 0:
            return s + " "
        if k == 1:
            return " " + s
        return s.replace(" ", "  ", 1) if " " in s else s + " "
    return s


def latin_tokens(p, plan, keys, typo=True):
    toks = []
    for pos, k in enumerate(keys):
        e = LEX[k]
        if pos == 0 and plan["nick"] and k in NICK:
            s = NICK[k][plan["nick_i"] % len(NICK[k])][0]
        else:
            s = part_lat(e, plan["var"].get(k, 0), plan["join"].get(k, ""))
        if typo and plan["typo"] and plan["typo"][0] == pos:
            s = apply_typo(s, plan["typo"])
        toks.append(s)
    return toks


def case_latin(toks, p, plan, clerk, r):
    toks = list(toks)
    if clerk.french and p.nat in ("TD", "NG") and len(toks) > 1:
        toks[-1] = toks[-1].upper()
    comma = False
    if plan["sfirst"] and len(toks) > 1:
        toks = [toks[-1]] + toks[:-1]
        comma = r.random() < clerk.sfirst_comma
    s = (toks[0] + ", " + " ".join(toks[1:])) if comma else " ".join(toks)
    if clerk.case == "upper":
        s = s.upper()
    elif clerk.case == "lower":
        s = s.lower()
    return s


def name_cells(p, plan, clerk, r):
    keys = display_keys(p, plan)
    orig, lat = "", ""
    o = plan["orig"]
    if o == "ar":
        toks = []
        for pos, k in enumerate(keys):
            if pos == 0 and plan["nick"] and k in NICK:
                nl, na = NICK[k][plan["nick_i"] % len(NICK[k])]
                toks.append(na or translit(nl, AR_STYLES[plan["ars"]]))
            else:
                toks.append(part_ar(LEX[k], plan, k))
        orig = ar_habits(" ".join(toks), clerk, r)
    elif o == "gz":
        orig = " ".join(part_gz(LEX[k], plan, k) for k in keys)
    elif o in ("so", "om"):
        toks = []
        for k in keys:
            e = LEX[k]
            toks.append(e.native if e.native else part_lat(e, 0, ""))
        orig = case_latin(toks, p, dict(plan, sfirst=False), clerk, r)
    elif o == "lat":
        orig = case_latin(latin_tokens(p, plan, keys, typo=not plan["lat"]), p, plan, clerk, r)
    if plan["lat"]:
        lat = case_latin(latin_tokens(p, plan, keys), p, plan, clerk, r)
    return stray(orig, clerk, r), stray(lat, clerk, r)


def fmt_date(d, fmt):
    y, m, dd = d.year, d.month, d.day
    if fmt == "dmy2" and y < 1950:
        fmt = "dmy/"
    if fmt == "d-Mon-yy" and y < 1950:
        fmt = "dMy"
    return {
        "dmy/": "%02d/%02d/%d" % (dd, m, y), "dmy/n": "%d/%d/%d" % (dd, m, y), "dmy-": "%02d-%02d-%d" % (dd, m, y),
        "dmy.": "%02d.%02d.%d" % (dd, m, y), "iso": "%d-%02d-%02d" % (y, m, dd), "dmy2": "%02d/%02d/%02d" % (dd, m, y % 100),
        "dMy": "%d %s %d" % (dd, EN_MON[m - 1], y), "dMMy": "%d %s %d" % (dd, EN_MONTH[m - 1], y),
        "d-Mon-yy": "%02d-%s-%02d" % (dd, EN_MON[m - 1], y % 100), "arM": "%d %s %d" % (dd, AR_MON[m - 1], y),
        "lvM": "%d %s %d" % (dd, AR_MON_LV[m - 1], y),
    }[fmt]


def digits(s, clerk, r):
    if s and r.random() < clerk.digits_ar:
        return s.translate(AR_DIGITS)
    return s


def fmt_phone(ph, style):
    cc, n = ph
    g = " ".join(n[i:i + 3] for i in range(0, len(n), 3))
    if cc == "249":
        return {"0n": "0" + n, "0n-": "0%s-%s-%s" % (n[:3], n[3:6], n[6:]), "0n ": "0%s %s %s" % (n[:3], n[3:6], n[6:]),
                "+sp": "+249 " + g, "+": "+249" + n, "00": "00249" + n, "249": "249" + n, "n": n,
                "+-": "+249-" + n, "(+)": "(+249) " + n}[style]
    return {"0n": "0" + n, "0n-": "+%s-%s" % (cc, n), "0n ": "+%s %s" % (cc, g), "+sp": "+%s %s" % (cc, g),
            "+": "+" + cc + n, "00": "00" + cc + n, "249": cc + n, "n": "+%s %s" % (cc, n), "+-": "+%s-%s" % (cc, n),
            "(+)": "(+%s) %s" % (cc, n)}[style]


def fmt_docnum(num, r):
    k = r.random()
    if k < 0.5:
        return num
    if k < 0.6:
        return num.lower()
    if "-" in num:
        return num.replace("-", " ") if k < 0.8 else num.replace("-", "")
    m = re.match(r"^([A-Z]+)(\d+)$", num)
    if m:
        a, b = m.groups()
        if k < 0.75:
            return a + " " + b
        if k < 0.88:
            return a + "-" + b
        return a + " " + b[:3] + " " + b[3:]
    return " ".join(num[i:i + 4] for i in range(0, len(num), 4))


def age_value(p, plan, d):
    true = d.year - p.birth.year - ((d.month, d.day) < (p.birth.month, p.birth.day))
    if p.dob_known == "none":
        if true >= 18:
            return max(15, int(5 * round((true + plan["age_jit"]) / 5.0)))
        return max(1, int(round(true + plan["age_jit"] / 3.0)))
    if p.dob_known == "year":
        return d.year - p.birth.year
    return true


def nat_cell(p, clerk, r):
    N = NATS[p.nat]
    if r.random() < clerk.nat_typo:
        return r.choice(N["typo"])
    form = weighted(r, clerk.nat)
    if form == "en":
        return N["en"]
    if form == "dem":
        return N["dem"]
    if form == "iso3":
        return N["iso3"]
    if form == "iso2":
        return N["iso2"]
    if form == "arc":
        return r.choice(N["arc"])
    return r.choice(N["arf"] if p.sex == "F" else N["arm"])


def impossible_date(r, fmt):
    kind = r.randrange(5)
    y = r.randint(1975, 2004)
    if kind == 0:
        d, m = r.choice([(31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11)])
    elif kind == 1:
        d, m, y = 29, 2, r.choice([1989, 1990, 1991, 1993, 1995, 1997, 1998, 2001])
    elif kind == 2:
        d, m = r.randint(1, 28), 13
    elif kind == 3:
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2091, 2099, 2089])
    else:
        d, m = 32, r.randint(1, 12)
    if fmt == "iso":
        return "%d-%02d-%02d" % (y, m, d)
    sep = {"dmy-": "-", "dmy.": "."}.get(fmt, "/")
    return "%02d%s%02d%s%d" % (d, sep, m, sep, y)


def render(p, plan, clerk, fileid, d, seed):
    def R(tag):
        return random.Random(h32(seed, tag))
    out = {}
    out["name_original"], out["name_latin"] = name_cells(p, plan, clerk, R("name"))
    r = R("sex")
    out["sex"] = ""
    if plan["sex"]:
        pair = SEX_FORMS[fileid][weighted(r, clerk.sexf)]
        out["sex"] = pair[0] if p.sex == "M" else pair[1]
    r = R("dob")
    fmt = weighted(r, clerk.dates)
    mode = plan["dob"]
    age = age_value(p, plan, d)
    dob = ""
    if mode == "full":
        dob = fmt_date(p.birth, fmt)
    elif mode == "year":
        dob = str(p.birth.year)
    elif mode == "jan1":
        y = p.birth.year if p.dob_known != "none" else d.year - age
        dob = fmt_date(dt.date(y, 1, 1), fmt)
    out["birth_date"] = digits(dob, clerk, r)
    agecell = ""
    if mode == "age" or plan["age_shown"]:
        est = p.dob_known == "none"
        if fileid == "A":
            f = weighted(r, [("{a}", 6), ("{a} yrs", 1), ("~{a}", 1 if est else 0), ("approx. {a}", 1 if est else 0)])
        else:
            f = weighted(r, [("{a}", 6), ("{a} سنة", 2), ("حوالي {a}", 1 if est else 0)])
        agecell = digits(f.format(a=age), clerk, r)
    out["age_estimate"] = agecell
    r = R("nat")
    out["nationality"] = nat_cell(p, clerk, r) if plan["nat"] else ""
    r = R("lang")
    out["languages"] = ""
    if plan["langs_shown"]:
        ar = r.random() < clerk.lang_ar
        names = [LANGS[c][1 if ar else 0][0 if r.random() < 0.75 else r.randrange(len(LANGS[c][1 if ar else 0]))]
                 for c in p.langs]
        sep = r.choice(["، ", " و", "/"] if ar else [", ", "/", " + ", "; ", " & "])
        out["languages"] = sep.join(names)
    r = R("phone")
    out["phone"] = ""
    if plan["phone"]:
        st = weighted(r, clerk.phones)
        s = fmt_phone(plan["phone"], st)
        if plan["two_phones"]:
            s += " / " + fmt_phone(new_phone(r, p.nat), st)
        out["phone"] = digits(s, clerk, r)
    r = R("doc")
    out["document_type"] = out["document_number"] = out["document_country"] = ""
    if plan["doc"] and p.doc:
        kind, num, issuer = p.doc
        if kind == "refugee" and plan["case_doc"] and len(p.hh.members) > 1:
            kind, num = "case", p.hh.case_no
        lst = (DOC_AR if fileid == "B" and r.random() < 0.8 else DOC_EN)[kind]
        out["document_type"] = lst[0] if r.random() < 0.6 else r.choice(lst)
        out["document_number"] = digits(fmt_docnum(num, r), clerk, r) if num.isdigit() else fmt_docnum(num, r)
        if fileid == "A" and r.random() < 0.8:
            N = NATS[issuer]
            out["document_country"] = r.choice([N["en"], N["en"], N["iso3"], N["iso2"]] +
                                               (["Sudan - COR"] if kind in ("refugee", "case") else []))
    r = R("arr")
    out["arrival_date"] = digits(fmt_date(plan["arr"], weighted(r, clerk.dates)), clerk, r) if plan["arr_shown"] else ""
    out["route"] = ""
    if plan["route_shown"]:
        en, ar = ROUTES[p.nat][p.hh.route]
        if r.random() < clerk.route_ar:
            out["route"] = ar.replace(" - ", r.choice([" - ", " ـ ", "-", " إلى "]))
        else:
            out["route"] = en.replace(" - ", r.choice([" - ", "-", " -> ", " / ", " to "]))
    out["notes"] = plan["note"] or ""
    # one plain defect
    df = plan.get("defect")
    if df:
        kind, payload = df
        if kind == "name":
            out["name_original"] = out["name_latin"] = ""
        elif kind == "dob":
            out["birth_date"] = payload
        elif kind == "arr":
            out["arrival_date"] = payload
        elif kind == "nat":
            out["nationality"] = payload
        elif kind == "age":
            out["age_estimate"] = payload
            out["birth_date"] = ""
    return out


def identity(cells):
    return tuple(cells[k] for k in ("name_original", "name_latin", "sex", "birth_date", "age_estimate",
                                    "nationality", "phone", "document_number"))


# ---------------------------------------------------------------------------------------
# Changes between records of the same person
# ---------------------------------------------------------------------------------------

def _lat_visible(plan):
    return plan["lat"] or plan["orig"] == "lat"


def op_translit(plan, p, clerk, rng, ctx):
    keys = display_keys(p, plan)
    cands = []
    for k in keys:
        e = LEX[k]
        if _lat_visible(plan) and len(e.lat) > 1:
            cands.append(("lat", k))
        if plan["orig"] == "ar":
            if len(e.ar) > 1:
                cands.append(("ar", k))
            elif not e.ar:
                cands.append(("ars", k))
        if plan["orig"] == "gz" and len(e.gz) > 1:
            cands.append(("gz", k))
    if not cands:
        return False
    kind, k = rng.choice(cands)
    e = LEX[k]
    if kind == "lat":
        cur = plan["var"].get(k, 0)
        plan["var"][k] = rng.choice([i for i in range(len(e.lat)) if i != cur])
    elif kind == "ar":
        cur = plan["arv"].get(k, 0)
        plan["arv"][k] = rng.choice([i for i in range(len(e.ar)) if i != cur])
    elif kind == "ars":
        plan["ars"] = rng.choice([s for s in AR_STYLES if s != plan["ars"]])
    else:
        plan["gzv"][k] = 1 - plan["gzv"].get(k, 0)
    return True


def op_script(plan, p, clerk, rng, ctx):
    cur = plan["orig"]
    opts = ["lat", "ar"]
    if has_gz(p):
        opts.append("gz")
    if p.orig in ("so", "om"):
        opts.append(p.orig)
    if ctx == "cross" and cur != "ar" and rng.random() < 0.75:
        new = "ar"
    else:
        opts = [o for o in opts if o != cur]
        if cur is not None and plan["lat"] and rng.random() < 0.2:
            opts.append(None)
        if cur is not None and rng.random() < 0.25:
            plan["lat"] = not plan["lat"]
            if not plan["lat"] and cur is None:
                plan["lat"] = True
            return True
        new = rng.choice(opts)
    if new == "ar" and cur != "ar":
        plan["ars"] = clerk.style
    plan["orig"] = new
    if new is None:
        plan["lat"] = True
    return True


def op_parts(plan, p, clerk, rng, ctx):
    n = plan["n"]
    opts = [x for x in (n - 1, n + 1) if 2 <= x <= p.maxn]
    if not opts:
        return False
    plan["n"] = rng.choice(opts)
    if rng.random() < 0.6:
        op_translit(plan, p, clerk, rng, ctx)
    return True


def op_two_four(plan, p, clerk, rng, ctx):
    n = plan["n"]
    if p.maxn >= 4:
        plan["n"] = 4 if n <= 2 else (2 if n == 4 else rng.choice([2, 4]))
    else:
        plan["n"] = 3 if n == 2 else 2
    return plan["n"] != n


def op_phone(plan, p, clerk, rng, ctx):
    r = rng.random()
    if plan["phone"] and r < 0.7:
        new = new_phone(rng, p.nat)
        p.phone = new
        plan["phone"] = new
    elif plan["phone"]:
        plan["phone"] = None
    else:
        plan["phone"] = p.phone or new_phone(rng, p.nat)
    return True


def op_age(plan, p, clerk, rng, ctx):
    if plan["dob"] in ("full", "year", "jan1"):
        plan["dob"] = "age"
    elif p.dob_known == "full":
        plan["dob"] = rng.choice(["full", "year"])
    elif p.dob_known == "year":
        plan["dob"] = rng.choice(["year", "jan1"])
    else:
        plan["dob"] = "jan1"
    return True


def op_sex(plan, p, clerk, rng, ctx):
    if plan["sex"]:
        plan["sex"] = False
        return True
    return False


def op_join(plan, p, clerk, rng, ctx):
    keys = display_keys(p, plan)
    cands = []
    for k in keys:
        e = LEX[k]
        if _lat_visible(plan) and any("+" in v for v in e.lat):
            cands.append(("lat", k))
        if plan["orig"] == "ar" and (any("+" in v for v in e.ar) or (not e.ar and "+" in e.lat[0])):
            cands.append(("ar", k))
        if plan["orig"] == "gz" and any("+" in v for v in e.gz):
            cands.append(("gz", k))
    if not cands:
        return False
    kind, k = rng.choice(cands)
    e = LEX[k]
    if kind == "lat":
        if "+" not in e.lat[plan["var"][k] % len(e.lat)]:
            plan["var"][k] = rng.choice([i for i, v in enumerate(e.lat) if "+" in v])
            plan["join"][k] = " " if rng.random() < 0.5 else ""
        else:
            plan["join"][k] = "" if plan["join"][k] != "" else rng.choice([" ", " ", "-"] + (["/"] if e.eth else []))
    elif kind == "ar":
        plan["ajoin"][k] = "" if plan["ajoin"][k] == " " else " "
    else:
        plan["gjoin"][k] = "" if plan["gjoin"][k] != "" else rng.choice([" ", "/"])
    return True


def op_nick(plan, p, clerk, rng, ctx):
    if p.parts[0] in NICK and not plan["nick"] and _lat_visible(plan):
        plan["nick"] = True
        plan["nick_i"] = rng.randrange(len(NICK[p.parts[0]]))
        return True
    return False


def op_tribe(plan, p, clerk, rng, ctx):
    if not p.tribe or p.sys != "patro":
        return False
    if plan["n"] < 3:
        plan["n"] = 3
        plan["tribe"] = True
    else:
        plan["tribe"] = not plan["tribe"]
    return True


def op_order(plan, p, clerk, rng, ctx):
    if p.grp in SFIRST_GROUPS and _lat_visible(plan):
        plan["sfirst"] = not plan["sfirst"]
        return True
    return False


def op_typo(plan, p, clerk, rng, ctx):
    if not _lat_visible(plan):
        return False
    plan["typo"] = (rng.randrange(len(display_keys(p, plan))), rng.choice(["drop", "double", "swap", "vowel"]),
                    rng.randrange(1000))
    return True


def op_doc(plan, p, clerk, rng, ctx):
    if p.doc:
        plan["doc"] = not plan["doc"]
        return True
    return False


def op_nat(plan, p, clerk, rng, ctx):
    if plan["nat"]:
        plan["nat"] = False
        return True
    return False


OPS = {"translit": op_translit, "script": op_script, "parts": op_parts, "two_four": op_two_four,
       "phone": op_phone, "age": op_age, "sex": op_sex, "join": op_join, "nick": op_nick, "tribe": op_tribe,
       "order": op_order, "typo": op_typo, "doc": op_doc, "nat": op_nat}
OP_W = {"same": [("translit", 3), ("script", 1.5), ("parts", 2), ("two_four", 1), ("phone", 1.5), ("age", 1.5),
                 ("sex", .8), ("join", 1.5), ("nick", .6), ("tribe", .7), ("order", .6), ("typo", 1), ("doc", .4),
                 ("nat", .3)],
        "cross": [("translit", 3), ("script", 3.5), ("parts", 2), ("two_four", 1), ("phone", 3), ("age", 1.5),
                  ("sex", .8), ("join", 1.5), ("nick", .6), ("tribe", .7), ("order", .6), ("typo", 1), ("doc", .5),
                  ("nat", .3)]}
VISIT_KEYS = ("age_jit", "age_shown", "arr_shown", "route_shown", "langs_shown", "note", "needs", "bed",
              "case_doc", "two_phones", "arr")


def repeat_plan(base, p, clerk, fileid, rng, ctx, d, seed):
    plan = copy.deepcopy(base)
    visit_fields(plan, p, clerk, fileid, rng)
    plan["arr"] = base["arr"]
    plan["two_phones"] = False
    plan["defect"] = None
    for k in all_keys(p):       # keys never seen by the first clerk (none today) get this clerk's habit
        plan["var"].setdefault(k, pick_var(clerk, k, len(LEX[k].lat), rng))
    k = weighted(rng, [(1, .45), (2, .35), (3, .2)])
    applied = tries = 0
    while applied < k and tries < 40:
        tries += 1
        if OPS[weighted(rng, OP_W[ctx])](plan, p, clerk, rng, ctx):
            applied += 1
    ref = copy.deepcopy(base)
    for vk in VISIT_KEYS:
        ref[vk] = plan[vk]
    ref["defect"] = None
    base_id = identity(render(p, ref, clerk, fileid, d, seed))
    for _ in range(40):
        if identity(render(p, plan, clerk, fileid, d, seed)) != base_id:
            break
        OPS[weighted(rng, OP_W[ctx])](plan, p, clerk, rng, ctx)
    return plan


# ---------------------------------------------------------------------------------------
# Registers
# ---------------------------------------------------------------------------------------

class Rec:
    def __init__(self, fileid, p, d, clerk, plan, ev, mi, bad=0, why=""):
        self.file, self.p, self.d, self.clerk, self.plan = fileid, p, d, clerk, plan
        self.ev, self.mi, self.bad, self.why = ev, mi, bad, why


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def arrival_for(rng, d, nat):
    if rng.random() < (0.25 if nat in ("SS", "ER") else 0.1):
        return d - dt.timedelta(days=rng.randint(60, 1500))
    return d - dt.timedelta(days=rng.randint(0, 45))


def generate(N, seed):
    rng = random.Random(seed)
    _CW.clear()
    COMMUNITY_PHONES.clear()
    people, hhs = make_population(N, rng)
    make_namesakes(people, rng, N)
    assign_files(hhs, N, rng)
    clerks = dict(zip("AB", make_clerks()))
    cw = {f: [(c, c.weight) for c in clerks[f]] for f in "AB"}
    recs = {"A": [], "B": []}
    first = {"A": {}, "B": {}}
    ev = [0]

    def new_ev():
        ev[0] += 1
        return ev[0]

    def seed_of(f, e, mi):
        return h32(seed, f, e, mi)

    # A: first registrations
    hh_date_A = {}
    for hh in hhs:
        if not hh.inA:
            continue
        d = rand_date(rng, *RANGE["A"])
        hh_date_A[hh.id] = d
        clerk = weighted(rng, cw["A"])
        arr = arrival_for(rng, d, GROUPS[hh.grp]["nat"])
        e = new_ev()
        for m in hh.members:
            plan = fresh_plan(m, clerk, "A", rng)
            plan["arr"] = arr
            rec = Rec("A", m, d, clerk, plan, e, m.idx)
            recs["A"].append(rec)
            first["A"][m.pid] = rec

    def repeats(fileid, hh_list, p_hh):
        end = RANGE[fileid][1]
        for hh in hh_list:
            members = [m for m in (hh.members if fileid == "A" else hh.b_members) if m.pid in first[fileid]]
            if not members or rng.random() >= p_hh:
                continue
            visitors = [m for m in members if rng.random() < 0.7] or [members[0]]
            k = weighted(rng, [(1, .8), (2, .17), (3, .03)])
            prev = first[fileid][visitors[0].pid].d
            for _ in range(k):
                d = prev if rng.random() < 0.15 else min(end, prev + dt.timedelta(days=rng.randint(5, 500)))
                prev = d
                clerk = weighted(rng, cw[fileid])
                e = new_ev()
                new_arr = rng.random() < 0.15
                arr = arrival_for(rng, d, visitors[0].nat) if new_arr else None
                for m in visitors:
                    base = first[fileid][m.pid].plan
                    s = seed_of(fileid, e, m.idx)
                    plan = repeat_plan(base, m, clerk, fileid, rng, "same", d, s)
                    if arr and arr > base["arr"]:
                        plan["arr"] = arr
                    recs[fileid].append(Rec(fileid, m, d, clerk, plan, e, m.idx))

    repeats("A", hhs, 0.05)

    # B: first registrations (new people, and people already in A)
    bstart, bend = RANGE["B"]
    for hh in hhs:
        if not hh.b_members:
            continue
        clerk = weighted(rng, cw["B"])
        if hh.inA:
            a = hh_date_A[hh.id]
            d = a + dt.timedelta(days=rng.randint(30, 900))
            if d < bstart:
                d = rand_date(rng, bstart, bstart + dt.timedelta(days=200))
            if d > bend:
                d = rand_date(rng, max(a + dt.timedelta(days=1), bstart), bend)
            same_arr = rng.random() < 0.5
            arr = None if same_arr else arrival_for(rng, d, GROUPS[hh.grp]["nat"])
        else:
            d = rand_date(rng, bstart, bend)
            arr = arrival_for(rng, d, GROUPS[hh.grp]["nat"])
        e = new_ev()
        for m in hh.b_members:
            if m.pid in first["A"]:
                s = seed_of("B", e, m.idx)
                plan = repeat_plan(first["A"][m.pid].plan, m, clerk, "B", rng, "cross", d, s)
                if arr and arr > plan["arr"]:
                    plan["arr"] = arr
            else:
                plan = fresh_plan(m, clerk, "B", rng)
                plan["arr"] = arr or arrival_for(rng, d, m.nat)
            if hh.inA and rng.random() < 0.1:
                plan["note"] = rng.choice(["سجل سابقا في كسلا", "سجل سابقا في القضارف", "Registered before in Khartoum",
                                           "زار المركز من قبل"])
            rec = Rec("B", m, d, clerk, plan, e, m.idx)
            recs["B"].append(rec)
            first["B"][m.pid] = rec

    repeats("B", hhs, 0.055)

    # bad rows: one plain defect each, for a person otherwise registered in that file
    for fileid, nbad in (("A", max(4, round(N / 300))), ("B", max(2, round(N / 600)))):
        pids = sorted(first[fileid])
        chosen = rng.sample(pids, nbad)
        start, end = RANGE[fileid]
        for pid in chosen:
            fr = first[fileid][pid]
            p = fr.p
            d = min(end, fr.d + dt.timedelta(days=rng.randint(0, 200)))
            clerk = weighted(rng, cw[fileid])
            plan = copy.deepcopy(fr.plan)
            visit_fields(plan, p, clerk, fileid, rng)
            plan["arr"] = fr.plan["arr"]
            plan["two_phones"] = False
            kind = weighted(rng, [("name", .25), ("dob", .28), ("arr", .07), ("nat", .2), ("age", .2)])
            if kind == "name":
                why, payload = "empty name", ""
            elif kind in ("dob", "arr"):
                fmt = rng.choice(["dmy/", "dmy-", "dmy.", "iso", "dmy/"])
                payload = impossible_date(rng, fmt)
                why = "impossible %s date: %s" % ("birth" if kind == "dob" else "arrival", payload)
                if kind == "arr":
                    plan["arr_shown"] = True
            elif kind == "nat":
                payload = rng.choice(FICTIONAL)
                why = "unknown nationality: %s" % payload
            else:
                payload = str(rng.choice([200, 200, 250, 300, 199, 220]))
                why = "impossible age: %s" % payload
            plan["defect"] = (kind, payload)
            recs[fileid].append(Rec(fileid, p, d, clerk, plan, new_ev(), p.idx, 1, why))

    rows = {}
    for fileid in "AB":
        lst = sorted(recs[fileid], key=lambda r: (r.d, r.ev, r.mi))
        rows[fileid] = lst
    return people, rows


def write_outputs(out_dir, seed, rows):
    os.makedirs(out_dir, exist_ok=True)
    truth = []
    for fileid in "AB":
        fname, cols, enc = FILES[fileid]
        with open(os.path.join(out_dir, fname), "w", encoding=enc, newline="") as fh:
            w = csv.writer(fh)
            w.writerow([c for c, _ in cols])
            for i, rec in enumerate(rows[fileid]):
                cells = render(rec.p, rec.plan, rec.clerk, fileid, rec.d, h32(seed, fileid, rec.ev, rec.mi))
                r = random.Random(h32(seed, "reg", fileid, rec.ev))
                regd = digits(fmt_date(rec.d, weighted(r, rec.clerk.dates)), rec.clerk, r)
                extras = {"No.": str(i + 1), "م": str(i + 1), "Date registered": regd, "تاريخ التسجيل": regd,
                          "Needs": rec.plan["needs"], "Registered by": rec.clerk.name, "الموظف": rec.clerk.name,
                          "رقم السرير": rec.plan["bed"]}
                w.writerow([cells[f] if f else extras[c] for c, f in cols])
                truth.append((fname, i + 2, rec.p.pid, rec.bad, rec.why))
        with open(os.path.join(out_dir, "mapping-%s.json" % fileid.lower()), "w", encoding="utf-8") as fh:
            json.dump({"columns": {c: f for c, f in cols}}, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    with open(os.path.join(out_dir, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "row", "person", "bad", "why"])
        for t in truth:
            w.writerow(t)


# ---------------------------------------------------------------------------------------
# --check: re-read everything with the csv module, independent of the generator's state
# ---------------------------------------------------------------------------------------

MONTHS = {}
for _i in range(12):
    for _n in (EN_MON[_i], EN_MONTH[_i], AR_MON[_i], AR_MON_LV[_i]):
        MONTHS[_n.lower()] = _i + 1


def parse_date(s):
    """Day-first / ISO / month-name / year-only parser. Returns a date, or raises ValueError."""
    s = s.strip().translate(WEST_DIGITS)
    m = re.match(r"^(\d{4})$", s)
    if m:
        y = int(m.group(1))
        if not 1920 <= y <= 2024:
            raise ValueError("year")
        return dt.date(y, 1, 1)
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", s)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.match(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$", s)
        if m:
            d, mo, y = map(int, m.groups())
        else:
            m = re.match(r"^(\d{1,2})[ \-](.+?)[ \-](\d{2}|\d{4})$", s)
            if not m or m.group(2).lower() not in MONTHS:
                raise ValueError("format")
            d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    if y < 100:
        y += 2000 if y <= 30 else 1900
    if not 1920 <= y <= 2024:
        raise ValueError("year")
    return dt.date(y, mo, d)


def parse_age(s):
    nums = re.findall(r"\d+", s.translate(WEST_DIGITS))
    if len(nums) != 1:
        raise ValueError("age")
    return int(nums[0])


def check(out_dir):
    errors = []
    known_nat = set()
    for N in NATS.values():
        for k in ("en", "dem", "iso3", "iso2"):
            known_nat.add(N[k].strip().lower())
        for k in ("arc", "arm", "arf", "typo"):
            for v in N[k]:
                known_nat.add(v.strip().lower())
    truth = {}
    with open(os.path.join(out_dir, "truth.csv"), encoding="utf-8", newline="") as fh:
        rd = csv.reader(fh)
        if next(rd) != ["file", "row", "person", "bad", "why"]:
            errors.append("truth.csv header")
        for f, row, person, bad, why in rd:
            truth.setdefault(f, []).append((int(row), person, int(bad), why))
    data = {}
    for fileid in "AB":
        fname, cols, enc = FILES[fileid]
        path = os.path.join(out_dir, fname)
        with open(path, "rb") as fh:
            bom = fh.read(3) == b"\xef\xbb\xbf"
        if bom != (fileid == "A"):
            errors.append("%s: BOM %s" % (fname, "missing" if fileid == "A" else "present"))
        with open(os.path.join(out_dir, "mapping-%s.json" % fileid.lower()), encoding="utf-8") as fh:
            mapping = json.load(fh)["columns"]
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        if set(header) != set(mapping) or len(header) != len(mapping):
            errors.append("%s: header and mapping differ" % fname)
        fields = [v for v in mapping.values() if v]
        if len(fields) != len(set(fields)) or any(v not in FIELDS for v in fields):
            errors.append("%s: mapping fields invalid or repeated" % fname)
        if not {"name_original", "name_latin"} & set(fields):
            errors.append("%s: no name column" % fname)
        col = {mapping[h]: i for i, h in enumerate(header) if mapping.get(h)}
        t = truth.get(fname, [])
        if len(t) != len(body):
            errors.append("%s: %d rows but %d truth rows" % (fname, len(body), len(t)))
        if [x[0] for x in t] != list(range(2, len(body) + 2)):
            errors.append("%s: truth rows are not 2..%d in order" % (fname, len(body) + 1))
        for i, r in enumerate(body):
            if len(r) != len(header):
                errors.append("%s row %d: %d cells" % (fname, i + 2, len(r)))
            if r[0] != str(i + 1):
                errors.append("%s row %d: serial %r does not line up" % (fname, i + 2, r[0]))
                break
        data[fname] = (header, body, col, t)

    summary = {}
    persons = {}
    for fname, (header, body, col, t) in data.items():
        def cell(r, f):
            return r[col[f]].strip() if f in col else ""
        good_first = {}
        nbad = nrep = multiline = 0
        bad_people = []
        for r, (rowno, person, bad, why) in zip(body, t):
            persons.setdefault(person, set()).add(fname)
            if any("\n" in c for c in r):
                multiline += 1
            problems = []
            if not cell(r, "name_original") and not cell(r, "name_latin"):
                problems.append("empty name")
            for f in ("birth_date", "arrival_date"):
                v = cell(r, f)
                if v:
                    try:
                        parse_date(v)
                    except (ValueError, KeyError):
                        problems.append("impossible %s date" % ("birth" if f == "birth_date" else "arrival"))
            v = cell(r, "nationality")
            if v and v.lower() not in known_nat:
                problems.append("unknown nationality")
            v = cell(r, "age_estimate")
            if v:
                try:
                    a = parse_age(v)
                    if not 0 < a <= 100:
                        problems.append("impossible age")
                except ValueError:
                    problems.append("impossible age")
            if bad:
                nbad += 1
                bad_people.append(person)
                if len(problems) != 1 or not why.startswith(problems[0]):
                    errors.append("%s row %d: bad row %r but found %s" % (fname, rowno, why, problems))
            else:
                if problems:
                    errors.append("%s row %d: good row has %s" % (fname, rowno, problems))
                ident = tuple(cell(r, f) for f in ("name_original", "name_latin", "sex", "birth_date",
                                                   "age_estimate", "nationality", "phone", "document_number"))
                if person in good_first:
                    nrep += 1
                    if ident == good_first[person]:
                        errors.append("%s row %d: repeat of %s identical to its first record" % (fname, rowno, person))
                else:
                    good_first[person] = ident
        for person in bad_people:
            if person not in good_first:
                errors.append("%s: bad row of %s who has no good row" % (fname, person))
        summary[fname] = dict(rows=len(body), repeats=nrep, bad=nbad, people=len(good_first), multiline=multiline)
    shared = sum(1 for s in persons.values() if len(s) == 2)
    summary["people"] = len(persons)
    summary["shared"] = shared
    return errors, summary


def summary_line(seed, s):
    a, b = s["register-a.csv"], s["register-b.csv"]
    return ("seed %s: register-a %d rows (%d people, %d repeats within file, %d bad); "
            "register-b %d rows (%d people, %d repeats within file, %d bad); "
            "%d people in all, %d shared A/B (%.0f%% of B's people)" %
            (seed, a["rows"], a["people"], a["repeats"], a["bad"], b["rows"], b["people"], b["repeats"], b["bad"],
             s["people"], s["shared"], 100.0 * s["shared"] / max(1, b["people"])))


def main():
    ap = argparse.ArgumentParser(description="Synthetic migrant registers (invented data) for Sanad import tests.")
    ap.add_argument("--people", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--check", action="store_true", help="after writing, re-read the files and verify them")
    ap.add_argument("--check-only", action="store_true", help="only verify the files already in --out-dir")
    a = ap.parse_args()
    if not a.check_only:
        _, rows = generate(a.people, a.seed)
        write_outputs(a.out_dir, a.seed, rows)
    errors, s = check(a.out_dir)
    print(summary_line("?" if a.check_only else a.seed, s))
    if a.check or a.check_only:
        info = ", ".join("%s: %d multi-line rows" % (f, s[f]["multiline"]) for f in ("register-a.csv", "register-b.csv"))
        if errors:
            for e in errors[:40]:
                print("CHECK:", e, file=sys.stderr)
            print("check FAILED: %d problems" % len(errors), file=sys.stderr)
            sys.exit(1)
        print("check OK (%s)" % info)


if __name__ == "__main__":
    main()
