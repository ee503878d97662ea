import Foundation

/// Conventional English spellings of common names, as they appear on Sudanese, Eritrean and Ethiopian documents.
/// Kept as text tables (`Latin = spelling | spelling;`) because they are easier to review than Swift literals and
/// keep compile times low. Arabic keys are stored as `NameFolding.searchKey` with spaces removed, so hamza and
/// ta-marbuta variants and "عبد الرحمن" / "عبدالرحمن" share one entry; Ge'ez keys are homophone-folded.
enum CommonNameSpellings {
    static let arabic: [String: String] = table(arabicTable) { key in
        NameFolding.searchKey(key).replacingOccurrences(of: " ", with: "")
    }
    static let ethiopic: [String: String] = table(ethiopicTable, key: Transliteration.ethiopicKey)
    /// Leading parts of Ge'ez compound names (ገብረ "servant of", ወልደ "son of", ...), longest first.
    static let ethiopicHeads: [(head: String, latin: String)] = {
        let heads = table(ethiopicHeadTable, key: Transliteration.ethiopicKey)
        return heads.map { (head: $0.key, latin: $0.value) }
            .sorted { $0.head.unicodeScalars.count > $1.head.unicodeScalars.count }
    }()
    /// How the second part of such a compound is written once joined ("Gebre" + "mariam").
    static let ethiopicTails: [String: String] = table(ethiopicTailTable, key: Transliteration.ethiopicKey)

    static func table(_ text: String, key normalise: (String) -> String) -> [String: String] {
        var result: [String: String] = [:]
        for entry in text.split(whereSeparator: { $0 == ";" || $0.isNewline }) {
            let sides = entry.split(separator: "=", maxSplits: 1)
            guard sides.count == 2 else { continue }
            let latin = sides[0].trimmingCharacters(in: .whitespaces)
            for spelling in sides[1].split(separator: "|") {
                let key = normalise(String(spelling))
                if !key.isEmpty, result[key] == nil { result[key] = latin }
            }
        }
        return result
    }

