#!/usr/bin/env python3
"""make-register-4.py - synthetic migrant registers for testing Sanad's import and
duplicate detection.

ALL DATA IS INVENTED.  Every name is drawn from lists written into this file and
combined at random; phone and document numbers are random digits; no real person
is described.  This generator was written independently: its author did not read
Sanad's source code, its tests, or the other register generators in scripts/.
Only the public domain notes (shared/reference/domain.md) were read, for context.
Python 3 standard library only; the output depends only on --people and --seed.

Population
  Households are drawn first: single people (a few unaccompanied minors), couples,
  couples or mothers or fathers with children, groups of siblings, and twins.
  Groups and name structures:
    Eritrean Tigrinya and Tigrayan/Amhara/Oromo Ethiopians: given + father's
      (+ grandfather's, rarely great-grandfather's) name, no family name; Ge'ez
      spellings are written into the lists; compounds (Gebre+mariam, Wolde+michael).
    Eritrean Tigre/Saho Muslims, Sudanese, Chadians, Hausa Nigerians, Somalis:
      given + chain of patronymics (Sudanese up to great-grandfather).
    South Sudanese Dinka/Nuer: optional Christian first name + given + father's.
    Egyptians, Yemenis, Syrians: given + father's (+ grandfather's) + family name;
      southern Nigerians: given (+ middle) + surname.
  Children carry their father's given name as their second name and his father's
  as their third, so siblings share the tail of their names; spouses share a
  phone; twins share a birth date.  Names are drawn with Zipf-like weights, so
  common full names recur among unrelated people, and on top of that clusters of
  unrelated namesakes with close ages are planted (precision has to be tested).
  Each person knows a full birth date, only a year, or only an approximate age.

Registers
  register-a.csv  Kassala centre 2016-2020, English headers, five clerks.
  register-b.csv  Gedaref centre 2021-2023, Arabic headers, four clerks; about a
                  quarter of its people were already in A (registered years later:
                  often an age instead of a date, a new phone, sex or nationality
                  left out, another transliteration).
  Each clerk has fixed habits: script of the original-name column (Arabic, Ge'ez
  or Latin, with fallbacks), whether a Latin name is written, spelling choices per
  name (stable per clerk), capitals, compound style (joined, split, hyphen,
  camel, G/Mariam abbreviation), hamza and ta-marbuta habits, how many
  patronymics are written, typo rate, stray spaces, date format (day-first or
  ISO, never month-first), year-only as "1990" or "01/01/1990", age column
  policy and unit word, phone shape (0912..., +249 91..., 249..., 912..., dashes,
  foreign numbers), sex as M/F, Male/Female, male/female or Arabic, nationality
  as name, adjective, ISO2/ISO3 or Arabic name/adjective (gendered), languages,
  route and notes language.  Notes contain commas, quotes and a few line breaks.
  Within each file a few hundred people are registered again, with 1-3 realistic
  changes (never an identical row).  Bad rows (one defect each: empty name,
  impossible birth date, unknown nationality, absurd age) are extra rows of
  people who also have a good row in the same file.

Outputs in --out-dir
  register-a.csv, register-b.csv   comma-separated UTF-8, RFC 4180 quoting
  mapping-a.json, mapping-b.json   {"columns": {header: field or null}}; the
                                   clerk column is left out (kept as notes)
  truth.csv                        file,row,person,bad,why (header is row 1)

Usage
  python3 scripts/make-register-4.py --people 12000 --seed 1 --out-dir DIR [--check]
"""

import argparse
import copy
import csv
import datetime as dt
import json
import os
import random
import sys
import unicodedata
import zlib

# ---------------------------------------------------------------------------
# Name lists.  One entry per line: Latin spellings (most usual first, '+' marks
# the joint of a compound) ; Arabic script ('-' = transliterate automatically)
# ; Ge'ez script (optional).  Order within a list = frequency rank.
# ---------------------------------------------------------------------------

NAME_LISTS = {}

NAME_LISTS["TIG_M"] = """
Yonas|Yonnas|Jonas;-;ዮናስ
Tesfay|Tesfai|Tesfaye|Tesfa;-;ተስፋይ
Dawit|Dawitt|Dawid;-;ዳዊት
Yohannes|Yohanes|Yohannis|Johannes;يوهانس;ዮሃንስ
Gebre+mariam|Ghebre+mariam|Gebre+maryam|Gebre+mariyam;-;ገብረ+ማርያም
Berhane|Birhane|Berhani|Brhane;برهاني;ብርሃነ
Mulugeta|Mulugheta|Mulugetta;-;ሙሉጌታ
Kidane|Kidanne|Kidani;-;ኪዳነ
Tekle|Tecle|Tekhle;-;ተኽለ
Gebre+medhin|Ghebre+medhin|Gebre+medhn|Gebre+medihin;-;ገብረ+መድህን
Habtom|Habtum|Habtome;-;ሃብቶም
Haile|Hayle|Haili;-;ሃይለ
Mehari|Mihari|Mehary;-;መሓሪ
Semere|Semre|Semer;-;ሰመረ
Wolde+michael|Welde+michael|Wolde+mikael;-;ወልደ+ሚካኤል
Filmon|Filimon|Philemon;-;ፊልሞን
Amanuel|Emmanuel|Amaniel;أمانويل;ኣማኑኤል
Abraham|Abrham|Abreham;أبراهام;ኣብርሃም
Gebre+hiwet|Ghebre+hiwet|Gebre+hiwot;-;ገብረ+ሕይወት
Michael|Mikael|Mikiel;ميكائيل;ሚካኤል
Tewelde|Tewolde|Teweld;-;ተወልደ
Kibrom|Kebrom|Kbrom;-;ክብሮም
Tsegay|Tsegai|Tsegaye|Segay;-;ጸጋይ
Habte+mariam|Habte+maryam|Hapte+mariam;-;ሃብተ+ማርያም
Natnael|Nathnael|Natinael;-;ናትናኤል
Robel|Robiel|Rubel;-;ሮቤል
Samuel|Samiel|Samwel;صموئيل;ሳሙኤል
Efrem|Ephrem|Efrim;-;ኤፍሬም
Mussie|Musie|Muse;-;ሙሴ
Goitom|Goytom|Guitom;-;ጎይቶም
Zerai|Zeray|Zerey;-;ዘርኣይ
Asmerom|Asmerum|Asmeron;-;ኣስመሮም
Fitsum|Fitsem|Ftsum;-;ፍጹም
Tekle+haimanot|Tecle+haimanot|Tekle+haymanot;-;ተኽለ+ሃይማኖት
Biniam|Biniyam|Binyam;-;ቢንያም
Henok|Henock|Enok;-;ሄኖክ
Kahsay|Kahsai|Kasay;-;ካሕሳይ
Hagos|Hagoss|Hagus;-;ሓጎስ
Weldu|Woldu|Weldou;-;ወልዱ
Ghirmay|Girmay|Ghirmai;-;ግርማይ
Araya|Araia;-;ኣርኣያ
Okbay|Ukbay|Okbai;-;ዑቕባይ
Negassi|Negasi;-;ነጋሲ
Ermias|Ermiyas|Ermyas;-;ኤርምያስ
Solomon|Selemon|Solomun;سليمون;ሰለሙን
Tedros|Tewodros|Tedoros;-;ቴድሮስ
Aron|Aaron;آرون;ኣሮን
Yemane|Yemani|Yemaneh;-;የማነ
Tesfa+mariam|Tesfa+maryam;-;ተስፋ+ማርያም
Mebrahtu|Mebrahatu|Mibrahtu;-;መብራህቱ
Andom|Andum;-;ኣንዶም
Gebre+egziabher|Gebre+egziabiher|Gebre+egzeabher;-;ገብረ+እግዚኣብሄር
Wolde+giorgis|Welde+giorgis|Wolde+georgis;-;ወልደ+ጊዮርጊስ
Gebre+kidan|Ghebre+kidan;-;ገብረ+ኪዳን
"""

NAME_LISTS["TIG_F"] = """
Senait|Sennait|Senayt;-;ሰናይት
Selam|Salam;-;ሰላም
Helen|Hellen|Helena;-;ሄለን
Meron|Miron|Meroun;-;ሜሮን
Saba|Sabba;-;ሳባ
Yordanos|Yordanus|Jordanos;-;ዮርዳኖስ
Tsega|Tsegga|Tsiga;-;ጸጋ
Freweini|Frewini|Frewoini;-;ፍረወይኒ
Lidia|Lydia|Lidya;-;ሊድያ
Rahel|Rachel|Raheal;-;ራሄል
Ruth|Rut;-;ሩት
Winta|Weinta;-;ዊንታ
Luwam|Luam|Lwam;-;ሉዋም
Feven|Fiven|Feben;-;ፌቨን
Hiwet|Hiwot|Hewet;-;ሕይወት
Abeba|Abebba;-;ኣበባ
Tirhas|Terhas|Trhas;-;ትርሓስ
Akberet|Akbret|Akberit;-;ኣኽበረት
Mihret|Mhret|Mehret;-;ምሕረት
Elsa|Elssa;-;ኤልሳ
Nebiat|Nebiyat|Nabiat;-;ነብያት
Kisanet|Ksanet|Kisanit;-;ክሳነት
Aster|Astier|Astere;-;ኣስቴር
Semhar|Simhar;-;ሰምሃር
Yohana|Johanna|Yohanna;-;ዮሃና
Almaz|Almas|Elmaz;-;ኣልማዝ
Mebrat|Mbrat;-;መብራት
Segen|Seghen|Segan;-;ሰገን
Eden|Edin;-;ኤደን
Danait|Dannait|Danayt;-;ዳናይት
Tsigereda|Tsegereda;-;ጽገረዳ
"""

NAME_LISTS["AMH_M"] = """
Tesfaye|Tesfaya|Tesfay;-;ተስፋዬ
Getachew|Getachow|Getachu;-;ጌታቸው
Alemayehu|Alemayhu|Alemayehou;-;አለማየሁ
Tadesse|Tadese|Taddese;-;ታደሰ
Abebe|Abbebe;-;አበበ
Kebede|Kebbede|Kebade;-;ከበደ
Bekele|Bekelle|Bakele;-;በቀለ
Girma|Germa|Ghirma;-;ግርማ
Solomon|Selomon|Solomone;سليمون;ሰለሞን
Yohannes|Yohanes|Yohannis;يوهانس;ዮሐንስ
Mulugeta|Mulugetta;-;ሙሉጌታ
Dereje|Dereja|Derejie;-;ደረጀ
Assefa|Asefa|Asseffa;-;አሰፋ
Worku|Werku|Workou;-;ወርቁ
Desalegn|Dessalegn|Desalegne|Desalign;-;ደሳለኝ
Fikru|Fekru|Fikiru;-;ፍቅሩ
Haile|Hayle;-;ኃይሌ
Mesfin|Mesfen|Mesfine;-;መስፍን
Tilahun|Telahun|Tilahoun;-;ጥላሁን
Yared|Yarid;-;ያሬድ
Biruk|Buruk|Birook;-;ብሩክ
Abel|Abbel;-;አቤል
Dawit|Dawitt;-;ዳዊት
Wondimu|Wendimu|Wondemu;-;ወንድሙ
Belay|Belai|Belaye;-;በላይ
Sisay|Sisai|Sissay;-;ሲሳይ
Molla|Mola;-;ሞላ
Ayele|Ayelle|Ayale;-;አየለ
Kassahun|Kasahun|Kassahoun;-;ካሳሁን
Gebre+yes|Gebre+yess;-;ገብረ+የስ
Wolde+mariam|Welde+mariam;-;ወልደ+ማርያም
Hailu|Hailou|Haylu;-;ኃይሉ
Tamirat|Tamrat|Temirat;-;ታምራት
Mengistu|Mengestu|Mingistu;-;መንግሥቱ
Endalkachew|Endalkachow;-;እንዳልካቸው
Amare|Amarre;-;አማረ
Yonas|Yonnas;-;ዮናስ
"""

NAME_LISTS["AMH_F"] = """
Almaz|Almas|Elmaz;-;አልማዝ
Tigist|Tegist|Tigest;-;ትዕግስት
Meseret|Meserete|Meserat;-;መሠረት
Hirut|Hiruth|Herut;-;ሂሩት
Selamawit|Selamawite|Selamwit;-;ሰላማዊት
Bethlehem|Betelhem|Betlehem;-;ቤተልሔም
Mekdes|Mekides|Meqdes;-;መቅደስ
Tsehay|Tsehai|Tsehaye;-;ፀሐይ
Genet|Ganet|Gennet;-;ገነት
Yeshi|Yeshe;-;የሺ
Mahlet|Mahelet|Mahilet;-;ማህሌት
Eyerusalem|Yerusalem|Jerusalem;-;እየሩሳሌም
Kidist|Kedist|Kiddist;-;ቅድስት
Zewditu|Zewdito|Zauditu;-;ዘውዲቱ
Aynalem|Aynalam|Ainalem;-;አይናለም
Birtukan|Bertukan;-;ብርቱካን
Hana|Hanna;-;ሀና
Tsion|Tsiyon|Zion;-;ጽዮን
Etenesh|Etenish;-;እቴነሽ
Askale|Askalech;-;አስካለ
Fantaye|Fantaya;-;ፋንታዬ
Wubit|Wibit|Wubet;-;ውብት
Misrak|Mesrak;-;ምስራቅ
Martha|Marta;-;ማርታ
"""

NAME_LISTS["ORO_M"] = """
Chala|Challa|Caalaa;-;ጫላ
Gemechu|Gamachu|Gammachuu;-;ገመቹ
Abdi|Abdie|Abdii;عبدي;አብዲ
Mohammed|Mohamed|Mahammad|Mohammad;محمد;መሐመድ
Lemma|Lema|Lammaa;-;ለማ
Tolosa|Tolossa|Tolosaa;-;ቶሎሳ
Jemal|Jamal|Jamaal;جمال;ጀማል
Kedir|Kadir|Kadiir;-;ከድር
Gutema|Gutama|Guutamaa;-;ጉተማ
Mulatu|Mulatou|Mulaatuu;-;ሙላቱ
Fayisa|Feyisa|Fayyisaa;-;ፈይሳ
Bayisa|Beyisa|Bayyisaa;-;በይሳ
Hussein|Husen|Huseen;حسين;ሁሴን
Ibsa|Ibsaa;-;ኢብሳ
Obsa|Obsaa;-;ኦብሳ
Feyera|Fayera|Fayyeeraa;-;ፈየራ
Tesfaye|Tesfaya|Tasfaayee;-;ተስፋዬ
Girma|Girmaa;-;ግርማ
Dereje|Dereja;-;ደረጀ
Tadesse|Tadese|Taddasaa;-;ታደሰ
Aliyi|Aliyii;-;አሊዪ
Nuru|Nurru|Nuruu;-;ኑሩ
Sultan|Sultaan;سلطان;ሱልጣን
Gudeta|Gudata|Guddataa;-;ጉደታ
Negasa|Negassa|Nagaasaa;-;ነጋሳ
Tola|Tolaa;-;ቶላ
Diriba|Dereba|Dirribaa;-;ድሪባ
"""

