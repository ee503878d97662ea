#!/usr/bin/env python3
"""
make-register-3.py -- a synthetic pair of old migrant registers, for judging how Sanad imports
spreadsheets and finds duplicate people.

ALL DATA IS INVENTED.  Every name is drawn at random from lists written into this file and
combined at random; dates, phones and document numbers are random with invented shapes.  Any
resemblance to a real person is coincidence.  This generator was written without reading
Sanad's code (Sources/, Tests/) and without reading the other generators in scripts/; the
population, the clerks' habits and every proportion below are its own choices.  Python 3
standard library only; the same --seed always gives the same files.

Usage
  python3 scripts/make-register-3.py --people 12000 --seed 1 --out-dir DIR [--check]
  python3 scripts/make-register-3.py --out-dir DIR --check-only      (check existing files)

Population (--people N)
  Households: single migrants (most), unaccompanied minors, adult siblings, couples, a mother or
  a father with children, whole families; a few twins.  A household shares one phone, one
  arrival and route, and is registered together (consecutive rows, same clerk, same day).
  Cultures and naming:
    Eritrean  - Tigrinya Christians (given + father + grandfather, Ge'ez script, compound
                names Gebre-/Wolde-/Haile-/Tekle-/Habte- + Mariam/Medhin/...), Tigre and Saho
                Muslims (Mohammednur, Idris, Saleh ...)
    Ethiopian - Tigrayan, Amhara (Amharic spellings), Oromo Christian and Muslim
    South Sudanese - Dinka/Nuer own name + father + grandfather, often a Christian first name
    Sudanese  - quadruple Arabic names (Abdel-/-eldin/El- compounds); returnees and hosts in A,
                mostly people displaced by the 2023 war in B
    Somali, Chadian (French-shaped Arabic names: Mahamat, Abakar), Nigerian (Hausa
    patronymics; southern given + native middle + surname), Central African (French given +
    surname, or a Muslim patronymic), Egyptian and Yemeni (Arabic chain + family or tribe
    name), Syrian (given + father + family name).
  A child's second name is the father's given name and its third the grandfather's; siblings
  share both; a Nigerian/Central African child and often the wife share the surname.
  About 6% of single people and spouses are given another person's full name (half of them
  with an age within two years, some with the same birth date), on top of the many natural
  collisions of common names (Mohammed Mohammed Ahmed ...): precision is tested, not only
  recall.

Registers
  register-a.csv  older register (a Gedaref-like centre, Jan 2019 - Jun 2022), English headers,
                  seven clerks.
  register-b.csv  later register (a Kassala-like centre, Jul 2022 - Oct 2024), Arabic headers,
                  six other clerks; about a quarter of its people are people of A, met again
                  months or years later (age instead of birth date, new phone, other spelling).
  Each clerk has fixed habits: the script of the name (Arabic, Ge'ez, Latin) and whether a
  Latin name is added (own transliteration, or copied in capitals from a document); a stable
  preferred spelling per name (Mohamed/Mohammed, Tesfay/Tesfaye), Arabic written "by ear" for
  foreign names (Garang -> qaf), hamza / taa marbuta / alif maqsura habits, joined or split
  compounds (Abdelrahman, Abdel Rahman, Abd al-Rahman; Gebremedhin, Gebre Medhin, G/Medhin),
  capitals, double spaces, how many ancestors are written, dropping a Christian or middle
  name, typos; date format (day-first numeric with any separator, ISO, 2-digit years, English
  or Arabic month names, Eastern Arabic digits, year only, 01/01/yyyy for a known year, an
  age written in the date column), age format, sex (M/F, Male/Female, ذكر/أنثى), nationality
  (name, adjective, ISO code, Arabic, misspelt, missing), phone shape (0912..., +249 ...,
  00249..., 249..., leading zero lost, foreign numbers), languages, routes, notes.
  Within a file a few hundred people come back (2-3 rows); a repeat gets 1-3 realistic
  changes (another clerk, another spelling, a typo, a name part dropped or added, an age
  instead of the date, another date, a new or missing phone, missing sex or nationality...)
  and always differs from the person's first row.
  Bad rows: a few dozen in A, about half that in B; each is an extra row of a person who also
  has a good row in that file, with exactly one defect: empty name, impossible birth date,
  unknown nationality or absurd age.

Outputs (in --out-dir)
  register-a.csv, register-b.csv   comma-separated UTF-8; notes with commas, quotes and a few
                                   line breaks, quoted as CSV requires
  mapping-a.json, mapping-b.json   {"columns": {"<header>": "<field>" or null}}; the serial
                                   number and the category are mapped to null; the
                                   registration date and the clerk columns are left out
  truth.csv                        file,row,person,bad,why -- row is the spreadsheet row (header
                                   = 1, first record = 2); person is a stable id (P00001...)
  --check re-reads everything with the csv module and verifies that rows line up with
  truth.csv, that mappings name real headers and valid fields, that every bad row's person
  has a good row in the same file, that good rows carry readable day-first/ISO dates, plain
  ages and known nationalities, and that every repeat differs from the first row.
"""

import argparse
import csv
import json
import os
import random
import re
import sys
import unicodedata
import zlib
from datetime import date, timedelta

# ----------------------------------------------------------------------------- helpers


def crc(*a):
    return zlib.crc32("\x1f".join(str(x) for x in a).encode("utf-8"))


def wpick(rng, d):
    items = list(d.items()) if isinstance(d, dict) else list(d)
    tot = float(sum(w for _, w in items))
    x = rng.random() * tot
    for k, w in items:
        x -= w
        if x < 0:
            return k
    return items[-1][0]


def strip_accents(s):
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def years_between(d0, d1):
    return d1.year - d0.year - ((d1.month, d1.day) < (d0.month, d0.day))


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 Feb
        return d.replace(year=d.year + n, day=28)


# ----------------------------------------------------------------------------- name tokens
# A token is one given name.  lat/ar/ge map a "mode" to a list of spellings:
#   j = joined or simple, s = split, h = hyphenated / particle, a = abbreviated (G/Medhin)
# The first spelling of "j" is the usual one (and the one a document would carry).


class Tok:
    __slots__ = ("key", "lat", "ar", "ge", "arab", "doc")

    def __init__(self, key, lat, ar=None, ge=None, arab=False):
        self.key, self.lat, self.ar, self.ge, self.arab = key, lat, ar or {}, ge or {}, arab
        self.doc = None

    def docname(self):
        return self.doc or self.lat["j"][0]

    def compound(self):
        return len(self.lat) > 1


TOK = {}

# key|Latin spellings|Arabic|Ge'ez       (arab=True blocks: the Arabic is the name itself)
ARAB_M = """
mohammed|Mohammed,Mohamed,Muhammad,Mohamad,Mohmed|محمد
ahmed|Ahmed,Ahmad,Ahmmed|أحمد
ali|Ali,Aly|علي
osman|Osman,Othman,Usman|عثمان
omer|Omer,Omar,Umar|عمر
hassan|Hassan,Hasan,Hassen|حسن
hussein|Hussein,Hussain,Husein,Hussien|حسين
ibrahim|Ibrahim,Ebrahim,Ibraheem|إبراهيم
yousif|Yousif,Yousef,Yusuf,Youssef|يوسف
adam|Adam,Adem,Aadam|آدم
musa|Musa,Mousa,Moussa|موسى
eisa|Eisa,Issa,Isa|عيسى
khalid|Khalid,Khaled|خالد
mustafa|Mustafa,Mostafa,Mustapha|مصطفى
salih|Salih,Saleh,Saleih|صالح
babiker|Babiker,Babikir,Babakir|بابكر
hamid|Hamid,Hamed,Hameed|حامد
idris|Idris,Idriss,Edris|إدريس
ismail|Ismail,Ismael,Esmail|إسماعيل
yagoub|Yagoub,Yacoub,Yaqub,Yagoob|يعقوب
siddig|Siddig,Siddiq,Seddig|صديق
mahmoud|Mahmoud,Mahmud,Mahmood|محمود
haroun|Haroun,Harun,Haroon|هارون
suleiman|Suleiman,Sulaiman,Soliman|سليمان
awad|Awad,Awadh|عوض
hamad|Hamad,Hammad|حمد
bakheet|Bakheet,Bakhit,Bakhiet|بخيت
juma|Juma,Jumaa,Gumaa|جمعة
hashim|Hashim,Hashem|هاشم
mubarak|Mubarak,Mobarak|مبارك
kamal|Kamal,Kamaal|كمال
tarig|Tarig,Tariq,Tarek|طارق
fadl|Fadl,Fadul,Fadel|فضل
abbas|Abbas,Abas|عباس
osama|Osama,Usama|أسامة
hatim|Hatim,Hatem|حاتم
gasim|Gasim,Qasim,Kasim|قاسم
hamza|Hamza,Hamzah|حمزة
zakaria|Zakaria,Zakariya|زكريا
mujahid|Mujahid,Mogahid|مجاهد
badawi|Badawi,Badawy|بدوي
hamdan|Hamdan,Hamdaan|حمدان
yasir|Yasir,Yasser,Yaser|ياسر
walid|Walid,Waleed|وليد
nabil|Nabil,Nabeel|نبيل
adil|Adil,Adel|عادل
fuad|Fuad,Fouad|فؤاد
ammar|Ammar,Amar|عمار
hamoud|Hamoud,Hamood|حمود
mansour|Mansour,Mansur|منصور
salem|Salem,Salim|سالم
gamal|Gamal,Jamal|جمال
ragab|Ragab,Rajab|رجب
hany|Hany,Hani|هاني
tamer|Tamer,Tamir|تامر
karim|Karim,Kareem|كريم
amr|Amr,Amro|عمرو
ashraf|Ashraf,Ashref|أشرف
hossam|Hossam,Hussam,Husam|حسام
sherif|Sherif,Sharif|شريف
essam|Essam,Issam,Isam|عصام
sayed|Sayed,Sayyid|سيد
firas|Firas,Feras|فراس
rami|Rami,Ramy|رامي
anas|Anas,Annas|أنس
yaman|Yaman,Yamen|يمان
bashar|Bashar,Bachar|بشار
majd|Majd,Magd|مجد
shehata|Shehata,Shihata|شحاتة
farag|Farag,Faraj|فرج
hegazy|Hegazy,Hegazi,Higazi|حجازي
darwish|Darwish,Darwich|درويش
haddad|Haddad,Hadad|حداد
kassab|Kassab,Qassab|قصاب
najjar|Najjar,Nagar|نجار
zaher|Zaher,Zahir|زاهر
mahamat|Mahamat,Mahamad,Mht|محمد
abakar|Abakar,Abbakar|أبكر
hissein|Hissein,Hissene|حسين
adoum|Adoum,Adum|آدم
ahmat|Ahmat,Ahmad|أحمد
brahim|Brahim,Ibrahim|إبراهيم
youssouf|Youssouf,Yousouf|يوسف
souleymane|Souleymane,Souleyman|سليمان
oumar|Oumar,Omar|عمر
djibrine|Djibrine,Djibrin,Jibrin|جبرين
abdoulaye|Abdoulaye,Abdoulay|عبد الله
ousmane|Ousmane,Ousman|عثمان
hamadou|Hamadou,Hamadu|حمدو
usman|Usman,Usmanu|عثمان
abdullahi_ng|Abdullahi,Abdulahi|عبد الله
"""

ARAB_F = """
fatima|Fatima,Fatma,Fatuma,Fatimah|فاطمة
aisha|Aisha,Aysha,Ayesha|عائشة,عايشة
mariam|Mariam,Maryam,Meriam|مريم
khadija|Khadija,Khadiga,Kadija|خديجة
zainab|Zainab,Zeinab,Zaynab|زينب
amna|Amna,Amina,Amnah|آمنة
hawa|Hawa,Hawaa,Hawwa|حواء,حوا
halima|Halima,Haleema|حليمة
asia|Asia,Assia,Asiya|آسيا
sara|Sara,Sarah|سارة
nafisa|Nafisa,Nafeesa|نفيسة
safia|Safia,Safiya|صفية
salma|Salma,Selma|سلمى
huda|Huda,Hoda|هدى
samia|Samia,Samiya|سامية
nawal|Nawal,Nawaal|نوال
rasha|Rasha,Racha|رشا
hanan|Hanan,Hanaan|حنان
ikhlas|Ikhlas,Ekhlas|إخلاص
awatif|Awatif,Awatef|عواطف
sumaya|Sumaya,Somaya,Sumayya|سمية
mawahib|Mawahib,Mawaheb|مواهب
nadia|Nadia,Nadiya|نادية
suad|Suad,Soad|سعاد
aziza|Aziza,Azeeza|عزيزة
muna|Muna,Mona|منى
hiba|Hiba,Heba|هبة
tagwa|Tagwa,Taqwa|تقوى
duaa|Duaa,Doaa|دعاء
amal|Amal,Amaal|أمل
arwa|Arwa,Arwah|أروى
bushra|Bushra,Boushra|بشرى
samira|Samira,Sameera|سميرة
nabila|Nabila,Nabeela|نبيلة
yasmin|Yasmin,Yasmine,Yasmeen|ياسمين
shaimaa|Shaimaa,Shaymaa|شيماء
marwa|Marwa,Marwah|مروة
asmaa|Asmaa,Asma|أسماء
hagar|Hagar,Hajar|هاجر
aya|Aya,Ayah|آية
rania|Rania,Raniya|رانيا
lina|Lina,Leena|لينا
rama|Rama,Ramah|راما
hala|Hala,Halah|هالة
nour_f|Nour,Nur,Noor|نور
reem|Reem,Rim|ريم
ruba|Ruba,Roba|ربا
bayan|Bayan,Bayaan|بيان
achta|Achta,Ashta|عشة
khadidja|Khadidja,Khadija|خديجة
fatime|Fatimé,Fatime,Fatima|فاطمة
halime|Halimé,Halime|حليمة
kaltouma|Kaltouma,Kaltoum|كلثوم
zenaba|Zenaba,Zeinaba|زينب
haoua|Haoua,Hawa|حواء
zara|Zara,Zahra|زهرة
hauwa|Hauwa,Hawa|حواء
hadiza|Hadiza,Hadizah|هديزة
rabi|Rabi,Rabiatu|رابعة
ramatou|Ramatou,Ramatu|رماتو
fadimatou|Fadimatou,Fadimatu|فاطمتو
aicha|Aïcha,Aicha|عائشة
hadje|Hadjé,Hadje,Hadja|حاجة
"""

# Arabic names of Somalis, in Somali shapes
SOM_AR = """
maxamed|Mohamed,Mohammed,Mohamad|محمد
mohamud|Mohamud,Mahmoud,Mohamoud|محمود
axmed|Ahmed,Ahmad|أحمد
xasan|Hassan,Hasan|حسن
xuseen|Hussein,Husein|حسين
cumar|Omar,Omer|عمر
cali|Ali,Aly|علي
abdullahi|Abdullahi,Abdulahi,Abdillahi|عبد الله
abdirahman|Abdirahman,Abdurahman,Abdulrahman|عبد الرحمن
abdirashid|Abdirashid,Abdurashid|عبد الرشيد
abdikarim|Abdikarim,Abdulkarim|عبد الكريم
yuusuf|Yusuf,Yousuf|يوسف
ismaaciil|Ismail,Ismael|إسماعيل
cismaan|Osman,Osmaan|عثمان
daahir|Dahir,Daher|ظاهر
nuur|Nur,Noor|نور
aadan|Aden,Adan|آدم
bashiir|Bashir,Basher|بشير
jama|Jama,Jamac|جامع
faadumo|Fadumo,Fatuma|فاطمة
xaliimo|Halimo,Halima|حليمة
caasha|Asha,Aasha|عائشة
maryan|Maryan,Maryam|مريم
khadro|Khadra,Khadro|خضرة
nasra|Nasra,Nasro|نصرة
sahra|Sahra,Sahro|زهرة
"""

# Somali orthography, used only when a Somali writes their own name (or it is on a document)
SOM_ORTH = {"maxamed": "Maxamed", "mohamud": "Maxamuud", "axmed": "Axmed", "xasan": "Xasan", "xuseen": "Xuseen",
            "cumar": "Cumar", "cali": "Cali", "abdullahi": "Cabdullaahi", "abdirahman": "Cabdiraxmaan",
            "abdirashid": "Cabdirashiid", "abdikarim": "Cabdikariim", "yuusuf": "Yuusuf", "ismaaciil": "Ismaaciil",
            "cismaan": "Cismaan", "daahir": "Daahir", "nuur": "Nuur", "aadan": "Aadan", "bashiir": "Bashiir",
            "jama": "Jaamac", "faadumo": "Faadumo", "xaliimo": "Xaliimo", "caasha": "Caasha", "khadro": "Khadro",
            "farah": "Faarax", "hirsi": "Xirsi", "guled": "Guuleed", "hamdi": "Xamdi", "ubah": "Ubax",
            "egal": "Cigaal", "abdi": "Cabdi", "deeqa": "Deeqa", "sahra": "Sahro", "nasra": "Nasro",
            "hodan": "Hodan", "warsame": "Warsame", "shire": "Shiire", "mahad": "Maxad", "ifrah": "Ifraax"}