    static let arabicTable = """
        Mohamed = محمد; Ahmed = أحمد; Mahmoud = محمود; Mustafa = مصطفى; Ali = علي; Omer = عمر; Osman = عثمان
        Hassan = حسن; Hussein = حسين; Ibrahim = إبراهيم; Ismail = إسماعيل; Yousif = يوسف; Yagoub = يعقوب
        Ishag = إسحاق; Musa = موسى; Eisa = عيسى; Adam = آدم; Haroun = هارون; Suleiman = سليمان; Dawood = داود
        Yahia = يحيى; Zakaria = زكريا; Salih = صالح; Khalid = خالد; Tarig = طارق; Bakri = بكري; Babiker = بابكر
        Amin = أمين; Bashir = بشير; Gaafar = جعفر; Hamid = حامد; Hamad = حمد; Hamdan = حمدان; Khalil = خليل
        Yasir = ياسر; Yassin = ياسين; Younis = يونس; Saeed = سعيد; Saad = سعد; Sayed = سيد; Sharif = شريف
        Siddig = صديق; Salah = صلاح; Taha = طه; Adil = عادل; Asim = عاصم; Abdo = عبده; Awad = عوض; Faisal = فيصل
        Gasim = قاسم; Kamal = كمال; Malik = مالك; Mamoun = مأمون; Magdi = مجدي; Murtada = مرتضى; Musab = مصعب
        Muawia = معاوية; Mansour = منصور; Nasr = نصر; Hashim = هاشم; Hisham = هشام; Walid = وليد; Osama = أسامة
        Anas = أنس; Idris = إدريس; Badawi = بدوي; Bilal = بلال; Taj = تاج; Gamal = جمال; Hafiz = حافظ
        Hussam = حسام; Hamza = حمزة; Haidar = حيدر; Khidir = خضر; Rami = رامي; Zaki = زكي; Zuhair = زهير
        Sami = سامي; Samir = سمير; Salman = سلمان; Shawgi = شوقي; Sabir = صابر; Diaa = ضياء; Talal = طلال
        Atif = عاطف; Abbas = عباس; Isam = عصام; Alaa = علاء; Imad = عماد; Ammar = عمار; Ghassan = غسان
        Fathi = فتحي; Fadul = فضل; Fouad = فؤاد; Gamar = قمر; Karam = كرم; Majid = ماجد; Mubarak = مبارك
        Mujahid = مجاهد; Mahjoub = محجوب; Mudathir = مدثر; Mirghani = مرغني; Muzamil = مزمل; Mutaz = معتز
        Mohanad = مهند; Nasir = ناصر; Nabil = نبيل; Nizar = نزار; Haitham = هيثم; Wail = وائل; Atta = عطا
        Ayoub = أيوب; Amir = أمير; Anwar = أنور; Ashraf = أشرف; Ayman = أيمن; Hatim = حاتم; Jibril = جبريل
        Kabashi = كباشي; Kuku = كوكو; Mukhtar = مختار; Munir = منير; Nadir = نادر; Rabie = ربيع; Radwan = رضوان
        Saif = سيف; Wagdi = وجدي; Zubair = زبير; Sidahmed = سيداحمد; Abu = أبو; Wad = ود; Bin = بن; Bint = بنت
        Elsadig = الصادق; Eltayeb = الطيب; Elfatih = الفاتح; Elkheir = الخير; Elnour = النور; Elamin = الأمين
        Elhassan = الحسن; Elhussein = الحسين; Elhadi = الهادي; Elmahdi = المهدي; Elrasheed = الرشيد
        Elzein = الزين; Elbashir = البشير; Elsir = السر; Eltahir = الطاهر; Elmahi = الماحي; Elsheikh = الشيخ
        Elgaili = الجيلي; Elmakki = المكي; Elmubarak = المبارك; Elmutasim = المعتصم; Elhag = الحاج
        Elawad = العوض; Elsafi = الصافي; Eltigani = التجاني; Elnaiem = النعيم; Elimam = الإمام
        Abdalla = عبد الله; Abdelrahman = عبد الرحمن | عبد الرحمان; Abdelrahim = عبد الرحيم
        Abdelaziz = عبد العزيز; Abdelgadir = عبد القادر; Abdelmoneim = عبد المنعم; Abdelwahab = عبد الوهاب
        Abdelhamid = عبد الحميد; Abdelkarim = عبد الكريم; Abdelmajid = عبد المجيد; Abdelnasir = عبد الناصر
        Abdelbagi = عبد الباقي; Abdelazim = عبد العظيم; Abdelsalam = عبد السلام; Abdelrazig = عبد الرازق
        Abdelmutalib = عبد المطلب; Abdelghani = عبد الغني; Abdellatif = عبد اللطيف; Abdelhalim = عبد الحليم
        Abdelhadi = عبد الهادي; Abdelfattah = عبد الفتاح; Abdeljalil = عبد الجليل; Abdelkhalig = عبد الخالق
        Abdelmagid = عبد الماجد; Abdelmalik = عبد الملك; Abdelhai = عبد الحي; Abdelgayoum = عبد القيوم
        Abdelmahmoud = عبد المحمود; Abdeljabbar = عبد الجبار; Abdelaal = عبد العال; Abdeldaim = عبد الدائم
        Abdelhafiz = عبد الحفيظ; Abdelmola = عبد المولى; Abdelalim = عبد العليم; Abdelraouf = عبد الرؤوف
        Abdelsamad = عبد الصمد; Abdelwahid = عبد الواحد
        Nureldin = نور الدين; Izzeldin = عز الدين; Saifeldin = سيف الدين; Salaheldin = صلاح الدين
        Alaeldin = علاء الدين; Hussameldin = حسام الدين; Gamaleldin = جمال الدين; Bahaeldin = بهاء الدين
        Mohieldin = محي الدين | محيي الدين; Shamseldin = شمس الدين; Imadeldin = عماد الدين
        Kamaleldin = كمال الدين; Badreldin = بدر الدين; Nasreldin = نصر الدين; Tajeldin = تاج الدين
        Khaireldin = خير الدين; Diaeldin = ضياء الدين; Fakhreldin = فخر الدين; Isameldin = عصام الدين
        Tajelsir = تاج السر; Abubakar = أبو بكر; Abulgasim = أبو القاسم; Abuzeid = أبو زيد
        Dafalla = دفع الله; Fadlalla = فضل الله; Awadalla = عوض الله; Hasaballa = حسب الله; Gadalla = جاد الله
        Khairalla = خير الله; Nasralla = نصر الله; Attalla = عطا الله; Deifalla = ضيف الله
        Fatima = فاطمة; Aisha = عائشة; Mariam = مريم; Amna = آمنة; Zainab = زينب; Khadija = خديجة
        Halima = حليمة; Suad = سعاد; Nafisa = نفيسة; Rugaya = رقية; Huda = هدى; Muna = منى; Salma = سلمى
        Sara = سارة; Nour = نور; Nora = نورا; Rehab = رحاب; Iman = إيمان; Amal = أمل; Hiba = هبة; Reem = ريم
        Rasha = رشا; Rania = رانيا; Samia = سامية; Siham = سهام; Ibtisam = ابتسام; Ikhlas = إخلاص
        Intisar = انتصار; Nagla = نجلاء; Nagwa = نجوى; Widad = وداد; Wafaa = وفاء; Afaf = عفاف
        Tahani = تهاني; Thuraya = ثريا; Hawa = حواء; Zahra = زهرة; Sumaya = سمية; Shaimaa = شيماء
        Safia = صفية; Azza = عزة; Alawia = علوية; Faiza = فائزة; Kawthar = كوثر; Lubna = لبنى; Laila = ليلى
        Maha = مها; Nadia = نادية; Niemat = نعمات; Hala = هالة; Hana = هناء; Yasmin = ياسمين; Asma = أسماء
        Asia = آسيا; Buthaina = بثينة; Doaa = دعاء; Rahma = رحمة; Randa = رندة; Salwa = سلوى; Sanaa = سناء
        Abeer = عبير; Ghada = غادة; Lamia = لمياء; Marwa = مروة; Malak = ملاك; Noha = نهى; Hind = هند
        Amira = أميرة; Israa = إسراء; Bakhita = بخيتة; Neima = نعمة; Awadia = عوضية; Hajar = هاجر
        Sakina = سكينة; Habiba = حبيبة; Igbal = إقبال; Ilham = إلهام; Insaf = إنصاف; Manal = منال
        Nawal = نوال; Sawsan = سوسن; Suhair = سهير; Nagat = نجاة; Tomadir = تماضر; Hanan = حنان
        """