NAME_LISTS["ORO_F"] = """
Chaltu|Chaltou|Caaltuu;-;ጫልቱ
Lensa|Lenssa|Lensaa;-;ለንሳ
Obse|Obsee;-;ኦብሴ
Hawi|Hawii|Hawwii;-;ሀዊ
Bontu|Bontuu;-;ቦንቱ
Ayantu|Ayantou|Ayyaantuu;-;አያንቱ
Lelise|Lelisse|Lalisee;-;ለሊሴ
Gifti|Giftii;-;ጊፍቲ
Fatuma|Fatima|Faatumaa;فاطمة;ፋጡማ
Kedija|Kadija|Kadijaa;خديجة;ከድጃ
Meseret|Meserat;-;መሠረት
Tigist|Tigisti;-;ትዕግስት
Aster|Asteer;-;አስቴር
Hawa|Haawaa;حواء;ሀዋ
Birtukan|Birtukaan;-;ብርቱካን
Sumeya|Sumaya|Sumayyaa;سمية;ሱመያ
Workinesh|Workineh|Warqinesh;-;ወርቅነሽ
"""

NAME_LISTS["ERM_M"] = """
Mohammed|Mohamed|Mohammad|Muhammad;محمد;መሓመድ
Idris|Idriss|Edris;إدريس;እድሪስ
Saleh|Salih|Salh;صالح;ሳልሕ
Osman|Othman|Usman;عثمان;ዑስማን
Ibrahim|Ibrahiem|Ebrahim;إبراهيم;ኢብራሂም
Omar|Omer|Umar;عمر;ዑመር
Ahmed|Ahmad|Ahemed;أحمد;ኣሕመድ
Nur|Nour;نور;ኑር
Hamid|Hamed;حامد;ሓሚድ
Abdu|Abdo|Abdou;عبده;ዓብዱ
Mahmud|Mahmoud|Mehmud;محمود;መሕሙድ
Ali|Aly;علي;ዓሊ
Adem|Adam|Aadem;آدم;ኣደም
Musa|Mussa|Mousa;موسى;ሙሳ
Jemal|Jamal|Gemal;جمال;ጀማል
Abdella|Abdalla|Abdullah;عبد+الله;ዓብደላ
Suleman|Suleiman|Sliman;سليمان;ሱሌማን
Hussein|Hussien|Husen;حسين;ሑሴን
Yasin|Yassin|Yaseen;ياسين;ያሲን
Ismail|Ismael|Esmail;إسماعيل;እስማዒል
Said|Seid|Saeed;سعيد;ሰዒድ
Abubeker|Abubakar|Abu+bakr;أبو+بكر;ኣቡበከር
"""

NAME_LISTS["ERM_F"] = """
Amna|Amina|Aamna;آمنة;ኣምና
Fatna|Fatima|Fatuma;فاطمة;ፋጥና
Zahra|Zehra|Zahara;زهرة;ዛህራ
Halima|Haleema|Halime;حليمة;ሓሊማ
Asha|Aisha|Aysha;عائشة;ዓይሻ
Medina|Madina|Mediena;مدينة;መዲና
Saadia|Sadia|Saadiya;سعدية;ሰዓዲያ
Khadija|Hadija|Kadija;خديجة;ኸዲጃ
Mariam|Maryam|Meriem;مريم;መርየም
Zeineb|Zainab|Zeinab;زينب;ዘይነብ
Rukia|Rugiya|Ruqaya;رقية;ሩቅያ
Hawa|Hawwa;حواء;ሓዋ
Nuria|Nuriya|Nouria;نورية;ኑሪያ
Salma|Selma;سلمى;ሰልማ
"""

NAME_LISTS["ARAB_M"] = """
Mohamed|Mohammed|Muhammad|Mohamad|Mohammad;محمد
Ahmed|Ahmad|Ahamed;أحمد
Osman|Othman|Osmaan;عثمان
Abdalla|Abdallah|Abdullah|Abd Allah;عبد+الله
Adam|Adem|Aadam;آدم
Ibrahim|Ebrahim|Ibraheem;إبراهيم
Abdel+rahman|Abdul+rahman|Abd+elrahman|Abdur+rahman;عبد+الرحمن
Hassan|Hasan|Hassen;حسن
Ali|Aly|Alli;علي
Yousif|Yousef|Yusuf|Youssef;يوسف
Omer|Omar|Umar;عمر
Musa|Mousa|Moussa;موسى
El+tayeb|Al+tayeb|El+tayib|Al+taib;الطيب
Hussein|Hussain|Hussien|Husein;حسين
Babiker|Babikir|Babikr|Babeker;بابكر
Hamid|Hamed|Haamid;حامد
Ishag|Ishaq|Ishak|Ishaag;إسحاق
Mustafa|Mostafa|Mustapha;مصطفى
Salih|Saleh|Salh;صالح
Idris|Idriss|Edris;إدريس
El+sadig|Al+sadig|El+sadiq|Al+sadiq;الصادق
El+fatih|Al+fatih|El+fatieh;الفاتح
El+amin|Al+amin|El+ameen;الأمين
Abdel+rahim|Abdul+rahim|Abd+elrahim;عبد+الرحيم
Abdel+aziz|Abdul+aziz|Abd+elaziz;عبد+العزيز
Abdel+gadir|Abdel+kader|Abdul+qadir|Abd+elgadir;عبد+القادر
Khalid|Khaled|Khalied;خالد
Mahmoud|Mahmud|Mahmood;محمود
Eisa|Issa|Isa|Essa;عيسى
Haroun|Harun|Haroon;هارون
Bakri|Bakry|Bakrey;بكري
El+nour|Al+nour|El+noor|Al+nur;النور
Suleiman|Sulaiman|Soliman|Sulieman;سليمان
Yagoub|Yacoub|Yaqoub|Yakub;يعقوب
Gamal|Jamal|Gamaal;جمال
Kamal|Kamaal;كمال
Tarig|Tariq|Tarek;طارق
Awad|Awadh|Ewad;عوض
Fadl|Fadul|Fadol;فضل
Bashir|Basheer|Bechir|Beshir;بشير
Yasir|Yasser|Yaser;ياسر
Osama|Usama|Ousama;أسامة
Hamza|Hamzah|Hamzeh;حمزة
Mansour|Mansur|Mansoor;منصور
Nasir|Nasser|Naser;ناصر
Abu+bakr|Abu+baker|Abu+bakar;أبو+بكر
Saeed|Said|Saied;سعيد
El+zubair|Al+zubeir|El+zubeir;الزبير
El+hadi|Al+hadi;الهادي
Abdel+moneim|Abdel+monim|Abdul+munim;عبد+المنعم
Gasim|Qasim|Kasim;قاسم
Hamad|Hammad;حمد
Zakaria|Zakariya|Zakariah;زكريا
Mubarak|Mubarek|Mobarak;مبارك
Siddig|Siddiq|Sedig;صديق
El+hag|Al+haj|El+haj;الحاج
Mukhtar|Mokhtar|Mukhtaar;مختار
El+sir|Al+sir;السر
"""

NAME_LISTS["ARAB_F"] = """
Fatima|Fatma|Fatuma|Fatimah;فاطمة
Amna|Amina|Aamna;آمنة
Khadija|Khadiga|Khadijah|Kadija;خديجة
Hawa|Hawwa|Haawa;حواء
Mariam|Maryam|Mariem|Meriam;مريم
Zainab|Zeinab|Zenab;زينب
Aisha|Aysha|Ayesha|Aicha;عائشة
Sara|Sarah|Saara;سارة
Halima|Haleema|Halimah;حليمة
Asia|Asya|Aasia;آسيا
Nafisa|Nafeesa|Nafissa;نفيسة
Safia|Safiya|Safiyya;صفية
Howida|Huwaida|Hoyda;هويدا
Ikhlas|Ekhlas|Ikhlass;إخلاص
Tahani|Tahany|Tahanie;تهاني
Samia|Samiya|Samya;سامية
Rasha|Racha;رشا
Sumaya|Somaya|Sumaia|Sumayya;سمية
Hiba|Heba|Hibba;هبة
Nusiba|Nusaiba|Nuseiba;نسيبة
Rugaya|Ruqaya|Rukaya;رقية
Mona|Muna|Mouna;منى
Huda|Hoda|Houda;هدى
Reem|Rim|Riem;ريم
Iman|Eman|Emaan;إيمان
Suad|Souad|Soaad;سعاد
Zahra|Zahara|Zohra;زهرة
Nada|Nadaa;ندى
Salma|Selma;سلمى
Awatif|Awatef;عواطف
Ibtisam|Ebtisam|Ibtesam;ابتسام
Intisar|Entisar|Intesar;انتصار
Mawahib|Mawaheb;مواهب
Igbal|Iqbal|Egbal;إقبال
Nagat|Najat|Nagaat;نجاة
Manal|Manaal;منال
Sawsan|Sausan;سوسن
Widad|Wedad;وداد
Nawal|Nawaal;نوال
"""

NAME_LISTS["SOM_M"] = """
Mohamed|Mohammed|Maxamed;محمد
Abdi|Abdie|Cabdi;عبدي
Ahmed|Ahmad|Axmed;أحمد
Abdullahi|Abdilahi|Cabdullaahi;عبد+الله
Ali|Cali;علي
Hassan|Hasan|Xasan;حسن
Abdi+rahman|Abdu+rahman|Cabdi+raxmaan;عبد+الرحمن
Omar|Omer|Cumar;عمر
Farah|Fara|Faarax;فارح
Yusuf|Yousuf|Yuusuf;يوسف
Warsame|Warsama|Warsamey;ورسمي
Ismail|Ismael|Ismaaciil;إسماعيل
Jama|Jamac|Jaamac;جامع
Mohamud|Mahmoud|Maxamuud;محمود
Nur|Noor|Nuur;نور
Hussein|Husein|Xuseen;حسين
Aden|Adan|Aadan;آدم
Osman|Usman|Cismaan;عثمان
Abdi+karim|Abdul+karim|Cabdi+kariim;عبد+الكريم
Said|Saeed|Siciid;سعيد
Dahir|Dahar|Daahir;ظاهر
Hirsi|Hersi|Xirsi;هرسي
Guled|Gulled|Guuleed;-
Mahad|Mahaad;-
Abdi+aziz|Abdul+aziz|Cabdi+casiis;عبد+العزيز
Ibrahim|Ibraahim;إبراهيم
Shire|Shirre;-
Elmi|Ilmi|Cilmi;علمي
Yasin|Yaasiin;ياسين
Bashir|Bashiir;بشير
"""

NAME_LISTS["SOM_F"] = """
Hodan|Hoodan;-
Fadumo|Fatuma|Faadumo;فاطمة
Asha|Aisha|Caasha;عائشة
Halima|Halimo|Xaliimo;حليمة
Amina|Amino|Aamina;آمنة
Sahra|Sahro;-
Hawa|Hawo|Xaawo;حواء
Ifrah|Ifra|Ifraax;-
Ubah|Ubaah|Ubax;-
Deeqa|Deka|Diiqa;-
Khadra|Qadra|Khadro;-
Sagal|Sagaal;-
Nasra|Nasro;نصرة
Maryan|Maryam|Mariam;مريم
Idil|Iidil;-
Suad|Sucaad|Sucdi;سعاد
Nimo|Nimco|Nimca;-
Ayan|Ayaan;-
Farhiya|Farhia|Farxiya;-
Zamzam|Samsam;زمزم
"""

NAME_LISTS["CHAD_M"] = """
Mahamat|Mahamad|Mahammat|Mohamed;محمد
Abakar|Abbakar|Abaker;أبكر
Moussa|Moussah|Musa;موسى
Haroun|Harun|Haroune;هارون
Idriss|Idris|Idrisse;إدريس
Adoum|Adam|Adum;آدم
Brahim|Ibrahim|Brahime;إبراهيم
Hissein|Hissen|Hussein;حسين
Ousmane|Usman|Osman;عثمان
Zakaria|Zakariya|Zacharia;زكريا
Abdel+kerim|Abdel+karim|Abdul+kerim;عبد+الكريم
Djibrine|Djibrin|Jibrin;جبرين
Mahamoud|Mahmoud|Mahamout;محمود
Ahmat|Ahmed|Ahmad;أحمد
Saleh|Salih|Sale;صالح
Hassane|Hassan|Hasane;حسن
Yaya|Yahya|Yahia;يحيى
Oumar|Omar|Oumare;عمر
Issa|Eisa|Isa;عيسى
Abdoulaye|Abdallah|Abdoullahi;عبد+الله
Ali|Aly;علي
Souleymane|Suleiman|Souleiman;سليمان
Hamid|Hamit|Hamide;حامد
Khamis|Khamiss|Kamis;خميس
Acheikh|Acheik|Sheikh;الشيخ
"""

NAME_LISTS["CHAD_F"] = """
Achta|Acta|Achtaa;-
Hawa|Haoua|Hawaa;حواء
Zenaba|Zeinaba|Zenab;زينب
Fatime|Fatimé|Fatima;فاطمة
Khadidja|Khadija|Kadidja;خديجة
Mariam|Mariame|Maryam;مريم
Halime|Halima|Halimé;حليمة
Amina|Aminah;آمنة
Asta|Astah;-
Kaltouma|Kaltoum|Kaltuma;كلتوم
Hadje|Hadjé|Hadja;حاجة
Zara|Zahra|Zarah;زهرة
Falmata|Falmatta;-
Nafissa|Nafisa;نفيسة
"""

NAME_LISTS["HAUSA_M"] = """
Musa|Mussa|Moussa;موسى
Abubakar|Abubakr|Abubakir;أبو+بكر
Ibrahim|Ibrahima|Ibraheem;إبراهيم
Muhammadu|Muhammad|Mohammed;محمد
Sani|Saani|Sanni;ساني
Usman|Usmanu|Osman;عثمان
Bello|Belo|Bellow;-
Aliyu|Aliu|Aliyou;-
Yusuf|Yusufu|Yousuf;يوسف
Garba|Garbah;-
Lawal|Lawan|Lawali;-
Dan+juma|Dan+jumah;-
Sadiq|Sadik|Saddiq;صديق
Idris|Idrisu|Idriss;إدريس
Haruna|Harouna|Harun;هارونا
Abdullahi|Abdullah|Abdulahi;عبد+الله
Umar|Umaru|Omar;عمر
Suleiman|Sulaimanu|Suleman;سليمان
Kabiru|Kabir|Kabiro;-
Nasiru|Nasir|Naseer;ناصر
Shehu|Shehou;-
Tijjani|Tijani|Tidjani;التجاني
Auwal|Awwal|Auwalu;-
"""