# native names (Somali, Hausa, Dinka, Nuer, Nigerian, Central African, Christian); Arabic, where
# given, is the usual Sudanese writing; a clerk may also write them by ear
NATIVE = """
abdi|Abdi,Abdy|عبدي
farah|Farah,Farrah|فارح
warsame|Warsame,Warsama|ورسمي
hirsi|Hirsi,Hersi|هرسي
guled|Guled,Guuled|قوليد
mahad|Mahad,Mahat|مهد
shire|Shire,Shiire|شيري
egal|Egal,Egaal|
hodan|Hodan,Hodon|هودان
ayaan|Ayaan,Ayan|أيان
hibo|Hibo,Hibaaq|هيبو
ifrah|Ifrah,Ifra|إفراح
deeqa|Deqa,Deeqa|ديقة
ubah|Ubah,Ubaah|
sagal|Sagal|ساقال
hamdi|Hamdi,Hamdy|حمدي
idil|Idil,Idill|
aliyu|Aliyu,Aliyou|عليو
sani|Sani,Sanni|ساني
bello|Bello,Belo|بلو
garba|Garba|قاربا
haruna|Haruna,Harouna|هارونا
kabiru|Kabiru,Kabir|كبيرو
nasiru|Nasiru,Nasir|ناصرو
lawal|Lawal,Lawan|لوال
deng|Deng,Ding|دينق
garang|Garang,Garong|قرنق
majok|Majok,Machok,Majuk|ماجوك
akol|Akol,Akool|أكول
malual|Malual,Maluel|ملوال
bol|Bol,Boll|بول
kuol|Kuol,Kual|كوال
mayen|Mayen,Mayan|ماين
ajak|Ajak,Ajack|أجاك
chol|Chol,Chool|شول
manyang|Manyang,Manyiang|مانيانق
thon|Thon,Thoon|ثون
atem|Atem,Atemm|أتيم
mabior|Mabior,Mabiour|مابيور
makuei|Makuei,Makwei|ماكوي
lual|Lual,Luol|لوال
aguer|Aguer,Aguier|أقير
dut|Dut,Duot|دوت
ayuel|Ayuel,Ayual|أيويل
gatluak|Gatluak,Gatluok|قتلواك
gatkuoth|Gatkuoth,Gatkuth|قتكوث
koang|Koang,Kuong|كوانق
ruach|Ruach,Ruac|رواش
puok|Puok,Puk|بوك
duoth|Duoth,Duth|دوث
tut|Tut,Toot|توت
chuol|Chuol,Chuoll|شوول
lam|Lam,Lamm|لام
gai|Gai,Gay|قاي
nhial|Nhial,Nyal|نيال
wol|Wol,Wool|وول
achol|Achol,Acol|أشول
nyandeng|Nyandeng,Nyadeng|نياندينق
akuol|Akuol,Akwol|أكوال
ayen|Ayen,Ayeen|أيين
abuk|Abuk,Abuok|أبوك
adut|Adut,Aduot|أدوت
nyibol|Nyibol,Nyebol|نيبول
achan|Achan,Acan|أشان
athieng|Athieng,Athiang|أثينق
aluel|Aluel,Alual|ألويل
amou|Amou,Amuo|أمو
nyakuoth|Nyakuoth,Nyakuth|نياكوث
nyabol|Nyabol,Nyaboll|نيابول
nyachuol|Nyachuol,Nyachol|نياشول
nyaluak|Nyaluak,Nyaluok|نيالواك
nyaduoth|Nyaduoth,Nyadouth|نيادوث
ajok|Ajok,Ajuok|أجوك
awut|Awut,Awuot|أووت
john|John,Jon|جون
peter|Peter,Piter|بيتر
james|James,Jems|جيمس
joseph|Joseph,Josef|جوزيف
david|David,Daud|ديفيد
simon|Simon,Saimon|سايمون
paul|Paul,Paulo|بول
stephen|Stephen,Stephan,Steven|ستيفن
gabriel|Gabriel,Gabrial|جبرائيل
emmanuel|Emmanuel,Emanuel|إيمانويل
isaac|Isaac,Isaak|إسحاق
abraham_en|Abraham,Ibrahim|أبراهام
michael_en|Michael,Micheal|مايكل
william|William,Wiliam|وليام
moses|Moses,Mosses|موسى
thomas|Thomas,Tomas|توماس
mathew|Mathew,Matthew|ماثيو
andrew|Andrew,Andru|أندرو
daniel_en|Daniel,Danial|دانيال
samuel_en|Samuel,Samwel|صموئيل
godwin|Godwin,Godwine|
friday|Friday,Fraiday|
sunday|Sunday,Sundey|
mary|Mary,Mery|ماري
rebecca|Rebecca,Rebeka,Rebeca|ريبيكا
elizabeth|Elizabeth,Elisabeth|إليزابيث
sarah_en|Sarah,Sara|سارة
martha|Martha,Marta|مارثا
grace|Grace,Gracy|قريس
rose|Rose,Rosa|روز
susan|Susan,Suzan|سوزان
agnes|Agnes,Agness|أقنس
esther|Esther,Ester|إستير
christine|Christine,Kristine,Christina|كريستين
veronica|Veronica,Veronika|فيرونيكا
angelina|Angelina,Anjelina|أنجلينا
josephine|Josephine,Josefine|جوزفين
helen_en|Hellen,Helen|هيلين
blessing|Blessing,Blesing|
joy|Joy,Joi|جوي
faith|Faith,Feith|
patience|Patience,Patiance|
victoria|Victoria,Viktoria|فكتوريا
precious|Precious,Presious|
gift|Gift,Gifty|
chinedu|Chinedu,Chinadu|
emeka|Emeka,Emmeka|
ifeanyi|Ifeanyi,Ifeanyichukwu|
chukwuma|Chukwuma,Chukuma|
tunde|Tunde,Babatunde|
femi|Femi,Oluwafemi|
segun|Segun,Olusegun|
uche|Uche,Uchenna|
obinna|Obinna,Obina|
kelechi|Kelechi,Kelachi|
ngozi|Ngozi,Ngozie|
chiamaka|Chiamaka,Amaka|
adaeze|Adaeze,Adaze|
funmilayo|Funmilayo,Funmi|
folake|Folake,Folakemi|
nneka|Nneka,Neka|
bisi|Bisi,Abisola|
ifeoma|Ifeoma,Ify|
chioma|Chioma,Chiomma|
okafor|Okafor,Okafur|
okonkwo|Okonkwo,Okonkow|
eze|Eze,Ezeh|
nwosu|Nwosu,Nwosou|
adeyemi|Adeyemi,Adeyemmi|
ogunleye|Ogunleye,Ogunlaye|
balogun|Balogun,Ballogun|
olawale|Olawale,Olawalle|
obi|Obi,Obih|
nwachukwu|Nwachukwu,Nwachuku|
adebayo|Adebayo,Adebayor|
ibe|Ibe,Ibeh|
onyeka|Onyeka,Onyekachi|
oladipo|Oladipo,Oladipupo|
uzor|Uzor,Uzoh|
jean|Jean,Jeann|جان
pierre|Pierre,Piere|بيير
jeanpierre|Jean-Pierre,Jean Pierre,Jeanpierre|جان بيير
rodrigue|Rodrigue,Rodrique|
thierry|Thierry,Tierry|
herve|Hervé,Herve|
sylvain|Sylvain,Silvain|
aime|Aimé,Aime|
blaise|Blaise,Blaize|
fidele|Fidèle,Fidele|
gervais|Gervais,Gervai|
prosper|Prosper,Prospere|
brice|Brice,Bryce|
didier|Didier,Didie|
marie|Marie,Mari|ماري
jeanne|Jeanne,Jeane|جان
marieclaire|Marie-Claire,Marie Claire,Marieclaire|
elodie|Élodie,Elodie|
brigitte|Brigitte,Brigite|
clarisse|Clarisse,Clarise|
prisca|Prisca,Priscah|
josiane|Josiane,Josianne|
odette|Odette,Odete|
solange|Solange,Solang|
chantal|Chantal,Chantale|
flore|Flore,Flora|
ngaikoumon|Ngaïkoumon,Ngaikoumon,Ngaikumon|
gbazi|Gbazi,Gbazy|
ndemanga|Ndémanga,Ndemanga|
zanga|Zanga,Zangah|
koyassambia|Koyassambia,Koyasambia|
mbaikoua|Mbaïkoua,Mbaikoua|
ngouandji|Ngouandji,Nguandji|
selebanga|Sélébanga,Selebanga|
doko|Doko,Dokko|
namkona|Namkona,Namkonna|
wanze|Wanzé,Wanze|
gbadin|Gbadin,Gbadine|
yangana|Yangana,Yanganna|
feizoure|Feïzouré,Feizoure|
"""

# Habesha (Ethiopian / Eritrean) names: Latin | Arabic as usually written in Sudan | Ge'ez
# (Ge'ez: Tigrinya spelling first, Amharic or other spelling second)
HABESHA = """
tesfay|Tesfay,Tesfaye,Tesfai|تسفاي|ተስፋይ,ተስፋዬ
yonas|Yonas,Yonass,Jonas|يوناس|ዮናስ
kiflom|Kiflom,Kiflem,Keflom|كفلوم|ክፍሎም
mehari|Mehari,Mihari|مهاري|መሓሪ,መሐሪ
berhane|Berhane,Birhane,Berhani|برهاني|ብርሃነ
filmon|Filmon,Filimon,Philemon|فلمون|ፊልሞን
semere|Semere,Semre|سمري|ሰመረ
tedros|Tedros,Tewodros|تدروس|ቴድሮስ,ቴዎድሮስ
dawit|Dawit,Dawitt|داويت|ዳዊት
yohannes|Yohannes,Yohanes,Yohanis|يوهانس|ዮሃንስ,ዮሐንስ
mulugeta|Mulugeta,Mulugetta|ملوقيتا|ሙሉጌታ
habtom|Habtom,Habtum|هبتوم|ሃብቶም
goitom|Goitom,Goytom|قويتوم|ጎይቶም
kibrom|Kibrom,Kebrom|كبروم|ክብሮም
awet|Awet,Awit|أويت|ዓወት
amanuel|Amanuel,Amaniel,Emmanuel|أمانويل|ኣማኑኤል,አማኑኤል
biniam|Biniam,Biniyam,Binyam|بنيام|ቢንያም
daniel|Daniel,Danel|دانيال|ዳኒኤል,ዳንኤል
efrem|Efrem,Ephrem|إفريم|ኤፍሬም
mussie|Mussie,Musie|موسي|ሙሴ
natnael|Natnael,Nathnael|ناتنائيل|ናትናኤል
robel|Robel,Rubel|روبيل|ሮቤል
solomon|Solomon,Selomon|سلمون|ሰለሞን,ሰሎሞን
henok|Henok,Henock|هينوك|ሄኖክ
eyob|Eyob,Iyob|أيوب|እዮብ,ኢዮብ
mikael|Mikael,Michael|ميكائيل|ሚካኤል
girmay|Girmay,Ghirmay,Germay|قرماي|ግርማይ
negasi|Negasi,Negassi|نقاسي|ነጋሲ,ንጋሲ
asmerom|Asmerom,Asmarom|أسمروم|ኣስመሮም
zerai|Zerai,Zeray|زراي|ዘርኣይ
fitsum|Fitsum,Fitsom|فتسوم|ፍፁም,ፍጹም
tsegay|Tsegay,Tsegaye,Segay|تسقاي|ጸጋይ,ፀጋዬ
abraham|Abraham,Abrham,Abreham|أبراهام|ኣብርሃም,አብርሃም
gebru|Gebru,Gebrou|قبرو|ገብሩ
hagos|Hagos,Hagoss|حاقوس|ሓጎስ
kahsay|Kahsay,Kasay|كحساي|ካሕሳይ
gidey|Gidey,Giday|قيدي|ግደይ
berhe|Berhe,Birhe|برهي|በርሀ,በርሄ
desta|Desta,Destta|دستا|ደስታ
abadi|Abadi,Abbadi|أبادي|ኣባዲ
weldu|Weldu,Woldu|ولدو|ወልዱ
mebrahtu|Mebrahtu,Mebrahtom|مبراهتو|መብራህቱ
teklay|Teklay,Teklai|تكلاي|ተኽላይ
samuel|Samuel,Samiel|صموئيل|ሳሙኤል
senait|Senait,Senayt,Sinait|سنايت|ሰናይት
helen|Helen,Hellen|هيلين|ሄለን
saba|Saba,Sabba|سابا|ሳባ
lidya|Lidya,Lydia,Lidiya|ليديا|ሊድያ
tsega|Tsega,Tsegga|تسقا|ጸጋ,ፀጋ
mebrat|Mebrat,Mibrat|مبرات|መብራት
letekidan|Letekidan,Letikidan|لتكيدان|ለተኪዳን
yordanos|Yordanos,Yordanose|يوردانوس|ዮርዳኖስ
rahel|Rahel,Rachel|راحيل|ራሄል
selam|Selam,Salam|سلام|ሰላም
selamawit|Selamawit,Selamawite|سلامويت|ሰላማዊት
winta|Winta,Wintta|وينتا|ዊንታ
feven|Feven,Fiven|فيفن|ፌቨን
luwam|Luwam,Luam|لوام|ሉዋም
hiwet|Hiwet,Hewet|حيوت|ሕይወት
rigat|Rigat,Regat|ريقات|ርግኣት
almaz|Almaz,Almaze|ألماز|ኣልማዝ,አልማዝ
abeba|Abeba,Abebba|أبابا|ኣበባ,አበባ
tirhas|Tirhas,Terhas|ترحاس|ትርሓስ
mihret|Mihret,Mehret|مهرت|ምሕረት
semhar|Semhar,Simhar|سمهر|ሰምሃር
eden|Eden,Edden|إيدن|ኤደን
hanna|Hanna,Hana|حنا|ሃና,ሐና
mariam_h|Mariam,Mariyam|مريم|ማርያም
meseret|Meseret,Mesert|مسرت|መሰረት
azeb|Azeb,Azieb|أزيب|ኣዜብ
freweini|Freweini,Frewini|فريويني|ፍረወይኒ
nigisti|Nigisti,Negisti|نقستي|ንግስቲ
elsa|Elsa,Elssa|إلسا|ኤልሳ
ruth|Ruth,Rut|روث|ሩት
abebe|Abebe,Abebbe|أبيبي|አበበ
getachew|Getachew,Getachaw|قيتاشو|ጌታቸው
alemu|Alemu,Alemou|أليمو|ዓለሙ,አለሙ
tadesse|Tadesse,Tadese|تاديسي|ታደሰ
bekele|Bekele,Bekelle|بقلي|በቀለ
girma|Girma,Germa|قرما|ግርማ
dereje|Dereje,Derje|ديريجي|ደረጀ
fikru|Fikru,Fekru|فكرو|ፍቅሩ
yared|Yared,Yarid|يارد|ያሬድ
mesfin|Mesfin,Misfin|مسفين|መስፍን
belay|Belay,Belaye|بيلاي|በላይ
kassahun|Kassahun,Kasahun|كاساهون|ካሳሁን
asfaw|Asfaw,Asfew|أسفاو|አስፋው
wondimu|Wondimu,Wendimu|وندمو|ወንድሙ
tilahun|Tilahun,Tlahun|تلاهون|ጥላሁን
mengistu|Mengistu,Mengstu|منقستو|መንግስቱ
ayele|Ayele,Ayelle|أيلي|አየለ
worku|Worku,Werku|وركو|ወርቁ
birhanu|Birhanu,Berhanu|برهانو|ብርሃኑ
teshome|Teshome,Teshomme|تشومي|ተሾመ
zewdu|Zewdu,Zewde|زودو|ዘውዱ
abel|Abel,Abell|أبيل|አቤል
alemayehu|Alemayehu,Alemayehou|ألمايهو|አለማየሁ
mulatu|Mulatu,Mulatou|مولاتو|ሙላቱ
sisay|Sisay,Sisaye|سيساي|ሲሳይ
endale|Endale,Endalle|إندالي|እንዳለ
kebede|Kebede,Kebbede|كبدي|ከበደ
tigist|Tigist,Tigest|تقست|ትግስት
hirut|Hirut,Hiruth|هيروت|ሂሩት
genet|Genet,Ganet|قنت|ገነት
aster|Aster,Astir|أستر|አስቴር
mulu|Mulu,Mullu|مولو|ሙሉ
tsehay|Tsehay,Tsehaye|تسهاي|ፀሐይ
etenesh|Etenesh,Etenish|إتنش|እትነሽ
zenebech|Zenebech,Zenebich|زنبش|ዘነበች
birtukan|Birtukan,Bertukan|برتكان|ብርቱካን
yeshi|Yeshi,Yeshie|يشي|የሺ
betelhem|Betelhem,Bethlehem,Betlehem|بتلهم|ቤተልሔም
mekdes|Mekdes,Makdes|مكدس|መቅደስ
kidist|Kidist,Kedist|كدست|ቅድስት
fantaye|Fantaye,Fantaya|فانتاي|ፋንታዬ
workinesh|Workinesh,Werkinesh|وركنش|ወርቅነሽ
tsion|Tsion,Zion,Seyon|صيون|ጽዮን
emebet|Emebet,Emebete|إمبت|እመቤት
alem|Alem,Alemm|ألم|ዓለም,አለም
gemechu|Gemechu,Gamachu|قمتشو|ገመቹ
tolosa|Tolosa,Tolossa|تولوسا|ቶሎሳ
obsa|Obsa,Obssa|أوبسا|ኦብሳ
chala|Chala,Cala|شالا|ጫላ
lencho|Lencho,Lenco|لنشو|ለንጮ
boru|Boru,Borru|بورو|ቦሩ
guyo|Guyo,Guyyo|قويو|ጉዮ
debela|Debela,Dabala|دبلا|ደበላ
feyisa|Feyisa,Fayisa,Fayissa|فيسا|ፈይሳ
gutema|Gutema,Gutama|قوتما|ጉተማ
gemeda|Gemeda,Gameda|قمدا|ገመዳ
abdisa|Abdisa,Abdissa|عبديسا|አብዲሳ
chaltu|Chaltu,Caltu|شالتو|ጫልቱ
ebise|Ebise,Ebisa|إبيسي|ኢብሴ
bontu|Bontu,Bonttu|بونتو|ቦንቱ
lalise|Lalise,Lelise|لاليسي|ላሊሴ
gadise|Gadise,Gedise|قديسي|ገዲሴ
hawi|Hawi,Hawwi|هاوي|ሃዊ
meron|Meron,Miron|ميرون|ሜሮን
ayantu|Ayantu,Ayyantu|أيانتو|አያንቱ
galane|Galane,Galanne|قلاني|ገላኔ
"""

# Muslim names of Eritreans and Ethiopians (Arabic is the name itself; Ge'ez as written there)
HABESHA_MUS = """
mohammed_h|Mohammed,Mohamed,Mehammed|محمد|መሓመድ,መሐመድ
ahmed_h|Ahmed,Ahmad|أحمد|ኣሕመድ,አሕመድ
abdella|Abdella,Abdela,Abdulla|عبد الله|ዓብደላ,አብደላ
hussen|Hussen,Hussein,Husen|حسين|ሑሴን,ሁሴን
ali_h|Ali,Aliyi|علي|ዓሊ,አሊ
idris_h|Idris,Edris,Idriss|إدريس|እድሪስ
osman_h|Osman,Usman|عثمان|ዑስማን
saleh_h|Saleh,Salih|صالح|ሳልሕ,ሷሊሕ
ibrahim_h|Ibrahim,Ibrahem|إبراهيم|ኢብራሂም
omer_h|Omer,Omar|عمر|ዑመር
abdelkader_h|Abdelkader,Abdulkadir,Abdelkadir|عبد القادر|ዓብዱልቃድር,አብዱልቃድር
mahmud_h|Mahmud,Mahmoud|محمود|መሕሙድ
nur_h|Nur,Nour|نور|ኑር
hamid_h|Hamid,Hamed|حامد|ሓሚድ
adem_h|Adem,Adam|آدم|ኣደም,አደም
suleman_h|Suleman,Suleiman|سليمان|ሱለይማን,ሱሌማን
yasin_h|Yasin,Yassin|ياسين|ያሲን
jemal_h|Jemal,Jamal|جمال|ጀማል
abdu_h|Abdu,Abdo|عبده|ዓብዱ,አብዱ
hassen_h|Hassen,Hassan|حسن|ሓሰን,ሀሰን
kedir_h|Kedir,Kadir|قدير|ከድር
nuredin_h|Nuredin,Nuradin,Nureddin|نور الدين|ኑረዲን
fatuma_h|Fatuma,Fatima,Fatouma|فاطمة|ፋጥማ,ፋጡማ
amina_h|Amina,Emina|آمنة|ኣሚና,አሚና
zahra_h|Zahra,Zehra|زهرة|ዛህራ
halima_h|Halima,Halime|حليمة|ሓሊማ,ሀሊማ
asha_h|Asha,Aisha|عائشة|ዓይሻ,አይሻ
meryem_h|Meryem,Mariam|مريم|መርየም
sadia_h|Sadia,Saadia|سعدية|ሳዕድያ
kedija_h|Kedija,Khadija,Kadija|خديجة|ከዲጃ,ኸዲጃ
hawa_h|Hawa,Hawwa|حواء|ሓዋ,ሀዋ
rukia_h|Rukia,Ruqaya|رقية|ሩቅያ
safia_h|Safia,Safiya|صفية|ሳፍያ
nefisa_h|Nefisa,Nafisa|نفيسة|ነፊሳ
zeyneba_h|Zeyneba,Zeinab|زينب|ዘይነባ
"""


