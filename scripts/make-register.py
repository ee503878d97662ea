#!/usr/bin/env python3
"""
make-register.py -- generate SYNTHETIC migrant-resource-centre registers for
testing a spreadsheet import with duplicate detection.

ALL DATA IS INVENTED.  Names are assembled at random from common-name lists
written into this file; phone numbers, passport/ID numbers and dates are random
numbers in plausible formats.  Any resemblance to a real person is chance.
Nothing here was derived from a real register, and the importing system's code
was deliberately not consulted, so the data is independent of what the system
was tuned on.

Output (in --out-dir):
  register-a.csv  older register (Khartoum, Gedaref, Kassala, 2021 - Apr 2023),
                  English headers, "first staff" habits.
  register-b.csv  later register (Gedaref, Kassala, May 2023 - 2024), mostly
                  Arabic headers, other staff and habits, an unmapped
                  "Registered by" column; ~25% of its people are in register A.
  mapping-b.json  {"columns": {<B header>: <field>}} for the mapped B headers.
  truth.csv       file,row,person,bad,why -- `row` is the spreadsheet row
                  (header = row 1, first record = row 2; a record whose notes
                  hold line breaks is still ONE row), `person` a stable id,
                  `bad` = 1 for rows that are plainly wrong (reason in `why`).
                  truth.csv is always UTF-8 with commas.

Population modelled
  Nationalities: Eritrean, Ethiopian (largely Tigrayan), South Sudanese,
  Sudanese, Somali, Chadian, Nigerian, Egyptian, Yemeni, Syrian; Kassala has
  more Eritreans, Gedaref more Ethiopians.  Names follow each group's pattern:
  given + father + grandfather (+ great-grandfather) for Habesha, Arabic,
  Somali and South Sudanese names; given + middle + surname for southern
  Nigerians.  Families are registered together: siblings share father /
  grandfather names, arrival date, often a phone, sometimes a birth year
  (twins share the whole birth date); a father's given name is his children's
  second name.  Many distinct people share common full names (dozens of
  "Mohamed Ahmed Ali", "Tesfay Gebremedhin ...", some with the same birth
  year) so that precision, not only recall, is tested.

Writing habits modelled (each clerk has fixed habits; a record is written by
one clerk)
  * Names in Arabic script, Ge'ez script (Tigrinya/Amharic) or Latin; Habesha
    names transliterated into Arabic script by Sudanese staff; occasionally
    Arabic and Latin in one cell ("محمد احمد / Mohamed Ahmed", "محمد Ahmed Ali").
    A "Name (English)" column filled for some rows only.
  * Transliteration variants (Mohamed/Mohammed/Muhammad/Mahamat,
    Yohannes/Yohanes, Tesfay/Tesfaye/Tesfai, Xasan for Hassan ...), compound
    names joined, split, hyphenated or abbreviated (Gebremariam, Gebre Mariam,
    G/Mariam, ገ/ማርያም; Abdelrahman, Abdel Rahman, Abd al-Rahman), hamza or
    no hamza (أحمد/احمد), ALL CAPS clerks, stray capitals, double or trailing
    spaces, two to four name parts.
  * Dates as 1990-03-14, 14/03/1990, 14/3/1990, 14-03-1990, 14.03.1990,
    14-Mar-1990; one register-A clerk types month/day/year (Excel US locale),
    so 3/4/1990 from that clerk is 3 April for a d/m reader.  People who know
    only a birth year appear as "1990" or as "01/01/1990"; people who know
    only their age appear with an age (or a 1 January date computed from it).
    Ages are as of the registration date, which is usually (70%) within a
    month after the row's arrival date, else up to ~2.5 years after it; the
    birth year implied by (registration year - age) is within +-1 of the truth,
    so two records of a person agree within +-2 years, plus the 0-3 years
    between an A and a B registration when ages are compared naively.
  * Arabic-Indic (٠١٢٣) and Eastern Arabic-Indic (۰۱۲۳) digits in dates,
    ages and phones for some clerks/rows.
  * Phones as 0912345678, 912345678, +249912345678, +249 91 234 5678,
    00249..., 249..., 0912 345 678, 091-234-5678; some Ethiopian, Eritrean,
    Egyptian, South Sudanese numbers; family members share a phone.
  * Nationality as ISO alpha-3, alpha-2, English country name, demonym,
    Arabic country name, Arabic adjective (masc./fem.: ارتري / إرترية),
    occasional misspelling (Eritria), upper/lower case, or missing.
  * Sex as M/F, Male/Female, ذكر/أنثى (انثى), or missing.
  * Passport / ID numbers written with or without spaces / dashes, lower case.
  * Remarks with commas, semicolons, quotes and line breaks (CSV-quoted).

Duplicates
  Within each file a few % of people are registered again (second visit or
  another centre) by possibly another clerk; across files ~25% of B's people
  are A's people.  A repeated record keeps the person's own spelling unless
  perturbed, and gets 1-3 perturbations: another transliteration of 1-2 name
  parts, a dropped/added name part together with a spelling change, ALL CAPS
  or stray capitals, another script, a day/month swap, a date off by one day,
  only a birth year or only an age, a new phone, sex left out, the English
  column left empty.  Every repeated record differs from the first one.

Bad rows (bad=1): a few dozen in A, about half that in B: empty name,
  impossible dates (31/02/1990, 2091-01-01, month 13), unknown nationality
  ("Atlantis", "xx"), impossible age (250), phone "n/a".  Each has exactly one
  defect and belongs to a person who is otherwise registered in that file.

Usage
  python3 make-register.py [--people 12000] [--seed 1]
      [--out-dir DIR (default ./synthetic-registers)]
      [--delimiter comma|semicolon|tab] [--encoding utf-8|utf-8-sig|utf-16]
      [--overlap 0.25] [--b-share 0.40] [--check]
  --encoding utf-16 writes what Excel calls "Unicode text": UTF-16LE with BOM,
  tab separated (tab is the default delimiter then).  --check re-reads the
  files with the csv module and verifies them against what was written.
  Python 3 standard library only; deterministic for a given seed.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
import time
from bisect import bisect_right

D = dt.date

# --------------------------------------------------------------------- names
# key | Latin spellings, usual first | Arabic script | Ge'ez script |
#       Chad (French-style) spellings | Somali-style spellings
NAME_TABLE = """
# --- Tigrinya / Habesha, male
Tesfay|Tesfay,Tesfaye,Tesfai,Tesfey|تسفاي,تسفاى|ተስፋይ,ተስፋዬ
Yohannes|Yohannes,Yohanes,Yohannis,Yohanis|يوهانس,يوهنس,يوهانيس|ዮሃንስ,ዮውሃንስ
Gebremedhin|Gebremedhin,Gebre Medhin,Ghebremedhin,Gebremedhn,Gebre-Medhin,G/Medhin|قبرمدهن,قبر مدهن,جبرمدهن|ገብረመድህን,ገብረ መድህን,ገ/መድህን
Amanuel|Amanuel,Amanual,Amaniel,Emmanuel|امانويل,أمانويل,امانوئيل|ኣማኑኤል,አማኑኤል
Gebremariam|Gebremariam,Gebre Mariam,Ghebremariam,Gebremaryam,G/Mariam|قبرماريام,قبر مريم,قبرمريام|ገብረማርያም,ገብረ ማርያም,ገ/ማርያም
Haile|Haile,Hayle,Haille|هيلي,هايلي|ሃይለ,ኃይለ
Tekle|Tekle,Tecle,Tekele|تكلي,تكلى|ተኽለ,ተክለ
Kidane|Kidane,Kidan,Kidana|كيداني,كداني|ኪዳነ
Berhane|Berhane,Birhane,Brhane,Berhani|برهاني,بيرهاني|ብርሃነ,ብርሀነ
Habte|Habte,Hapte,Habtey|هبتي,هابتي|ሃብተ,ሀብተ
Gebremichael|Gebremichael,Gebre Michael,Ghebremichael,Gebremikael,G/Michael|قبرميكائيل,قبر ميكائيل,قبرميكال|ገብረሚካኤል,ገብረ ሚካኤል,ገ/ሚካኤል
Dawit|Dawit,Dawitt,Dawet|داويت,داوت|ዳዊት
Mebrahtu|Mebrahtu,Mebrahtou,Mbrahtu|مبراهتو,مبرهتو|መብራህቱ
Tesfamariam|Tesfamariam,Tesfa Mariam,Tesfamaryam,Tesfa-Mariam|تسفاماريام,تسفا ماريام|ተስፋማርያም,ተስፋ ማርያም
Solomon|Solomon,Solomun,Selomon|سولومون,سليمون|ሰለሞን,ሰሎሞን
Gebrehiwet|Gebrehiwet,Gebre Hiwet,Gebrehiwot,Ghebrehiwet,G/Hiwet|قبرهيوت,قبر هيوت|ገብረሂወት,ገብረ ሂወት,ገ/ሂወት
Habtom|Habtom,Habtum,Habtoum|هبتوم,حبتوم|ሃብቶም,ሀብቶም
Weldu|Weldu,Woldu,Weldou|ولدو|ወልዱ
Kibrom|Kibrom,Kbrom,Kiburom,Kebrom|كبروم,كيبروم|ክብሮም
Filmon|Filmon,Filimon,Philmon|فلمون,فيلمون|ፊልሞን
Yonas|Yonas,Yonass,Yonase|يوناس|ዮናስ
Fisseha|Fisseha,Fsaha,Fiseha|فسها,فسهاي|ፍስሃ,ፍሰሃ
Abraham|Abraham,Abrham,Abreham|ابراهام,أبراهام,ابرهام|ኣብርሃም,አብርሃም
Isayas|Isayas,Isaias,Esayas,Isaiyas|اسياس,إسياس,إساياس|ኢሳያስ
Musie|Musie,Mussie,Muse|موسي,موسيه|ሙሴ
Awet|Awet,Awett,Aweet|أويت,اويت|ኣወት,ዓወት
Michael|Michael,Mikael,Mikiel,Michel|ميكائيل,مايكل|ሚካኤል
Ermias|Ermias,Ermyas,Ermiyas|ارمياس,إرمياس|ኤርምያስ
Henok|Henok,Henock,Hanok|هينوك,هنوك|ሄኖክ
Negasi|Negassi,Negasi,Nigassi|نقاسي,نجاسي|ንጋሲ
Zerai|Zerai,Zeray,Zerei|زراي,زيراي|ዘርኣይ
Samson|Samson,Semson,Samsom|سامسون,شمسون|ሳምሶን
Goitom|Goitom,Goytom,Goitum|قويتوم,غويتوم|ጎይቶም
Efrem|Efrem,Ephrem,Efrim|افريم,إفريم|ኤፍሬም
Mehari|Mehari,Mihari,Meharie|مهاري,ميهاري|መሓሪ
# --- Amharic, male
Tadesse|Tadesse,Tadese,Taddese|تاديسي,تادسي|ታደሰ
Alemu|Alemu,Alemo,Alemou|اليمو,أليمو|አለሙ,ዓለሙ
Bekele|Bekele,Bekelle,Bekela|بقلي,بيكيلي|በቀለ
Girma|Girma,Germa,Girmma|قرما,جرما|ግርማ
Kassa|Kassa,Kasa|كاسا,كسا|ካሳ
Tefera|Tefera,Teferra,Tafera|تفيرا,تفرا|ተፈራ
Dereje|Dereje,Derege,Deraje|ديريجي,درجي|ደረጀ
Mulugeta|Mulugeta,Mulgeta,Mulageta|مولوقيتا,ملوقيتا|ሙሉጌታ
Getachew|Getachew,Getacho,Getachewu|قيتاتشو,جيتاتشو|ጌታቸው
Abebe|Abebe,Abebie,Abbebe|ابيبي,أبيبي|አበበ
Worku|Worku,Werku,Workou|ورقو,وركو|ወርቁ
Shiferaw|Shiferaw,Shferaw,Shiferao|شفراو,شيفيراو|ሽፈራው
# --- Habesha, female
Selam|Selam,Salam,Sellam|سلام|ሰላም
Saba|Saba,Sabah,Sabba|سابا,سبأ|ሳባ
Helen|Helen,Hellen,Heleni|هيلين,هلين|ሄለን
Lula|Lula,Lulla,Luula|لولا|ሉላ
Tsige|Tsige,Tsigie,Tsighe|تسقي,صقي|ጽጌ,ፅጌ
Tirhas|Tirhas,Terhas,Trhas|ترحاس,ترهاس|ትርሓስ,ትርሃስ
Freweini|Freweini,Freweyni,Frewoini,Frewyni|فريويني,فريوينى|ፍረወይኒ
Hanna|Hanna,Hana,Hannah|حنا,هانا|ሃና,ሐና
Elsa|Elsa,Elssa,Elsah|السا,إلسا|ኤልሳ
Yordanos|Yordanos,Yordanose,Yordanus|يوردانوس,يردانوس|ዮርዳኖስ
Miriam|Miriam,Meriam,Mirriam|مريام,ميريام|ሚርያም
Birikti|Birikti,Brikti,Berikti|بريكتي,برختي|ብርኽቲ
Senait|Senait,Senayt,Senaiet|سنايت,سينايت|ሰናይት
Tigist|Tigist,Tegist,Tigst|تقست,تجست|ትዕግስት,ትግስት
Meseret|Meseret,Meserret,Messeret|مسرت,ميسيرت|መሰረት
Almaz|Almaz,Almaze,Almas|الماز,ألماظ|አልማዝ
Tsehay|Tsehay,Tsehaye,Tsahay|تسهاي,صهاي|ፀሐይ,ጸሃይ
Abeba|Abeba,Abebba,Abebah|ابيبا,أبيبا|አበባ
Rahel|Rahel,Rachel,Raheel|راحيل,راحل|ራሄል
Feven|Feven,Fiven,Feeven|فيفن,فيفين|ፌቨን
Ruta|Ruta,Rutta,Rutha|روتا|ሩታ
# --- Oromo
Tola|Tola,Toola,Tolla|تولا|ቶላ
Gemechu|Gemechu,Gemechuu,Gamachu|قمتشو,جمتشو|ገመቹ
Chala|Chala,Chaala,Cala|تشالا,شالا|ጫላ
Lemma|Lemma,Lema|ليما|ለማ
Gudeta|Gudeta,Guddeta|قوديتا|ጉደታ
Abdisa|Abdisa,Abdissa|عبديسا|አብዲሳ
Fayisa|Fayisa,Feyisa,Fayissa|فاييسا,فيسا|ፈይሳ
Bontu|Bontu,Bonttu|بونتو|ቦንቱ
Chaltu|Chaltu,Caltu|تشالتو|ጫልቱ
Lensa|Lensa,Lense|لينسا|ሌንሳ
Hawi|Hawi,Haawi|هاوي|ሀዊ
# --- Arabic / Muslim, male
Mohamed|Mohamed,Mohammed,Muhammad,Mohammad,Mohamad,Mohmed|محمد|መሓመድ,መሐመድ|Mahamat,Mahamad,Mohamed|Mohamed,Maxamed
Ahmed|Ahmed,Ahmad,Ahmmed|احمد,أحمد|ኣሕመድ,አሕመድ|Ahmat,Ahamat|Ahmed,Axmed
Ali|Ali,Aly,Alli|علي,على|ዓሊ,ኣሊ|Ali|Ali,Cali
Osman|Osman,Othman,Usman,Uthman|عثمان|ዑስማን|Ousmane,Ousman|Osman,Cismaan
Abdalla|Abdalla,Abdallah,Abdullah,Abdulla,Abd Allah|عبدالله,عبد الله|ዓብደላ|Abdallah
Adam|Adam,Adem,Aadam|ادم,آدم|ኣደም,አደም|Adoum,Adam
Ibrahim|Ibrahim,Ebrahim,Ibraheem|ابراهيم,إبراهيم|ኢብራሂም|Brahim,Ibrahim|Ibrahim,Ibraahim
Omer|Omer,Omar,Umar|عمر|ዑመር|Oumar|Omar,Cumar
Abdelrahman|Abdelrahman,Abdel Rahman,Abdulrahman,Abd al-Rahman,Abdalrahman,Abd Elrahman|عبدالرحمن,عبد الرحمن|||Abdirahman,Abdurahman,Cabdiraxmaan
Hassan|Hassan,Hasan,Hasen|حسن|ሓሰን|Hassane,Hassan|Hassan,Xasan
Yousif|Yousif,Yousef,Yusuf,Youssef,Yosif|يوسف|ዩሱፍ|Youssouf|Yusuf,Yuusuf
Hussein|Hussein,Hussain,Hussien,Husein|حسين|ሑሴን|Houssein|Hussein,Xuseen
Musa|Musa,Mousa,Moosa|موسى,موسي|ሙሳ|Moussa|Musa,Muuse
Salih|Salih,Saleh,Swaleh|صالح|ሳልሕ|Saleh
Idris|Idris,Idriss,Edris|ادريس,إدريس|ኢድሪስ,ዒድሪስ|Idriss
Ismail|Ismail,Ismael,Esmail|اسماعيل,إسماعيل|ኢስማዒል|Ismael|Ismail,Ismaaciil
Elamin|Elamin,El Amin,Al-Amin,Alamin|الامين,الأمين
Eltayeb|Eltayeb,El Tayeb,Al-Tayyib,Altayeb|الطيب
Mustafa|Mustafa,Mostafa,Mustapha|مصطفى,مصطفي
Khalid|Khalid,Khaled,Khalied|خالد
Babiker|Babiker,Babikir,Babeker|بابكر
Abdelaziz|Abdelaziz,Abdel Aziz,Abdulaziz,Abd al-Aziz|عبدالعزيز,عبد العزيز
Issa|Issa,Eisa,Esa|عيسى,عيسي|ዒሳ|Issa|Issa,Ciise
Elsadig|Elsadig,El Sadig,Al-Sadiq,Elsadiq|الصادق
Hamid|Hamid,Hamed,Hameed|حامد|ሓሚድ
Mahmoud|Mahmoud,Mahmood,Mahmud|محمود|ማሕሙድ|Mahamoud|Mahamud,Maxamuud
Nur|Nur,Nour,Noor|نور|ኑር|Nour|Nur,Nuur
Suleiman|Suleiman,Sulaiman,Soliman,Suliman|سليمان|ሱለይማን|Souleymane
Yahya|Yahya,Yahia,Yehia|يحيى,يحيي
Bashir|Bashir,Basheer,Bashier|بشير
Abdelkarim|Abdelkarim,Abdel Karim,Abdulkarim,Abd al-Karim|عبدالكريم,عبد الكريم||Abdelkerim|Abdikarim,Cabdikariim
Zakaria|Zakaria,Zakariya,Zakariyya|زكريا
Hamza|Hamza,Hamzah|حمزة,حمزه
Abakar|Abakar,Abbakar,Abaker|ابكر,أبكر||Abakar
Tarek|Tarek,Tariq,Tarik|طارق
Amr|Amr,Amro,Amru|عمرو
Sherif|Sherif,Sharif,Shareef|شريف
Walid|Walid,Waleed|وليد
Ayman|Ayman,Aymen|ايمن,أيمن
Hany|Hany,Hani|هاني
Fuad|Fuad,Fouad,Foad|فؤاد,فواد
Nabil|Nabil,Nabeel|نبيل
Saeed|Saeed,Said,Saeid|سعيد|||Said,Saciid
# --- Somali
Abdi|Abdi,Abdy|عبدي|||Abdi,Cabdi
Abdullahi|Abdullahi,Abdulahi,Abdillahi|عبدالله,عبد الله|||Abdullahi,Cabdullaahi
Farah|Farah,Faarah|فارح,فرح|||Farah,Faarax
Warsame|Warsame,Warsama|ورسمي,وارسامي
Jama|Jama,Jamac,Jaama|جامع|||Jama,Jaamac
Aden|Aden,Adan,Aadan|آدن,ادن
Hirsi|Hirsi,Hersi|حرسي|||Hirsi,Xirsi
Guled|Guled,Guleed|قوليد
# --- Hausa
Abubakar|Abubakar,Abubakr,Abu Bakar,Abubaker|ابوبكر,أبو بكر
Sani|Sani,Sanni|ساني
Bello|Bello,Belo|بيلو,بللو
Aliyu|Aliyu,Aliu|عليو
Yakubu|Yakubu,Yakub,Yaqub|يعقوب
Garba|Garba,Garbah|قاربا,غاربا
Haruna|Haruna,Harouna,Harun|هارون
# --- Arabic / Muslim, female
Fatima|Fatima,Fatma,Fatuma,Fatimah|فاطمة,فاطمه|ፋጥማ,ፋጡማ|Fatime|Fadumo,Faadumo,Fatima
Amna|Amna,Amina,Aamna|امنة,آمنة,آمنه|ኣሚና|Amina|Amina,Aamina
Aisha|Aisha,Aysha,Aicha,Ayesha|عائشة,عايشة,عائشه|ዓይሻ|Achta,Aicha|Asha,Caasha
Mariam|Mariam,Maryam,Mariyam,Meryem|مريم|||Mariam|Maryan,Maryam
Zainab|Zainab,Zeinab,Zaynab,Zenab|زينب|ዘይነብ|Zenaba|Zeynab,Saynab
Khadija|Khadija,Khadiga,Khadeeja,Khadidja|خديجة,خديجه||Khadidja|Khadija,Khadiijo
Halima|Halima,Haleema,Halimah|حليمة,حليمه|ሓሊማ|Halime|Halima,Xaliimo
Hawa|Hawa,Hawaa,Hauwa|حواء,حوا|ሓዋ|Haoua|Hawo,Xaawo
Sara|Sara,Sarah,Saraa|سارة,ساره
Huda|Huda,Hoda,Houda|هدى,هدي
Suad|Suad,Soad,Souad|سعاد
Ikhlas|Ikhlas,Ekhlas,Ikhlass|اخلاص,إخلاص
Malak|Malak,Malaak|ملاك
Asma|Asma,Asmaa|اسماء,أسماء
Nafisa|Nafisa,Nafeesa,Nafissa|نفيسة,نفيسه
Samira|Samira,Sameera,Samirah|سميرة,سميره
Safiya|Safiya,Safia,Safiyya|صفية,صفيه
Hodan|Hodan,Hoodan|هودان
Ayaan|Ayaan,Ayan|ايان,أيان
Sahra|Sahra,Sahro,Zahra|زهرة
Khadra|Khadra,Khadro|خضرة
Ifrah|Ifrah,Ifrax|افراح
Nimco|Nimco,Nimo,Nimca|نعمة
Hadiza|Hadiza,Hadizah|حديزة,هديزة
# --- South Sudanese
John|John,Jon|جون
Peter|Peter,Piter|بيتر,بطرس
James|James,Jemes|جيمس
Joseph|Joseph,Josef|جوزيف
Daniel|Daniel,Deniel|دانيال
Samuel|Samuel,Samwel,Samual|صموئيل,صامويل
David|David,Dawid|ديفيد
Paul|Paul,Paulo|بول,بولس
Gabriel|Gabriel,Gebriel,Gabrial|قابريال,جبريل
Simon|Simon,Saimon|سايمون,سيمون
Stephen|Stephen,Stephan,Steven|ستيفن
Mary|Mary,Marry|ماري
Elizabeth|Elizabeth,Elisabeth,Elizabet|اليزابيث,إليزابيث
Grace|Grace,Gress|قريس,جريس
Rebecca|Rebecca,Rebeca,Rebekah|ربيكا,ريبيكا
Angelina|Angelina,Anjelina,Angeline|انجلينا,أنجلينا
Martha|Martha,Marta|مارثا,مرثا
Nyandeng|Nyandeng,Nyandeeng,Nyadeng|نياندينق
Achol|Achol,Achool,Acol|اشول,أشول
Akuol|Akuol,Akuel|أكوال
Nyakim|Nyakim,Nyakiem|نياكيم
Abuk|Abuk,Abuuk|ابوك,أبوك
Ayen|Ayen,Ayeen|ايين,أيين
Deng|Deng,Ding,Dheng|دينق,دينج
Garang|Garang,Garrang,Garan|قرنق,قرنج
Majok|Majok,Majak,Majock|ماجوك,مجوك
Akol|Akol,Akool,Akoll|اكول,أكول
Kuol|Kuol,Kuel,Kuoul|كوال,كول
Mabior|Mabior,Mabiour,Mabiur|مابيور,مبيور
Machar|Machar,Machaar,Mashar|مشار,ماشار
Lual|Lual,Luol,Luall|لوال
Bol|Bol,Boll,Bool|بول
Chol|Chol,Chool,Col|شول
Makuei|Makuei,Makwei,Makuey|ماكوي
Malual|Malual,Malwal,Maluol|ملوال,مالوال
Ajak|Ajak,Ajack,Ajaak|اجاك,أجاك
Gatluak|Gatluak,Gatluok,Gatluac|قاتلواك,قتلواك
Riek|Riek,Riak,Reik|رياك,ريك
Nhial|Nhial,Nyal,Nhiel|نيال
Ayuen|Ayuen,Ayueen,Ayuin|ايوين,أيوين
Kiir|Kiir,Kir|كير
Mayen|Mayen,Mayan,Mayeen|ماين,مايين
Atem|Atem,Atim,Atemm|اتيم,أتيم
Dut|Dut,Duot,Duut|دوت
Manyang|Manyang,Manyiang|مانيانق
Thon|Thon,Thoon,Ton|ثون,طون
Wol|Wol,Wal,Woll|وول
# --- southern Nigerian
Chinedu|Chinedu,Chinedum|تشينيدو
Emeka|Emeka,Emekah|ايميكا
Oluwaseun|Oluwaseun,Oluseun,Seun|اولوسيون
Adebayo|Adebayo,Adebayor|اديبايو
Ngozi|Ngozi,Ngozie|نقوزي
Chioma|Chioma,Chiomah|تشيوما
Okafor|Okafor,Okafur|اوكافور
Okonkwo|Okonkwo,Okonkow|اوكونكو
Adeyemi|Adeyemi,Adeyemmi|اديمي
Eze|Eze,Ezeh|ايزي
Obi|Obi,Obih|اوبي
"""


def _load_names():
    comp = {}
    for line in NAME_TABLE.strip().splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        f = line.split('|') + [''] * 6
        sp = lambda s: [x.strip() for x in s.split(',') if x.strip()]
        comp[f[0]] = {'lat': sp(f[1]) or [f[0]], 'ar': sp(f[2]), 'geez': sp(f[3]),
                      'fr': sp(f[4]), 'so': sp(f[5])}
    return comp


COMP = _load_names()

# Pools: most frequent first (Zipf-weighted picks).
TIG_M = ('Tesfay Yohannes Gebremedhin Amanuel Gebremariam Haile Tekle Kidane Berhane Habte '
         'Gebremichael Dawit Mebrahtu Tesfamariam Solomon Gebrehiwet Habtom Weldu Kibrom Filmon '
         'Yonas Fisseha Abraham Isayas Musie Awet Michael Ermias Henok Negasi Zerai Samson Goitom '
         'Efrem Mehari').split()
AMH_M = ('Tesfay Tadesse Alemu Bekele Girma Kassa Dawit Tefera Dereje Mulugeta Getachew Abebe '
         'Yohannes Worku Solomon Haile Shiferaw Abraham Henok Ermias Michael').split()
HAB_F = ('Selam Helen Saba Tsige Tirhas Freweini Hanna Yordanos Senait Lula Elsa Miriam Birikti '
         'Rahel Feven Ruta Tigist Meseret Almaz Tsehay Abeba').split()
AMH_F = 'Tigist Meseret Almaz Hanna Tsehay Helen Abeba Rahel Selam Saba Feven Elsa Miriam'.split()
ORO_M = 'Tola Gemechu Chala Lemma Gudeta Abdisa Fayisa Abebe Girma'.split()
ORO_F = 'Bontu Chaltu Lensa Hawi Tigist Almaz'.split()
ARB_M = ('Mohamed Ahmed Ali Osman Abdalla Adam Ibrahim Omer Abdelrahman Hassan Yousif Hussein '
         'Musa Salih Idris Ismail Elamin Eltayeb Mustafa Khalid Babiker Abdelaziz Issa Elsadig '
         'Hamid Mahmoud Nur Suleiman Yahya Bashir Abdelkarim Zakaria Hamza').split()
ARB_F = ('Fatima Amna Aisha Mariam Zainab Khadija Halima Hawa Sara Huda Suad Ikhlas Malak Asma '
         'Nafisa Samira Safiya').split()
EGY_M = ('Mohamed Ahmed Mahmoud Mustafa Ali Ibrahim Hassan Tarek Amr Sherif Walid Ayman Hany '
         'Khalid Omer Yousif Abdelrahman Saeed').split()
YEM_M = ('Mohamed Ahmed Ali Abdalla Saeed Abdelrahman Fuad Nabil Hassan Salih Yahya Omer '
         'Abdelaziz Khalid Ibrahim Hamza').split()
TCD_M = ('Mohamed Abakar Adam Ahmed Idris Musa Hassan Omer Yousif Ibrahim Abdelkarim Issa '
         'Zakaria Ali Mahmoud Salih Suleiman Hussein').split()
TCD_F = 'Hawa Khadija Aisha Fatima Mariam Zainab Halima Amna'.split()
ERM_M = ('Mohamed Idris Osman Ibrahim Ali Ahmed Salih Omer Mahmoud Adam Musa Hamid Nur Abdalla '
         'Hassan Ismail Suleiman Yousif').split()
ERM_F = 'Fatima Aisha Amna Halima Zainab Hawa Mariam Khadija Asma'.split()
SOM_M = ('Mohamed Ahmed Abdi Ali Hassan Abdelrahman Abdullahi Omer Hussein Yousif Farah Ismail '
         'Osman Nur Jama Warsame Aden Mahmoud Hirsi Guled Ibrahim Abdelkarim Saeed').split()
SOM_F = 'Fatima Hodan Aisha Hawa Amna Ayaan Sahra Khadra Ifrah Nimco Halima Khadija Mariam'.split()
SSD_GM = 'John Peter James Joseph Daniel Samuel David Paul Gabriel Simon Stephen'.split()
SSD_FAM = ('Deng Garang Majok Akol Kuol Mabior Machar Lual Bol Chol Makuei Malual Ajak Gatluak '
           'Riek Nhial Ayuen Kiir Mayen Atem Dut Manyang Thon Wol').split()
SSD_F = ('Mary Nyandeng Achol Elizabeth Grace Rebecca Angelina Akuol Martha Nyakim Abuk '
         'Ayen').split()
HAU_M = ('Abubakar Mohamed Ibrahim Musa Sani Aliyu Osman Bello Yakubu Garba Haruna Abdullahi '
         'Suleiman Hamza').split()
HAU_F = 'Aisha Hadiza Fatima Zainab Halima Hawa Amna'.split()
NGS_M = 'Chinedu Emeka Oluwaseun Adebayo Daniel Samuel John Peter'.split()
NGS_F = 'Ngozi Chioma Grace Mary Elizabeth'.split()
NGS_SUR = 'Okafor Okonkwo Adeyemi Eze Obi'.split()


class Pool:
    def __init__(self, keys, s=0.7):
        for k in keys:
            assert k in COMP, k
        self.keys = list(keys)
        self.cw, t = [], 0.0
        for i in range(len(keys)):
            t += 1.0 / (i + 1) ** s
            self.cw.append(t)
        self.total = t

    def pick(self, rng):
        return self.keys[bisect_right(self.cw, rng.random() * self.total)]


def _scheme(m, f, fam, ntype, loc=None, ploc=0.0, style='patr', m2=None, pm2=0.0, sur=None):
    return {'m': Pool(m), 'f': Pool(f), 'fam': Pool(fam), 'type': ntype, 'loc': loc,
            'ploc': ploc, 'style': style, 'm2': Pool(m2) if m2 else None, 'pm2': pm2,
            'sur': Pool(sur) if sur else None}


SCHEMES = {
    'tig': _scheme(TIG_M, HAB_F, TIG_M, 'habesha'),
    'amh': _scheme(AMH_M, AMH_F, AMH_M, 'habesha'),
    'oro': _scheme(ORO_M, ORO_F, ORO_M, 'habesha'),
    'erm': _scheme(ERM_M, ERM_F, ERM_M, 'arabic'),
    'arb': _scheme(ARB_M, ARB_F, ARB_M, 'arabic'),
    'egy': _scheme(EGY_M, ARB_F, EGY_M, 'arabic'),
    'yem': _scheme(YEM_M, ARB_F, YEM_M, 'arabic'),
    'tcd': _scheme(TCD_M, TCD_F, TCD_M, 'arabic', loc='fr', ploc=0.75),
    'som': _scheme(SOM_M, SOM_F, SOM_M, 'latin', loc='so', ploc=0.6),
    'ssd': _scheme(SSD_GM, SSD_F, SSD_FAM, 'latin', m2=SSD_FAM, pm2=0.4),
    'hau': _scheme(HAU_M, HAU_F, HAU_M, 'latin'),
    'ngs': _scheme(NGS_M, NGS_F, NGS_M, 'latin', style='surname', sur=NGS_SUR),
}
NAT_SCHEMES = {
    'ERI': [('tig', .78), ('erm', .22)],
    'ETH': [('tig', .55), ('amh', .30), ('oro', .10), ('erm', .05)],
    'SDN': [('arb', 1)], 'SYR': [('arb', 1)], 'EGY': [('egy', 1)], 'YEM': [('yem', 1)],
    'TCD': [('tcd', 1)], 'SOM': [('som', 1)], 'SSD': [('ssd', 1)],
    'NGA': [('hau', .6), ('ngs', .4)],
}

# Distinct people forced onto common full names (None = random part).
NAMESAKES = [
    ('SDN', 'M', ['Mohamed', 'Ahmed', 'Ali'], 10),
    ('ERI', 'M', ['Tesfay', 'Gebremedhin', None], 8),
    ('ERI', 'M', ['Yohannes', 'Gebremariam', None], 5),
    ('SDN', 'M', ['Ahmed', 'Mohamed', 'Osman'], 4),
    ('SDN', 'M', ['Abdelrahman', 'Mohamed', 'Ahmed'], 4),
    ('SDN', 'F', ['Fatima', 'Mohamed', 'Ahmed'], 4),
    ('ERI', 'M', ['Amanuel', 'Tesfay', None], 3),
    ('ERI', 'F', ['Selam', 'Gebremedhin', None], 3),
    ('ERI', 'M', ['Mohamed', 'Idris', None], 3),
    ('ETH', 'M', ['Dawit', 'Haile', None], 2),
    ('ETH', 'F', ['Tigist', 'Bekele', None], 2),
    ('SOM', 'M', ['Mohamed', 'Abdi', 'Farah'], 2),
    ('SSD', 'M', ['John', 'Deng', 'Garang'], 2),
    ('TCD', 'M', ['Mohamed', 'Abakar', None], 2),
    ('EGY', 'M', ['Mohamed', 'Ahmed', 'Mahmoud'], 2),
]
NAMESAKE_SCHEME = {'SDN': 'arb', 'ERI': 'tig', 'ETH': 'amh', 'SOM': 'som', 'SSD': 'ssd',
                   'TCD': 'tcd', 'EGY': 'egy'}

# -------------------------------------------------------------- nationality
# alpha-2, English, demonym, Arabic names, Arabic adj (m), Arabic adj (f), misspellings
NAT_INFO = {
    'ERI': ('ER', 'Eritrea', 'Eritrean', ['إريتريا', 'ارتريا', 'أرتريا'],
            ['إرتري', 'ارتري', 'اريتري'], ['إرترية', 'ارترية', 'اريترية'], ['Eritria', 'Eritrian']),
    'ETH': ('ET', 'Ethiopia', 'Ethiopian', ['إثيوبيا', 'اثيوبيا'], ['إثيوبي', 'اثيوبي'],
            ['إثيوبية', 'اثيوبية'], ['Ethopia', 'Ethiopain']),
    'SDN': ('SD', 'Sudan', 'Sudanese', ['السودان'], ['سوداني'], ['سودانية'], ['Sudaness']),
    'SSD': ('SS', 'South Sudan', 'South Sudanese', ['جنوب السودان'], ['جنوب سوداني', 'جنوبي'],
            ['جنوب سودانية'], ['S. Sudan', 'S.Sudan']),
    'SOM': ('SO', 'Somalia', 'Somali', ['الصومال'], ['صومالي'], ['صومالية'], ['Somalian']),
    'TCD': ('TD', 'Chad', 'Chadian', ['تشاد'], ['تشادي'], ['تشادية'], ['Tchad']),
    'NGA': ('NG', 'Nigeria', 'Nigerian', ['نيجيريا'], ['نيجيري'], ['نيجيرية'], ['Nigerain']),
    'EGY': ('EG', 'Egypt', 'Egyptian', ['مصر'], ['مصري'], ['مصرية'], ['Egyption']),
    'YEM': ('YE', 'Yemen', 'Yemeni', ['اليمن'], ['يمني'], ['يمنية'], ['Yamani']),
    'SYR': ('SY', 'Syria', 'Syrian', ['سوريا'], ['سوري'], ['سورية'], ['Syrea']),
}
NAT_BASE = {'ERI': 30, 'ETH': 20, 'SSD': 12, 'SDN': 8, 'SOM': 7, 'TCD': 6, 'NGA': 5,
            'EGY': 3, 'YEM': 3, 'SYR': 2}
NAT_CENTRE = {'Kassala': {'ERI': 2.2}, 'Gedaref': {'ETH': 2.5},
              'Khartoum': {'SSD': 1.6, 'EGY': 2, 'SYR': 2, 'YEM': 1.5}}
NAT_STYLE = {
    'A': [('en', 30), ('adj', 25), ('iso3', 20), ('iso2', 5), ('ar_adj', 8), ('ar', 4),
          ('miss', 6), ('typo', 2)],
    'B': [('ar_adj', 45), ('ar', 20), ('adj', 10), ('iso3', 6), ('en', 5), ('iso2', 2),
          ('miss', 12)],
}

# -------------------------------------------------------------------- clerks
A_PERIOD = (D(2021, 7, 1), D(2023, 4, 10))   # ended with the April 2023 war
B_PERIOD = (D(2023, 5, 15), D(2024, 11, 30))
A_CENTRES = [('Khartoum', .5), ('Gedaref', .25), ('Kassala', .25)]
B_CENTRES = [('Gedaref', .5), ('Kassala', .5)]


class Clerk:
    def __init__(self, file, name, centre, centre_txt, date, unk, age_also, geez, case, sex,
                 digits, lat_fill, notes):
        self.file, self.name, self.centre, self.centre_txt = file, name, centre, centre_txt
        self.date, self.unk, self.age_also, self.geez = date, unk, age_also, geez
        self.case, self.sex, self.digits = case, sex, digits
        self.lat_fill, self.notes = lat_fill, notes


CLERKS = [
    # file name centre centre-text date-fmt year-only-habit age-also geez case sex digits(arab,east) latin-col notes
    Clerk('A', 'A1', 'Khartoum', 'Khartoum', 'dmy', 'jan1', .10, False, 'title', 'MF', (.02, 0), .80, .15),
    Clerk('A', 'A2', 'Khartoum', 'KRT', 'mdy', 'year', .05, False, 'upper', 'MaleFemale', (0, 0), .75, .10),
    Clerk('A', 'A3', 'Khartoum', 'Khartoum MRC', 'dmon', 'year', .30, True, 'title', 'MF', (.05, 0), .85, .20),
    Clerk('A', 'A4', 'Gedaref', 'Gedaref', 'dmy', 'jan1', .20, True, 'title', 'MaleFemale', (.08, 0), .80, .20),
    Clerk('A', 'A5', 'Gedaref', 'Gedarif', 'iso', 'year', .0, False, 'title', 'MF', (.03, .01), .70, .15),
    Clerk('A', 'A6', 'Kassala', 'Kassala', 'dmy_np', 'age', .15, True, 'title', 'MF', (.10, 0), .85, .20),
    Clerk('A', 'A7', 'Kassala', 'KSL', 'dmy', 'jan1', .25, False, 'upper', 'ar', (.15, .02), .75, .25),
    Clerk('B', 'Hiba', 'Gedaref', '', 'iso', 'jan1', .60, False, 'title', 'ar', (.25, 0), .55, .30),
    Clerk('B', 'Selam T.', 'Gedaref', '', 'dmy', 'jan1', .50, True, 'upper', 'MF', (.10, 0), .60, .25),
    Clerk('B', 'Mohanad', 'Gedaref', '', 'dmy_dash', 'age', .70, False, 'title', 'ar', (.35, .05), .45, .30),
    Clerk('B', 'Rania A.', 'Kassala', '', 'dmy', 'year', .40, False, 'title', 'ar', (.30, 0), .50, .30),
    Clerk('B', 'Yonas', 'Kassala', '', 'dmon', 'jan1', .50, True, 'title', 'MaleFemale', (.05, 0), .65, .25),
    Clerk('B', 'Abdelmonim', 'Kassala', '', 'dmy_dot', 'jan1', .60, False, 'upper', 'ar', (.20, .10), .50, .30),
]
CLERKS_AT = {}
for _c in CLERKS:
    CLERKS_AT.setdefault((_c.file, _c.centre), []).append(_c)

SCRIPT_PREFS = {
    'A': {'habesha': {'geez': .35, 'lat': .55, 'ar': .10},
          'arabic': {'ar': .62, 'lat': .35, 'geez': .03},
          'latin': {'lat': .85, 'ar': .15}},
    'B': {'habesha': {'geez': .15, 'ar': .50, 'lat': .35},
          'arabic': {'ar': .90, 'lat': .08, 'geez': .02},
          'latin': {'lat': .55, 'ar': .45}},
}
NPARTS = {'habesha': [(2, .28), (3, .66), (4, .06)], 'arabic': [(2, .12), (3, .58), (4, .30)],
          'latin': [(2, .30), (3, .62), (4, .08)]}
PHONE_STYLE = {
    'A': [('local0', 40), ('nolead', 15), ('plus', 10), ('local_sp', 10), ('local_dash', 10),
          ('00', 10), ('cc', 5)],
    'B': [('local0', 35), ('plus', 15), ('plus_sp', 10), ('00', 15), ('local_sp', 10),
          ('nolead', 5), ('cc', 10)],
}
DOC_STYLE = [('asis', 60), ('space', 15), ('space1', 10), ('dash', 7), ('lower', 8)]
DATE_FMTS_D = ['dmy', 'dmy_np', 'iso', 'dmon', 'dmy_dash', 'dmy_dot']
SEX_FMT = {'MF': ('M', 'F'), 'MaleFemale': ('Male', 'Female'), 'ar': ('ذكر', 'أنثى'),
           'mf': ('m', 'f')}
MON = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()
DIGITS = {'arab': str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'),
          'east': str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')}

HEAD_A = ['Name', 'Name (English)', 'Sex', 'Date of Birth', 'Age', 'Nationality', 'Phone',
          'Passport/ID No', 'Arrival date', 'Remarks', 'Centre']
COLS_A = ['name_original', 'name_latin', 'sex', 'birth_date', 'age_estimate', 'nationality',
          'phone', 'document_number', 'arrival_date', 'notes', 'centre']
HEAD_B = ['الاسم', 'الاسم بالإنجليزي', 'الجنسية', 'النوع', 'العمر', 'تاريخ الميلاد',
          'رقم الجواز', 'رقم الهاتف', 'تاريخ الوصول', 'ملاحظات', 'Registered by']
COLS_B = ['name_original', 'name_latin', 'nationality', 'sex', 'age_estimate', 'birth_date',
          'document_number', 'phone', 'arrival_date', 'notes', 'registered_by']

# --------------------------------------------------------------------- notes
PLACES = ['Hai Al Matar', 'block 5', 'the Souq Shaabi area', 'Camp 2', 'the industrial area',
          'the bus station']
CITIES = ['Port Sudan', 'Kassala', 'Gedaref', 'Khartoum', 'Wad Madani', 'Egypt', 'Libya']
NOTES_EN = [
    'Arrived with wife and {n} children', 'Needs medical follow-up, referred to clinic',
    'Lost ID card, says "will bring a copy"', 'Came back for NFI distribution',
    'Lives near the market, {place}', 'Wants to go to {city}; asked about transport',
    'Referred to protection team\nfollow-up in 2 weeks', 'Phone belongs to brother',
    'Interpreter used (Tigrinya)', 'Interpreter used (Amharic)',
    'Returned from Libya, no documents', 'Says name on card is spelled differently',
    'Cash assistance: "pending"', 'Case closed\nrelocated to {city}',
    'Needs shelter, sleeping at {place}', 'Disability: walks with crutches',
    'Student, wants to continue studies; has certificates',
    'Came with neighbours, no relatives in Sudan', 'Vulnerable, "high priority"\nsee file',
    'Registered by phone, to confirm details', 'No documents', 'Food voucher given',
]
NOTES_EN_F = ['Pregnant, {m} months', 'Mother of {n}; husband in {city}']
NOTES_EN_MINOR = ['Unaccompanied minor', 'Separated child, uncle in {city}']
NOTES_AR = [
    'وصل مع أسرته، يحتاج مساعدة', 'بدون وثائق', 'يحتاج إلى دعم نفسي',
    'فقد بطاقته، قال "سيحضر صورة"', 'محول إلى العيادة\nمتابعة بعد أسبوعين',
    'يسكن في حي المطار، قرب السوق', 'الهاتف يخص أخاه', 'عائد من ليبيا',
    'يريد السفر إلى بورتسودان؛ سأل عن المواصلات', 'تم صرف مواد إيواء', 'حالة هشة\nأولوية',
]
NOTES_AR_F = ['حامل في الشهر {m}', 'أم لـ {n} أطفال، الزوج في {city}']
NOTES_AR_MINOR = ['قاصر غير مصحوب']
REVISIT_EN = ['Second visit', '2nd visit', 'Registered before?', 'Came again, lost card']
REVISIT_AR = ['زيارة ثانية', 'مسجل سابقا؟', 'حضر مرة أخرى']

BAD_NAT = ['Atlantis', 'xx', 'Wakanda', 'ZZZ', 'Narnia', 'Mars', 'qq', '??']
BAD_AGE = ['250', '199', '999', '-3', '300']
BAD_PHONE = ['n/a', 'N/A', 'xxxx', '12']


# ------------------------------------------------------------------- helpers
def pick_w(rng, items):
    t = 0.0
    for _, w in items:
        t += w
    r = rng.random() * t
    for v, w in items:
        r -= w
        if r < 0:
            return v
    return items[-1][0]


_IDX_CW = {}


def pick_idx(rng, n):
    if n <= 1:
        return 0
    cw = _IDX_CW.get(n)
    if cw is None:
        cw, t = [], 0.0
        for i in range(n):
            t += 1.0 / (i + 1) ** 1.6
            cw.append(t)
        _IDX_CW[n] = cw
    return bisect_right(cw, rng.random() * cw[-1])


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def age_at(b, ref):
    return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))


def fmt_date(y, m, d, fmt):
    if fmt == 'iso':
        return '%04d-%02d-%02d' % (y, m, d)
    if fmt == 'dmy':
        return '%02d/%02d/%04d' % (d, m, y)
    if fmt == 'dmy_np':
        return '%d/%d/%d' % (d, m, y)
    if fmt == 'mdy':
        return '%d/%d/%d' % (m, d, y)
    if fmt == 'dmon':
        return '%02d-%s-%d' % (d, MON[m - 1], y)
    if fmt == 'dmy_dash':
        return '%02d-%02d-%04d' % (d, m, y)
    if fmt == 'dmy_dot':
        return '%02d.%02d.%04d' % (d, m, y)
    raise ValueError(fmt)


def digits(s, style):
    return s.translate(DIGITS[style]) if style in DIGITS and s else s


# ------------------------------------------------------------------- people
class Person:
    __slots__ = ('pid', 'sex', 'nat', 'scheme', 'parts', 'loc', 'birth', 'known', 'phones',
                 'doc', 'cat', 'hh', 'member', 'regA', 'regB', 'arrA', 'arrB', 'centreA',
                 'centreB', 'viewA', 'recA', '_lat')

    def __init__(self):
        self.phones, self.doc, self.viewA, self.recA, self._lat = [], None, None, None, {}
        self.regA = self.regB = self.arrA = self.arrB = self.centreA = self.centreB = None

    @property
    def ntype(self):
        return SCHEMES[self.scheme]['type']

    @property
    def style(self):
        return SCHEMES[self.scheme]['style']

    def forms(self, i, script):
        key = self.parts[i]
        c = COMP[key]
        if script != 'lat':
            return c[script]
        if self.loc and c[self.loc]:
            r = self._lat.get(key)
            if r is None:
                r = c[self.loc] + [x for x in c['lat'] if x not in c[self.loc]]
                self._lat[key] = r
            return r
        return c['lat']


class Gen:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.args = args
        self.used_phone = {}
        self.used_doc = {}

    # ---- identifiers
    def new_phone(self, nat):
        rng = self.rng
        while True:
            r = rng.random()
            if nat == 'ETH' and r < .15:
                ph = ('251', '9' + '%08d' % rng.randint(0, 10 ** 8 - 1))
            elif nat == 'ERI' and r < .08:
                ph = ('291', '7' + '%06d' % rng.randint(0, 10 ** 6 - 1))
            elif nat == 'EGY' and r < .35:
                ph = ('20', '1' + rng.choice('0125') + '%08d' % rng.randint(0, 10 ** 8 - 1))
            elif nat == 'SSD' and r < .15:
                ph = ('211', '9' + rng.choice('125') + '%07d' % rng.randint(0, 10 ** 7 - 1))
            else:
                pre = pick_w(rng, [('91', 25), ('90', 12), ('96', 8), ('99', 10), ('92', 10),
                                   ('12', 20), ('11', 15)])
                ph = ('249', pre + '%07d' % rng.randint(0, 10 ** 7 - 1))
            if ph not in self.used_phone:
                self.used_phone[ph] = 1
                return ph

    DOC_FMT = {'ERI': [('P0', 6), ('', 9), ('unhcr', 0)], 'ETH': [('EP', 7), ('EQ', 7), ('unhcr', 0)],
               'SDN': [('P0', 7), ('', 11)], 'SSD': [('R', 8), ('S', 8), ('unhcr', 0)],
               'SOM': [('P0', 7), ('unhcr', 0)], 'TCD': [('N', 8)], 'NGA': [('A', 8)],
               'EGY': [('A', 8)], 'YEM': [('', 8)], 'SYR': [('N', 9)]}
    DOC_P = {'ERI': .30, 'ETH': .40, 'SDN': .70, 'SSD': .30, 'SOM': .20, 'TCD': .40,
             'NGA': .60, 'EGY': .90, 'YEM': .60, 'SYR': .80}

    def new_doc(self, nat):
        rng = self.rng
        while True:
            pre, n = rng.choice(self.DOC_FMT[nat])
            if pre == 'unhcr':
                doc = '%03d-%02dC%05d' % (rng.randint(100, 999), rng.randint(15, 23),
                                          rng.randint(0, 99999))
            else:
                doc = pre + ''.join(rng.choice('0123456789') for _ in range(n))
                if not pre and doc[0] == '0':
                    continue
            if doc not in self.used_doc:
                self.used_doc[doc] = 1
                return doc

    # ---- names
    def given(self, scheme, sex):
        sc = SCHEMES[scheme]
        if sex == 'F':
            return sc['f'].pick(self.rng)
        if sc['m2'] and self.rng.random() < sc['pm2']:
            return sc['m2'].pick(self.rng)
        return sc['m'].pick(self.rng)

    def fam(self, scheme):
        return SCHEMES[scheme]['fam'].pick(self.rng)

    def line(self, scheme, n, given=None):
        """n father-line names (father, grandfather, ...) for someone named `given`"""
        sc = SCHEMES[scheme]
        if sc['style'] == 'surname':
            return [self.fam(scheme), sc['sur'].pick(self.rng), None][:n]
        out = []
        while len(out) < n:
            k = self.fam(scheme)
            if k == (out[-1] if out else given):
                continue
            out.append(k)
        return out

    # ---- households
    def household(self, hh, namesake=None):
        rng = self.rng
        a = self.args
        r = rng.random()
        cat = 'B' if r < a.b_share * (1 - a.overlap) else ('AB' if r < a.b_share else 'A')
        if namesake:
            nat, sex, tmpl = namesake
            scheme = NAMESAKE_SCHEME[nat]
            centre = pick_w(rng, A_CENTRES if 'A' in cat else B_CENTRES)
        else:
            centre = pick_w(rng, A_CENTRES if 'A' in cat else B_CENTRES)
            mult = NAT_CENTRE.get(centre, {})
            nat = pick_w(rng, [(k, w * mult.get(k, 1)) for k, w in NAT_BASE.items()])
            scheme = pick_w(rng, NAT_SCHEMES[nat])
        sc = SCHEMES[scheme]
        loc = sc['loc'] if sc['loc'] and rng.random() < sc['ploc'] else None
        period = A_PERIOD if 'A' in cat else B_PERIOD
        reg = rand_date(rng, *period)
        arr = reg - dt.timedelta(days=(rng.randint(0, 30) if rng.random() < .7
                                       else rng.randint(31, 900)))
        members = []   # (sex, parts, age_years, twin_of)

        def adult_age():
            return rng.randint(18, 45) if rng.random() < .85 else rng.randint(46, 66)

        if namesake:
            parts = ([tmpl[0]] + [t if t else None for t in tmpl[1:]] + [None] * 4)[:4]
            for i in range(1, 4):
                while parts[i] is None or parts[i] == parts[i - 1]:
                    parts[i] = self.fam(scheme)
            if sc['style'] == 'surname':
                parts[3] = None
            members.append((sex, parts, None, None))
        elif rng.random() < .82:
            sex = 'M' if rng.random() < .6 else 'F'
            g = self.given(scheme, sex)
            members.append((sex, [g] + self.line(scheme, 3, g), adult_age(), None))
        else:
            size = pick_w(rng, [(2, .4), (3, .3), (4, .2), (5, .1)])
            fline = self.line(scheme, 4)
            used = set()   # no two members with one given name
            if rng.random() < .55:     # siblings travelling together
                base = rng.randint(8, 32)
                for k in range(size):
                    sex = 'M' if rng.random() < .55 else 'F'
                    g = self.given(scheme, sex)
                    while g in used or g == fline[0]:
                        g = self.given(scheme, sex)
                    used.add(g)
                    twin = k - 1 if k and rng.random() < .08 else None
                    age = base if twin is not None else max(1, base + rng.randint(-6, 6))
                    members.append((sex, self._child_parts(scheme, g, fline), age, twin))
            else:                      # father (+ mother) with children
                fage = rng.randint(30, 58)
                if sc['style'] == 'surname':
                    fparts = [fline[0], self.fam(scheme), fline[1], None]
                else:
                    fparts = list(fline)
                members.append(('M', fparts, fage, None))
                used.add(fline[0])
                if rng.random() < .5 and size > 2:
                    g = self.given(scheme, 'F')
                    used.add(g)
                    members.append(('F', [g] + self.line(scheme, 3, g),
                                    max(18, fage - rng.randint(0, 10)), None))
                while len(members) < size:
                    sex = 'M' if rng.random() < .5 else 'F'
                    g = self.given(scheme, sex)
                    if g in used:
                        continue
                    used.add(g)
                    cparts = self._child_parts(scheme, g, fparts[:3] if sc['style'] != 'surname'
                                               else [fparts[0], fparts[2], None])
                    members.append((sex, cparts, rng.randint(1, min(17, fage - 18)), None))
        people = []
        for k, (sex, parts, age, twin) in enumerate(members):
            p = Person()
            p.sex, p.nat, p.scheme, p.parts, p.loc = sex, nat, scheme, parts, loc
            p.cat, p.hh, p.member = cat, hh, k
            if twin is not None:
                p.birth = people[twin].birth
            elif age is None:
                p.birth = None      # namesake: set by caller
            else:
                p.birth = reg - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 364))
            people.append(p)
        # identifiers shared / not shared in the family
        fam_phone = self.new_phone(nat) if rng.random() < .85 else None
        for p in people:
            if p.birth is None:
                p.birth = D(2000, 1, 1)  # placeholder, replaced by caller
            age = age_at(p.birth, reg)
            child = age < 18
            p.known = pick_w(rng, [('full', .75), ('year', .15), ('age', .10)] if child else
                             [('full', .55), ('year', .28), ('age', .17)])
            if child and age < 16:
                if fam_phone and len(people) > 1 and rng.random() < .6:
                    p.phones = [fam_phone]
            elif rng.random() < .8:
                if len(people) > 1 and fam_phone and rng.random() < .45:
                    p.phones = [fam_phone]
                else:
                    p.phones = [self.new_phone(nat)]
                if rng.random() < .2:
                    p.phones.append(self.new_phone(nat))
            if rng.random() < self.DOC_P[nat] * (.5 if child else 1):
                p.doc = self.new_doc(nat)
            self._set_regs(p, cat, centre, reg, arr)
        return people

    def _child_parts(self, scheme, g, fline):
        if SCHEMES[scheme]['style'] == 'surname':
            return [g, self.given(scheme, 'M'), fline[1], None]
        return [g] + list(fline[:3])

    def _set_regs(self, p, cat, centre, reg, arr):
        rng = self.rng
        arr = max(arr, p.birth)
        if 'A' in cat:
            p.regA, p.arrA, p.centreA = reg, arr, centre
            if cat == 'AB':
                p.centreB = centre if centre in ('Kassala', 'Gedaref') and rng.random() < .7 \
                    else pick_w(rng, B_CENTRES)
        else:
            p.regB, p.arrB, p.centreB = reg, arr, centre

    def people(self, N):
        rng = self.rng
        n_ns = int(round(N * 0.04))
        out, hh = [], 0
        tw = sum(t[3] for t in NAMESAKES)
        # namesake clusters
        for nat, sex, tmpl, w in NAMESAKES:
            k = max(2, int(round(n_ns * w / tw)))
            years = []
            for _ in range(k):
                hh += 1
                p = self.household(hh, (nat, sex, tmpl))[0]
                if years and rng.random() < .25:
                    y = rng.choice(years)
                else:
                    y = rng.randint(1965, 2004)
                years.append(y)
                p.birth = D(y, rng.randint(1, 12), rng.randint(1, 28))
                first = p.regA or p.regB
                if age_at(p.birth, first) < 17:
                    p.birth = D(first.year - 20, p.birth.month, p.birth.day)
                p.known = pick_w(rng, [('full', .55), ('year', .28), ('age', .17)])
                if p.arrA:
                    p.arrA = max(p.arrA, p.birth)
                out.append(p)
        while len(out) < N:
            hh += 1
            out.extend(self.household(hh))
        out = out[:N]
        rng.shuffle(out)
        for i, p in enumerate(out, 1):
            p.pid = 'P%05d' % i
        # register-B data for people in both registers
        for p in out:
            if p.cat == 'AB':
                p.regB = rand_date(rng, *B_PERIOD)
                p.arrB = p.arrA if rng.random() < .5 else \
                    p.regB - dt.timedelta(days=rng.randint(0, 40))
        # members of one household keep one B date when both are in B
        first_b = {}
        for p in sorted(out, key=lambda q: (q.hh, q.member)):
            if p.cat == 'AB':
                if p.hh in first_b:
                    p.regB, p.arrB = first_b[p.hh]
                else:
                    first_b[p.hh] = (p.regB, p.arrB)
        return out

    # ------------------------------------------------------------ views
    def pick_clerk(self, file, centre):
        return self.rng.choice(CLERKS_AT[(file, centre)])

    def avail(self, p, idxs, script):
        return script == 'lat' or all(p.forms(i, script) for i in idxs)

    @staticmethod
    def shown(p, n):
        if p.style == 'surname':
            return [0, 2] if n <= 2 else [0, 1, 2]
        if n >= 4 and not p.parts[3]:
            n = 3
        return list(range(n))

    def make_view(self, p, clerk, reg):
        rng = self.rng
        f = clerk.file
        v = {}
        v['nparts'] = pick_w(rng, NPARTS[p.ntype])
        v['var'] = []
        for i in range(4):
            if p.parts[i] is None:
                v['var'].append(None)
                continue
            v['var'].append({s: pick_idx(rng, len(p.forms(i, s))) for s in ('lat', 'ar', 'geez')})
        prefs = dict(SCRIPT_PREFS[f][p.ntype])
        if not clerk.geez and 'geez' in prefs:
            prefs['lat' if f == 'A' else 'ar'] += prefs.pop('geez')
        v['script'] = pick_w(rng, list(prefs.items()))
        if clerk.case == 'upper':
            v['case'] = pick_w(rng, [('upper', .85), ('title', .12), ('stray', .03)])
        else:
            v['case'] = pick_w(rng, [('title', .93), ('upper', .03), ('lower', .01),
                                     ('stray', .03)])
        v['sloppy'] = pick_w(rng, [('double', 1), ('trail', 1.5), ('lead', .5)]) \
            if rng.random() < .04 else None
        r = rng.random()
        v['mixed'] = 'tokens' if r < .006 else ('slash' if r < .018 else
                                                ('paren' if r < .028 else None))
        v['lat_fill'] = rng.random() < clerk.lat_fill
        v['lat_copy'] = rng.random() < (.3 if f == 'A' else .15)
        # birth date / age
        if p.known == 'full':
            mode = pick_w(rng, [('full', .86), ('age', .07), ('year', .04), ('none', .03)])
        elif p.known == 'year':
            mode = clerk.unk if rng.random() < .8 else rng.choice(['year', 'jan1', 'age'])
            if rng.random() < .03:
                mode = 'none'
        else:
            mode = pick_w(rng, [('age', .62), ('none', .1),
                                ('jan1_est' if clerk.unk == 'jan1' else 'year_est', .28)])
        v['dob_mode'] = mode
        v['dob_shift'] = None
        v['with_age'] = rng.random() < clerk.age_also
        v['est_age_too'] = rng.random() < .5
        v['age_exact'] = p.known == 'full' and rng.random() < .6
        v['age_noise'] = pick_w(rng, [(-1, .15), (0, .7), (1, .15)])
        if clerk.date == 'mdy' or rng.random() > .06:
            v['date_fmt'] = clerk.date
        else:
            v['date_fmt'] = rng.choice(DATE_FMTS_D)
        v['phone'] = 0 if p.phones and rng.random() < (.78 if f == 'A' else .82) else None
        v['two_phones'] = rng.random() < .01
        v['phone_style'] = pick_w(rng, PHONE_STYLE[f])
        v['doc'] = bool(p.doc) and rng.random() < .85
        v['doc_style'] = pick_w(rng, DOC_STYLE)
        v['sex'] = rng.random() > (.04 if f == 'A' else .07)
        v['sex_fmt'] = clerk.sex if rng.random() > .08 else rng.choice(list(SEX_FMT))
        v['nat_style'] = pick_w(rng, NAT_STYLE[f])
        v['nat_case'] = pick_w(rng, [('as', .83), ('upper', .12), ('lower', .05)])
        arr = p.arrA if f == 'A' else p.arrB
        v['arrival'] = arr if rng.random() < (.85 if f == 'A' else .75) else None
        v['digits'] = pick_w(rng, [('arab', clerk.digits[0]), ('east', clerk.digits[1]),
                                   ('latin', 1 - clerk.digits[0] - clerk.digits[1])])
        v['notes'] = rng.random() < clerk.notes
        v['revisit'] = False
        return v

    def derive_view(self, base, p, clerk, reg, cross):
        """A later record of the same person: own spelling inherited, 1-3 perturbations."""
        rng = self.rng
        v = self.make_view(p, clerk, reg)
        v['var'] = [dict(x) if x else None for x in base['var']]
        v['nparts'] = base['nparts']
        if not cross and rng.random() < .7:
            v['script'] = base['script']
        if rng.random() < .6 and not (base['dob_mode'] == 'full' and p.known != 'full'):
            v['dob_mode'] = base['dob_mode']
        if base['phone'] is not None and rng.random() < .8:
            v['phone'] = base['phone']
        k = pick_w(rng, [(1, .45), (2, .38), (3, .17)])
        ops = [('translit', .30), ('parts', .18), ('case', .12), ('script', .10), ('dob', .25),
               ('phone', .15), ('sex', .10), ('nolat', .08)]
        chosen = []
        while len(chosen) < k:
            op = pick_w(rng, ops)
            if op not in chosen:
                chosen.append(op)
        for op in chosen:
            self.perturb(v, p, op)
        if not cross and rng.random() < .2:
            v['revisit'] = True
            v['notes'] = True
        return v

    def perturb(self, v, p, op):
        rng = self.rng
        idxs = self.shown(p, v['nparts'])
        if op == 'translit':
            for i in rng.sample(idxs, min(len(idxs), rng.choice([1, 1, 2]))):
                self._respell(v, p, i)
        elif op == 'parts':
            n = v['nparts']
            if p.style == 'surname':
                v['nparts'] = 3 if n <= 2 else 2
            elif n <= 2:
                v['nparts'] = 3
            elif n >= 4 or not p.parts[3]:
                v['nparts'] = 2 if n == 3 and rng.random() < .5 else 3
                if n == 3 and v['nparts'] == 3:
                    v['nparts'] = 2
            else:
                v['nparts'] = rng.choice([2, 4])
            self._respell(v, p, rng.choice(self.shown(p, min(v['nparts'], n))))
        elif op == 'case':
            v['case'] = pick_w(rng, [('upper', .6), ('stray', .3), ('lower', .1)])
        elif op == 'script':
            alts = [s for s in ('lat', 'ar', 'geez') if s != v['script'] and self.avail(p, idxs, s)]
            if alts:
                v['script'] = 'lat' if 'lat' in alts and rng.random() < .5 else rng.choice(alts)
        elif op == 'dob':
            b = p.birth
            opts = ['plus1', 'minus1', 'year', 'age']
            if b.day <= 12 and b.day != b.month:
                opts += ['swap', 'swap']
            o = rng.choice(opts)
            if o == 'age':
                v['dob_mode'] = 'age'
            elif p.known != 'full':
                v['dob_mode'] = 'age' if v['dob_mode'] != 'age' else 'none'
            elif o == 'year':
                v['dob_mode'] = 'year'
            else:
                v['dob_mode'] = 'full'
                v['dob_shift'] = o
        elif op == 'phone':
            if rng.random() < .75 or not p.phones:
                if len(p.phones) < 2:
                    p.phones.append(self.new_phone(p.nat))
                v['phone'] = len(p.phones) - 1
            else:
                v['phone'] = None
        elif op == 'sex':
            v['sex'] = False
        elif op == 'nolat':
            v['lat_fill'] = False

    def _respell(self, v, p, i):
        rng = self.rng
        if v['var'][i] is None:
            return
        for s in ('lat', 'ar', 'geez'):
            n = len(p.forms(i, s))
            if n > 1:
                old = v['var'][i][s]
                new = old
                while new == old:
                    new = pick_idx(rng, n) if rng.random() < .7 else rng.randrange(n)
                v['var'][i][s] = new

    # ------------------------------------------------------------ render
    def case(self, s, how):
        if how == 'upper':
            return s.upper()
        if how == 'lower':
            return s.lower()
        if how == 'stray':
            rng = self.rng
            toks = s.split(' ')
            cand = [j for j, t in enumerate(toks) if len(t) >= 3 and t.isalpha()]
            if not cand:
                return s
            j = rng.choice(cand)
            t = toks[j]
            o = rng.random()
            if o < .4:
                t = t[0].lower() + t[1:]
            elif o < .8:
                q = rng.randrange(1, len(t))
                t = t[:q] + t[q].upper() + t[q + 1:]
            else:
                t = t.upper()
            toks[j] = t
            return ' '.join(toks)
        return s

    def render(self, p, v, clerk, reg):
        rng = self.rng
        idxs = self.shown(p, v['nparts'])
        script = v['script']
        if not self.avail(p, idxs, script):
            script = 'ar' if script == 'geez' and clerk.file == 'B' and \
                self.avail(p, idxs, 'ar') else 'lat'
        lat_parts = [p.forms(i, 'lat')[v['var'][i]['lat'] % len(p.forms(i, 'lat'))] for i in idxs]
        lat = self.case(' '.join(lat_parts), v['case'])
        if script == 'lat':
            orig = lat
        else:
            oparts = [p.forms(i, script)[v['var'][i][script] % len(p.forms(i, script))]
                      for i in idxs]
            orig = ' '.join(oparts)
            if v['mixed'] == 'slash':
                orig = orig + ' / ' + lat
            elif v['mixed'] == 'paren':
                orig = lat + ' (' + orig + ')'
            elif v['mixed'] == 'tokens' and script == 'ar' and len(idxs) > 1:
                orig = oparts[0] + ' ' + self.case(' '.join(lat_parts[1:]), v['case'])
        if v['sloppy'] == 'double' and ' ' in orig:
            orig = orig.replace(' ', '  ', 1)
        elif v['sloppy'] == 'trail':
            orig = orig + ' '
        elif v['sloppy'] == 'lead':
            orig = ' ' + orig
        if script == 'lat':
            name_lat = (lat if v['lat_copy'] else '') if v['lat_fill'] else ''
        else:
            name_lat = lat if v['lat_fill'] else ''
        dg = v['digits']

        def num(s):
            return digits(s, dg) if dg != 'latin' and rng.random() < .9 else s

        # birth date and age
        b, mode = p.birth, v['dob_mode']
        if v['age_exact']:
            est = age_at(b, reg)
        else:
            est = reg.year - b.year + v['age_noise']
        est = max(1, est)
        dob = age = ''
        if mode == 'full':
            y, m, d = b.year, b.month, b.day
            sh = v['dob_shift']
            if sh == 'swap':
                m, d = d, m
            elif sh in ('plus1', 'minus1'):
                bb = b + dt.timedelta(days=1 if sh == 'plus1' else -1)
                y, m, d = bb.year, bb.month, bb.day
            dob = fmt_date(y, m, d, v['date_fmt'])
            if v['with_age']:
                age = str(age_at(b, reg))
        elif mode == 'year':
            dob = str(b.year)
            if v['with_age']:
                age = str(reg.year - b.year)
        elif mode == 'jan1':
            dob = fmt_date(b.year, 1, 1, v['date_fmt'])
            if v['with_age']:
                age = str(reg.year - b.year)
        elif mode == 'age':
            age = str(est)
        elif mode in ('year_est', 'jan1_est'):
            y = reg.year - est
            dob = str(y) if mode == 'year_est' else fmt_date(y, 1, 1, v['date_fmt'])
            if v['est_age_too']:
                age = str(est)
        dob, age = num(dob), num(age)
        # sex
        sex = ''
        if v['sex']:
            m_, f_ = SEX_FMT[v['sex_fmt']]
            sex = m_ if p.sex == 'M' else f_
            if sex == 'أنثى' and rng.random() < .3:
                sex = 'انثى'
        nat = self.nat_text(p, v)
        phone = ''
        if v['phone'] is not None and p.phones:
            phone = num(self.phone_text(p.phones[min(v['phone'], len(p.phones) - 1)],
                                        v['phone_style']))
            if v['two_phones'] and len(p.phones) > 1:
                other = p.phones[1 if v['phone'] == 0 else 0]
                phone += ' / ' + num(self.phone_text(other, v['phone_style']))
        doc = self.doc_text(p.doc, v['doc_style']) if v['doc'] else ''
        arrival = ''
        if v['arrival']:
            a = v['arrival']
            arrival = num(fmt_date(a.year, a.month, a.day, v['date_fmt']))
        notes = self.notes_text(p, v, clerk, reg) if v['notes'] else ''
        return {'name_original': orig, 'name_latin': name_lat, 'sex': sex, 'birth_date': dob,
                'age_estimate': age, 'nationality': nat, 'phone': phone,
                'document_number': doc, 'arrival_date': arrival, 'notes': notes,
                'centre': clerk.centre_txt, 'registered_by': clerk.name}

    def nat_text(self, p, v):
        info = NAT_INFO[p.nat]
        st = v['nat_style']
        if st == 'miss':
            return ''
        if st == 'iso3':
            s = p.nat
        elif st == 'iso2':
            s = info[0]
        elif st == 'en':
            s = info[1]
        elif st == 'adj':
            s = info[2]
        elif st == 'typo':
            s = self.rng.choice(info[6])
        elif st == 'ar':
            return self.rng.choice(info[3])
        else:
            return self.rng.choice(info[5] if p.sex == 'F' and self.rng.random() < .7
                                   else info[4])
        if v['nat_case'] == 'upper':
            s = s.upper()
        elif v['nat_case'] == 'lower':
            s = s.lower()
        return s

    @staticmethod
    def phone_text(ph, style):
        cc, nsn = ph
        if style == 'local0':
            return '0' + nsn
        if style == 'nolead':
            return nsn
        if style == 'plus':
            return '+' + cc + nsn
        if style == 'plus_sp':
            return '+%s %s %s %s' % (cc, nsn[:2], nsn[2:5], nsn[5:])
        if style == '00':
            return '00' + cc + nsn
        if style == 'cc':
            return cc + nsn
        if style == 'local_sp':
            return '0%s %s %s' % (nsn[:3], nsn[3:6], nsn[6:])
        if style == 'local_dash':
            return '0%s-%s-%s' % (nsn[:2], nsn[2:5], nsn[5:])
        raise ValueError(style)

    def doc_text(self, doc, style):
        if '-' in doc:     # refugee-card style number 123-21C01234
            if style in ('space', 'space1'):
                return doc.replace('-', ' ')
            if style == 'dash':
                return doc.replace('-', '')
            return doc.lower() if style == 'lower' else doc
        i = 0
        while i < len(doc) and doc[i].isalpha():
            i += 1
        L, R = doc[:i], doc[i:]
        if style == 'space':
            grp = ' '.join(R[j:j + 3] for j in range(0, len(R), 3))
            return (L + ' ' + grp) if L else grp
        if style == 'space1':
            return (L + ' ' + R) if L else ' '.join(R[j:j + 4] for j in range(0, len(R), 4))
        if style == 'dash':
            return (L + '-' + R) if L else R[:4] + '-' + R[4:]
        if style == 'lower':
            return doc.lower()
        return doc

    def notes_text(self, p, v, clerk, reg):
        rng = self.rng
        ar = rng.random() < (.2 if clerk.file == 'A' else .7)
        if v['revisit']:
            t = rng.choice(REVISIT_AR if ar else REVISIT_EN)
            if rng.random() < .3:
                t += ('، ' if ar else ', ') + rng.choice(NOTES_AR if ar else NOTES_EN)
        else:
            pool = list(NOTES_AR if ar else NOTES_EN)
            age = age_at(p.birth, reg)
            if p.sex == 'F' and 18 <= age <= 45:
                pool += (NOTES_AR_F if ar else NOTES_EN_F) * 2
            if age < 18:
                pool = (NOTES_AR_MINOR if ar else NOTES_EN_MINOR) * 3 + pool
            t = rng.choice(pool)
        return t.format(n=rng.randint(1, 6), m=rng.randint(2, 8), place=rng.choice(PLACES),
                        city=rng.choice(CITIES))

    # ------------------------------------------------------------ bad rows
    def corrupt(self, rec, v, clerk):
        rng = self.rng
        kind = pick_w(rng, [('name', 25), ('date', 30), ('nat', 20), ('age', 15), ('phone', 10)])
        if kind == 'name':
            rec['name_original'] = rng.choice(['', '', ' '])
            rec['name_latin'] = ''
            return 'empty name'
        if kind == 'date':
            fmt = v['date_fmt']
            dob_bad = rng.random() < .75
            y = rng.randint(1960, 2005) if dob_bad else rng.randint(2019, 2024)
            o = rng.choice(['feb31', 'feb30', 'apr31', 'm13', 'future'])
            if o == 'm13' and fmt in ('dmon', 'iso'):
                o = 'feb31'
            ymd = {'feb31': (y, 2, 31), 'feb30': (y, 2, 30), 'apr31': (y, 4, 31),
                   'm13': (y, 13, rng.randint(13, 28)),
                   'future': (rng.choice([2089, 2091, 2099]), 1, 1)}[o]
            val = fmt_date(ymd[0], ymd[1], ymd[2], fmt)
            if fmt == 'mdy' and o == 'm13':
                val = '%d/%d/%d' % (13, ymd[2], ymd[0])   # month 13 and day 13..28: invalid both ways
            if not dob_bad:
                rec['arrival_date'] = val
                return 'impossible arrival date %s' % val
            rec['birth_date'] = val
            return 'impossible date of birth %s' % val
        if kind == 'nat':
            rec['nationality'] = rng.choice(BAD_NAT)
            return 'unknown nationality %r' % rec['nationality']
        if kind == 'age':
            rec['age_estimate'] = rng.choice(BAD_AGE)
            rec['birth_date'] = ''
            return 'impossible age %s' % rec['age_estimate']
        rec['phone'] = rng.choice(BAD_PHONE)
        return 'phone is not a number %r' % rec['phone']

    # ------------------------------------------------------------ files
    def build(self, people):
        rng = self.rng
        rows = {'A': [], 'B': []}
        hh_clerk = {}
        key_fields = ('name_original', 'name_latin', 'birth_date', 'age_estimate', 'phone',
                      'document_number', 'sex', 'nationality')

        def add(file, p, v, clerk, reg, tb, dup=0, bad=''):
            rec = self.render(p, v, clerk, reg)
            if bad:
                why = self.corrupt(rec, v, clerk)
                rows[file].append({'p': p, 'rec': rec, 'bad': why,
                                   'sort': (reg, rng.random(), 0, 0)})
                return rec
            rows[file].append({'p': p, 'rec': rec, 'bad': '', 'sort': (reg, tb, p.member, dup)})
            return rec

        def differs(r1, r2):
            return any(r1[f] != r2[f] for f in key_fields)

        def later(reg, period, arr):
            r2 = reg + dt.timedelta(days=rng.randint(3, 420))
            if r2 > period[1]:
                r2 = reg - dt.timedelta(days=rng.randint(3, 200))
                r2 = max(r2, period[0], arr or period[0])
            return r2

        def dups(file, p, v0, rec0, reg0, centre0, rate, period):
            n = 0
            if rng.random() < rate:
                n = 1 + (rng.random() < .12)
            for k in range(n):
                reg2 = later(reg0, period, p.arrA if file == 'A' else p.arrB)
                centres = A_CENTRES if file == 'A' else B_CENTRES
                c2 = centre0 if rng.random() < .55 else pick_w(rng, centres)
                clerk2 = self.pick_clerk(file, c2)
                rec = None
                for attempt in range(6):
                    v2 = self.derive_view(v0, p, clerk2, reg2, cross=False)
                    if rng.random() < .2:
                        v2['arrival'] = None if rng.random() < .5 else \
                            reg2 - dt.timedelta(days=rng.randint(0, 20))
                    rec = self.render(p, v2, clerk2, reg2)
                    if differs(rec, rec0):
                        break
                rows[file].append({'p': p, 'rec': rec, 'bad': '',
                                   'sort': (reg2, rng.random(), 0, k + 1)})

        for p in people:
            if 'A' in p.cat:
                ck = hh_clerk.setdefault(('A', p.hh), (self.pick_clerk('A', p.centreA),
                                                       rng.random()))
                v = self.make_view(p, ck[0], p.regA)
                rec = add('A', p, v, ck[0], p.regA, ck[1])
                p.viewA, p.recA = v, rec
                dups('A', p, v, rec, p.regA, p.centreA, .042, A_PERIOD)
        for p in people:
            if 'B' in p.cat:
                ck = hh_clerk.setdefault(('B', p.hh), (self.pick_clerk('B', p.centreB),
                                                       rng.random()))
                clerk = ck[0]
                if p.cat == 'AB':
                    rec = None
                    for attempt in range(6):
                        v = self.derive_view(p.viewA, p, clerk, p.regB, cross=True)
                        v['arrival'] = p.arrB if rng.random() < .75 else None
                        rec = self.render(p, v, clerk, p.regB)
                        if differs(rec, p.recA):
                            break
                    rows['B'].append({'p': p, 'rec': rec, 'bad': '',
                                      'sort': (p.regB, ck[1], p.member, 0)})
                else:
                    v = self.make_view(p, clerk, p.regB)
                    rec = add('B', p, v, clerk, p.regB, ck[1])
                dups('B', p, v, rec, p.regB, p.centreB, .036, B_PERIOD)
        # plainly bad rows
        N = len(people)
        for file, n_bad, period in (('A', max(5, round(N * .0035)), A_PERIOD),
                                    ('B', max(5, round(N * .0018)), B_PERIOD)):
            pool = [p for p in people if file in p.cat]
            for _ in range(n_bad):
                p = rng.choice(pool)
                reg = rand_date(rng, *period)
                centre = p.centreA if file == 'A' else p.centreB
                clerk = self.pick_clerk(file, centre)
                v = self.make_view(p, clerk, reg)
                add(file, p, v, clerk, reg, 0, bad='x')
        for f in rows:
            rows[f].sort(key=lambda r: r['sort'])
        return rows


# ------------------------------------------------------------------- output
def open_out(path, enc):
    if enc == 'utf-16':
        fh = open(path, 'w', encoding='utf-16-le', newline='')
        fh.write('\ufeff')
        return fh
    return open(path, 'w', encoding=enc, newline='')


def write_files(args, rows):
    delim = {'comma': ',', 'semicolon': ';', 'tab': '\t'}[args.delimiter]
    os.makedirs(args.out_dir, exist_ok=True)
    written = {}
    truth = []
    for f, fname, head, cols in (('A', 'register-a.csv', HEAD_A, COLS_A),
                                 ('B', 'register-b.csv', HEAD_B, COLS_B)):
        data = [[r['rec'][c] for c in cols] for r in rows[f]]
        with open_out(os.path.join(args.out_dir, fname), args.encoding) as fh:
            w = csv.writer(fh, delimiter=delim, quotechar='"', quoting=csv.QUOTE_MINIMAL,
                           lineterminator='\r\n')
            w.writerow(head)
            w.writerows(data)
        written[fname] = (head, data)
        for i, r in enumerate(rows[f]):
            truth.append((fname, i + 2, r['p'].pid, 1 if r['bad'] else 0, r['bad']))
    with open(os.path.join(args.out_dir, 'truth.csv'), 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['file', 'row', 'person', 'bad', 'why'])
        w.writerows(truth)
    mapping = {'columns': {h: c for h, c in zip(HEAD_B, COLS_B) if c != 'registered_by'}}
    with open(os.path.join(args.out_dir, 'mapping-b.json'), 'w', encoding='utf-8') as fh:
        json.dump(mapping, fh, ensure_ascii=False, indent=2)
        fh.write('\n')
    return delim, written, truth


def check(args, delim, written, truth):
    enc = {'utf-8': 'utf-8', 'utf-8-sig': 'utf-8-sig', 'utf-16': 'utf-16'}[args.encoding]
    for fname, (head, data) in written.items():
        with open(os.path.join(args.out_dir, fname), encoding=enc, newline='') as fh:
            got = list(csv.reader(fh, delimiter=delim))
        assert got[0] == head, (fname, got[0])
        assert got[1:] == data, fname + ': records differ after re-reading'
        rows = [t for t in truth if t[0] == fname]
        assert [t[1] for t in rows] == list(range(2, len(data) + 2)), fname
    with open(os.path.join(args.out_dir, 'truth.csv'), encoding='utf-8', newline='') as fh:
        t2 = list(csv.reader(fh))
    assert len(t2) == len(truth) + 1
    print('check: files re-read with csv module, records and truth rows line up',
          file=sys.stderr)


def summary(people, rows, secs):
    def counts(f, good_only=True):
        c = {}
        for r in rows[f]:
            if good_only and r['bad']:
                continue
            c[r['p'].pid] = c.get(r['p'].pid, 0) + 1
        return c

    out = []
    ca, cb = counts('A'), counts('B')
    for f, fname, c in (('A', 'register-a.csv', ca), ('B', 'register-b.csv', cb)):
        nbad = sum(1 for r in rows[f] if r['bad'])
        pairs = sum(k * (k - 1) // 2 for k in c.values())
        extra = sum(k - 1 for k in c.values())
        out.append('%s: %d rows (%d good, %d bad), %d people, %d within-file duplicate pairs '
                   '(%d repeated records)' % (fname, len(rows[f]), len(rows[f]) - nbad, nbad,
                                              len(c), pairs, extra))
    both = [pid for pid in cb if pid in ca]
    cross = sum(ca[pid] * cb[pid] for pid in both)
    out.append('cross-file: %d people in both (%.0f%% of B\'s people), %d cross-file pairs '
               '(good rows)' % (len(both), 100.0 * len(both) / max(1, len(cb)), cross))
    names = {}
    for p in people:
        names.setdefault(tuple(p.parts[:3]), []).append(p)
    shared = [v for v in names.values() if len(v) > 1]
    top = max(names.items(), key=lambda kv: len(kv[1]))
    out.append('namesakes: %d people share their 3-part name with another person '
               '(largest: %d x %s)' % (sum(len(v) for v in shared), len(top[1]),
                                       ' '.join(x for x in top[0] if x)))
    out.append('people: %d distinct; generated in %.2fs' % (len(people), secs))
    print('\n'.join(out), file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description='Generate synthetic migrant-centre registers '
                                 '(no real personal data) for import / duplicate tests.')
    ap.add_argument('--people', type=int, default=12000, help='distinct people (default 12000)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out-dir', default='synthetic-registers')
    ap.add_argument('--delimiter', choices=['comma', 'semicolon', 'tab'], default=None,
                    help='default: comma, or tab with --encoding utf-16')
    ap.add_argument('--encoding', choices=['utf-8', 'utf-8-sig', 'utf-16'], default='utf-8')
    ap.add_argument('--overlap', type=float, default=0.25,
                    help="share of register B's people who are also in A (default 0.25)")
    ap.add_argument('--b-share', type=float, default=0.40,
                    help='share of all people who are in register B (default 0.40)')
    ap.add_argument('--check', action='store_true',
                    help='re-read the written files and verify them')
    args = ap.parse_args(argv)
    if args.delimiter is None:
        args.delimiter = 'tab' if args.encoding == 'utf-16' else 'comma'
    if args.people < 20:
        ap.error('--people must be at least 20')
    if not (0 <= args.overlap <= 1 and 0 < args.b_share < 1):
        ap.error('--overlap must be in [0,1] and --b-share in (0,1)')
    t0 = time.time()
    g = Gen(args)
    people = g.people(args.people)
    rows = g.build(people)
    delim, written, truth = write_files(args, rows)
    secs = time.time() - t0
    if args.check:
        check(args, delim, written, truth)
    summary(people, rows, secs)
    print('written to %s (%s, %s)' % (args.out_dir, args.encoding, args.delimiter),
          file=sys.stderr)


if __name__ == '__main__':
    main()