NAME_LISTS["HAUSA_F"] = """
Aisha|Aishatu|Aysha;عائشة
Hauwa|Hawa|Hauwau;حواء
Zainab|Zainabu|Zeinab;زينب
Fatima|Fatimah|Fatimatu;فاطمة
Hadiza|Hadizat|Hadizah;-
Amina|Aminatu|Aminah;آمنة
Maryam|Mariam|Maryamu;مريم
Binta|Bintu;-
Hajara|Hajarah|Hajaratu;هاجر
Rabi|Rabiat|Rabia;رابعة
Halima|Halimatu;حليمة
Safiya|Safiyya|Safiyatu;صفية
Khadija|Khadijat|Kadija;خديجة
Jamila|Jamilah|Jamilatu;جميلة
"""

NAME_LISTS["DINKA_M"] = """
Deng|Dheng|Deang;دينق
Garang|Garaang|Garong;قرنق
Majok|Majak|Majook;ماجوك
Akol|Akool|Akoll;أكول
Makuei|Makuey|Makwei;-
Mayen|Mayeen|Mayan;-
Kuol|Kuoll|Kwol;-
Bol|Boll;بول
Chol|Choll;-
Manyang|Manyaang|Manyong;-
Atem|Atim|Athem;-
Ajak|Ajaak|Ajack;-
Dut|Duut|Dutt;-
Malual|Maluall|Maloal;ملوال
Mabior|Mabiour|Mabiyor;-
Thon|Thoon|Ton;-
Madut|Maduot|Madot;-
Lual|Luall|Lwal;-
Kiir|Kir;كير
Aguer|Aguar|Agwer;-
Ayuen|Ayuin;-
Mading|Madeng|Madin;-
Arop|Aroop|Arup;-
Kuany|Kuanyi|Kwany;-
"""

NAME_LISTS["DINKA_F"] = """
Ayen|Ayeen|Ayan;-
Nyandeng|Nyanden|Nyandeeng;-
Achol|Acholl|Achool;-
Abuk|Abuuk|Abouk;-
Adut|Aduot|Adhut;-
Akech|Akeech|Akich;-
Aluel|Aluell|Alwel;-
Nyibol|Nyiboll;-
Ajok|Ajook;-
Athieng|Athiang|Atheng;-
Akuol|Akwol;-
Nyanut|Nyanuut;-
Yar|Yaar;يار
Abul|Abuul;-
"""

NAME_LISTS["NUER_M"] = """
Gatluak|Gatluaak|Gatlwak;-
Riek|Riak|Reik;-
Gai|Gaai|Guy;-
Puok|Puoc|Pouk;-
Koang|Kuang|Kwang;-
Gatkuoth|Gatkuot|Gatkwoth;-
Chuol|Chuoll|Chwol;-
Tut|Tuut|Tutt;-
Wal|Waal;-
Nyuon|Nyon|Nyuan;-
Duop|Duoop;-
Thok|Thoak;-
Lam|Laam;-
Gach|Gatch;-
Yien|Yian;-
Jock|Jok|Jook;-
Machar|Mashar|Machaar;مشار
Kong|Kuong;-
"""

NAME_LISTS["NUER_F"] = """
Nyakuoth|Nyakuot|Nyakwoth;-
Nyaruach|Nyaruac|Nyarwach;-
Nyachuol|Nyachol;-
Nyabuoy|Nyabuay;-
Nyadak|Nyadaak;-
Nyamal|Nyamaal;-
Nyaluak|Nyalwak;-
Nyagoa|Nyagua;-
Nyawech|Nyaweech;-
Nyakong|Nyakuong;-
"""

NAME_LISTS["XTIAN_M"] = """
John|Jon;جون
Peter|Petter|Piter;بيتر
James|Jems;جيمس
Joseph|Josef|Jozef;جوزيف
Michael|Micheal|Mikael;مايكل
David|Daud;ديفيد
Samuel|Samwel;صموئيل
Daniel|Danial;دانيال
Simon|Saimon;سايمون
Paul|Paulo|Pol;بول
Emmanuel|Emanuel;إيمانويل
Stephen|Steven|Stefano;ستيفن
Gabriel|Gabrial;قابريال
Santino|Santo;سانتينو
Angelo|Anjelo;أنجلو
Marko|Mark|Marco;ماركو
"""

NAME_LISTS["XTIAN_F"] = """
Mary|Marry;ماري
Rebecca|Rebeka|Rebekah;ربيكا
Elizabeth|Elisabeth|Elizabet;إليزابيث
Martha|Marta;مارثا
Grace|Gress;قريس
Sarah|Sara;سارة
Rose|Roz;روز
Esther|Ester;إستير
Veronica|Veronika;فيرونيكا
Agnes|Agness;أقنيس
Christine|Kristine;كريستين
Anna|Ana;آنا
Regina|Rejina;ريجينا
Monica|Monika;مونيكا
"""

NAME_LISTS["NGS_M"] = """
Chinedu|Chinedum|Chinadu;-
Emeka|Emecka|Emeke;-
Samuel|Samwel;صموئيل
Daniel|Danial;دانيال
Emmanuel|Emanuel|Immanuel;إيمانويل
Oluwaseun|Oluwasean|Seun;-
Tunde|Tundeh;-
Adebayo|Adebayor|Adebayu;-
Obinna|Obina|Obinnah;-
Ifeanyi|Ifeani;-
Kelechi|Kelechy;-
Chukwuemeka|Chukwemeka;-
Segun|Seghun;-
Femi|Femmy;-
Uche|Uchey;-
Godwin|Goodwin;-
Friday|Fraiday;-
Sunday|Sundey;-
"""

NAME_LISTS["NGS_F"] = """
Blessing|Blessin;-
Chioma|Chiomma;-
Ngozi|Ngozie;-
Joy|Joi;-
Peace|Pease;-
Precious|Presious;-
Funmilayo|Funmi;-
Adaeze|Adaze;-
Amaka|Amakah;-
Esther|Ester;إستير
Grace|Gress;قريس
Folake|Folakemi;-
Nkechi|Nkechy;-
Gift|Gifty;-
"""

NAME_LISTS["NGS_SUR"] = """
Okafor|Okaafor;-
Nwosu|Nwoso;-
Okonkwo|Okonko;-
Eze|Ezeh;-
Adeyemi|Adeyimi;-
Balogun|Balogon;-
Okeke|Okekeh;-
Nwachukwu|Nwachuku;-
Ogunleye|Ogunleyi;-
Ibe|Ibeh;-
Chukwu|Chukwuh;-
Adeleke|Adeleki;-
Obi|Obih;-
Uzor|Uzo;-
Afolabi|Afolaby;-
"""

NAME_LISTS["EG_M"] = """
Mohamed|Mohammed|Muhammad;محمد
Ahmed|Ahmad;أحمد
Mahmoud|Mahmud;محمود
Mostafa|Mustafa|Moustafa;مصطفى
Hassan|Hasan;حسن
Ibrahim|Ebrahim;إبراهيم
Sayed|Sayyid|Said;سيد
Amr|Amro;عمرو
Tarek|Tarik|Tariq;طارق
Karim|Kareem;كريم
Magdy|Magdi|Majdi;مجدي
Hany|Hani;هاني
Khaled|Khalid;خالد
Walid|Waleed;وليد
Ashraf|Ashref;أشرف
Sherif|Sharif;شريف
Essam|Esam|Issam;عصام
Hossam|Hussam;حسام
Gamal|Jamal;جمال
Samir|Sameer;سمير
Adel|Adil;عادل
Ayman|Aiman;أيمن
Ramadan|Ramadhan;رمضان
"""

NAME_LISTS["EG_F"] = """
Mona|Muna;منى
Heba|Hiba;هبة
Naglaa|Nagla|Najla;نجلاء
Doaa|Duaa|Dua;دعاء
Aya|Ayah;آية
Nourhan|Nurhan;نورهان
Yasmin|Yasmine|Yasmeen;ياسمين
Marwa|Marwah;مروة
Samah|Sammah;سماح
Rania|Ranya;رانيا
Hanaa|Hana;هناء
Fatma|Fatima;فاطمة
Shaimaa|Shaima|Shayma;شيماء
Eman|Iman;إيمان
Amal|Amaal;أمل
"""

NAME_LISTS["EG_FAM"] = """
El+sayed|Al+sayed;السيد
Abdel+aziz|Abd+elaziz;عبد+العزيز
Mansour|Mansur;منصور
Farouk|Farouq|Faruk;فاروق
Shehata|Shahata|Chehata;شحاتة
El+masry|Al+masri|El+masri;المصري
Fahmy|Fahmi;فهمي
Ragab|Rajab;رجب
Soliman|Suleiman;سليمان
Hegazy|Hegazi|Higazi;حجازي
Abdel+latif|Abd+ellatif;عبد+اللطيف
Zaki|Zaky;زكي
Morsy|Morsi|Mursi;مرسي
El+shazly|Al+shazli;الشاذلي
Badawy|Badawi;بدوي
Saad|Saad;سعد
"""

NAME_LISTS["YE_M"] = """
Mohammed|Mohamed|Muhammad;محمد
Ahmed|Ahmad;أحمد
Ali|Aly;علي
Abdullah|Abdulla|Abdallah;عبد+الله
Saleh|Salih;صالح
Abdul+rahman|Abdel+rahman|Abd+ulrahman;عبد+الرحمن
Nasser|Naser|Nasir;ناصر
Yahya|Yahia|Yehia;يحيى
Hamoud|Hamud;حمود
Fuad|Fouad;فؤاد
Abdul+malik|Abd+ulmalik;عبد+الملك
Hussein|Husain;حسين
Khaled|Khalid;خالد
Mansour|Mansur;منصور
Ammar|Amar;عمار
Waleed|Walid;وليد
Saeed|Said;سعيد
Omar|Umar;عمر
Qasim|Kassem|Qassem;قاسم
"""

NAME_LISTS["YE_F"] = """
Fatima|Fatma;فاطمة
Amal|Amaal;أمل
Arwa|Arwah;أروى
Bushra|Boshra;بشرى
Samira|Sameera;سميرة
Nabila|Nabeela;نبيلة
Huda|Hoda;هدى
Afrah|Afraah;أفراح
Maryam|Mariam;مريم
Asma|Asmaa;أسماء
Khadija|Khadeeja;خديجة
Sumaya|Somaya;سمية
"""

NAME_LISTS["YE_FAM"] = """
Al+ahmadi|Al+ahmady|El+ahmadi;الأحمدي
Al+hashimi|Al+hashemi;الهاشمي
Al+yafei|Al+yafai|Al+yafaee;اليافعي
Al+sanaani|Al+sanani;الصنعاني
Al+hadrami|Al+hadhrami;الحضرمي
Al+maqtari|Al+maktari;المقطري
Ba+wazir|Bawazeer|Ba+wazeer;باوزير
Al+awlaki|Al+aulaqi;العولقي
Al+ansi|Al+ansy;العنسي
Al+zubairi|Al+zubeiri;الزبيري
"""

NAME_LISTS["SY_M"] = """
Mohammad|Mohammed|Muhammad;محمد
Ahmad|Ahmed;أحمد
Khaled|Khalid;خالد
Omar|Omer;عمر
Rami|Ramy;رامي
Bassel|Basel;باسل
Fadi|Fady;فادي
Hussam|Husam|Hosam;حسام
Ammar|Amar;عمار
Mazen|Mazin;مازن
Yamen|Yaman;يامن
Anas|Anes;أنس
Mahmoud|Mahmud;محمود
Ziad|Ziyad|Zeyad;زياد
Majd|Magd;مجد
Tarek|Tareq;طارق
Ali|Aly;علي
Hassan|Hasan;حسن
Ibrahim|Ebrahim;إبراهيم
"""

NAME_LISTS["SY_F"] = """
Rania|Ranya;رانيا
Lina|Leena;لينا
Hala|Halah;هالة
Rasha|Racha;رشا
Nour|Noor;نور
Ghada|Ghadah;غادة
Dima|Deema;ديما
Reem|Rim;ريم
Hiba|Heba;هبة
Rahaf|Rahef;رهف
Lama|Lamah;لمى
Aya|Ayah;آية
Sawsan|Sausan;سوسن
Fatima|Fatma;فاطمة
Amal|Amaal;أمل
"""

NAME_LISTS["SY_FAM"] = """
Al+hamwi|Al+hamawi|Hamwi;الحموي
Haddad|Hadad;حداد
Khalil|Khaleel;خليل
Al+halabi|Halabi|Al+halaby;الحلبي
Al+shami|Shami;الشامي
Kurdi|Al+kurdi;الكردي
Darwish|Darwich|Darweesh;درويش
Al+najjar|Najjar|Al+nagar;النجار
Al+ahmad|Al+ahmed;الأحمد
Al+hussein|Al+husain;الحسين
Othman|Osman;عثمان
Sabbagh|Al+sabbagh;الصباغ
Khatib|Al+khatib|Al+khateeb;الخطيب
Al+zoubi|Al+zubi|Zoubi;الزعبي
"""

# ---------------------------------------------------------------------------
# Latin -> Arabic transliteration for names that have no written Arabic form.
# Two habits: 'full' writes every vowel, 'sparse' leaves short vowels out.
# ---------------------------------------------------------------------------

_AR_DIGRAPHS = [("sh", "ش"), ("ch", "تش"), ("kh", "خ"), ("gh", "غ"), ("th", "ث"),
                ("ts", "تس"), ("ph", "ف"), ("dj", "ج"), ("dh", "ذ"), ("ng", "نق")]
_AR_CONS = {"b": "ب", "c": "ك", "d": "د", "f": "ف", "g": "ق", "h": "ه", "j": "ج",
            "k": "ك", "l": "ل", "m": "م", "n": "ن", "p": "ب", "q": "ق", "r": "ر",
            "s": "س", "t": "ت", "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز"}
_AR_VOW = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}
_VOWELS = "aeiou"


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def auto_arabic(word, sparse):
    w = strip_accents(word).lower()
    w = "".join(c for c in w if c.isalpha())
    out = []
    i, n = 0, len(w)
    while i < n:
        c = w[i]
        if c in _VOWELS:
            j = i
            while j < n and w[j] in _VOWELS:
                j += 1
            cl = w[i:j]
            if i == 0:
                first = {"a": "أ", "e": "إ", "i": "إي", "o": "أو", "u": "أو"}[cl[0]]
                out.append(first + "".join(_AR_VOW[v] for v in cl[1:]))
            elif j == n:
                out.append("".join(_AR_VOW[v] for v in cl))
            elif len(cl) == 1 and sparse and cl == "e":
                pass
            elif (len(cl) == 1 and sparse and cl == "a" and j + 1 < n
                  and w[j] not in _VOWELS and w[j + 1] in _VOWELS):
                pass
            else:
                out.append("".join(_AR_VOW[v] for v in cl))
            i = j
            continue
        two = w[i:i + 2]
        hit = None
        for a, b in _AR_DIGRAPHS:
            if two == a:
                hit = b
        if hit:
            out.append(hit)
            i += 2
            continue
        if i > 0 and w[i - 1] == c:
            i += 1
            continue
        out.append(_AR_CONS.get(c, ""))
        i += 1
    s = "".join(out)
    res = []
    for ch in s:                       # collapse doubled letters from vowel runs
        if res and ch == res[-1] and ch in "اويى":
            continue
        res.append(ch)
    return "".join(res)