def load_block(block, arab):
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        f = line.split("|")
        key = f[0].strip()
        lat = [x.strip() for x in f[1].split(",") if x.strip()]
        ar = [x.strip() for x in f[2].split(",") if x.strip()] if len(f) > 2 else []
        ge = [x.strip() for x in f[3].split(",") if x.strip()] if len(f) > 3 else []
        TOK[key] = Tok(key, {"j": lat}, {"j": ar} if ar else {}, {"j": ge} if ge else {}, arab)


load_block(ARAB_M, True)
load_block(ARAB_F, True)
load_block(SOM_AR, True)
load_block(NATIVE, False)
load_block(HABESHA, False)
load_block(HABESHA_MUS, True)

# names with a joined and a split form
TOK["abdalla"] = Tok("abdalla", {"j": ["Abdalla", "Abdallah", "Abdullah", "Abdulla"], "s": ["Abd Allah", "Abd Alla"]},
                     {"j": ["عبدالله"], "s": ["عبد الله"]}, arab=True)
TOK["abubakar"] = Tok("abubakar", {"j": ["Abubakar", "Abubaker", "Abubakr"], "s": ["Abu Bakr", "Abu Bakar"]},
                      {"j": ["أبوبكر"], "s": ["أبو بكر"]}, arab=True)
TOK["hassaballah"] = Tok("hassaballah", {"j": ["Hassaballah", "Hasaballa"], "s": ["Hassab Allah", "Hasab Alla"]},
                         {"j": ["حسبالله"], "s": ["حسب الله"]}, arab=True)
TOK["mohammednur"] = Tok("mohammednur", {"j": ["Mohammednur", "Mohamednur"], "s": ["Mohammed Nur", "Mohamed Nour"],
                                         "h": ["Mohammed-Nur"]},
                         {"j": ["محمدنور"], "s": ["محمد نور"]},
                         {"j": ["መሓመድኑር"], "s": ["መሓመድ ኑር"]}, arab=True)

# Abd + one of the names of God
ABD = [("rahman", "الرحمن", ["Rahman", "Rahaman"]), ("rahim", "الرحيم", ["Rahim", "Raheem"]),
       ("aziz", "العزيز", ["Aziz", "Azeez"]), ("karim", "الكريم", ["Karim", "Kareem", "Kerim"]),
       ("qadir", "القادر", ["Gadir", "Qadir", "Kader"]), ("moneim", "المنعم", ["Moneim", "Monim", "Muniem"]),
       ("hamid", "الحميد", ["Hamid", "Hameed"]), ("nasir", "الناصر", ["Nasir", "Naser", "Nasser"]),
       ("wahab", "الوهاب", ["Wahab", "Wahhab"]), ("majid", "المجيد", ["Majid", "Magid", "Majeed"]),
       ("bagi", "الباقي", ["Bagi", "Baqi", "Baki"]), ("ghani", "الغني", ["Ghani", "Gani"]),
       ("latif", "اللطيف", ["Latif", "Lateef"]), ("jalil", "الجليل", ["Jalil", "Galil", "Jaleel"]),
       ("azim", "العظيم", ["Azim", "Azeem", "Adim"]), ("rashid", "الرشيد", ["Rashid", "Rasheed"]),
       ("salam", "السلام", ["Salam", "Salaam"]), ("halim", "الحليم", ["Halim", "Haleem"]),
       ("wahid", "الواحد", ["Wahid", "Wahed"]), ("fattah", "الفتاح", ["Fattah", "Fatah"])]
for k, a, B in ABD:
    j = [p + b.lower() for p in ("Abdel", "Abdul", "Abdal") for b in B[:2]]
    if B[0][0].lower() in "tdrzsnl":
        j.append("Abdu" + B[0][0].lower() + B[0].lower())
    s = [p + b for p in ("Abdel ", "Abdul ", "Abd El ", "Abd Al ") for b in B[:2]]
    h = ["Abd al-" + B[0], "Abd Al-" + B[0], "Abdel-" + B[0], "Abd-El-" + B[0]]
    TOK["abd_" + k] = Tok("abd_" + k, {"j": j, "s": s, "h": h}, {"j": ["عبد" + a], "s": ["عبد " + a]}, arab=True)

# X + eldin (religion)
ELDIN = [("nur", "نور", ["Nur", "Nour"]), ("salah", "صلاح", ["Salah", "Salaah"]), ("izz", "عز", ["Izz", "Ezz"]),
         ("alaa", "علاء", ["Alaa", "Ala"]), ("saif", "سيف", ["Saif", "Seif"]), ("kamal", "كمال", ["Kamal", "Kamaal"]),
         ("badr", "بدر", ["Badr", "Bader"]), ("jamal", "جمال", ["Jamal", "Gamal"]),
         ("hussam", "حسام", ["Hussam", "Hossam"]), ("khair", "خير", ["Khair", "Kheir"]), ("taj", "تاج", ["Taj", "Tag"]),
         ("sharaf", "شرف", ["Sharaf", "Sharf"]), ("imad", "عماد", ["Imad", "Emad"])]
for k, a, B in ELDIN:
    j = [b + suf for b in B[:2] for suf in ("eldin", "eddin", "aldin")]
    s = [b + suf for b in B[:2] for suf in (" Eldin", " El Din", " Al Din", " Eddin")]
    h = [B[0] + "-Eldin", B[0] + " Al-Din", B[0] + "-El-Din", B[0] + " ad-Din"]
    TOK[k + "_eldin"] = Tok(k + "_eldin", {"j": j, "s": s, "h": h}, {"j": [a + "الدين"], "s": [a + " الدين"]}, arab=True)

# El- / Al- names (Sudanese given names; Egyptian, Yemeni, Syrian family and tribe names)
PARTICLE = """
tayeb|Tayeb,Tayib|الطيب
fatih|Fatih,Fateh|الفاتح
sadig|Sadig,Sadiq|الصادق
nour|Nour,Nur|النور
amin|Amin,Ameen|الأمين
hadi|Hadi,Hady|الهادي
rasheed|Rasheed,Rashid|الرشيد
sir|Sir,Sirr|السر
bashir|Bashir,Basheer|البشير
mahdi|Mahdi,Mehdi|المهدي
zubeir|Zubeir,Zubair|الزبير
tahir|Tahir,Taher|الطاهر
khidir|Khidir,Khider|الخضر
obeid|Obeid,Ubeid|العبيد
sheikh|Sheikh,Shaikh|الشيخ
masry|Masry,Masri|المصري
naggar|Naggar,Najjar|النجار
sharkawy|Sharkawy,Sharqawi|الشرقاوي
gohary|Gohary,Gawhary|الجوهري
sayed|Sayed,Sayyed|السيد
hashidi|Hashidi,Hashedi|الحاشدي
maqtari|Maqtari,Magtari|المقطري
sharabi|Sharabi,Sharaabi|الشرعبي
hamdani|Hamdani,Hamadani|الهمداني
yafei|Yafei,Yafai|اليافعي
adeni|Adeni,Adani|العدني
saqqaf|Saqqaf,Sagaf,Seggaf|السقاف
amoudi|Amoudi,Amudi|العمودي
hadrami|Hadrami,Hadhrami|الحضرمي
zubairi|Zubairi,Zubeiri|الزبيري
ansi|Ansi,Anisi|العنسي
wesabi|Wesabi,Wasabi|الوصابي
halabi|Halabi,Halaby|الحلبي
hamwi|Hamwi,Hamawi|الحموي
khatib|Khatib,Khateeb|الخطيب
ahmad|Ahmad,Ahmed|الأحمد
husseini|Hussein,Hussain|الحسين
omari|Omar,Omer|العمر
jasem|Jasem,Jassem|الجاسم
sabbagh|Sabbagh,Sabagh|الصباغ
shami|Shami,Chami|الشامي
"""
for line in PARTICLE.strip().splitlines():
    k, lat, a = line.split("|")
    B = lat.split(",")
    key = "el_" + k
    TOK[key] = Tok(key, {"j": [p + b.lower() for b in B for p in ("El", "Al")],
                         "s": [p + b for b in B for p in ("El ", "Al ")],
                         "h": [p + b for b in B for p in ("El-", "Al-", "al-")]},
                   {"j": [a]}, arab=True)

# Habesha compounds: prefix + saint / holy name
HAB_PRE = {
    "gebre": (["Gebre", "Ghebre", "Gebra"], "G/", ["قبري", "جبري"], ["ገብረ"], "ገ/"),
    "wolde": (["Wolde", "Welde", "Weldi"], "W/", ["ولدي"], ["ወልደ"], "ወ/"),
    "haile": (["Haile", "Hayle"], "H/", ["هيلي", "هايلي"], ["ሃይለ", "ኃይለ"], "ሃ/"),
    "tekle": (["Tekle", "Tecle", "Tekla"], "T/", ["تكلي"], ["ተኽለ", "ተክለ"], "ተ/"),
    "habte": (["Habte", "Hapte"], "H/", ["هبتي"], ["ሃብተ", "ሀብተ"], "ሃ/"),
    "kidane": (["Kidane", "Kidana"], "K/", ["كداني"], ["ኪዳነ"], "ኪ/"),
}
HAB_SUF = {
    "mariam": (["Mariam", "Mariyam", "Maryam"], ["مريم"], ["ማርያም"]),
    "medhin": (["Medhin", "Medhn"], ["مدهن", "مدهين"], ["መድህን", "መድኅን"]),
    "michael": (["Michael", "Mikael"], ["ميكائيل", "ميكال"], ["ሚካኤል"]),
    "selassie": (["Selassie", "Silassie", "Selasie"], ["سلاسي"], ["ስላሴ", "ሥላሴ"]),
    "giorgis": (["Giorgis", "Giyorgis"], ["جورجيس"], ["ጊዮርጊስ"]),
    "yesus": (["Yesus", "Iyesus"], ["يسوس"], ["የሱስ", "ኢየሱስ"]),
    "egziabher": (["Egziabher", "Egziabiher"], ["قزابهير", "اقزيابهير"], ["እግዚኣብሄር", "እግዚአብሔር"]),
    "kidan": (["Kidan", "Kidann"], ["كيدان"], ["ኪዳን"]),
    "haimanot": (["Haimanot", "Haymanot"], ["هيمانوت"], ["ሃይማኖት", "ሀይማኖት"]),
}
HAB_COMB = ("gebre:medhin,mariam,michael,selassie,yesus,giorgis,egziabher,kidan "
            "wolde:mariam,michael,giorgis,selassie,yesus haile:mariam,selassie,michael,giorgis "
            "tekle:haimanot,mariam,giorgis,michael habte:mariam,michael,selassie,giorgis kidane:mariam")
for grp in HAB_COMB.split():
    pre, sufs = grp.split(":")
    P, abbr, PA, PG, GAB = HAB_PRE[pre]
    for suf in sufs.split(","):
        S, SA, SG = HAB_SUF[suf]
        lat = {"j": [p + s.lower() for p in P for s in S[:2]],
               "s": [p + " " + s for p in P for s in S[:2]],
               "h": [p + "-" + s for p in P[:2] for s in S[:1]],
               "a": [abbr + s for s in S[:2]] + [abbr[0] + "." + S[0]]}
        ar = {"j": [(pa[:-1] if pa.endswith("ي") else pa) + sa for pa in PA for sa in SA],
              "s": [pa + " " + sa for pa in PA for sa in SA]}
        ge = {"j": [pg + sg for pg in PG for sg in SG], "s": [pg + " " + sg for pg in PG for sg in SG],
              "a": [GAB + sg for sg in SG]}
        key = pre + "_" + suf
        TOK[key] = Tok(key, lat, ar, ge, arab=False)


def tok(key):
    """A token; 'key@Spelling' is the same name whose usual (document) spelling is Spelling."""
    if key in TOK:
        return TOK[key]
    base, canon = key.split("@", 1)
    b = TOK[base]
    lat = {m: list(v) for m, v in b.lat.items()}
    found = False
    for v in lat.values():
        if canon in v:
            v.remove(canon)
            v.insert(0, canon)
            found = True
    if not found:
        lat["j"].insert(0, canon)
    t = Tok(key, lat, b.ar, b.ge, b.arab)
    t.doc = canon
    TOK[key] = t
    return t


# ----------------------------------------------------------------------------- cultures
# pools: most frequent first (Zipf-like weights)
POOLS = {
    "tig_er": dict(
        m="tesfay yonas kiflom mehari gebre_medhin berhane filmon semere tedros dawit yohannes habtom goitom "
          "kibrom awet amanuel biniam daniel efrem mussie natnael robel solomon henok mikael girmay negasi "
          "asmerom zerai fitsum tsegay abraham gebre_mariam gebre_michael gebre_selassie gebre_yesus "
          "gebre_egziabher wolde_mariam wolde_michael haile_mariam haile_selassie tekle_haimanot habte_mariam "
          "kidane_mariam tekle_mariam gebre_giorgis habte_selassie weldu mebrahtu teklay samuel berhe",
        f="senait helen saba lidya tsega mebrat letekidan yordanos rahel selam selamawit winta feven luwam hiwet "
          "rigat almaz abeba tirhas mihret semhar eden hanna mariam_h meseret azeb freweini nigisti elsa ruth"),
    "tig_et": dict(
        m="hagos gebru kahsay gidey berhe tesfay haile_selassie tsegay gebre_medhin desta abadi weldu mebrahtu "
          "teklay gebre_egziabher girmay kibrom goitom mulugeta haile_mariam gebre_michael yohannes dawit "
          "tekle_haimanot abraham gebre_yesus habtom fitsum amanuel henok solomon kiflom mehari wolde_giorgis",
        f="tsega mebrat letekidan tirhas abeba almaz hiwet azeb freweini nigisti selamawit lidya saba senait "
          "rigat mihret tsehay genet alem meseret hanna eden yordanos helen"),
    "amh": dict(
        m="abebe getachew alemu tadesse bekele girma solomon dereje fikru yared mesfin belay kassahun asfaw "
          "wondimu tilahun mengistu ayele worku birhanu tesfay@Tesfaye dawit yohannes teshome zewdu abel "
          "alemayehu mulatu sisay endale kebede haile_mariam wolde_giorgis gebre_michael tekle_haimanot "
          "habte_mariam wolde_mariam daniel samuel henok eyob tsegay@Tsegaye",
        f="tigist meseret hirut selamawit almaz genet aster mulu tsehay etenesh zenebech birtukan yeshi betelhem "
          "hanna eden mekdes kidist fantaye workinesh tsion emebet alem"),
    "orm_c": dict(
        m="gemechu tolosa obsa chala lencho tesfay@Tesfaye boru guyo debela feyisa gutema gemeda abdisa kebede "
          "bekele tadesse dawit abebe girma",
        f="chaltu ebise bontu lalise gadise hawi meron ayantu galane tigist almaz genet meseret"),
    "orm_m": dict(
        m="mohammed_h abdella kedir_h jemal_h hussen ahmed_h nuredin_h ali_h abdisa gemechu obsa adem_h yasin_h "
          "abdu_h hassen_h",
        f="fatuma_h amina_h hawa_h zeyneba_h kedija_h chaltu ayantu halima_h rukia_h"),
    "mus_er": dict(
        m="mohammed_h idris_h osman_h saleh_h ibrahim_h omer_h mohammednur abdelkader_h mahmud_h nur_h hamid_h "
          "adem_h suleman_h ali_h yasin_h jemal_h abdu_h hassen_h ahmed_h abdella",
        f="fatuma_h amina_h zahra_h halima_h asha_h meryem_h sadia_h kedija_h hawa_h rukia_h safia_h nefisa_h "
          "zeyneba_h"),
    "sd": dict(
        m="mohammed ahmed ali osman omer abdalla hassan ibrahim yousif adam abd_rahman musa babiker hussein "
          "khalid mustafa salih eisa hamid idris ismail yagoub siddig mahmoud el_tayeb el_fatih el_sadig "
          "el_nour el_amin el_hadi abd_rahim abd_aziz abd_moneim abd_qadir abd_bagi haroun suleiman awad hamad "
          "bakheet juma hashim mubarak kamal tarig fadl abbas osama hatim gasim abubakar hamza zakaria mujahid "
          "badawi hamdan yasir el_bashir el_sir el_rasheed el_zubeir el_tahir nur_eldin salah_eldin izz_eldin "
          "saif_eldin badr_eldin taj_eldin khair_eldin abd_karim abd_majid abd_latif abd_jalil abd_azim "
          "abd_wahab el_mahdi el_khidir el_obeid el_sheikh alaa_eldin imad_eldin",
        f="fatima aisha mariam khadija zainab amna hawa halima asia sara nafisa safia salma huda samia nawal "
          "rasha hanan ikhlas awatif sumaya mawahib nadia suad aziza muna hiba tagwa duaa amal"),
    "so": dict(
        m="maxamed abdi abdullahi mohamud axmed xasan xuseen farah cumar cali abdirahman abdirashid abdikarim "
          "warsame jama hirsi guled mahad yuusuf ismaaciil cismaan daahir nuur aadan bashiir shire egal",
        f="faadumo hodan ayaan hibo sahra xaliimo ifrah deeqa ubah khadro caasha maryan nasra sagal hamdi idil"),
    "td": dict(
        m="mahamat abakar hissein musa@Moussa youssouf idris@Idriss adoum ahmat brahim zakaria haroun souleymane "
          "abd_karim@Abdelkerim oumar salih@Saleh hassaballah djibrine adam abdoulaye",
        f="achta haoua khadidja fatime zara halime mariam amna@Amina kaltouma zenaba"),
    "ng_h": dict(
        m="musa ibrahim abubakar usman aliyu sani bello yousif@Yusuf abdullahi_ng garba haruna idris kabiru "
          "nasiru lawal mohammed@Muhammad ahmed@Ahmad omer@Umar hamza",
        f="aisha fatima hauwa zainab hadiza mariam@Maryam halima rabi khadija safia amna@Aminatu"),
    "ng_c": dict(
        m="john peter emmanuel samuel_en daniel_en joseph david michael_en godwin friday sunday paul stephen",
        f="blessing grace joy esther mary faith patience victoria precious gift",
        mid_m="chinedu emeka ifeanyi chukwuma tunde femi segun uche obinna kelechi",
        mid_f="ngozi chiamaka adaeze funmilayo folake nneka bisi ifeoma chioma",
        sur="okafor okonkwo eze nwosu adeyemi ogunleye balogun olawale obi nwachukwu adebayo ibe onyeka oladipo "
            "uzor"),
    "cf_c": dict(
        m="jean pierre jeanpierre joseph paul rodrigue thierry herve sylvain aime blaise fidele gervais prosper "
          "brice didier",
        f="marie jeanne marieclaire elodie brigitte clarisse prisca josiane odette solange chantal flore",
        sur="ngaikoumon gbazi ndemanga zanga koyassambia mbaikoua ngouandji selebanga doko namkona wanze gbadin "
            "yangana feizoure"),
    "cf_m": dict(
        m="abdoulaye mahamat ousmane eisa@Issa musa@Moussa hamadou souleymane idris@Idriss abubakar@Aboubakar "
          "adam",
        f="aicha mariam hadje fadimatou zenaba ramatou haoua"),
    "eg": dict(
        m="mohammed@Mohamed ahmed mahmoud mustafa@Mostafa gamal ragab sayed hany tamer walid karim amr ashraf "
          "hossam sherif tarig@Tarek yasir@Yasser essam ibrahim ali hassan khalid@Khaled abd_rahman abd_aziz",
        f="muna@Mona hiba@Heba nour_f yasmin duaa@Doaa shaimaa rania marwa asmaa hagar aya fatima@Fatma sara",
        sur="el_masry@El-Masry shehata farag mansour hegazy salem ragab el_naggar@El-Naggar "
            "el_sharkawy@El-Sharkawy badawi el_gohary@El-Gohary el_sayed@El-Sayed abd_aziz"),
    "ye": dict(
        m="mohammed ahmed abdalla@Abdullah ali salih@Saleh nabil fuad adil walid ammar hamoud mansour khalid "
          "abd_rahman abd_karim yasir",
        f="fatima amal arwa bushra nabila samira huda mariam aisha khadija",
        sur="el_hashidi@Al-Hashidi el_maqtari@Al-Maqtari el_sharabi@Al-Sharabi el_hamdani@Al-Hamdani "
            "el_yafei@Al-Yafei el_adeni@Al-Adeni el_saqqaf@Al-Saqqaf el_amoudi@Al-Amoudi el_hadrami@Al-Hadrami "
            "el_zubairi@Al-Zubairi el_ansi@Al-Ansi el_wesabi@Al-Wesabi"),
    "sy": dict(
        m="mohammed@Mohammad ahmed@Ahmad khalid@Khaled omer@Omar mahmoud ammar bashar firas rami yaman anas "
          "abd_rahman majd hassan ali",
        f="rasha lina rama hala nour_f reem ruba bayan yasmin fatima sara aya",
        sur="el_halabi@Al-Halabi el_hamwi@Al-Hamwi el_khatib@Al-Khatib el_ahmad@Al-Ahmad el_husseini@Al-Hussein "
            "el_omari@Al-Omar el_jasem@Al-Jasem el_sabbagh@Al-Sabbagh el_shami@Al-Shami darwish haddad kassab "
            "najjar zaher"),
    "ss": dict(
        m="deng garang majok akol malual bol kuol mayen ajak chol manyang thon atem mabior makuei lual aguer dut "
          "ayuel gatluak gatkuoth koang ruach puok duoth tut chuol lam gai nhial wol",
        f="achol nyandeng akuol ayen abuk adut nyibol achan athieng aluel amou nyakuoth nyabol nyachuol nyaluak "
          "nyaduoth ajok awut",
        cm="john peter james joseph david simon paul stephen gabriel emmanuel isaac abraham_en michael_en "
           "william moses thomas mathew andrew daniel_en samuel_en",
        cf="mary rebecca elizabeth sarah_en martha grace rose susan agnes esther christine veronica angelina "
           "josephine helen_en"),
}