    static let ethiopicTable = """
        Selam = ሰላም; Tesfay = ተስፋይ; Tesfaye = ተስፋዬ; Yohannes = ዮሃንስ | ዮውሃንስ; Yonas = ዮናስ; Dawit = ዳዊት
        Samuel = ሳሙኤል; Michael = ሚካኤል; Gabriel = ገብርኤል; Daniel = ዳንኤል | ዳኒኤል; Amanuel = ኣማኑኤል
        Isaias = ኢሳያስ; Ermias = ኤርምያስ; Abraham = ኣብርሃም; Yishak = ይስሃቅ; Yakob = ያዕቆብ; Yosef = ዮሴፍ
        Mussie = ሙሴ; Awet = ዓወት; Habtom = ሃብቶም; Habte = ሃብተ; Henok = ሄኖክ; Berhane = ብርሃነ
        Berhanu = ብርሃኑ; Kidane = ኪዳነ; Mehari = መሓሪ; Mulugeta = ሙሉጌታ; Girmay = ግርማይ; Girma = ግርማ
        Kibrom = ክብሮም; Fisseha = ፍስሃ | ፍሰሃ; Fishaye = ፍስሃየ; Tekle = ተኽለ | ተክለ; Gebre = ገብረ
        Wolde = ወልደ; Haile = ሃይለ | ሃይሌ; Hailu = ሃይሉ; Tsegay = ጸጋይ; Tsegaye = ጸጋዬ; Afewerki = ኣፈወርቂ
        Tewelde = ተወልደ; Zerai = ዘርኣይ; Zeresenay = ዘረሰናይ; Senai = ሰናይ; Asmerom = ኣስመሮም
        Araya = ኣርኣያ; Assefa = ኣሰፋ; Alem = ኣለም; Abreha = ኣብረሃ; Aman = ኣማን; Aron = ኣሮን; Bahta = ባህታ
        Bereket = በረከት; Biruk = ብሩክ; Biniam = ቢንያም; Elias = ኤልያስ; Estifanos = እስጢፋኖስ
        Fikadu = ፍቓዱ | ፍቃዱ; Fekadu = ፈቃዱ; Frezghi = ፍረዝጊ; Getachew = ጌታቸው; Hagos = ሓጎስ; Hadush = ሓዱሽ
        Iyasu = ኢያሱ; Kahsay = ካሕሳይ; Kassa = ካሳ; Kassahun = ካሳሁን; Kiros = ኪሮስ; Lemma = ለማ
        Mebrahtu = መብራህቱ; Mekonnen = መኮንን; Mengistu = መንግስቱ; Mesfin = መስፍን; Natnael = ናትናኤል
        Negash = ነጋሽ; Negasi = ነጋሲ; Petros = ጴጥሮስ | ፔትሮስ; Rezene = ረዘነ; Rufael = ሩፋኤል
        Solomon = ሰለሞን | ሰሎሞን; Simon = ስምኦን; Sisay = ሲሳይ; Tadesse = ታደሰ; Teklay = ተኽላይ
        Tekeste = ተከስተ; Tesfaldet = ተስፋልደት; Tesfalem = ተስፋለም | ተስፋኣለም; Tewodros = ቴዎድሮስ
        Tedros = ቴድሮስ; Weldu = ወልዱ; Zekarias = ዘካርያስ; Zemichael = ዘሚካኤል; Abebe = ኣበበ; Alemu = ኣለሙ
        Belay = በላይ; Dereje = ደረጀ; Endale = እንዳለ; Habtamu = ሃብታሙ; Moges = ሞገስ; Seyoum = ስዩም
        Shiferaw = ሽፈራው; Teshome = ተሾመ; Tefera = ተፈራ; Wondimu = ወንድሙ; Yilma = ይልማ; Zewdu = ዘውዱ
        Alemayehu = ኣለማየሁ; Goitom = ጎይቶም; Medhanie = መድሃኔ; Yemane = የማነ; Filmon = ፊልሞን
        Robel = ሮቤል; Nahom = ናሆም; Efrem = ኤፍሬም; Eyob = እዮብ | ኢዮብ; Zerihun = ዘሪሁን; Yared = ያሬድ
        Abel = ኣቤል; Merhawi = መርሃዊ; Temesgen = ተመስገን; Luwam = ልዋም; Saba = ሳባ; Ruta = ሩታ
        Lulit = ሉሊት; Helen = ሄለን; Hiwet = ሕይወት | ሂወት; Adanech = ኣዳነች; Almaz = ኣልማዝ; Aster = ኣስቴር
        Birikti = ብርክቲ; Elsa = ኤልሳ; Freweini = ፍረወይኒ; Fiori = ፍዮሪ; Tsige = ጽጌ; Tsega = ጸጋ; Hanna = ሃና
        Hermon = ሄርሞን; Yerusalem = ኢየሩሳሌም; Lemlem = ለምለም; Mariam = ማርያም; Meseret = መሰረት
        Mihret = ምሕረት; Misgana = ምስጋና; Nardos = ናርዶስ; Nigisti = ንግስቲ; Rahel = ራሄል; Semira = ሰሚራ
        Senait = ሰናይት; Simret = ስምረት; Sofia = ሶፍያ; Tirhas = ትርሓስ; Weini = ወይኒ; Yergalem = የርጋለም
        Yordanos = ዮርዳኖስ; Zebib = ዘቢብ; Zewditu = ዘውዲቱ; Zinash = ዝናሽ; Lidia = ሊድያ; Betelhem = ቤተልሄም
        Mekdes = መቅደስ; Tigisti = ትዕግስቲ; Tigist = ትዕግስት; Birtukan = ብርቱካን; Tsehay = ጸሓይ
        Selamawit = ሰላማዊት; Feven = ፌቨን; Winta = ዊንታ; Eden = ኤደን; Meron = ሜሮን; Kidist = ቅድስት
        Rigat = ርግኣት; Abeba = ኣበባ; Genet = ገነት; Akberet = ኣኽበረት; Mebrat = መብራት; Ruth = ሩት
        """

    static let ethiopicHeadTable = """
        Gebre = ገብረ; Wolde = ወልደ; Haile = ሃይለ; Tekle = ተኽለ | ተክለ; Kidane = ኪዳነ; Tesfa = ተስፋ; Habte = ሃብተ
        """

    static let ethiopicTailTable = """
        mariam = ማርያም; michael = ሚካኤል; selassie = ሥላሴ; giorgis = ጊዮርጊስ; yesus = ኢየሱስ | የሱስ
        medhin = መድህን; hiwet = ሕይወት | ሂወት; kidan = ኪዳን; egziabher = እግዚኣብሄር | እግዚአብሔር
        kristos = ክርስቶስ; haimanot = ሃይማኖት; gabriel = ገብርኤል; tsadik = ጻድቅ; yohannes = ዮሃንስ
        tensae = ትንሳኤ; tsion = ጽዮን; amlak = ኣምላኽ | አምላክ; berhan = ብርሃን; ab = ኣብ; egzi = እግዚ
        """
}