class Entry:
    __slots__ = ("id", "latin", "ar_full", "ar_sparse", "geez", "key")


ENTRIES = []
_ENTRY_BY_LINE = {}
POOLS = {}
POOL_CUM = {}


def _build_entries():
    for pool, block in NAME_LISTS.items():
        ids = []
        for line in block.strip().splitlines():
            line = line.strip()
            if not line:
                continue
            if line not in _ENTRY_BY_LINE:
                fields = [f.strip() for f in line.split(";")]
                latin = []
                for v in fields[0].split("|"):
                    if v not in latin:
                        latin.append(v)
                e = Entry()
                e.id = len(ENTRIES)
                e.latin = latin
                e.key = latin[0]
                ar = fields[1] if len(fields) > 1 and fields[1] not in ("", "-") else None
                if ar is None:
                    e.ar_full = "+".join(auto_arabic(p, False) for p in latin[0].split("+"))
                    e.ar_sparse = "+".join(auto_arabic(p, True) for p in latin[0].split("+"))
                else:
                    e.ar_full = e.ar_sparse = ar
                e.geez = fields[2] if len(fields) > 2 and fields[2] not in ("", "-") else None
                ENTRIES.append(e)
                _ENTRY_BY_LINE[line] = e.id
            ids.append(_ENTRY_BY_LINE[line])
        POOLS[pool] = ids
        acc, cum = 0.0, []
        for r in range(len(ids)):
            acc += 1.0 / (r + 1.6)
            cum.append(acc)
        POOL_CUM[pool] = cum


_build_entries()


def entry_in_pool(pool, key):
    for eid in POOLS[pool]:
        if ENTRIES[eid].key == key:
            return eid
    return None


# ---------------------------------------------------------------------------
# Groups of people
# ---------------------------------------------------------------------------

GROUPS = {
    # key: nat, weight, pools, patronymics, usual number of patronymics said, languages
    "er_tigrinya": dict(nat="ER", w=22, m="TIG_M", f="TIG_F", pat="TIG_M", n_pat=2, ggf=0.15,
                        k=[(1, .45), (2, .50), (3, .05)], langs=[("ti", 1), ("ar", .3), ("en", .12), ("am", .05)],
                        mult=(1.35, 0.55)),
    "er_tigre": dict(nat="ER", w=8, m="ERM_M", f="ERM_F", pat="ERM_M", n_pat=2, ggf=0.2,
                     k=[(1, .3), (2, .6), (3, .1)], langs=[("tig", 1), ("ar", .6), ("ti", .3)], mult=(1.3, 0.6)),
    "et_tigray": dict(nat="ET", w=11, m="TIG_M", f="TIG_F", pat="TIG_M", n_pat=2, ggf=0.1,
                      k=[(1, .5), (2, .5)], langs=[("ti", 1), ("am", .5), ("ar", .1), ("en", .1)], mult=(0.45, 2.0)),
    "et_amhara": dict(nat="ET", w=9, m="AMH_M", f="AMH_F", pat="AMH_M", n_pat=2, ggf=0.1,
                      k=[(1, .5), (2, .5)], langs=[("am", 1), ("en", .15), ("ar", .15)], mult=(0.8, 1.4)),
    "et_oromo": dict(nat="ET", w=6, m="ORO_M", f="ORO_F", pat="ORO_M", n_pat=2, ggf=0.1,
                     k=[(1, .5), (2, .5)], langs=[("om", 1), ("am", .6), ("ar", .15)], mult=(0.9, 1.2)),
    "ss_dinka": dict(nat="SS", w=7, m="DINKA_M", f="DINKA_F", pat="DINKA_M", n_pat=2, ggf=0.05,
                     xt=0.55, k=[(1, .55), (2, .45)], langs=[("din", 1), ("ar", .7), ("en", .5)], mult=(1, 1)),
    "ss_nuer": dict(nat="SS", w=4, m="NUER_M", f="NUER_F", pat="NUER_M", n_pat=2, ggf=0.05,
                    xt=0.45, k=[(1, .6), (2, .4)], langs=[("nus", 1), ("ar", .6), ("en", .5)], mult=(0.9, 1.1)),
    "sd": dict(nat="SD", w=11, m="ARAB_M", f="ARAB_F", pat="ARAB_M", n_pat=3, ggf=0.0,
               k=[(1, .05), (2, .5), (3, .45)], langs=[("ar", 1), ("en", .2), ("bej", .06), ("fur", .04)],
               mult=(1, 1)),
    "so": dict(nat="SO", w=5, m="SOM_M", f="SOM_F", pat="SOM_M", n_pat=3, ggf=0.0,
               k=[(2, .8), (1, .1), (3, .1)], langs=[("so", 1), ("ar", .4), ("en", .3)], mult=(1, 1)),
    "td": dict(nat="TD", w=4, m="CHAD_M", f="CHAD_F", pat="CHAD_M", n_pat=2, ggf=0.1,
               k=[(1, .4), (2, .6)], langs=[("ar", 1), ("fr", .5), ("zag", .1)], mult=(1, 1)),
    "ng_hausa": dict(nat="NG", w=2.5, m="HAUSA_M", f="HAUSA_F", pat="HAUSA_M", n_pat=2, ggf=0.0,
                     k=[(1, .6), (2, .4)], langs=[("ha", 1), ("ar", .4), ("en", .5)], mult=(1, 1)),
    "ng_south": dict(nat="NG", w=1.5, m="NGS_M", f="NGS_F", pat="NGS_M", n_pat=1, ggf=0.0, inherit=False,
                     fam="NGS_SUR", k=[(0, .6), (1, .4)], langs=[("en", 1), ("ig", .4), ("yo", .3)],
                     mult=(1, 1)),
    "eg": dict(nat="EG", w=1.5, m="EG_M", f="EG_F", pat="EG_M", n_pat=2, ggf=0.0, fam="EG_FAM",
               k=[(1, .5), (2, .5)], langs=[("ar", 1), ("en", .3)], mult=(1, 1)),
    "ye": dict(nat="YE", w=1.5, m="YE_M", f="YE_F", pat="YE_M", n_pat=2, ggf=0.0, fam="YE_FAM",
               k=[(1, .5), (2, .5)], langs=[("ar", 1), ("en", .2)], mult=(1, 1)),
    "sy": dict(nat="SY", w=1.5, m="SY_M", f="SY_F", pat="SY_M", n_pat=1, ggf=0.0, fam="SY_FAM",
               k=[(1, .85), (0, .15)], langs=[("ar", 1), ("en", .3), ("ku", .08)], mult=(1, 1)),
}
GROUP_KEYS = list(GROUPS)
GEEZ_GROUPS = ("er_tigrinya", "er_tigre", "et_tigray", "et_amhara", "et_oromo")
GEEZ_STRICT = ("er_tigrinya", "et_tigray", "et_amhara")   # others only half of the time

NAT = {  # name, adjective, ISO3, Arabic name, Arabic adjective (m), Arabic adjective (f)
    "ER": ("Eritrea", "Eritrean", "ERI", "إريتريا", "إريتري", "إريترية"),
    "ET": ("Ethiopia", "Ethiopian", "ETH", "إثيوبيا", "إثيوبي", "إثيوبية"),
    "SS": ("South Sudan", "South Sudanese", "SSD", "جنوب السودان", "جنوب سوداني", "جنوب سودانية"),
    "SD": ("Sudan", "Sudanese", "SDN", "السودان", "سوداني", "سودانية"),
    "SO": ("Somalia", "Somali", "SOM", "الصومال", "صومالي", "صومالية"),
    "TD": ("Chad", "Chadian", "TCD", "تشاد", "تشادي", "تشادية"),
    "NG": ("Nigeria", "Nigerian", "NGA", "نيجيريا", "نيجيري", "نيجيرية"),
    "EG": ("Egypt", "Egyptian", "EGY", "مصر", "مصري", "مصرية"),
    "YE": ("Yemen", "Yemeni", "YEM", "اليمن", "يمني", "يمنية"),
    "SY": ("Syria", "Syrian", "SYR", "سوريا", "سوري", "سورية"),
}
UNKNOWN_NAT_EN = ["Zembla", "Freedonia", "Ruritania", "Elbonia", "Atlantis", "Genovia", "Borduria",
                  "Syldavia", "QZ", "XYZ"]
UNKNOWN_NAT_AR = ["زمبلا", "أطلانطس", "روريتانيا", "فريدونيا", "إلبونيا"]

LANGS = {
    "ti": (["Tigrinya", "Tigrigna", "Tigrinia"], ["تغرينية", "تقرنجا", "التجرينية"]),
    "tig": (["Tigre", "Tigré"], ["التقري", "تقري"]),
    "am": (["Amharic", "Amharigna"], ["أمهرية", "الأمهرية", "امهري"]),
    "om": (["Oromo", "Afaan Oromo", "Oromiffa"], ["أورومو", "الأورومية"]),
    "ar": (["Arabic", "Arab"], ["عربي", "العربية"]),
    "en": (["English", "Eng"], ["إنجليزي", "الإنجليزية"]),
    "din": (["Dinka"], ["دينكا"]),
    "nus": (["Nuer"], ["نوير"]),
    "so": (["Somali"], ["صومالي", "الصومالية"]),
    "ha": (["Hausa"], ["هوسا"]),
    "fr": (["French"], ["فرنسي", "الفرنسية"]),
    "ig": (["Igbo"], ["إيبو"]),
    "yo": (["Yoruba"], ["يوروبا"]),
    "fur": (["Fur"], ["فور"]),
    "bej": (["Beja", "Bedawiet"], ["بجاوي", "البداويت"]),
    "ku": (["Kurdish"], ["كردي"]),
    "zag": (["Zaghawa"], ["زغاوة"]),
    "saho": (["Saho"], ["ساهو"]),
}

ROUTES = {  # (English, Arabic, weight in Kassala era, weight in Gedaref era)
    "ER": [("Tesseney - Kassala", "تسني - كسلا", 5, 1), ("Golluj - Kassala", "قلوج - كسلا", 2, .5),
           ("Via Shagarab camp", "عبر معسكر الشجراب", 3, 1), ("Humera - Hamdayet", "حميرة - حمداييت", .5, 3),
           ("Karora - Port Sudan", "قرورة - بورتسودان", .5, .3)],
    "ET": [("Metema - Gallabat", "المتمة - القلابات", 2, 5), ("Humera - Hamdayet", "حميرة - حمداييت", 1, 5),
           ("Via Eritrea, Tesseney", "عبر إريتريا، تسني", 1, .2), ("Um Rakuba camp", "معسكر أم راكوبة", .1, 2)],
    "SS": [("Renk - Kosti", "الرنك - كوستي", 3, 3), ("Via Khartoum", "عبر الخرطوم", 2, 2),
           ("Abyei - Muglad", "أبيي - المجلد", 1, 1)],
    "SD": [("Khartoum", "الخرطوم", 2, 3), ("Returned from Libya", "عائد من ليبيا", 1, 1),
           ("Internal, from Darfur", "داخلي، من دارفور", 1, 1)],
    "SO": [("Via Ethiopia, Metema", "عبر إثيوبيا، المتمة", 3, 3), ("Via Khartoum", "عبر الخرطوم", 1, 1)],
    "TD": [("Adre - El Geneina", "أدري - الجنينة", 3, 3), ("Tine - Darfur", "الطينة - دارفور", 1, 1)],
    "NG": [("Via Chad, El Geneina", "عبر تشاد، الجنينة", 3, 3), ("Via Khartoum", "عبر الخرطوم", 1, 1)],
    "EG": [("Argeen - Wadi Halfa", "أرقين - وادي حلفا", 2, 2), ("Khartoum airport", "مطار الخرطوم", 1, 1)],
    "YE": [("Port Sudan (by sea)", "بورتسودان (بحراً)", 2, 2), ("Khartoum airport", "مطار الخرطوم", 1, 1)],
    "SY": [("Khartoum airport", "مطار الخرطوم", 3, 3), ("Port Sudan", "بورتسودان", 1, 1)],
}

PHONE_PLAN = {  # country code, mobile prefixes of the national number, digits after prefix
    "SD": ("249", ["91", "96", "90", "12", "11", "92", "99"], 7),
    "ER": ("291", ["7"], 6),
    "ET": ("251", ["91", "92", "93", "94"], 7),
    "SS": ("211", ["91", "92", "95", "98"], 7),
    "EG": ("20", ["10", "11", "12", "15"], 8),
    "TD": ("235", ["66", "63", "99", "65"], 6),
    "SO": ("252", ["61", "62", "63", "65"], 7),
    "NG": ("234", ["803", "806", "813", "703", "805"], 7),
    "YE": ("967", ["77", "73", "71", "70"], 7),
    "SY": ("963", ["93", "94", "95", "99", "98"], 7),
}

DOC_LABEL = {"passport": ("Passport", "جواز سفر"), "nid": ("National ID", "بطاقة قومية"),
             "refugee": ("Refugee ID", "بطاقة لاجئ"), "lp": ("Laissez-passer", "وثيقة سفر اضطرارية")}
PASSPORT_PREFIX = {"ER": "P", "ET": "EP", "SD": "P0", "SS": "R", "EG": "A", "SY": "N", "NG": "A",
                   "YE": "0", "TD": "D", "SO": "P"}

NOTES_EN = [
    "Referred to UNHCR", "Needs shelter", "Medical referral, Kassala hospital", "Lost documents in transit",
    "Walked from the border, 3 days", "Says she/he was held for ransom near the border",
    "Interpreter needed (Tigrinya)", "NFI given: blanket, hygiene kit", "Wants AVRR", "Follow-up in 2 weeks",
    "Phone belongs to a cousin", "Asked about family tracing", "Seasonal worker, farms near Gedaref",
    "Worked in gold mining area", 'No own phone, contact through "the shop near the mosque"',
    "Cash assistance, 1st instalment", 'Says "I have nobody here"', "MHPSS session booked",
    "Legal aid: detention, released", "Walk-in, evening", "Sick, fever; referred to clinic",
]
NOTES_EN_MULTI = ["Follow-up 2 weeks\nCalled, no answer", "Referred to MHPSS\nSecond session done",
                  "Shelter 3 nights\nLeft without notice", "Needs medical check\nTook to clinic, \"OK\""]