# nat, weight, Habesha?, ancestors usually written (k), long chain?, Amharic Ge'ez spelling share
CULTS = {
    "tig_er": ("ERI", 16, True, 2, False, 0.0),
    "mus_er": ("ERI", 7, True, 2, False, 0.0),
    "tig_et": ("ETH", 9, True, 2, False, 0.25),
    "amh": ("ETH", 9, True, 2, False, 1.0),
    "orm_c": ("ETH", 5, True, 2, False, 1.0),
    "orm_m": ("ETH", 4, True, 2, False, 1.0),
    "ss": ("SSD", 12, False, 2, False, 0),
    "sd": ("SDN", 11, False, 3, True, 0),
    "so": ("SOM", 5, False, 2, False, 0),
    "td": ("TCD", 5, False, 2, False, 0),
    "ng_h": ("NGA", 3, False, 2, False, 0),
    "ng_c": ("NGA", 2, False, 0, False, 0),
    "cf_c": ("CAF", 1.2, False, 0, False, 0),
    "cf_m": ("CAF", 0.8, False, 1, False, 0),
    "eg": ("EGY", 2, False, 2, True, 0),
    "ye": ("YEM", 3, False, 2, True, 0),
    "sy": ("SYR", 3, False, 1, False, 0),
}
ETH_CULTS = ("tig_et", "amh", "orm_c", "orm_m")


class Pool:
    def __init__(self, keys, s=1.0):
        self.toks = [tok(k) for k in keys.split()]
        cum, t = [], 0.0
        for i in range(len(self.toks)):
            t += 1.0 / (i + 1) ** s
            cum.append(t)
        self.cum = cum

    def draw(self, rng, avoid=()):
        for _ in range(8):
            t = rng.choices(self.toks, cum_weights=self.cum)[0]
            if t.key not in avoid:
                return t
        return t


POOL = {c: {k: Pool(v) for k, v in d.items()} for c, d in POOLS.items()}
for _c in CULTS:
    if CULTS[_c][2]:
        for _k in ("m", "f"):
            for _t in POOL[_c][_k].toks:
                assert _t.ge, "no Ge'ez for " + _t.key

# ----------------------------------------------------------------------------- other reference data
NAT = {
    "ERI": dict(en="Eritrea", adj="Eritrean", i2="ER", ar=["إريتريا", "ارتريا"], arm=["إريتري", "ارتري", "اريتري"],
                arf=["إريترية", "ارترية", "اريترية"], typo=["Eritria", "Erithrea", "Eritrian", "Eriterea"]),
    "ETH": dict(en="Ethiopia", adj="Ethiopian", i2="ET", ar=["إثيوبيا", "اثيوبيا"], arm=["إثيوبي", "اثيوبي"],
                arf=["إثيوبية", "اثيوبية"], typo=["Ethopia", "Ethiopain", "Ethiopean", "Ethiopiya"]),
    "SSD": dict(en="South Sudan", adj="South Sudanese", i2="SS", ar=["جنوب السودان"], arm=["جنوب سوداني"],
                arf=["جنوب سودانية"], typo=["S. Sudan", "South Sudanes", "Sth Sudan", "S/Sudan"]),
    "SDN": dict(en="Sudan", adj="Sudanese", i2="SD", ar=["السودان"], arm=["سوداني"], arf=["سودانية"],
                typo=["Sudanes", "Sudaness", "Soudan"]),
    "SOM": dict(en="Somalia", adj="Somali", i2="SO", ar=["الصومال"], arm=["صومالي"], arf=["صومالية"],
                typo=["Somalian", "Somaliya", "Somaly"]),
    "TCD": dict(en="Chad", adj="Chadian", i2="TD", ar=["تشاد"], arm=["تشادي"], arf=["تشادية"],
                typo=["Tchad", "Chadien", "Chadain"]),
    "NGA": dict(en="Nigeria", adj="Nigerian", i2="NG", ar=["نيجيريا"], arm=["نيجيري"], arf=["نيجيرية"],
                typo=["Nigerain", "Nigria", "Nijeria"]),
    "CAF": dict(en="Central African Republic", adj="Central African", i2="CF", ar=["أفريقيا الوسطى", "افريقيا الوسطى"],
                arm=["أفريقيا الوسطى"], arf=["أفريقيا الوسطى"], typo=["CAR", "C.A.R", "Centrafrique"]),
    "EGY": dict(en="Egypt", adj="Egyptian", i2="EG", ar=["مصر"], arm=["مصري"], arf=["مصرية"],
                typo=["Egyption", "Egipt", "Egypte"]),
    "YEM": dict(en="Yemen", adj="Yemeni", i2="YE", ar=["اليمن"], arm=["يمني"], arf=["يمنية"],
                typo=["Yamen", "Yemani", "Yemen Rep."]),
    "SYR": dict(en="Syria", adj="Syrian", i2="SY", ar=["سوريا", "سورية"], arm=["سوري"], arf=["سورية"],
                typo=["Syrie", "Sirya", "Syrian Arab Rep."]),
}
BAD_NAT_EN = ["Refugee", "Kassala", "African", "Habesha", "Shagarab", "Asylum seeker", "Arab", "XX", "Gedaref", "Other"]
BAD_NAT_AR = ["لاجئ", "كسلا", "أفريقي", "حبشي", "عربي", "أخرى", "القضارف", "الشجراب"]

LANG = {
    "tir": (["Tigrinya", "Tigrigna", "Tigrina"], ["تقرنية", "تجرينيا"]),
    "amh": (["Amharic", "Amhari"], ["أمهرية", "امهري"]),
    "orm": (["Oromo", "Afaan Oromo", "Oromifa"], ["أورومو", "الأورومية"]),
    "ara": (["Arabic", "Arab"], ["عربي", "العربية"]),
    "tig": (["Tigre", "Tigré"], ["تقري"]),
    "ssy": (["Saho", "Saho"], ["ساهو"]),
    "eng": (["English", "Eng"], ["إنجليزي", "انجليزي"]),
    "fra": (["French", "French"], ["فرنسي", "الفرنسية"]),
    "som": (["Somali", "Somaali"], ["صومالي", "الصومالية"]),
    "din": (["Dinka", "Jieng"], ["دينكا"]),
    "nus": (["Nuer", "Naath"], ["نوير"]),
    "pga": (["Juba Arabic", "Arabi Juba"], ["عربي جوبا"]),
    "hau": (["Hausa", "Housa"], ["هوسا", "الهوسا"]),
    "fuv": (["Fulfulde", "Fulani"], ["فولاني"]),
    "yor": (["Yoruba", "Yoruba"], ["يوربا"]),
    "ibo": (["Igbo", "Ibo"], ["إيبو"]),
    "sag": (["Sango", "Sango"], ["سانغو", "سانقو"]),
    "bej": (["Beja", "Bedawi"], ["بجاوية", "بداويت"]),
    "fur": (["Fur", "Fur"], ["فور"]),
    "mls": (["Masalit", "Masalit"], ["مساليت"]),
    "zag": (["Zaghawa", "Zaghawa"], ["زغاوة"]),
}

ROUTES = {
    "metema": ("Metema - Gallabat - Gedaref", "المتمة - القلابات - القضارف"),
    "gallabat": ("Gallabat", "القلابات"),
    "humera": ("Humera - Hamdayet", "الحمرة - حمداييت"),
    "lugdi": ("Lugdi crossing", "معبر اللقدي"),
    "tesseney": ("Tesseney - Kassala", "تسني - كسلا"),
    "golij": ("Golij - Kassala", "قلوج - كسلا"),
    "shagarab": ("Shagarab camp", "معسكر الشجراب"),
    "kurmuk": ("Kurmuk - Damazin", "الكرمك - الدمازين"),
    "renk": ("Renk - Joda - Kosti", "الرنك - جودة - كوستي"),
    "abyei": ("Abyei - Muglad", "أبيي - المجلد"),
    "adre": ("Adre - Geneina", "أدري - الجنينة"),
    "birao": ("Birao - Um Dafog", "بيراو - أم دافوق"),
    "chad_road": ("via Chad, Geneina - Nyala", "عبر تشاد، الجنينة - نيالا"),
    "argeen": ("Argeen - Wadi Halfa", "أرقين - وادي حلفا"),
    "portsudan": ("Port Sudan (by sea)", "بورتسودان (بحرا)"),
    "airport": ("Khartoum airport", "مطار الخرطوم"),
    "somali_eth": ("Ethiopia - Metema - Gedaref", "إثيوبيا - المتمة - القضارف"),
    "khartoum_idp": ("Khartoum - Kassala (bus)", "الخرطوم - كسلا (بص)"),
    "madani_idp": ("Wad Madani - Gedaref", "ود مدني - القضارف"),
    "khartoum_gdf": ("Khartoum - Gedaref", "الخرطوم - القضارف"),
    "libya_ret": ("Libya - Kufra - Dongola", "ليبيا - الكفرة - دنقلا"),
    "egypt_ret": ("Egypt - Argeen", "مصر - أرقين"),
}
ROUTE_BY = {
    "tig_er": {"tesseney": 45, "golij": 20, "humera": 10, "shagarab": 25},
    "mus_er": {"tesseney": 50, "golij": 25, "shagarab": 25},
    "tig_et": {"humera": 50, "lugdi": 30, "metema": 20},
    "amh": {"metema": 60, "gallabat": 25, "kurmuk": 15},
    "orm_c": {"metema": 55, "gallabat": 20, "kurmuk": 25},
    "orm_m": {"metema": 55, "gallabat": 25, "kurmuk": 20},
    "ss": {"renk": 60, "abyei": 30, "khartoum_gdf": 10},
    "so": {"somali_eth": 100},
    "td": {"adre": 70, "chad_road": 30},
    "ng_h": {"chad_road": 100}, "ng_c": {"chad_road": 70, "airport": 30},
    "cf_c": {"birao": 100}, "cf_m": {"birao": 80, "chad_road": 20},
    "eg": {"argeen": 70, "airport": 30}, "ye": {"portsudan": 60, "airport": 40}, "sy": {"airport": 70, "portsudan": 30},
}

LANGS_BY = {
    "tig_er": (["tir"], {"ara": 0.35, "eng": 0.15, "amh": 0.05}),
    "mus_er": (None, {"ara": 0.6, "tir": 0.2}),
    "tig_et": (["tir"], {"amh": 0.5, "ara": 0.1}),
    "amh": (["amh"], {"ara": 0.15, "eng": 0.1}),
    "orm_c": (["orm"], {"amh": 0.5, "eng": 0.05}),
    "orm_m": (["orm"], {"amh": 0.4, "ara": 0.35}),
    "ss": (None, {"pga": 0.5, "eng": 0.4, "ara": 0.2}),
    "sd": (["ara"], {"bej": 0.12, "fur": 0.05, "mls": 0.04, "eng": 0.1}),
    "so": (["som"], {"ara": 0.3, "eng": 0.1}),
    "td": (["ara"], {"fra": 0.4, "zag": 0.1}),
    "ng_h": (["hau"], {"eng": 0.6, "ara": 0.2, "fuv": 0.1}),
    "ng_c": (["eng"], {"yor": 0.35, "ibo": 0.35}),
    "cf_c": (["sag", "fra"], {"ara": 0.1}),
    "cf_m": (["sag", "ara"], {"fra": 0.3}),
    "eg": (["ara"], {"eng": 0.3}), "ye": (["ara"], {"eng": 0.2}), "sy": (["ara"], {"eng": 0.3}),
}

ETHNIC = {
    "tig_er": [("Tigrinya", "تقرينية")], "mus_er": [("Tigre", "تقري"), ("Saho", "ساهو"), ("Beni Amer", "بني عامر")],
    "tig_et": [("Tigrayan", "تقراوي")], "amh": [("Amhara", "أمهرا")], "orm_c": [("Oromo", "أورومو")],
    "orm_m": [("Oromo", "أورومو")], "ss": [("Dinka", "دينكا"), ("Nuer", "نوير"), ("Shilluk", "شلك")],
    "sd": [("Hadendowa", "هدندوة"), ("Beni Amer", "بني عامر"), ("Shukriya", "شكرية"), ("Fur", "فور"),
           ("Masalit", "مساليت"), ("Nuba", "نوبة")],
    "so": [("clan: Hawiye", "العشيرة: هوية"), ("clan: Darod", "العشيرة: دارود"), ("clan: Dir", "العشيرة: دير"),
           ("clan: Isaaq", "العشيرة: إسحاق"), ("clan: Rahanweyn", "العشيرة: رحنوين")],
    "td": [("Zaghawa", "زغاوة"), ("Gorane", "قرعان"), ("Masalit", "مساليت")],
}

DOC_NAMES = {
    "passport": (["Passport", "PP", "passport"], ["جواز سفر", "جواز"]),
    "nid": (["National ID", "ID card"], ["بطاقة قومية", "بطاقة هوية"]),
    "unhcr": (["UNHCR ID", "Refugee ID", "UNHCR slip"], ["بطاقة مفوضية", "بطاقة لاجئ"]),
    "lp": (["Laissez-passer", "Laissez passer"], ["وثيقة سفر اضطرارية"]),
    "kebele": (["Kebele ID", "Kebele card"], ["بطاقة كبلي"]),
    "natno": (["National No.", "National Number"], ["رقم وطني", "الرقم الوطني"]),
}

MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]
MON_AR = [["يناير"], ["فبراير"], ["مارس"], ["أبريل", "ابريل"], ["مايو"], ["يونيو"], ["يوليو"], ["أغسطس", "اغسطس"],
          ["سبتمبر"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"]]

NOTES_EN = [
    "Referred to MSF clinic, follow-up in 2 weeks",
    "Needs NFI: blanket, soap, jerrycan",
    'Says the broker, "Wedi Kassala", took 1,500 USD',
    "Arrived with a group of 12",
    "Pregnant (6 months), referred to hospital",
    "Lost documents on the way",
    'Wants to go to Khartoum, then "Libya or Egypt"',
    "Working on a farm near Gedaref, not paid for 3 months",
    "Domestic worker, employer kept passport",
    "Interested in AVRR",
    "Shelter needed tonight",
    "Family in Shagarab camp",
    "Speaks little Arabic, interpreter used",
    'MHPSS session done; "very tired", sleeps badly',
    "Food voucher given, 2 kits",
    "Cash assistance (round 2)",
    "Head of household",
    "Held for ransom near the border, released after family paid",
    "Asked about family tracing, brother missing since 2019",
    "Medical: malaria, treated",
    "Referred to legal aid, \"no papers\"",
    "Came with neighbours, not relatives",
]
NOTES_AR = [
    "تم تحويله إلى المستشفى، يحتاج متابعة",
    "تحتاج مأوى عاجل",
    "فقد أوراقه في الطريق",
    "يرغب في العودة الطوعية",
    "تعمل في المنازل، صاحب العمل يحتفظ بجوازها",
    "وصل مع مجموعة من 10 أشخاص",
    'قال إن المهرب "ود كسلا" أخذ منه المال',
    "تم صرف مواد غير غذائية: بطانية، صابون",
    "يحتاج دعم نفسي",
    "تم تحويلها للمساعدة القانونية",
    "مريض، ملاريا",
    "يبحث عن أخيه المفقود",
    "تم صرف مساعدة نقدية",
]
REL_NOTES = {
    "spouse_f": ("wife of the above", "زوجة المذكور أعلاه"),
    "spouse_m": ("husband of the above", "زوج المذكورة أعلاه"),
    "child_m": ("son of the above", "ابن المذكور أعلاه"),
    "child_f": ("daughter of the above", "ابنة المذكور أعلاه"),
    "sibling_m": ("brother of the above", "شقيق المذكور"),
    "sibling_f": ("sister of the above", "شقيقة المذكور"),
    "twin": ("twin", "توأم"),
    "born": ("born in Sudan", "مولود في السودان"),
    "unacc": ("Unaccompanied minor - flagged to supervisor", "طفل غير مصحوب، تم إبلاغ المشرف"),
}
REPEAT_NOTES = [("returned, registered before", "تم تسجيله سابقا"), ("second visit", "زيارة ثانية"),
                ("lost card, re-registered", "فقد البطاقة، أعيد التسجيل"), ("came back for follow-up", "عاد للمتابعة")]
SD_NOTES = {"idp": [("IDP from Khartoum", "نازح من الخرطوم"), ("displaced from Wad Madani", "نازح من ود مدني")],
            "returnee": [("returnee from Libya", "عائد من ليبيا"), ("returnee from Egypt", "عائد من مصر"),
                         ("deported from Saudi Arabia", "مرحل من السعودية")],
            "host": [("host community, vulnerable", "مجتمع مضيف")]}
CATEGORY_AR = ["مهاجر عالق", "ضحية اتجار محتمل", "طالب لجوء", "مهاجر"]

# ----------------------------------------------------------------------------- clerks
BASE_CLERK = dict(
    script={"la": 1.0}, script_other={"la": 1.0},
    latin_fill=0.5, latin_dup=0.1, latin_doc=0.5,
    canon=0.6, consistency=0.92, cmode={"j": 0.5, "s": 0.4, "h": 0.1}, ar_join=0.3, ar_explicit=0.7,
    case={"title": 1.0}, dbl=0.03, trail=0.03, typo=0.03,
    chain_short={1: 0.25, 2: 0.75}, chain_long={1: 0.1, 2: 0.7, 3: 0.2},
    drop_c=0.3, drop_m=0.3, drop_s=0.08,
    hamza=0.5, taa=0.2, yaa=0.4, ge_amh=None,
    date={"dmy/": 1.0}, digits_ar=0.0, jan1=0.15, age_only=0.06, both=0.15, age_in_date=0.0, year_from_age=0.1,
    agefmt={"n": 1.0},
    sex="MF", sex_miss=0.03,
    nat={"adj_en": 1.0}, nat_miss=0.03, nat_typo=0.03,
    phone={"0": 1.0}, phone_miss=0.05,
    lang="en", lang_sep=", ", lang_miss=0.1, lang_first=0.3,
    route_p=0.7, arr_p=0.8, arr_prec={"full": 0.8, "month": 0.15, "year": 0.05},
    notes_p=0.3, notes_lang="en", nl=0.08, doc_p=0.9,
    affinity={}, window=(0.0, 1.0), weight=1.0,
)


def clerk(**kw):
    c = dict(BASE_CLERK)
    c.update(kw)
    return c


CLERKS = {
    "A": [
        clerk(id="A-HA", initials="H.A.", weight=3, window=(0.0, 0.7),
              script={"ar": 0.92, "la": 0.08}, script_other={"ar": 0.95, "la": 0.05}, latin_fill=0.55, latin_doc=0.6,
              canon=0.55, cmode={"j": 0.75, "s": 0.2, "h": 0.05}, ar_join=0.15, ar_explicit=0.6,
              case={"title": 0.9, "upper": 0.1}, chain_long={2: 0.45, 3: 0.55}, chain_short={1: 0.15, 2: 0.85},
              hamza=0.8, taa=0.35, yaa=0.75, date={"dmy/": 0.8, "dmy/nz": 0.2}, jan1=0.3,
              nat={"adj_en": 0.7, "name_en": 0.3}, phone={"0": 0.9, "0sp": 0.1}, notes_lang="mix",
              agefmt={"n": 0.8, "yrs": 0.2}),
        clerk(id="A-TG", initials="T.G.", weight=2, window=(0.0, 1.0),
              script={"ge": 0.85, "la": 0.15}, script_other={"la": 0.85, "ar": 0.15}, latin_fill=0.95, latin_doc=0.3,
              canon=0.7, cmode={"a": 0.45, "j": 0.45, "s": 0.1}, chain_short={2: 0.92, 1: 0.08}, ge_amh=0.08,
              date={"iso": 0.5, "dmy/": 0.5}, jan1=0.0, year_from_age=0.3, both=0.05, sex="MaleFemale",
              nat={"name_en": 0.6, "adj_en": 0.4}, phone={"+sp": 0.6, "0": 0.4}, affinity={"hab": 4.0},
              notes_p=0.35),
        clerk(id="A-JD", initials="J.D.", weight=3, window=(0.2, 1.0),
              script={"la": 1.0}, script_other={"la": 1.0}, latin_dup=0.05, canon=0.5,
              cmode={"s": 0.6, "j": 0.3, "h": 0.1}, case={"upper": 0.85, "title": 0.15}, drop_c=0.08,
              chain_short={1: 0.4, 2: 0.6}, chain_long={1: 0.3, 2: 0.6, 3: 0.1},
              date={"dMony": 0.6, "dd-Mon-yy": 0.4}, sex="MaleFemale", nat={"adj_en": 1.0}, nat_typo=0.08,
              phone={"+sp": 1.0}, affinity={"ss": 2.5}, notes_p=0.2),
        clerk(id="A-AM", initials="A.M.", weight=2, window=(0.0, 0.5),
              script={"ar": 1.0}, script_other={"ar": 1.0}, latin_fill=0.0, ar_join=0.4, hamza=0.95, taa=0.5,
              yaa=0.9, ar_explicit=0.4, chain_long={1: 0.2, 2: 0.8}, chain_short={1: 0.35, 2: 0.65},
              date={"dmy2/": 0.7, "dmy/": 0.3}, age_only=0.35, both=0.3, agefmt={"n": 0.6, "ar_sana": 0.4},
              sex="ar", nat={"adj_ar": 0.8, "name_ar": 0.2}, phone={"0": 1.0}, lang="ar", lang_sep="، ",
              notes_lang="ar", typo=0.04),
        clerk(id="A-MK", initials="M.K.", weight=2, window=(0.45, 1.0),
              script={"ge": 0.7, "la": 0.3}, script_other={"la": 1.0}, latin_fill=0.8, ge_amh=0.9,
              cmode={"j": 0.5, "a": 0.3, "s": 0.2}, date={"iso": 0.7, "dmy-": 0.3}, jan1=0.0, year_from_age=0.35,
              nat={"iso3": 0.7, "name_en": 0.3}, sex="mf", phone={"00": 0.5, "0": 0.5}, affinity={"hab": 3.0}),
        clerk(id="A-OS", initials="O.S.", weight=3, window=(0.1, 0.9),
              script={"la": 1.0}, script_other={"la": 1.0}, latin_dup=0.15, canon=0.65,
              cmode={"j": 0.8, "s": 0.15, "h": 0.05}, chain_long={3: 0.6, 2: 0.4},
              date={"dmy.": 0.6, "dmy/": 0.4}, nat={"name_en": 0.5, "adj_en": 0.5}, phone={"249": 0.7, "0": 0.3},
              typo=0.04),
        clerk(id="A-IN", initials="intern", weight=4, window=(0.6, 0.85),
              script={"la": 1.0}, script_other={"la": 1.0}, case={"title": 0.5, "lower": 0.2, "first": 0.3},
              typo=0.12, dbl=0.15, trail=0.12, consistency=0.6, canon=0.4,
              date={"dmy/nz": 0.5, "dmy-": 0.3, "dMonthy": 0.2}, sex_miss=0.12, nat_miss=0.1, nat_typo=0.15,
              phone={"nolead": 0.5, "0": 0.3, "dash": 0.2}, lang_miss=0.25, notes_p=0.1),
    ],
    "B": [
        clerk(id="B-SA", initials="س.أ", weight=3, window=(0.0, 1.0),
              script={"ar": 1.0}, script_other={"ar": 1.0}, latin_fill=0.35, date={"iso": 1.0}, sex="ar",
              nat={"name_ar": 0.7, "adj_ar": 0.3}, phone={"+": 0.6, "0": 0.4}, lang="ar", lang_sep="، ",
              notes_lang="ar", hamza=0.25, taa=0.05, yaa=0.3, ar_join=0.2,
              chain_long={2: 0.5, 3: 0.5}, chain_short={2: 0.8, 1: 0.2}),
        clerk(id="B-YN", initials="Y.N.", weight=2, window=(0.0, 0.6),
              script={"ge": 0.8, "ar": 0.2}, script_other={"ar": 0.8, "la": 0.2}, latin_fill=0.9,
              cmode={"j": 0.7, "a": 0.2, "s": 0.1}, ge_amh=0.05, date={"dmy/": 1.0}, jan1=0.05,
              nat={"iso3": 0.6, "adj_ar": 0.4}, sex="MF", affinity={"hab": 4.0}, lang="ar", notes_lang="mix"),
        clerk(id="B-MO", initials="م.ع", weight=3, window=(0.3, 1.0),
              script={"ar": 1.0}, script_other={"ar": 1.0}, latin_fill=0.1,
              date={"ar_month": 0.5, "dmy/": 0.5}, digits_ar=0.3, nat={"adj_ar": 1.0}, sex="ar", sex_miss=0.2,
              age_only=0.2, hamza=0.95, taa=0.5, yaa=0.8, phone={"0": 0.7, "0sp": 0.3}, lang="ar",
              lang_sep=" و", ar_explicit=0.35, notes_lang="ar", agefmt={"n": 0.5, "ar_hawali": 0.2, "ar_sana": 0.3}),
        clerk(id="B-RA", initials="R.A.", weight=2, window=(0.2, 0.8),
              script={"ar": 0.9, "la": 0.1}, script_other={"ar": 0.9, "la": 0.1}, latin_fill=0.9, canon=0.3,
              cmode={"h": 0.7, "s": 0.3}, age_only=0.5, agefmt={"n": 0.5, "yrs": 0.5}, sex="MF",
              nat={"name_en": 0.5, "iso2": 0.5}, phone={"+": 1.0}, date={"dmy/": 0.6, "dmy-": 0.4}),
        clerk(id="B-DG", initials="D.G.", weight=2, window=(0.5, 1.0),
              script={"la": 1.0}, script_other={"la": 1.0}, latin_dup=0.05, date={"dmy-2": 0.6, "dmy-": 0.4},
              nat={"adj_en": 1.0}, nat_typo=0.1, phone={"+sp": 0.5, "0": 0.5}, drop_c=0.05,
              affinity={"ss": 2.5}, agefmt={"n": 0.7, "approx": 0.3}),
        clerk(id="B-AS", initials="ع.س", weight=3, window=(0.65, 1.0),
              script={"ar": 1.0}, script_other={"ar": 1.0}, latin_fill=0.2, jan1=0.6, date={"dmy/": 1.0},
              age_in_date=0.5, year_from_age=0.3, nat={"iso2": 0.5, "name_ar": 0.5}, sex="ar", lang="ar",
              lang_sep="، ", notes_lang="ar", hamza=0.6, taa=0.3),
    ],
}
CLK = {c["id"]: c for r in CLERKS.values() for c in r}

PERIOD = {"A": (date(2019, 1, 6), date(2022, 6, 30)), "B": (date(2022, 7, 3), date(2024, 10, 31))}
WAR = date(2023, 4, 15)

A_COLS = ["S/N", "Reg. Date", "Full Name", "Name (English)", "Sex", "Date of Birth", "Age", "Nationality", "Language",
          "Phone No.", "ID Type", "ID Number", "Date of Arrival", "Route / Entry Point", "Remarks", "Registered by"]
A_MAP = {"S/N": None, "Full Name": "name_original", "Name (English)": "name_latin", "Sex": "sex",
         "Date of Birth": "birth_date", "Age": "age_estimate", "Nationality": "nationality", "Language": "languages",
         "Phone No.": "phone", "ID Type": "document_type", "ID Number": "document_number",
         "Date of Arrival": "arrival_date", "Route / Entry Point": "route", "Remarks": "notes"}
B_COLS = ["م", "تاريخ التسجيل", "الاسم", "الاسم بالإنجليزي", "النوع", "الجنسية", "تاريخ الميلاد", "العمر",
          "رقم الهاتف", "اللغات", "نوع المستند", "رقم المستند", "بلد الإصدار", "تاريخ الوصول", "طريق الوصول", "الفئة",
          "ملاحظات", "الموظف"]
B_MAP = {"م": None, "الاسم": "name_original", "الاسم بالإنجليزي": "name_latin", "النوع": "sex",
         "الجنسية": "nationality", "تاريخ الميلاد": "birth_date", "العمر": "age_estimate", "رقم الهاتف": "phone",
         "اللغات": "languages", "نوع المستند": "document_type", "رقم المستند": "document_number",
         "بلد الإصدار": "document_country", "تاريخ الوصول": "arrival_date", "طريق الوصول": "route", "الفئة": None,
         "ملاحظات": "notes"}
FIELDS = ["name_original", "name_latin", "sex", "birth_date", "age_estimate", "nationality", "languages", "phone",
          "document_type", "document_number", "document_country", "arrival_date", "route", "notes"]
IDENT = ["name_original", "name_latin", "sex", "birth_date", "age_estimate", "nationality", "phone"]

# ----------------------------------------------------------------------------- writing names


def lat2ar(word, cid, var):
    """Arabic written by ear from a Latin spelling (Sudanese habits: g -> qaf, ng -> nq)."""
    out = []
    for w in re.split(r"[\s\-/]+", word):
        if w:
            out.append(lat2ar_word(w, cid, var))
    return " ".join(out)


def lat2ar_word(w, cid, var):
    w = strip_accents(w).lower().replace("'", "")
    h = crc(cid, var, "style")
    g = ["ق", "ق", "ج", "غ"][h % 4]
    long_a = [0.3, 0.6, 0.85][(h >> 3) % 3]
    long_e = [0.2, 0.5, 0.8][(h >> 6) % 3]
    ch_ = ["ش", "تش"][(h >> 9) % 2]
    th = ["ث", "ت"][(h >> 10) % 2]
    res = []
    i, n = 0, len(w)
    cons = {"b": "ب", "c": "ك", "d": "د", "f": "ف", "h": "ه", "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن",
            "p": "ب", "q": "ق", "r": "ر", "s": "س", "t": "ت", "v": "ف", "w": "و", "x": "كس", "z": "ز", "y": "ي"}
    while i < n:
        c = w[i]
        pair = w[i:i + 2]
        if pair in ("sh", "kh", "gh", "th", "ph", "ch", "dj", "ny"):
            res.append({"sh": "ش", "kh": "خ", "gh": "غ", "th": th, "ph": "ف", "ch": ch_, "dj": "ج", "ny": "ني"}[pair])
            i += 2
            continue
        if pair == "ng" and i + 2 == n:
            res.append("نق" if g == "ق" else "نج")
            i += 2
            continue
        if c in "aeiou":
            if pair in ("ou", "oo", "uu"):
                v, step = "u", 2
            elif pair in ("ee", "ii", "ie"):
                v, step = "i", 2
            elif pair == "aa":
                v, step = "a", 2
            elif pair in ("ai", "ay", "ei", "ey"):
                v, step = "ai", 2
            else:
                v, step = c, 1
            if i == 0:
                res.append({"a": "ا", "e": "إ", "i": "إي", "o": "أو", "u": "أو", "ai": "اي"}[v])
            elif i + step >= n:
                res.append({"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و", "ai": "اي"}[v])
            else:
                r = (crc(cid, var, w, i) % 1000) / 1000.0
                if v == "a":
                    res.append("ا" if r < long_a else "")
                elif v == "e":
                    res.append("ي" if r < long_e else "")
                elif v == "i":
                    res.append("ي")
                elif v in ("o", "u"):
                    res.append("و")
                else:
                    res.append("اي")
            i += step
            continue
        if i + 1 < n and w[i + 1] == c:
            i += 1
            continue
        if c == "h" and i > 0 and w[i - 1] in "aeiou" and (i + 1 == n or w[i + 1] not in "aeiouy"):
            i += 1
            continue
        if c == "g":
            res.append(g)
        elif c in cons:
            res.append(cons[c])
        i += 1
    return "".join(res) or w


def resolve_mode(d, mode):
    if mode in d:
        return mode
    for m in {"a": ("s", "j"), "h": ("s", "j"), "s": ("j",), "j": ("s",)}[mode]:
        if m in d:
            return m
    return next(iter(d))


def pick_idx(st, c, key, n):
    if n <= 1:
        return 0
    h = crc(c["id"], key)
    idx = 0 if (h % 1000) < c["canon"] * 1000 else 1 + (h // 1000) % (n - 1)
    if crc(st["seed"], key, "w") % 1000 >= c["consistency"] * 1000:
        idx = crc(st["seed"], key, "x") % n
    return idx


def tok_choice(t, script, st, c):
    """(kind, list-or-base, idx, n) for token t written in script by the state's clerk."""
    f = st["force"].get((t.key, script))
    if script == "la":
        if st.get("selfwrite") and t.key in SOM_ORTH:
            return "list", [SOM_ORTH[t.key]], 0, 1
        mode = resolve_mode(t.lat, st["cmode"])
        lst = t.lat[mode]
        idx = f if f is not None else pick_idx(st, c, t.key + ":" + mode, len(lst))
        return "list", lst, idx % len(lst), len(lst)
    if script == "ge":
        mode = resolve_mode(t.ge, "j" if st["cmode"] == "h" else st["cmode"])
        lst = t.ge[mode]
        if f is not None:
            idx = f
        else:
            idx = 1 if (st["ge_amh"] and len(lst) > 1) else 0
            if crc(st["seed"], t.key, "gw") % 1000 >= c["consistency"] * 1000:
                idx = crc(st["seed"], t.key, "gx") % len(lst)
        return "list", lst, idx % len(lst), len(lst)
    # Arabic
    if t.ar and (t.arab or crc(c["id"], t.key, "ex") % 1000 < c["ar_explicit"] * 1000):
        mode = resolve_mode(t.ar, st["ar_cmode"])
        lst = t.ar[mode]
        idx = f if f is not None else pick_idx(st, c, t.key + ":ar" + mode, len(lst))
        return "list", lst, idx % len(lst), len(lst)
    base = t.lat["s"][0] if "s" in t.lat else t.lat["j"][0]
    return "auto", base, (f or 0) % 3, 3


def tok_text(t, script, st, c):
    kind, lst, idx, _ = tok_choice(t, script, st, c)
    if kind == "list":
        return lst[idx]
    return lat2ar(lst, c["id"], idx)


def name_parts(per, inc):
    r = []
    if inc["c"] and per.christian:
        r.append(per.christian)
    r.append(per.given)
    if inc["m"] and per.middle:
        r.append(per.middle)
    r.extend(per.anc[:inc["n"]])
    if inc["s"] and per.surname:
        r.append(per.surname)
    return r


HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def ar_ortho(s, st):
    if st["hamza"]:
        s = s.translate(HAMZA)
    out = []
    for w in s.split(" "):
        if st["taa"] and w.endswith("ة"):
            w = w[:-1] + "ه"
        if st["yaa"] and w.endswith("ى"):
            w = w[:-1] + "ي"
        out.append(w)
    return " ".join(out)


def apply_case(s, case):
    if case == "upper":
        return s.upper()
    if case == "lower":
        return s.lower()
    if case == "first":
        w = s.split(" ")
        return " ".join([w[0]] + [x.lower() for x in w[1:]])
    return s


KEYN = {"a": "s", "s": "a", "d": "s", "m": "n", "n": "m", "r": "t", "t": "r", "e": "r", "i": "o", "o": "i",
        "u": "y", "h": "j", "k": "l", "l": "k", "b": "v", "g": "h", "f": "g", "w": "e", "y": "u"}
AR_SIM = {"ه": "ة", "ة": "ه", "ي": "ى", "ى": "ي", "ا": "أ", "أ": "ا", "س": "ص", "ص": "س", "ت": "ط", "ط": "ت",
          "د": "ذ", "ذ": "ز", "ز": "ذ", "ح": "ه", "ق": "غ", "غ": "ق", "ض": "ظ", "ظ": "ض", "ك": "ق"}


def typo_word(w, script, r):
    n = len(w)
    if script == "ge":
        if r.random() < 0.7:
            pos = r.randrange(n)
            code = ord(w[pos])
            if 0x1200 <= code <= 0x137F:
                order = (code - 0x1200) % 8
                new = code - order + r.choice([x for x in range(7) if x != order])
                if unicodedata.name(chr(new), None):
                    return w[:pos] + chr(new) + w[pos + 1:]
        if n > 2:
            pos = r.randrange(1, n)
            return w[:pos] + w[pos + 1:]
        return w
    op = r.choice(["del", "dup", "swap", "sub", "sub"])
    if op == "del" and n > 3:
        p = r.randrange(1, n)
        return w[:p] + w[p + 1:]
    if op == "dup":
        p = r.randrange(1, n)
        return w[:p] + w[p] + w[p:]
    if op == "swap" and n > 3:
        p = r.randrange(1, n - 1)
        return w[:p] + w[p + 1] + w[p] + w[p + 2:]
    p = r.randrange(1, n)
    ch = w[p]
    if script == "ar":
        if ch in AR_SIM:
            return w[:p] + AR_SIM[ch] + w[p + 1:]
        return w[:p] + r.choice("اوي") + w[p:]
    lo = ch.lower()
    if lo in "aeiou":
        rep = r.choice([v for v in "aeiou" if v != lo])
    else:
        rep = KEYN.get(lo, "e")
    if ch.isupper():
        rep = rep.upper()
    return w[:p] + rep + w[p + 1:]


def apply_typo(s, script, seed):
    r = random.Random(seed)
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 3]
    if not idx:
        return s
    i = r.choice(idx)
    for _ in range(6):
        nw = typo_word(words[i], script, r)
        if nw and nw != words[i]:
            words[i] = nw
            break
    return " ".join(words)


def name_string(st, per, c, script, which):
    toks = name_parts(per, st["incl"])
    words = [tok_text(t, script, st, c) for t in toks]
    if script == "la":
        s = apply_case(" ".join(words), st["case"])
    else:
        s = " ".join(words)
        if script == "ar":
            s = ar_ortho(s, st)
    ty = st["typo_o"] if which == "o" else st["typo_l"]
    if ty is not None:
        s = apply_typo(s, script, ty)
    if which == "o":
        if st["dbl"] and " " in s:
            sp = [i for i, ch in enumerate(s) if ch == " "]
            k = sp[crc(st["seed"], "dbl") % len(sp)]
            s = s[:k] + " " + s[k:]
        if st["trail"]:
            s = s + " "
    return s


def doc_name(per, st):
    so = per.cult == "so" and per.so_orth
    return " ".join(SOM_ORTH.get(t.key, t.docname()) if so else t.docname()
                    for t in name_parts(per, st["incl"])).upper()


# ----------------------------------------------------------------------------- other fields


def fmt_dmy(d, m, y, fmt, arvar=0):
    if fmt == "dmy/":
        return "%02d/%02d/%d" % (d, m, y)
    if fmt == "dmy/nz":
        return "%d/%d/%d" % (d, m, y)
    if fmt == "dmy-":
        return "%02d-%02d-%d" % (d, m, y)
    if fmt == "dmy.":
        return "%02d.%02d.%d" % (d, m, y)
    if fmt == "dmy2/":
        return "%02d/%02d/%02d" % (d, m, y % 100)
    if fmt == "dmy-2":
        return "%02d-%02d-%02d" % (d, m, y % 100)
    if fmt == "iso":
        return "%d-%02d-%02d" % (y, m, d)
    if fmt == "dMony":
        return "%d %s %d" % (d, MON_EN[m - 1], y)
    if fmt == "dd-Mon-yy":
        return "%02d-%s-%02d" % (d, MON_EN[m - 1], y % 100)
    if fmt == "dMonthy":
        return "%d %s %d" % (d, MONTH_EN[m - 1], y)
    if fmt == "ar_month":
        v = MON_AR[m - 1]
        return "%d %s %d" % (d, v[arvar % len(v)], y)
    raise ValueError(fmt)


TEXT_FMTS = ("dMony", "dd-Mon-yy", "dMonthy", "ar_month")


def fmt_date(d, st):
    s = fmt_dmy(d.day, d.month, d.year, st["dfmt"], st["seed"])
    return s.translate(AR_DIGITS) if st["digits_ar"] else s


def fmt_year(y, st):
    s = str(y)
    return s.translate(AR_DIGITS) if st["digits_ar"] else s


def fmt_month(d, st, lang):
    f = st["dfmt"]
    if f == "iso":
        s = "%d-%02d" % (d.year, d.month)
    elif f == "ar_month" or lang == "ar":
        v = MON_AR[d.month - 1]
        s = "%s %d" % (v[st["seed"] % len(v)], d.year)
    elif f == "dMonthy":
        s = "%s %d" % (MONTH_EN[d.month - 1], d.year)
    else:
        s = "%s %d" % (MON_EN[d.month - 1], d.year)
    return s.translate(AR_DIGITS) if st["digits_ar"] else s


def fmt_age(n, style, digits_ar):
    if n == 0:
        return "0".translate(AR_DIGITS) if digits_ar else "0"
    s = {"n": "%d", "yrs": "%d yrs", "approx": "~%d", "ar_sana": "%d سنة", "ar_hawali": "حوالي %d"}[style] % n
    return s.translate(AR_DIGITS) if digits_ar else s


def group_nsn(nsn):
    n = len(nsn)
    pat = {7: (1, 3, 3), 8: (2, 2, 2, 2), 9: (2, 3, 4), 10: (3, 3, 4)}.get(n, (n,))
    out, i = [], 0
    for g in pat:
        out.append(nsn[i:i + g])
        i += g
    return " ".join(out)


def fmt_phone(ph, fmt):
    cc, nsn = ph
    sd = cc == "249"
    if fmt == "0":
        return "0" + nsn if sd else "+" + cc + nsn
    if fmt == "0sp":
        return ("0" + nsn[:2] + " " + nsn[2:5] + " " + nsn[5:]) if sd else "+" + cc + " " + group_nsn(nsn)
    if fmt == "+sp":
        return "+" + cc + " " + group_nsn(nsn)
    if fmt == "+":
        return "+" + cc + nsn
    if fmt == "249":
        return cc + nsn
    if fmt == "00":
        return "00" + cc + nsn
    if fmt == "nolead":
        return nsn if sd else cc + nsn
    if fmt == "dash":
        return ("0" + nsn[:2] + "-" + nsn[2:5] + "-" + nsn[5:]) if sd else "+" + cc + "-" + nsn
    raise ValueError(fmt)


PHONE_FMTS = ["0", "0sp", "+sp", "+", "249", "00", "nolead", "dash"]

FOREIGN_PHONE = {"ETH": ("251", ["91", "92", "93", "94", "70"], 9), "ERI": ("291", ["71", "72", "17"], 7),
                 "SSD": ("211", ["92", "91", "98"], 9), "SOM": ("252", ["61", "63", "90", "68"], 9),
                 "TCD": ("235", ["66", "62", "99", "90"], 8), "NGA": ("234", ["803", "806", "813", "703", "905"], 10),
                 "CAF": ("236", ["72", "75", "70"], 8), "EGY": ("20", ["10", "11", "12", "15"], 10),
                 "YEM": ("967", ["77", "73", "71", "70"], 9), "SYR": ("963", ["93", "94", "95", "96", "98"], 9)}


def new_phone(rng, nat):
    if nat in FOREIGN_PHONE and rng.random() < 0.22:
        cc, pre, n = FOREIGN_PHONE[nat]
    else:
        cc, pre, n = "249", ["91", "96", "90", "92", "99", "12", "11"], 9
    p = rng.choice(pre)
    return (cc, p + "".join(rng.choice("0123456789") for _ in range(n - len(p))))


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def make_doc(rng, per, when):
    nat = per.nat
    if nat == "SDN":
        t = wpick(rng, {"natno": 0.6, "passport": 0.25, "nid": 0.15})
    elif nat == "ETH":
        t = wpick(rng, {"passport": 0.5, "kebele": 0.35, "unhcr": 0.15})
    elif nat == "ERI":
        t = wpick(rng, {"unhcr": 0.8, "passport": 0.2})
    elif nat == "SSD":
        t = wpick(rng, {"nid": 0.5, "passport": 0.2, "unhcr": 0.3})
    elif nat == "SOM":
        t = wpick(rng, {"passport": 0.5, "unhcr": 0.5})
    elif nat in ("TCD", "CAF"):
        t = wpick(rng, {"nid": 0.3, "lp": 0.3, "passport": 0.4})
    else:
        t = wpick(rng, {"passport": 0.85, "nid": 0.15})
    if t == "passport":
        num = {"ETH": "EP" + digits(rng, 7), "ERI": "P" + digits(rng, 7), "SDN": "P" + digits(rng, 8),
               "SSD": "R" + digits(rng, 8), "SOM": "P" + digits(rng, 8), "EGY": "A" + digits(rng, 8),
               "NGA": "A" + digits(rng, 8), "YEM": "0" + digits(rng, 7), "SYR": "N" + digits(rng, 9),
               "TCD": "N" + digits(rng, 8), "CAF": "O" + digits(rng, 8)}[nat]
    elif t == "natno":
        num = rng.choice("12") + digits(rng, 10)
    elif t == "nid":
        num = digits(rng, 14) if nat == "EGY" else "ID" + digits(rng, 8)
    elif t == "kebele":
        num = "%s/%s/%s" % (rng.choice(["AA", "BD", "GN", "MK", "HM"]), digits(rng, 2), digits(rng, 5))
    elif t == "unhcr":
        num = "%s-%02dC%s" % (rng.choice(["KSL", "GDF", "KRT"]), when.year % 100, digits(rng, 5))
    else:
        num = "LP" + digits(rng, 6)
    return (t, num, "SDN" if t == "unhcr" else nat)


def render_nat(st, per, c):
    if st.get("bad") and st["bad"][0] == "nat":
        return st["bad"][1]
    nat = st["nat"]
    if not nat:
        return ""
    N = NAT[nat]
    sty = st["nat_style"]
    v = st["seed"]
    if sty in ("name_en", "adj_en") and st["nat_typo"]:
        return N["typo"][v % len(N["typo"])]
    if sty == "name_en":
        return N["en"]
    if sty == "adj_en":
        return N["adj"]
    if sty == "iso3":
        return nat
    if sty == "iso2":
        return N["i2"]
    if sty == "name_ar":
        s = N["ar"][v % len(N["ar"])]
    else:
        lst = N["arf"] if per.sex == "F" else N["arm"]
        s = lst[v % len(lst)]
    return s.translate(HAMZA) if st["hamza"] else s


def render_sex(st, c):
    s = st["sex"]
    if not s:
        return ""
    sty = c["sex"]
    if sty == "MF":
        return s
    if sty == "mf":
        return s.lower()
    if sty == "MaleFemale":
        return "Male" if s == "M" else "Female"
    return "ذكر" if s == "M" else ("انثى" if st["hamza"] else "أنثى")


def render(st, P, regkey):
    per = P[st["pid"]]
    c = CLK[st["clerk"]]
    o = {}
    if st.get("bad") and st["bad"][0] == "name":
        o["name_original"] = o["name_latin"] = ""
    else:
        orig = name_string(st, per, c, st["script"], "o")
        if st["latin"] is None:
            lat = ""
        elif st["latin"] == "dup":
            lat = orig.strip()
        elif st["latin"] == "doc":
            lat = doc_name(per, st)
        else:
            lat = name_string(st, per, c, "la", "l")
        o["name_original"], o["name_latin"] = orig, lat
    o["sex"] = render_sex(st, c)
    # birth date and age
    dob = ""
    if st["dob"]:
        kind, v = st["dob"]
        if kind == "date":
            dob = fmt_date(v, st)
        elif kind == "year":
            dob = fmt_year(v, st)
        else:  # jan1
            dob = fmt_date(date(v, 1, 1), st)
    age = ""
    if st["age"] is not None:
        if st["age_in_date"] and not dob:
            sty = st["agefmt"] if st["agefmt"] != "n" else ("ar_sana" if c["lang"] == "ar" else "yrs")
            dob = fmt_age(st["age"], sty, st["digits_ar"])
        else:
            age = fmt_age(st["age"], st["agefmt"], st["digits_ar"])
    if st.get("bad"):
        if st["bad"][0] == "dob":
            dob = st["bad"][1]
        elif st["bad"][0] == "age":
            age = st["bad"][1]
    o["birth_date"], o["age_estimate"] = dob, age
    o["nationality"] = render_nat(st, per, c)
    if st["langs"]:
        names = []
        for lk in st["langs"]:
            en, ar = LANG[lk]
            lst = ar if c["lang"] == "ar" else en
            names.append(lst[crc(c["id"], lk) % len(lst)])
        o["languages"] = c["lang_sep"].join(names)
    else:
        o["languages"] = ""
    ph = fmt_phone(st["phone"], st["phone_fmt"]) if st["phone"] else ""
    if st["phone"] and st.get("phone2"):
        ph = ph + " / " + fmt_phone(st["phone2"], st["phone_fmt"])
    o["phone"] = ph
    if st["doc"]:
        t, num, ctry = st["doc"]
        en, ar = DOC_NAMES[t]
        lst = ar if c["lang"] == "ar" else en
        o["document_type"] = lst[crc(c["id"], t) % len(lst)]
        o["document_number"] = st.get("docnum_override") or num
        if c["lang"] == "ar":
            o["document_country"] = NAT[ctry]["ar"][0] if crc(c["id"], "dc") % 3 else ctry
        else:
            o["document_country"] = NAT[ctry]["en"] if crc(c["id"], "dc") % 3 else ctry
    else:
        o["document_type"] = o["document_number"] = o["document_country"] = ""
    if st["arr"]:
        d, prec = st["arr"]
        if prec == "full":
            o["arrival_date"] = fmt_date(d, st)
        elif prec == "month":
            o["arrival_date"] = fmt_month(d, st, c["lang"])
        else:
            o["arrival_date"] = fmt_year(d.year, st)
    else:
        o["arrival_date"] = ""
    if st["route"]:
        en, ar = ROUTES[st["route"]]
        r = ar if c["lang"] == "ar" else en
        if st["route_short"] and " - " in r:
            r = r.split(" - ")[0]
        o["route"] = r
    else:
        o["route"] = ""
    o["notes"] = st["notes"]
    o["_reg"] = st["reg"]
    o["_clerk"] = c["initials"]
    o["_cat"] = st.get("cat", "")
    return o


def ident(o):
    return tuple(o[k] for k in IDENT)


# ----------------------------------------------------------------------------- population


class Person:
    pass


class Lineage:
    def __init__(self, given, anc, surname):
        self.given, self.anc, self.surname = given, anc, surname


def draw_name(rng, cult, sex, father=None, avoid=()):
    pools = POOL[cult]
    given = pools["m" if sex == "M" else "f"].draw(rng, avoid)
    christian = middle = surname = None
    if cult == "ss" and rng.random() < 0.6:
        christian = pools["cm" if sex == "M" else "cf"].draw(rng)
    if cult == "ng_c" and rng.random() < 0.85:
        middle = pools["mid_m" if sex == "M" else "mid_f"].draw(rng)
    if father is not None:
        anc = [father.given] + list(father.anc[:2])
        surname = father.surname
    else:
        anc = [pools["m"].draw(rng) for _ in range(3)]
        if "sur" in pools:
            surname = pools["sur"].draw(rng)
    return given, christian, middle, anc, surname


def virtual_father(rng, cult):
    g, _, _, anc, sur = draw_name(rng, cult, "M")
    return Lineage(g, anc, sur)


def gen_population(N, rng):
    people, households = [], []
    cult_w = {k: v[1] for k, v in CULTS.items()}
    htype_w = {"single": 50, "unacc": 3, "siblings": 9, "couple": 8, "mother_kids": 14, "family": 12,
               "father_kids": 4}
    while len(people) < N:
        cult = wpick(rng, cult_w)
        nat, _, hab, k, longc, _ = CULTS[cult]
        ht = wpick(rng, htype_w)
        # register membership and dates first: ages are anchored at the first registration
        if cult == "sd":
            mem = wpick(rng, {"A": 25, "B": 55, "AB": 8, "N": 12})
        else:
            mem = wpick(rng, {"A": 51, "B": 27, "AB": 13, "N": 9})
        hh = dict(cult=cult, htype=ht, mem=mem, members=[], dates={})
        sdtype = None
        if cult == "sd":
            sdtype = wpick(rng, {"returnee": 0.6, "host": 0.4}) if "A" in mem else \
                wpick(rng, {"idp": 0.75, "returnee": 0.25})
        hh["sdtype"] = sdtype
        for r in ("A", "B"):
            if r in mem:
                s, e = PERIOD[r]
                if r == "B" and sdtype == "idp":
                    s = date(2023, 5, 1)
                d = s + timedelta(days=rng.randrange((e - s).days + 1))
                if d.weekday() == 4:
                    d += timedelta(days=1)
                hh["dates"][r] = min(d, e)
        anchor = hh["dates"].get("A") or hh["dates"].get("B") or date(2021, 7, 1)
        hh["anchor"] = anchor

        def mk(sex, age, role, father=None, avoid=()):
            p = Person()
            p.pid = len(people) + len(hh["members"])
            p.cult, p.nat, p.sex, p.role = cult, nat, sex, role
            p.hh = hh
            g, ch, mid, anc, sur = draw_name(rng, cult, sex, father, avoid)
            p.given, p.christian, p.middle, p.anc, p.surname = g, ch, mid, anc, sur
            p.k = k
            p.longc = longc
            p.dob = anchor - timedelta(days=int(age * 365.25) + rng.randrange(365))
            if age < 18:
                p.dobk = wpick(rng, {"full": 0.55, "year": 0.25, "none": 0.2})
            elif cult in ("sd", "eg", "sy", "ye"):
                p.dobk = wpick(rng, {"full": 0.8, "year": 0.12, "none": 0.08})
            else:
                p.dobk = wpick(rng, {"full": 0.45, "year": 0.3, "none": 0.25})
            p.agebias = rng.choice([-3, -2, -1, 0, 0, 0, 1, 2, 3, 4])
            p.round5 = rng.random() < 0.4
            p.namesake = None
            p.twin = False
            p.so_orth = cult == "so" and rng.random() < 0.3
            p.minor = age < 18
            hh["members"].append(p)
            return p

        def adult_age(lo=18, hi=62, mode=24):
            return int(rng.triangular(lo, hi, mode))

        def kids(mother_age, lineage, n):
            ages = []
            top = max(0, min(17, mother_age - 16))
            for _ in range(n):
                ages.append(rng.randint(0, top))
            ages.sort(reverse=True)
            used = [lineage.given.key]
            for a in ages:
                sex = rng.choice("MF")
                c1 = mk(sex, a, "child", lineage, avoid=used)
                used.append(c1.given.key)
                if rng.random() < 0.025:  # twin
                    sex2 = rng.choice("MF")
                    c2 = mk(sex2, a, "child", lineage, avoid=used)
                    used.append(c2.given.key)
                    c2.dob = c1.dob
                    c1.twin = c2.twin = True

        male_share = 0.5 if CULTS[cult][2] or cult in ("ss", "sd") else 0.7
        if ht == "single":
            mk("M" if rng.random() < male_share else "F", adult_age(), "head")
        elif ht == "unacc":
            mk("M" if rng.random() < 0.6 else "F", rng.randint(12, 17), "head")
        elif ht == "siblings":
            lin = virtual_father(rng, cult)
            a0 = adult_age(15, 40, 22)
            used = []
            for i in range(rng.choice([2, 2, 2, 3, 3, 4])):
                p = mk(rng.choice("MF"), max(12, a0 - (0 if i == 0 else rng.randint(1, 8))),
                       "head" if i == 0 else "sibling", lin, avoid=used + [lin.given.key])
                used.append(p.given.key)
        elif ht == "couple":
            a = adult_age(20, 60, 28)
            h = mk("M", a, "head")
            mk("F", max(17, a - rng.randint(0, 10)), "spouse")
            if cult in ("ng_c", "cf_c") and rng.random() < 0.8:
                hh["members"][-1].surname = h.surname
        elif ht == "mother_kids":
            a = adult_age(19, 45, 27)
            mk("F", a, "head")
            kids(a, virtual_father(rng, cult), rng.choice([1, 1, 2, 2, 3, 3, 4, 5]))
        elif ht == "family":
            a = adult_age(22, 55, 32)
            h = mk("M", a, "head")
            ma = max(18, a - rng.randint(0, 10))
            w = mk("F", ma, "spouse")
            if cult in ("ng_c", "cf_c") and rng.random() < 0.8:
                w.surname = h.surname
            kids(ma, h, rng.choice([1, 2, 2, 3, 3, 4, 5, 6]))
        else:  # father_kids
            a = adult_age(22, 55, 33)
            h = mk("M", a, "head")
            kids(a - rng.randint(0, 8), h, rng.choice([1, 1, 2, 3]))
        room = N - len(people)
        hh["members"] = hh["members"][:room]
        for i, p in enumerate(hh["members"]):
            p.pid = len(people) + i
        people.extend(hh["members"])
        households.append(hh)
    # namesakes: unrelated single people given another person's full name
    by_cs = {}
    for p in people:
        if not p.minor:
            by_cs.setdefault((p.cult, p.sex), []).append(p)
    singles = [p for p in people if p.hh["htype"] in ("single", "couple")]
    for p in singles:
        if rng.random() < 0.06:
            cands = by_cs[(p.cult, p.sex)]
            q = cands[rng.randrange(len(cands))]
            if q is p or q.hh is p.hh:
                continue
            p.given, p.christian, p.middle, p.anc, p.surname = q.given, q.christian, q.middle, list(q.anc), q.surname
            p.namesake = q.pid
            r = rng.random()
            if r < 0.15:
                p.dob = q.dob
                p.dobk = q.dobk
            elif r < 0.5:
                p.dob = add_years(q.dob, rng.choice([-2, -1, 1, 2])) + timedelta(days=rng.randint(-40, 40))
    return people, households


def assign_registers(people, households, rng):
    for hh in households:
        mem = hh["mem"]
        cult = hh["cult"]
        # household phone, arrival, route
        head_phone = new_phone(rng, CULTS[cult][0]) if rng.random() < 0.78 else None
        for p in hh["members"]:
            if mem == "AB":
                inA, inB = rng.random() < 0.93, rng.random() < 0.88
                if not inA and not inB:
                    inA = True
                p.regs = [r for r, f in (("A", inA), ("B", inB)) if f]
            elif mem == "N":
                p.regs = []
            else:
                p.regs = [mem]
            p.langs = list(LANGS_BY[cult][0] or [])
            if not p.langs:
                if cult == "mus_er":
                    p.langs = [wpick(rng, {"tig": 0.6, "ssy": 0.2, "tir": 0.2})]
                else:
                    p.langs = [wpick(rng, {"din": 0.55, "nus": 0.35, "pga": 0.1})]
            for lk, pr in LANGS_BY[cult][1].items():
                if lk not in p.langs and rng.random() < pr:
                    p.langs.append(lk)
            if p.minor and rng.random() < 0.5:
                p.langs = p.langs[:1]
            if p.role == "head":
                p.own_phone = head_phone
            elif p.minor:
                p.own_phone = None
            else:
                p.own_phone = new_phone(rng, p.nat) if rng.random() < 0.35 else None
            p.ethnic = rng.choice(ETHNIC[cult]) if cult in ETHNIC else None
            p.doc0 = make_doc(rng, p, hh["anchor"]) if (not p.minor and rng.random() < 0.1) else None
        hh["phone"] = head_phone
        hh["phoneB"] = head_phone  # the household's phone when met again in B
        if "A" in hh["dates"] and "B" in hh["dates"]:
            if head_phone and rng.random() < 0.5:
                hh["phoneB"] = new_phone(rng, CULTS[cult][0])
            elif not head_phone and rng.random() < 0.4:
                hh["phoneB"] = new_phone(rng, CULTS[cult][0])
        hh["ep"] = {}
        for r, d in hh["dates"].items():
            if cult == "sd":
                st = hh["sdtype"]
                if st == "idp":
                    arr = WAR + timedelta(days=rng.randrange(max(1, (d - WAR).days)))
                    route = rng.choice(["khartoum_idp", "madani_idp"])
                elif st == "returnee":
                    arr = d - timedelta(days=rng.randrange(5, 120))
                    route = rng.choice(["libya_ret", "egypt_ret"])
                else:
                    arr, route = None, None
            else:
                arr = d - timedelta(days=rng.randrange(0, 60) if rng.random() < 0.7 else rng.randrange(60, 700))
                route = wpick(rng, ROUTE_BY[cult])
            hh["ep"][r] = dict(arrival=arr, route=route)
        if "A" in hh["ep"] and "B" in hh["ep"] and rng.random() < 0.7:
            hh["ep"]["B"] = dict(hh["ep"]["A"])  # same arrival in Sudan, told again
    # per-person episodes
    for p in people:
        hh = p.hh
        p.ep = {}
        for r in p.regs:
            he = hh["ep"][r]
            hp = hh["phoneB"] if r == "B" else hh["phone"]
            if p.role == "head":
                ph = hp
            elif p.own_phone:
                ph = p.own_phone
                if r == "B" and "A" in p.regs and rng.random() < 0.5:
                    ph = new_phone(rng, p.nat)
            elif hp and (not p.minor or rng.random() < 0.85):
                ph = hp
            else:
                ph = None
            arr = he["arrival"]
            born_here = arr is not None and p.dob > arr
            e = dict(phone=ph, arrival=None if born_here else arr, route=None if born_here else he["route"],
                     born_here=born_here, dobk=p.dobk, doc=p.doc0, date=hh["dates"][r], phone2=None)
            if r == "B" and "A" in p.regs:
                e["dobk"] = {"full": lambda: wpick(rng, {"full": 0.75, "year": 0.1, "none": 0.15}),
                             "year": lambda: wpick(rng, {"year": 0.7, "none": 0.3}),
                             "none": lambda: wpick(rng, {"none": 0.9, "year": 0.1})}[p.dobk]()
                if p.doc0 is None and not p.minor and rng.random() < 0.08:
                    e["doc"] = make_doc(rng, p, hh["dates"]["B"])
                elif p.doc0 and rng.random() < 0.1:
                    e["doc"] = None
            if not p.minor and rng.random() < 0.04:
                e["phone2"] = new_phone(rng, p.nat)
            p.ep[r] = e


# ----------------------------------------------------------------------------- records


def age_claim(per, at, dobk):
    ta = years_between(per.dob, at)
    if dobk != "none" or ta < 3:
        return max(0, ta)
    a = ta + (per.agebias if ta >= 15 else per.agebias // 3)
    if per.round5 and a >= 15:
        a = 5 * int(round(a / 5.0))
    return max(0, a)


class Ctx:
    def __init__(self, rng, P):
        self.rng, self.P = rng, P
        self.seq = 0


def make_state(ctx, per, c, reg, ep, regkey, role_note=None, repeat=False):
    rng = ctx.rng
    hab = CULTS[per.cult][2]
    st = {"pid": per.pid, "clerk": c["id"], "reg": reg, "seed": rng.getrandbits(31), "force": {},
          "typo_o": None, "typo_l": None}
    script = wpick(rng, c["script"] if hab else c["script_other"])
    if script == "ge" and not hab:
        script = "la"
    st["script"] = script
    st["selfwrite"] = script == "la" and per.cult == "so" and per.so_orth and rng.random() < 0.6
    if script == "la":
        st["latin"] = "dup" if rng.random() < c["latin_dup"] else None
    elif rng.random() < c["latin_fill"]:
        st["latin"] = "doc" if (ep["doc"] and rng.random() < c["latin_doc"]) else "own"
    else:
        st["latin"] = None
    st["cmode"] = wpick(rng, c["cmode"])
    st["ar_cmode"] = "j" if rng.random() < c["ar_join"] else "s"
    st["case"] = wpick(rng, c["case"])
    st["dbl"] = rng.random() < c["dbl"]
    st["trail"] = rng.random() < c["trail"]
    st["hamza"] = rng.random() < c["hamza"]
    st["taa"] = rng.random() < c["taa"]
    st["yaa"] = rng.random() < c["yaa"]
    cult_amh = CULTS[per.cult][5]
    p_amh = cult_amh if c["ge_amh"] is None else 0.5 * (c["ge_amh"] + cult_amh)
    st["ge_amh"] = rng.random() < p_amh
    if rng.random() < c["typo"]:
        st["typo_o"] = rng.getrandbits(31)
    if rng.random() < c["typo"] * 0.5:
        st["typo_l"] = rng.getrandbits(31)
    inc = {"c": per.christian is not None and rng.random() >= c["drop_c"],
           "m": per.middle is not None and rng.random() >= c["drop_m"],
           "s": per.surname is not None and (per.k == 0 or rng.random() >= c["drop_s"])}
    if per.k > 0:
        n = wpick(rng, c["chain_long"] if per.longc else c["chain_short"])
        inc["n"] = max(1, min(n, per.k))
    else:
        inc["n"] = 0
    st["incl"] = inc
    # dates
    st["dfmt"] = wpick(rng, c["date"])
    st["digits_ar"] = rng.random() < c["digits_ar"]
    st["agefmt"] = wpick(rng, c["agefmt"])
    st["dob"], st["age"], st["age_in_date"] = None, None, False
    dk = ep["dobk"]
    if dk in ("full", "year"):
        if rng.random() < c["age_only"]:
            st["age"] = age_claim(per, reg, dk)
        else:
            if dk == "full":
                st["dob"] = ("date", per.dob)
            else:
                st["dob"] = ("jan1" if rng.random() < c["jan1"] else "year", per.dob.year)
            if rng.random() < c["both"]:
                st["age"] = age_claim(per, reg, dk)
    else:
        a = age_claim(per, reg, dk)
        if rng.random() < c["year_from_age"]:
            st["dob"] = ("jan1" if rng.random() < c["jan1"] else "year", reg.year - a)
            if rng.random() < 0.5:
                st["age"] = a
        else:
            st["age"] = a
            st["age_in_date"] = rng.random() < c["age_in_date"]
    st["sex"] = None if rng.random() < c["sex_miss"] else per.sex
    st["nat"] = None if rng.random() < c["nat_miss"] else per.nat
    st["nat_style"] = wpick(rng, c["nat"])
    st["nat_typo"] = rng.random() < c["nat_typo"]
    st["phone"] = ep["phone"] if (ep["phone"] and rng.random() >= c["phone_miss"]) else None
    st["phone2"] = ep["phone2"] if (ep["phone2"] and rng.random() < 0.4) else None
    st["phone_fmt"] = wpick(rng, c["phone"])
    if rng.random() < c["lang_miss"]:
        st["langs"] = None
    else:
        st["langs"] = per.langs[:1] if rng.random() < c["lang_first"] else list(per.langs)
    st["doc"] = ep["doc"] if (ep["doc"] and rng.random() < c["doc_p"]) else None
    st["arr"] = (ep["arrival"], wpick(rng, c["arr_prec"])) if (ep["arrival"] and rng.random() < c["arr_p"]) else None
    st["route"] = ep["route"] if (ep["route"] and rng.random() < c["route_p"]) else None
    st["route_short"] = rng.random() < 0.3
    st["notes"] = make_notes(rng, per, c, ep, role_note, repeat)
    if regkey == "B":
        if per.minor and per.hh["htype"] == "unacc":
            st["cat"] = "طفل غير مصحوب"
        elif per.cult == "sd":
            st["cat"] = {"idp": "نازح", "returnee": "عائد", "host": "مجتمع مضيف"}.get(per.hh["sdtype"], "")
        else:
            st["cat"] = rng.choice(CATEGORY_AR)
    return st


def make_notes(rng, per, c, ep, role_note, repeat):
    lang = c["notes_lang"]

    def pick(pair):
        en, ar = pair
        if lang == "en":
            return en
        if lang == "ar":
            return ar
        return en if rng.random() < 0.5 else ar

    frags = []
    if role_note and rng.random() < 0.4:
        frags.append(pick(REL_NOTES[role_note]))
    if ep.get("born_here") and rng.random() < 0.5:
        frags.append(pick(REL_NOTES["born"]))
    if per.hh["htype"] == "unacc" and rng.random() < 0.6:
        frags.append(pick(REL_NOTES["unacc"]))
    if per.twin and rng.random() < 0.4:
        frags.append(pick(REL_NOTES["twin"]))
    if per.cult == "sd" and per.hh["sdtype"] and rng.random() < 0.4:
        frags.append(pick(rng.choice(SD_NOTES[per.hh["sdtype"]])))
    if per.ethnic and rng.random() < 0.1:
        frags.append(pick(per.ethnic))
    if repeat and rng.random() < 0.2:
        frags.append(pick(rng.choice(REPEAT_NOTES)))
    if rng.random() < c["notes_p"]:
        if lang == "ar" or (lang == "mix" and rng.random() < 0.5):
            frags.append(rng.choice(NOTES_AR))
        else:
            frags.append(rng.choice(NOTES_EN))
    if ep.get("phone2") and rng.random() < 0.3:
        frags.append(("alt. phone (brother): " if lang == "en" else "هاتف بديل: ") + fmt_phone(ep["phone2"], "0"))
    if not frags:
        return ""
    if len(frags) > 1 and rng.random() < c["nl"] * 0.5:
        return "\n".join(frags)
    return rng.choice(["; ", ", ", " - ", ". "]).join(frags)


# repeat changes ---------------------------------------------------------------

OPS = {"respell": 14, "typo": 8, "drop_part": 8, "add_part": 5, "compound": 4, "case": 3, "latin_toggle": 4,
       "script_swap": 3, "age_for_dob": 9, "dob_year": 4, "dob_diff": 4, "dob_ec": 1, "age_shift": 3,
       "phone_new": 8, "phone_missing": 4, "phone_fmt": 3, "sex_missing": 4, "nat_missing": 3, "nat_variant": 3,
       "lang_change": 2, "doc_typo": 1}


def copy_state(st):
    s = dict(st)
    s["force"] = dict(st["force"])
    s["incl"] = dict(st["incl"])
    return s


def apply_op(name, st, per, ctx):
    rng = ctx.rng
    c = CLK[st["clerk"]]
    inc = st["incl"]
    if name == "respell":
        script = st["script"]
        if st["latin"] == "own" and rng.random() < 0.4:
            script = "la"
        cands = []
        for t in name_parts(per, inc):
            kind, lst, idx, n = tok_choice(t, script, st, c)
            if n > 1:
                cands.append((t, idx, n))
        if not cands:
            return False
        t, idx, n = cands[rng.randrange(len(cands))]
        st["force"][(t.key, script)] = (idx + 1 + rng.randrange(n - 1)) % n
        return True
    if name == "typo":
        if st["typo_o"] is None:
            st["typo_o"] = rng.getrandbits(31)
            return True
        if st["latin"] == "own" and st["typo_l"] is None:
            st["typo_l"] = rng.getrandbits(31)
            return True
        return False
    if name == "drop_part":
        if inc["n"] > 1:
            inc["n"] -= 1
        elif inc["c"]:
            inc["c"] = False
        elif inc["m"]:
            inc["m"] = False
        elif inc["s"] and per.k > 0:
            inc["s"] = False
        else:
            return False
        return True
    if name == "add_part":
        if per.k > 0 and inc["n"] < 3:
            inc["n"] += 1
        elif per.christian and not inc["c"]:
            inc["c"] = True
        elif per.middle and not inc["m"]:
            inc["m"] = True
        elif per.surname and not inc["s"]:
            inc["s"] = True
        else:
            return False
        return True
    if name == "compound":
        if not any(t.compound() for t in name_parts(per, inc)):
            return False
        st["cmode"] = rng.choice([m for m in ("j", "s", "h", "a") if m != st["cmode"]])
        st["ar_cmode"] = "s" if st["ar_cmode"] == "j" else "j"
        return True
    if name == "case":
        if st["script"] != "la" and st["latin"] != "own":
            return False
        st["case"] = rng.choice([x for x in ("title", "upper", "first") if x != st["case"]])
        return True
    if name == "latin_toggle":
        if st["script"] == "la":
            st["latin"] = None if st["latin"] else "dup"
        else:
            st["latin"] = None if st["latin"] else "own"
        return True
    if name == "script_swap":
        opts = ["ar", "la"] + (["ge"] if CULTS[per.cult][2] else [])
        opts.remove(st["script"])
        st["script"] = rng.choice(opts)
        if st["script"] == "la":
            st["latin"] = None
        elif st["latin"] is None and rng.random() < 0.5:
            st["latin"] = "own"
        return True
    if name == "age_for_dob":
        if not st["dob"]:
            return False
        st["dob"] = None
        st["age"] = age_claim(per, st["reg"], "none" if per.dobk == "none" else "full")
        st["age_in_date"] = False
        return True
    if name == "dob_year":
        if not st["dob"] or st["dob"][0] != "date":
            return False
        st["dob"] = ("year", st["dob"][1].year)
        return True
    if name == "dob_diff":
        if not st["dob"]:
            return False
        kind, v = st["dob"]
        if kind == "date":
            if rng.random() < 0.5:
                nd = date(v.year, rng.randint(1, 12), rng.randint(1, 28))
                if nd == v:
                    nd = nd + timedelta(days=rng.randint(1, 20))
            else:
                nd = add_years(v, rng.choice([-1, 1]))
            if nd >= st["reg"]:
                return False
            st["dob"] = ("date", nd)
        else:
            ny = v + rng.choice([-1, 1])
            if ny > st["reg"].year:
                return False
            st["dob"] = (kind, ny)
        return True
    if name == "dob_ec":
        if per.cult not in ETH_CULTS or not st["dob"]:
            return False
        kind, v = st["dob"]
        shift = rng.choice([7, 8])
        st["dob"] = ("date", add_years(v, -shift)) if kind == "date" else (kind, v - shift)
        return True
    if name == "age_shift":
        if st["age"] is None:
            return False
        d = rng.choice([-3, -2, -1, 1, 2, 3, 5]) if st["age"] >= 15 else rng.choice([-1, 1])
        if st["age"] + d < 0:
            d = 1
        st["age"] += d
        return True
    if name == "phone_new":
        st["phone"] = new_phone(rng, per.nat)
        return True
    if name == "phone_missing":
        if not st["phone"]:
            return False
        st["phone"] = None
        return True
    if name == "phone_fmt":
        if not st["phone"]:
            return False
        st["phone_fmt"] = rng.choice([f for f in PHONE_FMTS if f != st["phone_fmt"]])
        return True
    if name == "sex_missing":
        if not st["sex"]:
            return False
        st["sex"] = None
        return True
    if name == "nat_missing":
        if not st["nat"]:
            return False
        st["nat"] = None
        return True
    if name == "nat_variant":
        if not st["nat"]:
            return False
        en = ["name_en", "adj_en", "iso3", "iso2"]
        ar = ["name_ar", "adj_ar", "iso3", "iso2"]
        opts = ar if c["lang"] == "ar" else en
        st["nat_style"] = rng.choice([x for x in opts if x != st["nat_style"]])
        st["nat_typo"] = False
        return True
    if name == "lang_change":
        if not st["langs"]:
            return False
        st["langs"] = st["langs"][:-1] if len(st["langs"]) > 1 else st["langs"] + ["ara" if "ara" not in st["langs"] else "eng"]
        return True
    if name == "doc_typo":
        if not st["doc"]:
            return False
        num = st["doc"][1]
        ds = [i for i, ch in enumerate(num) if ch.isdigit()]
        if len(ds) < 2:
            return False
        i = ds[rng.randrange(len(ds) - 1)]
        j = i + 1 if i + 1 < len(num) and num[i + 1].isdigit() else i
        lst = list(num)
        if j != i and lst[i] != lst[j]:
            lst[i], lst[j] = lst[j], lst[i]
        else:
            lst[i] = str((int(lst[i]) + 1) % 10)
        st["docnum_override"] = "".join(lst)
        return True
    raise ValueError(name)


def apply_changes(st, per, ctx, k, base_ident, regkey):
    rng = ctx.rng
    done, tries = 0, 0
    while done < k and tries < 40:
        tries += 1
        if apply_op(wpick(rng, OPS), st, per, ctx):
            done += 1
    tries = 0
    while ident(render(st, ctx.P, regkey)) == base_ident and tries < 20:
        tries += 1
        apply_op(wpick(rng, OPS), st, per, ctx)
    if ident(render(st, ctx.P, regkey)) == base_ident:
        st["typo_o"] = rng.getrandbits(31)
        st["sex"] = None


def choose_clerk(rng, regkey, d, cult, exclude=None):
    s, e = PERIOD[regkey]
    frac = (d - s).days / float((e - s).days)
    hab = CULTS[cult][2]
    cands = {}
    for c in CLERKS[regkey]:
        if c["id"] == exclude:
            continue
        if c["window"][0] <= frac <= c["window"][1]:
            aff = c["affinity"].get("hab" if hab else cult, 1.0)
            cands[c["id"]] = c["weight"] * aff
    if not cands:
        cands = {c["id"]: c["weight"] for c in CLERKS[regkey] if c["id"] != exclude}
    return CLK[wpick(rng, cands)]


def role_note_for(p):
    if p.role == "spouse":
        return "spouse_f" if p.sex == "F" else "spouse_m"
    if p.role == "child":
        return "child_m" if p.sex == "M" else "child_f"
    if p.role == "sibling":
        return "sibling_m" if p.sex == "M" else "sibling_f"
    return None


def later_date(rng, d0, regkey):
    e = PERIOD[regkey][1]
    if rng.random() < 0.1:
        return d0
    d = d0 + timedelta(days=rng.randint(10, 500))
    if d > e:
        span = (e - d0).days
        d = d0 + timedelta(days=rng.randint(0, span)) if span > 0 else d0
    if d.weekday() == 4 and d + timedelta(days=1) <= e:
        d += timedelta(days=1)
    return d


def build_register(ctx, people, households, regkey, first_rows):
    rng = ctx.rng
    recs = []  # (sortkey, st, bad_why)
    primary = {}
    for hh in households:
        mem = [p for p in hh["members"] if regkey in p.regs]
        if not mem:
            continue
        d = hh["dates"][regkey]
        c = choose_clerk(rng, regkey, d, hh["cult"])
        for p in mem:
            ep = p.ep[regkey]
            st = make_state(ctx, p, c, d, ep, regkey, role_note_for(p))
            if regkey == "B" and p.pid in first_rows:
                if rng.random() < 0.4:
                    apply_op(wpick(rng, OPS), st, p, ctx)
                base = first_rows[p.pid]
                if ident(render(st, ctx.P, regkey)) == base:
                    apply_changes(st, p, ctx, 1, base, regkey)
            ctx.seq += 1
            recs.append(((d, ctx.seq), st, None))
            primary[p.pid] = st
    # within-file repeats
    pids = list(primary.keys())
    for pid in pids:
        if rng.random() >= 0.037:
            continue
        p = ctx.P[pid]
        base = primary[pid]
        base_ident = ident(render(base, ctx.P, regkey))
        prev = base
        for _ in range(2 if rng.random() < 0.12 else 1):
            d = later_date(rng, prev["reg"], regkey)
            k = rng.choice([1, 1, 1, 2, 2, 3])
            if rng.random() < 0.4:
                c2 = choose_clerk(rng, regkey, d, p.cult, exclude=base["clerk"])
                st = make_state(ctx, p, c2, d, p.ep[regkey], regkey, None, repeat=True)
                k -= 1
            else:
                st = copy_state(base)
                st["reg"] = d
                st["seed"] = base["seed"]
                if st["age"] is not None:
                    st["age"] = age_claim(p, d, p.ep[regkey]["dobk"])
                st["notes"] = make_notes(rng, p, CLK[st["clerk"]], p.ep[regkey], None, True)
                if regkey == "B":
                    st["cat"] = base.get("cat", "")
            apply_changes(st, p, ctx, k, base_ident, regkey)
            ctx.seq += 1
            recs.append(((d, ctx.seq), st, None))
            prev = st
    # bad rows
    nbad = rng.randint(30, 42) if regkey == "A" else rng.randint(15, 21)
    kinds = (["name", "dob", "nat", "age"] * 12)[:nbad]
    rng.shuffle(kinds)
    chosen = rng.sample(pids, nbad)
    for pid, kind in zip(chosen, kinds):
        p = ctx.P[pid]
        base = primary[pid]
        d = base["reg"] if rng.random() < 0.4 else later_date(rng, base["reg"], regkey)
        if rng.random() < 0.3:
            st = make_state(ctx, p, choose_clerk(rng, regkey, d, p.cult), d, p.ep[regkey], regkey)
        else:
            st = copy_state(base)
            st["reg"] = d
        c = CLK[st["clerk"]]
        if kind == "name":
            st["bad"] = ("name", "")
            why = "empty name"
        elif kind == "dob":
            r = rng.random()
            y = p.dob.year
            fmt = st["dfmt"]
            if r < 0.25:
                dd = add_years(p.dob, rng.randint(8, 15)) if years_between(p.dob, d) < 8 else p.dob
                fut = date(rng.randint(2030, 2045), dd.month, min(dd.day, 28))
                txt = fmt_dmy(fut.day, fut.month, fut.year, fmt if fmt not in ("dmy2/", "dmy-2", "dd-Mon-yy") else "dmy/")
                why = "impossible birth date (in the future): " + txt
            else:
                dm = rng.choice([(31, 4), (31, 6), (31, 9), (31, 11), (30, 2), (31, 2)])
                if r > 0.7 and fmt not in TEXT_FMTS:
                    dm = rng.choice([(rng.randint(1, 28), 13), (rng.randint(1, 28), 14), (rng.randint(32, 45), rng.randint(1, 12)),
                                     (0, rng.randint(1, 12))])
                f2 = fmt if fmt not in ("dmy2/", "dmy-2", "dd-Mon-yy") else "dmy/"
                txt = fmt_dmy(dm[0], dm[1], y, f2, st["seed"])
                why = "impossible birth date: " + txt
            st["bad"] = ("dob", txt)
        elif kind == "nat":
            lst = BAD_NAT_AR if c["lang"] == "ar" or st["nat_style"] in ("name_ar", "adj_ar") else BAD_NAT_EN
            txt = rng.choice(lst)
            st["bad"] = ("nat", txt)
            why = "unknown nationality: " + txt
        else:
            txt = rng.choice(["150", "212", "999", "-3", "-1", "130", "340", "187"])
            st["bad"] = ("age", txt)
            why = "absurd age: " + txt
        ctx.seq += 1
        recs.append(((d, ctx.seq), st, why))
    recs.sort(key=lambda x: x[0])
    return recs


def generate(N, seed, out):
    rng = random.Random(seed)
    people, households = gen_population(N, rng)
    assign_registers(people, households, rng)
    ctx = Ctx(rng, people)
    recA = build_register(ctx, people, households, "A", {})
    firstA = {}
    for _, st, why in recA:
        if why is None and st["pid"] not in firstA:
            firstA[st["pid"]] = ident(render(st, people, "A"))
    recB = build_register(ctx, people, households, "B", firstA)
    os.makedirs(out, exist_ok=True)
    truth = []
    for regkey, recs, cols, mp, fname in (("A", recA, A_COLS, A_MAP, "register-a.csv"),
                                         ("B", recB, B_COLS, B_MAP, "register-b.csv")):
        inv = {v: k for k, v in mp.items() if v}
        with open(os.path.join(out, fname), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for i, (_, st, why) in enumerate(recs):
                o = render(st, people, regkey)
                row = {}
                for fld, col in inv.items():
                    row[col] = o[fld]
                if regkey == "A":
                    row["S/N"] = str(i + 1)
                    row["Reg. Date"] = fmt_dmy(o["_reg"].day, o["_reg"].month, o["_reg"].year, "dmy/")
                    row["Registered by"] = o["_clerk"]
                else:
                    row["م"] = str(i + 1)
                    row["تاريخ التسجيل"] = o["_reg"].isoformat()
                    row["الموظف"] = o["_clerk"]
                    row["الفئة"] = o["_cat"]
                w.writerow([row.get(col, "") for col in cols])
                truth.append((fname, i + 2, "P%05d" % (st["pid"] + 1), 1 if why else 0, why or ""))
        with open(os.path.join(out, "mapping-%s.json" % regkey.lower()), "w", encoding="utf-8") as f:
            json.dump({"columns": mp}, f, ensure_ascii=False, indent=2)
            f.write("\n")
    with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "row", "person", "bad", "why"])
        w.writerows(truth)
    return people


# ----------------------------------------------------------------------------- check

MONTHS_ANY = {m.lower(): i + 1 for i, m in enumerate(MON_EN)}
MONTHS_ANY.update({m.lower(): i + 1 for i, m in enumerate(MONTH_EN)})
for _i, _v in enumerate(MON_AR):
    for _m in _v:
        MONTHS_ANY[_m] = _i + 1


def parse_date_cell(s):
    """('date', d) | ('year', y) | ('month', y) | ('age', n) | ('empty',) | None if unreadable."""
    s = s.strip().translate(ASCII_DIGITS)
    if not s:
        return ("empty",)
    m = re.fullmatch(r"(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})", s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(y) if len(y) == 4 else 2000 + int(y) if int(y) <= 30 else 1900 + int(y)
        try:
            return ("date", date(y, mo, d))
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", s)
    if m:
        try:
            return ("date", date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{1,2})[ \-](\S+)[ \-](\d{2}|\d{4})", s)
    if m and m.group(2).lower() in MONTHS_ANY:
        y = m.group(3)
        y = int(y) if len(y) == 4 else 2000 + int(y) if int(y) <= 30 else 1900 + int(y)
        try:
            return ("date", date(y, MONTHS_ANY[m.group(2).lower()], int(m.group(1))))
        except ValueError:
            return None
    m = re.fullmatch(r"(\S+) (\d{4})", s)
    if m and m.group(1).lower() in MONTHS_ANY:
        return ("month", int(m.group(2)))
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return ("month", int(s[:4]))
    if re.fullmatch(r"\d{4}", s):
        return ("year", int(s))
    m = re.fullmatch(r"(?:~|about |حوالي )?(-?\d{1,3})(?: ?yrs| سنة|\?)?", s)
    if m:
        return ("age", int(m.group(1)))
    return None


def known_nationalities():
    k = set()
    for code, N in NAT.items():
        k.update([code, N["en"], N["adj"], N["i2"]] + N["ar"] + N["arm"] + N["arf"] + N["typo"])
        k.update(x.translate(HAMZA) for x in N["ar"] + N["arm"] + N["arf"])
    return k


def check(out):
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print("CHECK FAILED:", msg)

    with open(os.path.join(out, "truth.csv"), newline="", encoding="utf-8") as f:
        tr = list(csv.reader(f))
    if tr[0] != ["file", "row", "person", "bad", "why"]:
        fail("truth header")
    truth = {}
    for r in tr[1:]:
        truth.setdefault(r[0], []).append(r)
    natset = known_nationalities()
    valid_fields = set(FIELDS)
    summary = {}
    persons = {}
    for fname, key in (("register-a.csv", "a"), ("register-b.csv", "b")):
        with open(os.path.join(out, fname), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        with open(os.path.join(out, "mapping-%s.json" % key), encoding="utf-8") as f:
            mp = json.load(f)["columns"]
        header, data = rows[0], rows[1:]
        fields = [v for v in mp.values() if v]
        if len(fields) != len(set(fields)):
            fail("%s: a field mapped twice" % fname)
        if set(fields) - valid_fields:
            fail("%s: unknown fields %s" % (fname, set(fields) - valid_fields))
        for h in mp:
            if h not in header:
                fail("%s: mapped header %r not in file" % (fname, h))
        unmapped = [h for h in header if h not in mp]
        if not 1 <= len(unmapped) <= 2:
            fail("%s: %d columns left out of the mapping" % (fname, len(unmapped)))
        t = truth.get(fname, [])
        if len(t) != len(data):
            fail("%s: %d data rows but %d truth rows" % (fname, len(data), len(t)))
        col = {v: header.index(h) for h, v in mp.items() if v}
        good_by_person, bad_people = {}, []
        breaks = 0
        for i, (row, trow) in enumerate(zip(data, t)):
            if int(trow[1]) != i + 2:
                fail("%s: truth row %s out of line (expected %d)" % (fname, trow[1], i + 2))
                break
            if len(row) != len(header):
                fail("%s row %d: %d cells" % (fname, i + 2, len(row)))
            if any("\n" in x for x in row):
                breaks += 1
            cell = {k: row[j] for k, j in col.items()}
            bad = trow[3] == "1"
            if bad:
                bad_people.append((trow[2], trow[4], cell))
                continue
            good_by_person.setdefault(trow[2], []).append((i + 2, cell))
            if not (cell.get("name_original", "").strip() or cell.get("name_latin", "").strip()):
                fail("%s row %d: good row without a name" % (fname, i + 2))
            for fld in ("birth_date", "arrival_date"):
                pv = parse_date_cell(cell.get(fld, ""))
                if pv is None:
                    fail("%s row %d: unreadable %s %r" % (fname, i + 2, fld, cell.get(fld)))
                elif pv[0] == "date" and pv[1] > date(2024, 12, 31):
                    fail("%s row %d: future %s" % (fname, i + 2, fld))
                elif pv[0] == "age" and not 0 <= pv[1] <= 100:
                    fail("%s row %d: odd age in %s" % (fname, i + 2, fld))
            a = parse_date_cell(cell.get("age_estimate", ""))
            if a is None or (a[0] == "age" and not 0 <= a[1] <= 100) or a[0] not in ("age", "empty"):
                fail("%s row %d: bad age %r" % (fname, i + 2, cell.get("age_estimate")))
            n = cell.get("nationality", "")
            if n and n not in natset:
                fail("%s row %d: unknown nationality in a good row %r" % (fname, i + 2, n))
        for pid, why, cell in bad_people:
            if pid not in good_by_person:
                fail("%s: bad row of %s without a good row" % (fname, pid))
            if why.startswith("empty name") and (cell.get("name_original") or cell.get("name_latin")):
                fail("%s: empty-name row has a name" % fname)
            if why.startswith("unknown nationality") and cell.get("nationality") in natset:
                fail("%s: bad nationality is known" % fname)
            if why.startswith("impossible birth date"):
                pv = parse_date_cell(cell.get("birth_date", ""))
                if pv is not None and not (pv[0] == "date" and pv[1] > date(2024, 12, 31)) and \
                        "in the future" not in why:
                    fail("%s: impossible date parses: %r" % (fname, cell.get("birth_date")))
        repeats = 0
        for pid, lst in good_by_person.items():
            first = tuple(lst[0][1].get(k, "") for k in IDENT)
            for rn, cell in lst[1:]:
                repeats += 1
                if tuple(cell.get(k, "") for k in IDENT) == first:
                    fail("%s row %d: repeat of %s identical to its first row" % (fname, rn, pid))
        persons[key] = set(good_by_person)
        summary[key] = dict(rows=len(data), people=len(good_by_person), repeats=repeats, bad=len(bad_people),
                            breaks=breaks)
    shared = len(persons["a"] & persons["b"])
    sa, sb = summary["a"], summary["b"]
    print("A: %d rows, %d people, %d within-file repeats, %d bad rows, %d rows with line breaks"
          % (sa["rows"], sa["people"], sa["repeats"], sa["bad"], sa["breaks"]))
    print("B: %d rows, %d people, %d within-file repeats, %d bad rows, %d rows with line breaks"
          % (sb["rows"], sb["people"], sb["repeats"], sb["bad"], sb["breaks"]))
    print("shared A/B: %d people (%.1f%% of B's people)" % (shared, 100.0 * shared / max(1, sb["people"])))
    if not 7000 <= sa["rows"] <= 9000 or not 4000 <= sb["rows"] <= 6000:
        print("note: sizes outside the 12,000-people targets (expected for other --people values)")
    print("check: %s" % ("OK" if ok else "FAILED"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--check", action="store_true", help="after writing, re-read and verify the files")
    ap.add_argument("--check-only", action="store_true", help="only verify files already in --out-dir")
    a = ap.parse_args()
    if not a.check_only:
        generate(a.people, a.seed, a.out_dir)
    if a.check or a.check_only:
        sys.exit(0 if check(a.out_dir) else 1)


if __name__ == "__main__":
    main()