NOTES_AR = [
    "محول إلى المفوضية", "يحتاج مأوى", "تحويل طبي، مستشفى القضارف", "فقد أوراقه في الطريق",
    "يريد العودة الطوعية", 'قال "لا يملك أوراق"', "متابعة بعد أسبوعين",
    "تم صرف مواد غير غذائية: بطانية، حقيبة صحية", "الهاتف يخص قريبه", "يعمل في الزراعة الموسمية",
    "يحتاج دعم نفسي", "وصل سيراً من الحدود، 4 أيام", "مساعدة نقدية، الدفعة الأولى", "مريض، حمى",
]
NOTES_AR_MULTI = ["متابعة بعد أسبوعين\nلم يرد على الهاتف", "تحويل للدعم النفسي\nتمت الجلسة الثانية"]
NOTES_REPEAT_EN = ["Re-registered (lost card)", "Came back, new case", "Registered before?", "Returned after some months"]
NOTES_REPEAT_AR = ["تسجيل جديد (فقد البطاقة)", "عاد مرة أخرى", "مسجل سابقاً؟"]

# ---------------------------------------------------------------------------
# Clerks and their fixed habits
# ---------------------------------------------------------------------------

CLERK_DEFAULTS = dict(orig="none", orig_fb="none", latin_p=1.0, case="title", lower_p=0.0, compound="split",
                      geez_compound="join", ar_compound="join", ar_sparse=False, hamza_drop=False, ta_ha=False,
                      ya_alif=False, space_p=0.02, typo=0.03, max_k=3, date="dmy/", year_style="year",
                      age_col="when_no_dob", age_fmt="num", phone="local", foreign="plus", sex="MF",
                      sex_skip=0.03, nat="adj", nat_skip=0.02, lang="en", lang_sep=", ", lang_p=0.85,
                      route_lang="en", route_sep=" - ", notes_lang="en", note_p=0.22, skew=1.8,
                      wobble=0.04, doc_style="asis", weight=1.0)

CLERKS = {
    "a": [
        dict(key="a1", label="Amna O.", years=(2016, 2020), weight=3, orig="ar", latin_p=0.9,
             compound="split", date="dmy/", year_style="jan1", phone="local", sex="MF", nat="adj",
             typo=0.03),
        dict(key="a2", label="Tesfit G.", years=(2016, 2018), weight=2, orig="geez", orig_fb="none",
             case="upper", compound="join", geez_compound="split", date="d/m/y", age_col="always",
             age_fmt="yrs", phone="plus_sp", sex="MaleFemale", nat="name", typo=0.015, skew=1.5),
        dict(key="a3", label="Osman B.", years=(2017, 2020), weight=2.5, orig="none", compound="abbrev",
             space_p=0.15, typo=0.07, max_k=2, date="dmy-", age_fmt="years", phone="nozero", foreign="00",
             nat="iso3", sex_skip=0.08, nat_skip=0.05, lower_p=0.05, doc_style="space"),
        dict(key="a4", label="Hiba A.", years=(2018, 2020), weight=2, orig="ar", latin_p=0.0,
             ar_compound="split", ar_sparse=True, hamza_drop=True, ta_ha=True, ya_alif=True, date="dmy/",
             phone="dash", sex="ar", nat="ar", lang="ar", lang_sep=" / ", route_lang="ar",
             notes_lang="ar", typo=0.04),
        dict(key="a5", label="Yohannes T.", years=(2019, 2020), weight=2, orig="latin", compound="hyphen",
             date="iso", age_col="always", phone="plus", sex="lower", nat="iso2", typo=0.02,
             route_sep="-", skew=1.4),
    ],
    "b": [
        dict(key="b1", label="سمية", years=(2021, 2023), weight=3, orig="ar", latin_p=0.0, ar_compound="join",
             date="iso", phone="local", sex="ar", nat="ar_adj", age_fmt="ar", lang="ar", lang_sep="، ",
             route_lang="ar", notes_lang="ar", typo=0.03),
        dict(key="b2", label="الفاتح", years=(2021, 2022), weight=2.5, orig="ar", latin_p=0.85,
             case="upper", compound="split", ar_compound="split", ar_sparse=True, hamza_drop=True,
             ta_ha=True, date="dmy/", year_style="jan1", phone="cc", sex="MF", nat="ar", lang="ar",
             lang_sep=" - ", route_lang="ar", notes_lang="ar", typo=0.04, max_k=2, skew=1.5),
        dict(key="b3", label="Meron", years=(2021, 2023), weight=2, orig="geez", orig_fb="latin",
             compound="abbrev", geez_compound="abbrev", date="iso", age_col="always", age_fmt="yrs",
             phone="plus", sex="MaleFemale", nat="adj", lang_sep="/", typo=0.02),
        dict(key="b4", label="Deng", years=(2022, 2023), weight=2, orig="latin", latin_p=0.0,
             compound="camel", lower_p=0.08, date="dmy/", phone="dash", foreign="00", sex="MF",
             nat="iso3", age_fmt="yrs", typo=0.06, space_p=0.1, sex_skip=0.1, route_sep="/", skew=1.1,
             doc_style="lower"),
    ],
}
for _f in CLERKS:
    for _i, _c in enumerate(CLERKS[_f]):
        _d = dict(CLERK_DEFAULTS)
        _d.update(_c)
        CLERKS[_f][_i] = _d
CLERK_BY_KEY = {c["key"]: c for f in CLERKS for c in CLERKS[f]}

WINDOWS = {"a": (dt.date(2016, 3, 1), dt.date(2020, 10, 31)),
           "b": (dt.date(2021, 1, 10), dt.date(2023, 3, 30))}
CENTRE = {"a": "Kassala MRC", "b": "Gedaref MRC"}
FILE_NAME = {"a": "register-a.csv", "b": "register-b.csv"}

COLUMNS = {
    "a": [("No.", None), ("Reg. Date", None), ("Name", "name_latin"), ("Name (Arabic/Tigrinya)", "name_original"),
          ("Sex", "sex"), ("DOB", "birth_date"), ("Age", "age_estimate"), ("Nationality", "nationality"),
          ("Languages", "languages"), ("Phone No.", "phone"), ("ID Type", "document_type"),
          ("ID No.", "document_number"), ("ID Country", "document_country"), ("Date of Arrival", "arrival_date"),
          ("Route / Entry Point", "route"), ("Remarks", "notes"), ("Centre", None), ("Registered by", "EXTRA")],
    "b": [("م", None), ("تاريخ التسجيل", None), ("الاسم", "name_original"), ("الاسم بالإنجليزي", "name_latin"),
          ("النوع", "sex"), ("تاريخ الميلاد", "birth_date"), ("العمر", "age_estimate"), ("الجنسية", "nationality"),
          ("اللغات", "languages"), ("رقم الهاتف", "phone"), ("نوع الوثيقة", "document_type"),
          ("رقم الوثيقة", "document_number"), ("تاريخ الوصول", "arrival_date"), ("طريق الوصول", "route"),
          ("ملاحظات", "notes"), ("اسم الموظف", "EXTRA")],
}
COMPARE_FIELDS = ["name_original", "name_latin", "sex", "birth_date", "age_estimate", "nationality", "languages",
                  "phone", "document_type", "document_number", "document_country", "arrival_date", "route"]

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

SEED = 0


def h01(*keys):
    """Stable hash in [0,1) (Python's hash() is salted, so it is not used)."""
    s = "\x1f".join(str(k) for k in (SEED,) + keys)
    return zlib.crc32(s.encode("utf-8")) / 4294967296.0


def wpick(r, pairs):
    total = sum(w for _, w in pairs)
    x = r.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def years_between(d0, d1):
    y = d1.year - d0.year
    if (d1.month, d1.day) < (d0.month, d0.day):
        y -= 1
    return y


def add_days(d, n):
    return d + dt.timedelta(days=n)


def rand_date(r, lo, hi):
    return add_days(lo, r.randint(0, (hi - lo).days))


def dob_for_age(r, age, ref):
    y = ref.year - age
    d = rand_date(r, dt.date(y - 1, 1, 1), dt.date(y, 12, 31))
    # make the age exact at ref
    while years_between(d, ref) > age:
        d = add_days(d, 30)
    while years_between(d, ref) < age:
        d = add_days(d, -30)
    return d


def fmt_date(d, style):
    return fmt_dmy(d.day, d.month, d.year, style)


def fmt_dmy(day, month, year, style):
    if style == "iso":
        return "%04d-%02d-%02d" % (year, month, day)
    if style == "d/m/y":
        return "%d/%d/%d" % (day, month, year)
    sep = style[-1]
    return "%02d%s%02d%s%d" % (day, sep, month, sep, year)


def clerk_variant_index(entry, clerk):
    n = len(entry.latin)
    if n == 1:
        return 0
    weights = [1.0 / (i + 1) ** clerk["skew"] for i in range(n)]
    u = h01("var", clerk["key"], entry.id) * sum(weights)
    for i, w in enumerate(weights):
        u -= w
        if u < 0:
            return i
    return n - 1


ABBREV_PREFIX = ("Gebre", "Ghebre", "Wolde", "Welde", "Habte", "Hapte", "Tekle", "Tecle")


def latin_compound(v, style):
    if "+" not in v:
        return v
    a, b = v.split("+", 1)
    cap = b[:1].upper() + b[1:]
    if style == "join":
        return a + b
    if style == "camel":
        return a + cap
    if style == "hyphen":
        return a + "-" + cap
    if style == "abbrev" and a in ABBREV_PREFIX:
        return a[0] + "/" + cap
    return a + " " + cap


def script_compound(v, style):
    if "+" not in v:
        return v
    a, b = v.split("+", 1)
    if style == "join":
        if b[:1] in ("أ", "إ"):
            b = "ا" + b[1:]
        return a + b
    if style == "abbrev" and a in ("ገብረ", "ወልደ", "ሃብተ", "ተኽለ"):
        return a[0] + "/" + b
    return a + " " + b


def arabic_habits(s, clerk):
    if clerk["hamza_drop"]:
        s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    if clerk["ta_ha"]:
        s = " ".join(t[:-1] + "ه" if t.endswith("ة") else t for t in s.split(" "))
    if clerk["ya_alif"]:
        s = " ".join(t[:-1] + "ى" if t.endswith("ي") and len(t) > 2 else t for t in s.split(" "))
    return s


_KEY_NEIGH = {"a": "sq", "e": "wr", "i": "uo", "o": "ip", "u": "yi", "n": "bm", "m": "n", "r": "et",
              "t": "ry", "s": "ad", "d": "sf", "h": "gj", "l": "k", "b": "vn", "k": "jl", "g": "fh"}
_AR_SIMILAR = {"س": "ص", "ص": "س", "ت": "ط", "ط": "ت", "د": "ذ", "ذ": "د", "ه": "ح", "ح": "ه", "ز": "ذ",
               "ق": "غ", "ي": "ى", "ة": "ه", "ا": "أ", "أ": "ا", "ك": "ق", "ع": "ا"}
_GEEZ_HOMO = [[0x1200, 0x1210, 0x1280], [0x1230, 0x1220], [0x12A0, 0x12D0], [0x1338, 0x1340]]


def _geez_variant(ch, r):
    cp = ord(ch)
    if not 0x1200 <= cp < 0x1380:
        return None
    order = (cp - 0x1200) % 8
    base = cp - order
    for grp in _GEEZ_HOMO:
        if base in grp:
            nb = r.choice([b for b in grp if b != base]) + order
            if unicodedata.name(chr(nb), None):
                return chr(nb)
    for o in r.sample(range(7), 7):
        if o != order and unicodedata.name(chr(base + o), None):
            return chr(base + o)
    return None


def make_typo(s, seed):
    """One keyboard or spelling slip in one word of s (deterministic for a seed)."""
    r = random.Random(seed)
    toks = s.split(" ")
    cand = [i for i, t in enumerate(toks) if len(t) >= 4 and "/" not in t]
    if not cand:
        return s
    ti = r.choice(cand)
    t = toks[ti]
    geez = any(0x1200 <= ord(c) < 0x1380 for c in t)
    arabic = any(0x0600 <= ord(c) < 0x0700 for c in t)
    pos = r.randrange(1, len(t) - 1) if len(t) > 2 else 1
    if geez:
        v = _geez_variant(t[pos], r)
        t = t[:pos] + v + t[pos + 1:] if v else t[:pos] + t[pos + 1:]
    else:
        op = r.choice(["swap", "drop", "double", "sub"])
        if op == "swap" and t[pos] != t[pos + 1 if pos + 1 < len(t) else pos - 1]:
            j = pos + 1 if pos + 1 < len(t) else pos - 1
            lst = list(t)
            lst[pos], lst[j] = lst[j], lst[pos]
            t = "".join(lst)
        elif op == "drop":
            t = t[:pos] + t[pos + 1:]
        elif op == "double":
            t = t[:pos] + t[pos] + t[pos:]
        else:
            c = t[pos]
            if arabic:
                rep = _AR_SIMILAR.get(c)
                t = t[:pos] + rep + t[pos + 1:] if rep else t[:pos] + t[pos + 1:]
            else:
                low = c.lower()
                if low in "aeiou":
                    rep = r.choice([v for v in "aeiou" if v != low])
                else:
                    rep = r.choice(_KEY_NEIGH.get(low, "aeiou"))
                rep = rep.upper() if c.isupper() else rep
                t = t[:pos] + rep + t[pos + 1:]
    toks[ti] = t
    return " ".join(toks)


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

class Person:
    pass


class Population:
    def __init__(self, n_people, seed):
        self.r = random.Random(seed * 7919 + 17)
        self.n_target = n_people
        self.people = []
        self.households = []

    # -- names -------------------------------------------------------------
    def draw(self, pool):
        return self.r.choices(POOLS[pool], cum_weights=POOL_CUM[pool])[0]

    def adult_parts(self, group, sex):
        g = GROUPS[group]
        r = self.r
        parts = {}
        if g.get("xt") and r.random() < g["xt"]:
            parts["x"] = self.draw("XTIAN_M" if sex == "M" else "XTIAN_F")
        parts["g"] = self.draw(g["m"] if sex == "M" else g["f"])
        n = g["n_pat"] + (1 if r.random() < g["ggf"] else 0)
        if g.get("inherit", True):
            prev = parts["g"]
            for i in range(n):
                e = self.draw(g["pat"])
                if e == prev and r.random() < 0.85:
                    e = self.draw(g["pat"])
                parts["p%d" % (i + 1)] = e
                prev = e
        elif r.random() < 0.5:
            parts["p1"] = self.draw(g["m"] if sex == "M" else g["f"])
        if g.get("fam"):
            parts["f"] = self.draw(g["fam"])
        return parts

    def child_parts(self, group, sex, father, taken):
        g = GROUPS[group]
        r = self.r
        parts = {}
        if "x" in father and r.random() < 0.7:
            parts["x"] = self.draw("XTIAN_M" if sex == "M" else "XTIAN_F")
        pool = g["m"] if sex == "M" else g["f"]
        for _ in range(8):
            gid = self.draw(pool)
            if gid not in taken and gid != father["g"]:
                break
        parts["g"] = gid
        taken.add(gid)
        if g.get("inherit", True):
            chain = [father["g"]] + [father["p%d" % i] for i in range(1, 4) if "p%d" % i in father]
            n = min(len(chain), max(g["n_pat"], len([k for k in father if k.startswith("p")])))
            for i in range(n):
                parts["p%d" % (i + 1)] = chain[i]
        elif r.random() < 0.5:
            parts["p1"] = self.draw(pool)
        if g.get("fam"):
            parts["f"] = father.get("f") or self.draw(g["fam"])
        return parts

    # -- phones and documents ------------------------------------------------
    def phone(self, nat):
        return rand_phone(self.r, nat)

    def document(self, nat, adult):
        r = self.r
        if not adult or r.random() > 0.06:
            return None
        kind = wpick(r, [("passport", 5), ("refugee", 3), ("nid", 2), ("lp", 1)])
        digits = lambda n: "".join(str(r.randrange(10)) for _ in range(n))
        if kind == "passport":
            return (kind, PASSPORT_PREFIX.get(nat, "P") + digits(7), nat)
        if kind == "refugee":
            return (kind, r.choice(["KSL", "GDR", "SHG"]) + "-" + digits(2) + "C" + digits(5), "SD")
        if kind == "nid":
            return (kind, digits(11 if nat == "SD" else 8), nat)
        return (kind, "LP" + digits(6), nat)

    # -- one person --------------------------------------------------------
    def new_person(self, hh, group, sex, age, ref, parts, child=False):
        r = self.r
        p = Person()
        p.pid = "P%05d" % (len(self.people) + 1)
        p.hh = hh
        p.group = group
        g = GROUPS[group]
        p.nat = g["nat"]
        p.sex = sex
        p.parts = parts
        p.n_pat = len([k for k in parts if k.startswith("p")])
        p.dob = dob_for_age(r, age, ref)
        if child:
            p.dob_known = wpick(r, [("full", .65), ("year", .1), ("age", .25)])
        else:
            p.dob_known = wpick(r, [("full", .42), ("year", .26), ("age", .32)])
        if age < 2:
            p.dob_known = "full"
        p.age_bias = wpick(r, [(0, .55), (1, .15), (-1, .15), (2, .07), (-2, .05), (3, .03)])
        p.year_bias = wpick(r, [(0, .75), (1, .12), (-1, .13)])
        if p.dob.year + p.year_bias > ref.year:
            p.year_bias = 0
        p.age_round = r.random() < 0.25
        p.usual_k = max(0 if ("f" in parts or not p.n_pat) else 1, min(wpick(r, g["k"]), p.n_pat))
        p.x_p = 0.4 + 0.5 * r.random()
        p.langs = [lk for lk, pr in g["langs"] if r.random() < pr] or [g["langs"][0][0]]
        if group == "er_tigre" and r.random() < 0.15:
            p.langs[0] = r.choice(["saho", "bej"])
        p.doc = self.document(p.nat, age >= 18)
        p.own_phone = None
        p.child = child
        p.age_at_ref = age
        p.extra_phones = []
        self.people.append(p)
        return p

    # -- households ------------------------------------------------------------
    def choose_membership(self, group):
        mA, mB = GROUPS[group]["mult"]
        return wpick(self.r, [("a", 0.57 * mA), ("ab", 0.107), ("b", 0.323 * mB)])

    def reg_dates(self, member):
        r = self.r
        ra = rb = None
        if "a" in member:
            ra = rand_date(r, *WINDOWS["a"])
        if "b" in member:
            rb = rand_date(r, *WINDOWS["b"])
        return ra, rb

    def arrival(self, r, reg):
        k = wpick(r, [(0, .7), (1, .2), (2, .1)])
        if k == 0:
            return add_days(reg, -r.randint(0, 30))
        if k == 1:
            return add_days(reg, -r.randint(31, 365))
        return add_days(reg, -r.randint(366, 6 * 365))

    def next_hh(self):
        self.hh_counter = getattr(self, "hh_counter", 0) + 1
        return self.hh_counter

    def build(self):
        r = self.r
        groups = [(k, GROUPS[k]["w"]) for k in GROUP_KEYS]
        cluster_budget = int(self.n_target * 0.035)
        while len(self.people) < self.n_target:
            hh = self.next_hh()
            group = wpick(r, groups)
            member = self.choose_membership(group)
            ra, rb = self.reg_dates(member)
            ref = ra or rb
            kind = wpick(r, [("single", .58), ("couple", .07), ("couple_kids", .10), ("mother_kids", .14),
                             ("father_kids", .03), ("siblings", .08)])
            if cluster_budget > 0 and kind == "single" and r.random() < 0.12:
                cluster_budget -= self.namesake_cluster(group, hh)
                continue
            members = self.household(kind, group, hh, ref)
            self.finish_household(hh, members, member, ra, rb)
        # the last household may overshoot: its youngest members are dropped
        del self.people[self.n_target:]
        return self.people

    def household(self, kind, group, hh, ref):
        r = self.r
        g = GROUPS[group]
        out = []
        if kind == "single":
            sex = "M" if r.random() < 0.62 else "F"
            age = r.randint(14, 17) if r.random() < 0.06 else int(r.triangular(18, 62, 24))
            out.append(self.new_person(hh, group, sex, age, ref, self.adult_parts(group, sex)))
            return out
        if kind in ("couple", "couple_kids", "father_kids"):
            fage = int(r.triangular(20, 60, 30))
            father_parts = self.adult_parts(group, "M")
            out.append(self.new_person(hh, group, "M", fage, ref, father_parts))
            mage = None
            if kind != "father_kids":
                mage = max(17, fage - r.randint(0, 10))
                wparts = self.adult_parts(group, "F")
                if group == "ng_south" and r.random() < 0.7:
                    wparts["f"] = father_parts["f"]
                out.append(self.new_person(hh, group, "F", mage, ref, wparts))
            if kind == "couple":
                return out
            parent_age = min(fage, mage or fage)
        elif kind == "mother_kids":
            mage = int(r.triangular(18, 48, 27))
            out.append(self.new_person(hh, group, "F", mage, ref, self.adult_parts(group, "F")))
            father_parts = self.adult_parts(group, "M")
            if group == "ng_south" and r.random() < 0.8:
                out[0].parts["f"] = father_parts["f"]
            parent_age = mage
        else:  # siblings without parents
            father_parts = self.adult_parts(group, "M")
            parent_age = r.randint(36, 60)
        max_child = max(0, min(17 if kind != "siblings" else 30, parent_age - 17))
        n_kids = r.randint(2, 4) if kind == "siblings" else wpick(r, [(1, .3), (2, .3), (3, .2), (4, .12), (5, .08)])
        ages = sorted({r.randint(0, max_child) for _ in range(n_kids)}, reverse=True)
        if kind == "siblings":
            ages = sorted({max(r.randint(8, 30), 15 if i == 0 else 0) for i in range(n_kids)}, reverse=True)
            ages = [a for a in ages if a <= parent_age - 17] or [15]
        twins = len(ages) >= 1 and r.random() < 0.045
        taken = set()
        for i, a in enumerate(ages):
            sexes = ["M" if r.random() < 0.5 else "F"]
            if twins and i == 0:
                sexes.append("M" if r.random() < 0.5 else "F")
            kids = []
            for s in sexes:
                kids.append(self.new_person(hh, group, s, a, ref, self.child_parts(group, s, father_parts, taken),
                                            child=a < 18))
            if len(kids) == 2:
                kids[1].dob = kids[0].dob
                kids[1].dob_known = kids[0].dob_known
                kids[1].twin_of = kids[0].pid
                kids[0].twin_of = kids[1].pid
                if (group in ("sd", "td", "er_tigre", "ng_hausa") and kids[0].sex == kids[1].sex == "M"
                        and r.random() < 0.5):
                    pool = g["m"]
                    e1, e2 = entry_in_pool(pool, "Hassan"), entry_in_pool(pool, "Hussein")
                    if e1 is None:
                        e1, e2 = entry_in_pool(pool, "Hassane"), entry_in_pool(pool, "Hissein")
                    if e1 is not None and e2 is not None:
                        kids[0].parts["g"], kids[1].parts["g"] = e1, e2
            out.extend(kids)
        return out

    def namesake_cluster(self, group, hh0):
        """Unrelated people with the same full name and close ages."""
        r = self.r
        sex = "M" if r.random() < 0.65 else "F"
        parts = self.adult_parts(group, sex)
        base_age = int(r.triangular(18, 50, 25))
        size = wpick(r, [(2, .55), (3, .3), (4, .15)])
        made = 0
        for i in range(size):
            hh = hh0 if i == 0 else self.next_hh()
            member = self.choose_membership(group)
            ra, rb = self.reg_dates(member)
            age = max(16, base_age + r.randint(-3, 3))
            p = self.new_person(hh, group, sex, age, ra or rb, dict(parts))
            p.namesake = True
            self.finish_household(hh, [p], member, ra, rb)
            made += 1
        return made

    def finish_household(self, hh, members, member, ra, rb):
        r = self.r
        nat = GROUPS[members[0].group]["nat"]
        home = nat if nat in PHONE_PLAN else "SD"
        hh_phone = None
        if r.random() < 0.85:
            hh_phone = self.phone("SD" if r.random() < 0.78 else home)
        arr_a = self.arrival(r, ra) if ra else None
        if rb:
            arr_b = arr_a if (arr_a and r.random() < 0.5) else self.arrival(r, rb)
        else:
            arr_b = None
        routes = ROUTES[nat]
        route_a = wpick(r, [(i, w[2]) for i, w in enumerate(routes)])
        route_b = route_a if arr_b == arr_a else wpick(r, [(i, w[3]) for i, w in enumerate(routes)])
        for i, p in enumerate(members):
            p.member = member
            p.reg = {"a": ra, "b": rb}
            p.arr = {"a": arr_a, "b": arr_b}
            p.route = {"a": route_a, "b": route_b}
            p.hh_phone = hh_phone
            p.hh_index = i
            p.hh_size = len(members)
            adult = years_between(p.dob, ra or rb) >= 18
            if adult and i > 0 and r.random() < 0.3:
                p.own_phone = self.phone("SD")
            if len(members) == 1:
                p.own_phone = hh_phone
            if p.child and i > 0:
                p.langs = list(members[0].langs)
            if not hasattr(p, "namesake"):
                p.namesake = False
            if not hasattr(p, "twin_of"):
                p.twin_of = None


# ---------------------------------------------------------------------------
# Records: a "spec" says what one row should say; render() turns it into cells
# ---------------------------------------------------------------------------

def active_clerks(f, d):
    return [c for c in CLERKS[f] if c["years"][0] <= d.year <= c["years"][1]]


def pick_clerk(r, f, d, avoid=None):
    cands = [c for c in active_clerks(f, d) if c["key"] != avoid]
    if not cands:
        return None
    return wpick(r, [(c["key"], c["weight"]) for c in cands])


def make_note(r, person, clerk, kind):
    lang = clerk["notes_lang"]
    if kind == "repeat" and r.random() < 0.35:
        return r.choice(NOTES_REPEAT_EN if lang == "en" else NOTES_REPEAT_AR)
    if r.random() >= clerk["note_p"]:
        return ""
    if r.random() < 0.015:
        return r.choice(NOTES_EN_MULTI if lang == "en" else NOTES_AR_MULTI)
    pool = NOTES_EN if lang == "en" else NOTES_AR
    bits = [r.choice(pool)]
    if r.random() < 0.25:
        b = r.choice(pool)
        if b != bits[0]:
            bits.append(b)
    if person.hh_size > 1 and person.hh_index > 0 and r.random() < 0.3:
        bits.append("same family as above" if lang == "en" else "نفس الأسرة")
    if person.sex == "F" and 18 <= person.age_at_ref <= 40 and r.random() < 0.05:
        bits.append("pregnant, 6 months" if lang == "en" else "حامل، الشهر السادس")
    if person.age_at_ref < 18 and person.hh_size == 1:
        bits.append("Unaccompanied minor" if lang == "en" else "قاصر غير مصحوب")
    sep = r.choice([", ", "; ", ". "]) if lang == "en" else r.choice(["، ", " - "])
    return sep.join(bits)


def min_k(person):
    """A name is never written as a bare given name unless a family name follows."""
    return 0 if ("f" in person.parts or person.n_pat == 0) else 1


def base_spec(r, person, f, clerk_key, reg, kind="first"):
    clerk = CLERK_BY_KEY[clerk_key]
    s = {"file": f, "clerk": clerk_key, "reg": reg, "seed": r.randrange(1 << 30)}
    k = person.usual_k
    if r.random() < 0.08:
        k = max(min_k(person), min(person.n_pat, k + r.choice([-1, 1])))
    s["k"] = k
    s["show_x"] = r.random() < person.x_p
    s["show_f"] = r.random() < 0.93
    s["var"] = {}
    s["typos"] = []
    if r.random() < clerk["typo"]:
        s["typos"].append(r.randrange(1 << 30))
    s["orig_mode"] = None
    s["ar_flip"] = False
    s["dob_mode"] = person.dob_known
    s["dob"] = person.dob
    s["year_shift"] = person.year_bias
    s["age_jit"] = 0
    s["phone"] = person.own_phone or person.hh_phone
    s["phone2"] = None
    if s["phone"] and r.random() < 0.015:
        s["phone2"] = rand_phone(_PH.r, person.nat if person.nat in PHONE_PLAN else "SD")
    s["sex_on"] = r.random() >= clerk["sex_skip"]
    s["nat_on"] = r.random() >= clerk["nat_skip"]
    s["nat_style"] = None
    s["langs"] = list(person.langs)
    s["lang_on"] = r.random() < clerk["lang_p"]
    s["doc"] = person.doc if (person.doc and r.random() < 0.8) else None
    s["arrival"] = person.arr[f]
    s["arr_on"] = r.random() < 0.93
    s["route"] = person.route[f]
    s["route_on"] = r.random() < 0.88
    s["note"] = make_note(r, person, clerk, kind)
    s["defect"] = None
    return s


class _PhoneSource:
    """A separate random stream for extra phone numbers made while building records."""
    def __init__(self, seed):
        self.r = random.Random(seed * 31 + 5)


_PH = None


def reported_age(person, spec):
    age = years_between(spec["dob"], spec["reg"]) + person.age_bias + spec["age_jit"]
    if person.age_round and age >= 20:
        age = int(round(age / 5.0)) * 5
    return max(1, age)


def fmt_age(n, clerk, r):
    f = clerk["age_fmt"]
    if f == "yrs":
        return "%d yrs" % n if r.random() < 0.8 else str(n)
    if f == "years":
        return "%d years" % n if r.random() < 0.7 else "%d yrs" % n
    if f == "ar":
        return "%d سنة" % n if r.random() < 0.6 else str(n)
    return str(n)


def fmt_phone(ph, clerk):
    cc, nsn = ph
    style = clerk["phone"]
    if cc != "249":
        fs = clerk["foreign"]
        if style in ("plus", "plus_sp"):
            fs = style
        if fs == "00":
            return "00" + cc + nsn
        if fs == "plus_sp":
            return "+%s %s %s" % (cc, nsn[:len(nsn) // 2], nsn[len(nsn) // 2:])
        if cc == "251" and style == "local":
            return "0" + nsn
        return "+" + cc + nsn
    if style == "local":
        return "0" + nsn
    if style == "plus":
        return "+249" + nsn
    if style == "plus_sp":
        return "+249 %s %s %s" % (nsn[:2], nsn[2:5], nsn[5:])
    if style == "nozero":
        return nsn
    if style == "dash":
        return "0%s-%s-%s" % (nsn[:2], nsn[2:5], nsn[5:])
    if style == "cc":
        return "249" + nsn
    return "00249" + nsn


def fmt_nat(nat, person, clerk, style=None):
    style = style or clerk["nat"]
    t = NAT[nat]
    if style == "name":
        v = t[0]
    elif style == "adj":
        v = t[1]
    elif style == "iso2":
        v = nat
    elif style == "iso3":
        v = t[2]
    elif style == "ar":
        v = t[3]
    else:
        v = t[5] if person.sex == "F" else t[4]
    if style in ("ar", "ar_adj"):
        v = arabic_habits(v, dict(clerk, ya_alif=False))
    return v


def nat_styles_for(clerk):
    if clerk["lang"] == "ar":
        return ["ar", "ar_adj", "iso3"]
    return ["name", "adj", "iso2", "iso3"]


def render_name(person, spec, clerk, r):
    roles = []
    if "x" in person.parts and spec["show_x"]:
        roles.append("x")
    roles.append("g")
    k = min(spec["k"], clerk["max_k"], person.n_pat)
    roles += ["p%d" % i for i in range(1, k + 1)]
    if "f" in person.parts and (spec["show_f"] or len(roles) == 1):
        roles.append("f")
    ents = [ENTRIES[person.parts[x]] for x in roles]
    # Latin
    toks = []
    for role, e in zip(roles, ents):
        if role in spec["var"]:
            v = e.latin[spec["var"][role] % len(e.latin)]
        elif r.random() < clerk["wobble"]:
            v = e.latin[r.randrange(len(e.latin))]
        else:
            v = e.latin[clerk_variant_index(e, clerk)]
        toks.append(latin_compound(v, clerk["compound"]))
    latin = " ".join(toks)
    if clerk["case"] == "upper":
        latin = latin.upper()
    elif r.random() < clerk["lower_p"]:
        latin = latin.lower()
    # Original script
    mode = spec["orig_mode"] or clerk["orig"]
    orig = ""
    if mode == "geez":
        ok = person.group in GEEZ_GROUPS and all(e.geez for e in ents)
        if ok and person.group not in GEEZ_STRICT:
            ok = h01("geez", clerk["key"], person.pid) < 0.5
        if ok:
            gstyle = clerk["geez_compound"]
            if spec["ar_flip"]:
                gstyle = "split" if gstyle != "split" else "join"
            orig = " ".join(script_compound(e.geez, gstyle) for e in ents)
        else:
            mode = clerk["orig_fb"]
    if mode == "ar":
        astyle = clerk["ar_compound"]
        sparse = clerk["ar_sparse"]
        if spec["ar_flip"]:
            astyle = "split" if astyle == "join" else "join"
            sparse = not sparse
        orig = " ".join(script_compound(e.ar_sparse if sparse else e.ar_full, astyle) for e in ents)
        orig = arabic_habits(orig, clerk)
    elif mode == "latin":
        orig = latin
    fill_latin = h01("fill", spec["seed"]) < clerk["latin_p"] or not orig
    if mode == "latin":
        fill_latin = clerk["latin_p"] > 0 and fill_latin
    if not fill_latin:
        latin = ""
    for seed in spec["typos"]:
        if latin and (not orig or seed % 2 == 0 or mode == "latin"):
            latin = make_typo(latin, seed)
            if mode == "latin":
                orig = latin
        elif orig:
            orig = make_typo(orig, seed)
    if r.random() < clerk["space_p"]:
        which = r.random()
        def noisy(s):
            if not s:
                return s
            if which < 0.5 and " " in s:
                i = s.index(" ")
                return s[:i] + "  " + s[i + 1:]
            return s + " " if which < 0.8 else " " + s
        latin, orig = noisy(latin), noisy(orig)
    return latin, orig


def render(spec, person):
    """Cells of one row, by field name (plus '_reg', '_centre', '_clerk')."""
    clerk = CLERK_BY_KEY[spec["clerk"]]
    r = random.Random(spec["seed"])
    out = {}
    latin, orig = render_name(person, spec, clerk, r)
    out["name_latin"], out["name_original"] = latin, orig
    # sex
    sx = ""
    if spec["sex_on"]:
        style = clerk["sex"]
        m = person.sex == "M"
        sx = {"MF": "M" if m else "F", "MaleFemale": "Male" if m else "Female",
              "lower": "male" if m else "female", "ar": "ذكر" if m else "أنثى"}[style]
        if style == "ar":
            sx = arabic_habits(sx, clerk)
    out["sex"] = sx
    # birth date and age
    mode = spec["dob_mode"]
    birth, age = "", ""
    if mode == "full":
        birth = fmt_date(spec["dob"], clerk["date"])
        a = years_between(spec["dob"], spec["reg"])
        if clerk["age_col"] == "always" and a >= 1:
            age = fmt_age(a, clerk, r)
    elif mode == "year":
        y = min(spec["dob"].year + spec["year_shift"], spec["reg"].year)
        birth = str(y) if clerk["year_style"] == "year" else fmt_dmy(1, 1, y, clerk["date"])
        if clerk["age_col"] == "always" and spec["reg"].year - y >= 1:
            age = fmt_age(spec["reg"].year - y, clerk, r)
    else:
        age = fmt_age(reported_age(person, spec), clerk, r)
    out["birth_date"], out["age_estimate"] = birth, age
    # nationality
    out["nationality"] = fmt_nat(person.nat, person, clerk, spec["nat_style"]) if spec["nat_on"] else ""
    # languages
    if spec["lang_on"] and spec["langs"]:
        idx = 0 if clerk["lang"] == "en" else 1
        names = []
        for lk in spec["langs"]:
            opts = LANGS[lk][idx]
            names.append(opts[int(h01("lang", clerk["key"], lk) * len(opts))])
        out["languages"] = clerk["lang_sep"].join(names)
    else:
        out["languages"] = ""
    # phone
    ph = ""
    if spec["phone"]:
        ph = fmt_phone(spec["phone"], clerk)
        if spec["phone2"]:
            ph += " / " + fmt_phone(spec["phone2"], clerk)
    out["phone"] = ph
    # document
    if spec["doc"]:
        kind, num, country = spec["doc"]
        out["document_type"] = DOC_LABEL[kind][0 if clerk["lang"] == "en" else 1]
        if clerk["doc_style"] == "space" and len(num) > 6:
            num = num[:3] + " " + num[3:]
        elif clerk["doc_style"] == "lower":
            num = num.lower()
        out["document_number"] = num
        cstyle = {"adj": "name", "ar_adj": "ar"}.get(clerk["nat"], clerk["nat"])
        out["document_country"] = fmt_nat(country, person, clerk, cstyle)
    else:
        out["document_type"] = out["document_number"] = out["document_country"] = ""
    # arrival and route
    out["arrival_date"] = fmt_date(spec["arrival"], clerk["date"]) if (spec["arrival"] and spec["arr_on"]) else ""
    if spec["route_on"] and spec["route"] is not None:
        rt = ROUTES[person.nat][spec["route"]]
        txt = rt[0] if clerk["route_lang"] == "en" else rt[1]
        out["route"] = txt.replace(" - ", clerk["route_sep"])
    else:
        out["route"] = ""
    out["notes"] = spec["note"]
    out["_reg"] = fmt_date(spec["reg"], clerk["date"])
    out["_centre"] = CENTRE[spec["file"]]
    out["_clerk"] = clerk["label"]
    # the one defect of a bad row
    d = spec["defect"]
    why = ""
    if d == "no_name":
        out["name_latin"] = out["name_original"] = ""
        why = "empty name"
    elif d == "bad_date":
        day, mon, yr = spec["defect_arg"]
        out["birth_date"] = fmt_dmy(day, mon, yr, clerk["date"])
        out["age_estimate"] = ""
        why = "impossible birth date '%s'" % out["birth_date"]
    elif d == "bad_nat":
        out["nationality"] = spec["defect_arg"]
        why = "unknown nationality '%s'" % out["nationality"]
    elif d == "bad_age":
        out["birth_date"] = ""
        out["age_estimate"] = spec["defect_arg"]
        why = "absurd age '%s'" % out["age_estimate"]
    out["_why"] = why
    return out


def compare_key(cells):
    return tuple(cells.get(f, "") for f in COMPARE_FIELDS)


# ---------------------------------------------------------------------------
# Changes between two records of the same person
# ---------------------------------------------------------------------------

CHANGE_MENU = [("clerk", 14), ("phone", 18), ("parts", 14), ("spelling", 14), ("typo", 10), ("dob_age", 10),
               ("dob_shift", 6), ("sex", 6), ("nat", 8), ("arrival", 6), ("lang", 4), ("script", 4)]


def apply_change(kind, s, person, r):
    """Change one thing in spec s; return False if the change does not apply."""
    clerk = CLERK_BY_KEY[s["clerk"]]
    if kind == "clerk":
        k = pick_clerk(r, s["file"], s["reg"], avoid=s["clerk"])
        if not k:
            return False
        s["clerk"] = k
        s["seed"] = r.randrange(1 << 30)
        return True
    if kind == "phone":
        if s["phone"] and r.random() < 0.15:
            s["phone"] = None
        else:
            s["phone"] = _PH_new(person, r)
        s["phone2"] = None
        return True
    if kind == "parts":
        eff = min(s["k"], clerk["max_k"], person.n_pat)
        opts = []
        if eff > 1 or (eff == 1 and "f" in person.parts):
            opts.append("dec")
        if eff < min(person.n_pat, clerk["max_k"]):
            opts.append("inc")
        if "x" in person.parts:
            opts.append("x")
        if "f" in person.parts and eff >= 1:
            opts.append("f")
        if not opts:
            return False
        o = r.choice(opts)
        if o == "dec":
            s["k"] = eff - 1
        elif o == "inc":
            s["k"] = eff + 1
        elif o == "x":
            s["show_x"] = not s["show_x"]
        else:
            s["show_f"] = not s["show_f"]
        return True
    if kind == "spelling":
        if clerk["latin_p"] == 0 and clerk["orig"] == "ar":
            s["ar_flip"] = not s["ar_flip"]
            return True
        roles = [x for x in person.parts if len(ENTRIES[person.parts[x]].latin) > 1 and x not in s["var"]]
        roles = [x for x in roles if x in ("g", "p1") or r.random() < 0.5]
        if not roles:
            return False
        role = r.choice(roles)
        e = ENTRIES[person.parts[role]]
        cur = clerk_variant_index(e, clerk)
        s["var"][role] = r.choice([i for i in range(len(e.latin)) if i != cur])
        return True
    if kind == "typo":
        if s["typos"]:
            s["typos"] = []
        else:
            s["typos"] = [r.randrange(1 << 30)]
        return True
    if kind == "dob_age":
        if s["dob_mode"] in ("full", "year"):
            if years_between(s["dob"], s["reg"]) < 2:
                return False
            s["dob_mode"] = "age"
        else:
            s["dob_mode"] = "year"
        return True
    if kind == "dob_shift":
        if s["dob_mode"] == "full":
            d = s["dob"]
            o = r.choice(["day", "month", "year"])
            try:
                if o == "day":
                    nd = d.replace(day=r.choice([x for x in range(1, 29) if x != d.day]))
                elif o == "month":
                    nd = d.replace(month=r.choice([x for x in range(1, 13) if x != d.month]), day=min(d.day, 28))
                else:
                    nd = d.replace(year=d.year + r.choice([-1, 1]), day=min(d.day, 28))
            except ValueError:
                return False
            if nd >= s["reg"]:
                return False
            s["dob"] = nd
        elif s["dob_mode"] == "year":
            ns = s["year_shift"] + r.choice([-1, 1])
            if s["dob"].year + ns > s["reg"].year:
                return False
            s["year_shift"] = ns
        else:
            s["age_jit"] += r.choice([-3, -2, -1, 1, 2, 3])
            if years_between(s["dob"], s["reg"]) + person.age_bias + s["age_jit"] < 1:
                return False
        return True
    if kind == "sex":
        s["sex_on"] = not s["sex_on"]
        return True
    if kind == "nat":
        if s["nat_on"] and r.random() < 0.5:
            s["nat_on"] = False
        else:
            s["nat_on"] = True
            cur = s["nat_style"] or clerk["nat"]
            s["nat_style"] = r.choice([x for x in nat_styles_for(clerk) if x != cur])
        return True
    if kind == "arrival":
        s["arrival"] = add_days(s["reg"], -r.randint(0, 40))
        s["arr_on"] = True
        if r.random() < 0.5:
            routes = ROUTES[person.nat]
            s["route"] = r.randrange(len(routes))
            s["route_on"] = True
        return True
    if kind == "lang":
        g = GROUPS[person.group]
        extra = [lk for lk, _ in g["langs"] if lk not in s["langs"]]
        if extra and r.random() < 0.6:
            s["langs"] = s["langs"] + [r.choice(extra)]
        elif len(s["langs"]) > 1:
            s["langs"] = s["langs"][:-1]
        else:
            s["lang_on"] = not s["lang_on"]
        return True
    if kind == "script":
        mode = clerk["orig"]
        if mode in ("ar", "geez") and clerk["latin_p"] > 0:
            s["orig_mode"] = "none"
            return True
        if mode in ("none", "latin") and person.group not in ("ng_south",):
            s["orig_mode"] = "ar"
            return True
        return False
    return False


def rand_phone(r, nat):
    cc, prefixes, k = PHONE_PLAN[nat]
    return (cc, r.choice(prefixes) + "".join(str(r.randrange(10)) for _ in range(k)))


def _PH_new(person, r):
    """A new number: mostly a new Sudanese SIM, sometimes a home-country one."""
    if r.random() < 0.85:
        return rand_phone(r, "SD")
    return rand_phone(r, person.nat if person.nat in PHONE_PLAN else "SD")


def changed_copy(r, base, person, new_reg, n_changes, menu=CHANGE_MENU, forced=None):
    s = copy.deepcopy(base)
    s["reg"] = new_reg
    s["seed"] = base["seed"]
    s["defect"] = None
    done = []
    if CLERK_BY_KEY[s["clerk"]] not in active_clerks(s["file"], new_reg):
        s["clerk"] = pick_clerk(r, s["file"], new_reg)
        s["seed"] = r.randrange(1 << 30)
        done.append("clerk")
    if s["typos"] and r.random() < 0.7:
        s["typos"] = []
        done.append("typo")
    for f in forced or []:
        if len(done) < n_changes and f not in done and apply_change(f, s, person, r):
            done.append(f)
    tries = 0
    while len(done) < n_changes and tries < 40:
        tries += 1
        kind = wpick(r, [(k, w) for k, w in menu if k not in done])
        if apply_change(kind, s, person, r):
            done.append(kind)
    return s, done


# ---------------------------------------------------------------------------
# Building the two registers
# ---------------------------------------------------------------------------

def build_registers(people, seed, n_people):
    global _PH
    r = random.Random(seed * 104729 + 3)
    _PH = _PhoneSource(seed)
    records = {"a": [], "b": []}   # (reg, batch_key, member_index, spec, person, cells)
    firsts = {"a": {}, "b": {}}

    # first records, household by household, same clerk and day for a family
    by_hh = {}
    order = []
    for p in people:
        if p.hh not in by_hh:
            by_hh[p.hh] = []
            order.append(p.hh)
        by_hh[p.hh].append(p)
    for hh in order:
        members = by_hh[hh]
        for f in ("a", "b"):
            if f not in members[0].member:
                continue
            reg = members[0].reg[f]
            ck = pick_clerk(r, f, reg)
            batch = r.random()
            hh_new_phone = _PH_new(members[0], r) if r.random() < 0.55 else None
            for i, p in enumerate(members):
                s = base_spec(r, p, f, ck, reg)
                if f == "b" and "a" in p.member:
                    drift_b(r, s, p, hh_new_phone)
                firsts[f][p.pid] = s
                records[f].append([reg, batch, i, s, p])

    # repeats inside each file
    stats = {}
    for f in ("a", "b"):
        lo, hi = WINDOWS[f]
        ids = [p for p in people if f in p.member]
        n_rep = int(round(len(ids) * (0.043 if f == "a" else 0.05)))
        chosen = weighted_sample(r, ids, [1.0 if years_between(p.dob, p.reg[f]) >= 16 else 0.35 for p in ids],
                                 n_rep)
        n_rows = 0
        for p in chosen:
            base = firsts[f][p.pid]
            times = 2 if r.random() < 0.12 else 1
            prev_reg = base["reg"]
            for _ in range(times):
                gap = wpick(r, [("same", .08), ("days", .37), ("months", .37), ("years", .18)])
                if gap == "same":
                    d = prev_reg
                elif gap == "days":
                    d = add_days(prev_reg, r.randint(1, 60))
                elif gap == "months":
                    d = add_days(prev_reg, r.randint(61, 540))
                else:
                    d = add_days(prev_reg, r.randint(541, 1500))
                if d > hi:
                    d = rand_date(r, prev_reg, hi)
                n_ch = wpick(r, [(1, .5), (2, .35), (3, .15)])
                menu = CHANGE_MENU
                if (d - base["reg"]).days > 365:
                    menu = [(k, w * (3 if k in ("dob_age", "phone") else 1)) for k, w in CHANGE_MENU]
                s, done = changed_copy(r, base, p, d, n_ch, menu)
                s["note"] = make_note(r, p, CLERK_BY_KEY[s["clerk"]], "repeat")
                guard = 0
                while compare_key(render(s, p)) == compare_key(render(base, p)) and guard < 10:
                    guard += 1
                    kind = wpick(r, [(k, w) for k, w in CHANGE_MENU if k not in ("clerk",)])
                    apply_change(kind, s, p, r)
                records[f].append([d, r.random(), 0, s, p])
                prev_reg = d
                n_rows += 1
        stats[f] = {"repeat_people": len(chosen), "repeat_rows": n_rows}

    # make sure a few notes run over several lines, whatever the size
    for f in ("a", "b"):
        if not any("\n" in rec[3]["note"] for rec in records[f]):
            for rec in r.sample(records[f], min(3, len(records[f]))):
                lang = CLERK_BY_KEY[rec[3]["clerk"]]["notes_lang"]
                rec[3]["note"] = r.choice(NOTES_EN_MULTI if lang == "en" else NOTES_AR_MULTI)

    # bad rows: one defect each, for people who have a good row in that file
    for f in ("a", "b"):
        lo, hi = WINDOWS[f]
        n_bad = max(4, int(round(n_people * (0.003 if f == "a" else 0.0015))))
        ids = [p for p in people if f in p.member]
        chosen = r.sample(ids, n_bad)
        defects = (["no_name", "bad_date", "bad_nat", "bad_age"] * (n_bad // 4 + 1))[:n_bad]
        r.shuffle(defects)
        for p, d in zip(chosen, defects):
            base = firsts[f][p.pid]
            reg = base["reg"] if r.random() < 0.5 else rand_date(r, base["reg"], min(hi, add_days(base["reg"], 400)))
            s = copy.deepcopy(base)
            s["reg"] = reg
            if CLERK_BY_KEY[s["clerk"]] not in active_clerks(f, reg):
                s["clerk"] = pick_clerk(r, f, reg)
            s["seed"] = r.randrange(1 << 30)
            s["defect"] = d
            clerk = CLERK_BY_KEY[s["clerk"]]
            if d == "bad_date":
                y = r.randint(1965, 2005)
                s["defect_arg"] = r.choice([(31, 2, y), (30, 2, y), (31, 4, y), (31, 6, y), (31, 9, y),
                                            (31, 11, y), (15, 13, y), (12, 14, y), (32, 5, y), (0, 7, y),
                                            (10, 0, y), (11, 3, 2097), (5, 8, 1869)])
            elif d == "bad_nat":
                s["defect_arg"] = r.choice(UNKNOWN_NAT_AR if clerk["lang"] == "ar" else UNKNOWN_NAT_EN)
            elif d == "bad_age":
                a = r.choice(["250", "-3", "999", "187", "140", "310", "-12", "205"])
                if clerk["age_fmt"] == "yrs" and not a.startswith("-"):
                    a += " yrs"
                s["defect_arg"] = a
            s["note"] = ""
            records[f].append([reg, r.random(), 0, s, p])
        stats[f]["bad"] = n_bad
    return records, stats


def weighted_sample(r, items, weights, n):
    keyed = sorted(((r.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:n]]


def drift_b(r, s, p, hh_new_phone):
    """A person of register A registered again years later in Gedaref."""
    if s["dob_mode"] != "age" and r.random() < 0.42 and years_between(p.dob, s["reg"]) >= 2:
        s["dob_mode"] = "age"
        if r.random() < 0.4:
            s["age_jit"] = r.choice([-2, -1, 1, 2])
    if s["phone"] and s["phone"] == p.hh_phone and p.hh_size > 1:
        if hh_new_phone:
            s["phone"] = hh_new_phone
    elif r.random() < 0.55:
        s["phone"] = _PH_new(p, r)
    if r.random() < 0.10:
        s["sex_on"] = False
    if r.random() < 0.10:
        s["nat_on"] = False
    if r.random() < 0.15:
        s["k"] = max(min_k(p), min(p.n_pat, s["k"] + r.choice([-1, 1])))


def write_outputs(out_dir, records, people):
    os.makedirs(out_dir, exist_ok=True)
    truth = []
    for f in ("a", "b"):
        recs = sorted(records[f], key=lambda x: (x[0], x[1], x[2]))
        cols = COLUMNS[f]
        path = os.path.join(out_dir, FILE_NAME[f])
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c[0] for c in cols])
            for i, (reg, _, _, s, p) in enumerate(recs):
                cells = render(s, p)
                row = []
                for header, field in cols:
                    if field is None:
                        if header in ("No.", "م"):
                            row.append(str(i + 1))
                        elif header in ("Reg. Date", "تاريخ التسجيل"):
                            row.append(cells["_reg"])
                        else:
                            row.append(cells["_centre"])
                    elif field == "EXTRA":
                        row.append(cells["_clerk"])
                    else:
                        row.append(cells[field])
                w.writerow(row)
                bad = 1 if s["defect"] else 0
                truth.append((FILE_NAME[f], i + 2, p.pid, bad, cells["_why"]))
        mapping = {"columns": {h: fld for h, fld in cols if fld != "EXTRA"}}
        with open(os.path.join(out_dir, "mapping-%s.json" % f), "w", encoding="utf-8") as fh:
            json.dump(mapping, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    with open(os.path.join(out_dir, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "row", "person", "bad", "why"])
        for t in truth:
            w.writerow(t)


# ---------------------------------------------------------------------------
# --check: re-read everything with the csv module
# ---------------------------------------------------------------------------

VALID_FIELDS = {"name_original", "name_latin", "sex", "birth_date", "age_estimate", "nationality", "languages",
                "phone", "document_type", "document_number", "document_country", "arrival_date", "route", "notes"}


def parse_date(s):
    """Day-first or ISO date, or a bare year; returns (date or None, ok)."""
    s = s.strip()
    if not s:
        return None, True
    try:
        if len(s) == 4 and s.isdigit():
            return dt.date(int(s), 7, 1), True
        if len(s) == 10 and s[4] == "-" and s[7] == "-":
            y, m, d = s.split("-")
        else:
            for sep in "/-.":
                if sep in s:
                    d, m, y = s.split(sep)
                    break
            else:
                return None, False
        if len(y) != 4:
            return None, False
        return dt.date(int(y), int(m), int(d)), True
    except ValueError:
        return None, False


def known_nat_forms():
    forms = set()
    for iso, t in NAT.items():
        forms.add(iso)
        for v in t:
            forms.add(v)
            v2 = v.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
            forms.add(v2)
            forms.add(" ".join(t[:-1] + "ه" if t.endswith("ة") else t for t in v2.split(" ")))
    return forms


def check(out_dir):
    errors = []
    summary = []
    with open(os.path.join(out_dir, "truth.csv"), newline="", encoding="utf-8") as fh:
        rd = csv.reader(fh)
        head = next(rd)
        if head != ["file", "row", "person", "bad", "why"]:
            errors.append("truth.csv header is %r" % head)
        truth = [row for row in rd]
    nat_forms = known_nat_forms()
    persons_in = {}
    for f in ("a", "b"):
        fname = FILE_NAME[f]
        with open(os.path.join(out_dir, "mapping-%s.json" % f), encoding="utf-8") as fh:
            mapping = json.load(fh)["columns"]
        with open(os.path.join(out_dir, fname), newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        header, data = rows[0], rows[1:]
        if len(set(header)) != len(header):
            errors.append("%s: duplicate headers" % fname)
        for h, fld in mapping.items():
            if h not in header:
                errors.append("%s: mapped header %r not in file" % (fname, h))
            if fld is not None and fld not in VALID_FIELDS:
                errors.append("%s: unknown field %r" % (fname, fld))
        used = [v for v in mapping.values() if v]
        if len(used) != len(set(used)):
            errors.append("%s: a field is mapped twice" % fname)
        col = {fld: header.index(h) for h, fld in mapping.items() if fld}
        unmapped = [h for h in header if h not in mapping]
        t = [x for x in truth if x[0] == fname]
        if len(t) != len(data):
            errors.append("%s: %d data rows but %d truth rows" % (fname, len(data), len(t)))
        for i, x in enumerate(t):
            if int(x[1]) != i + 2:
                errors.append("%s: truth row %d numbered %s" % (fname, i + 2, x[1]))
                break
        for i, row in enumerate(data):
            if len(row) != len(header):
                errors.append("%s row %d: %d cells for %d headers" % (fname, i + 2, len(row), len(header)))
            if row[0] != str(i + 1):
                errors.append("%s row %d: serial %r does not line up" % (fname, i + 2, row[0]))
                break
        good = {}
        bad_people = []
        multiline = 0
        by_why = {}
        for x, row in zip(t, data):
            cell = lambda fld: row[col[fld]] if fld in col else ""
            if any("\n" in c for c in row):
                multiline += 1
            if x[3] == "1":
                bad_people.append(x[2])
                kind = x[4].split(" '")[0]
                by_why[kind] = by_why.get(kind, 0) + 1
                continue
            good.setdefault(x[2], []).append(row)
            if not (cell("name_original").strip() or cell("name_latin").strip()):
                errors.append("%s row %s: good row without a name" % (fname, x[1]))
            for fld in ("birth_date", "arrival_date"):
                d, ok = parse_date(cell(fld))
                if not ok or (d and not 1900 < d.year < 2024):
                    errors.append("%s row %s: %s %r not a day-first/ISO date" % (fname, x[1], fld, cell(fld)))
            a = cell("age_estimate").split(" ")[0]
            if a and not (a.isdigit() and 0 <= int(a) <= 100):
                errors.append("%s row %s: age %r" % (fname, x[1], cell("age_estimate")))
            n = cell("nationality")
            if n and n not in nat_forms:
                errors.append("%s row %s: nationality %r" % (fname, x[1], n))
        for pid in bad_people:
            if pid not in good:
                errors.append("%s: bad row of %s without a good row" % (fname, pid))
        same = 0
        for pid, rws in good.items():
            first = tuple(rws[0][col[fl]] for fl in COMPARE_FIELDS if fl in col)
            for other in rws[1:]:
                if tuple(other[col[fl]] for fl in COMPARE_FIELDS if fl in col) == first:
                    same += 1
        if same:
            errors.append("%s: %d repeated rows identical to the first row of the person" % (fname, same))
        if multiline == 0:
            errors.append("%s: no multi-line note" % fname)
        persons_in[f] = set(good)
        reps = sum(len(v) - 1 for v in good.values())
        summary.append("%s: %d rows, %d people, %d within-file repeat rows (%d people), %d bad %s, "
                       "%d multi-line cells, unmapped columns %s" % (
                           fname, len(data), len(good), reps, sum(1 for v in good.values() if len(v) > 1),
                           len(bad_people), dict(sorted(by_why.items())), multiline, unmapped))
    shared = persons_in["a"] & persons_in["b"]
    share = len(shared) / max(1, len(persons_in["b"]))
    summary.append("people in both files: %d = %.1f%% of B's people; all people %d" % (
        len(shared), 100 * share, len(persons_in["a"] | persons_in["b"])))
    if not 0.2 <= share <= 0.3:
        errors.append("share of B's people also in A is %.1f%%" % (100 * share))
    return errors, summary


# ---------------------------------------------------------------------------

def main(argv=None):
    global SEED
    ap = argparse.ArgumentParser(description="Synthetic migrant registers (all data invented).")
    ap.add_argument("--people", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--check", action="store_true", help="re-read the files and check them against truth.csv")
    args = ap.parse_args(argv)
    SEED = args.seed
    pop = Population(args.people, args.seed)
    people = pop.build()
    records, stats = build_registers(people, args.seed, args.people)
    write_outputs(args.out_dir, records, people)
    print("seed %d: %d people generated; A %d rows, B %d rows -> %s" % (
        args.seed, len(people), len(records["a"]), len(records["b"]), args.out_dir))
    if args.check:
        errors, summary = check(args.out_dir)
        for line in summary:
            print("  " + line)
        if errors:
            for e in errors[:40]:
                print("CHECK FAILED: " + e, file=sys.stderr)
            if len(errors) > 40:
                print("... and %d more" % (len(errors) - 40), file=sys.stderr)
            return 1
        print("  check OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
