// Names that people write in Latin letters themselves: Oromo (Qubee orthography beside the older
// English spellings, so Gemechu and Gammachuu are the same name), Somali (Somali orthography beside
// English: Maxamed / Mohamed, Xasan / Hassan), South Sudanese Dinka and Nuer names, and Muslim names
// from northern Nigeria, Niger, Mali, Chad and northern Cameroon (English and French spellings).

enum OromoNames {
    static let male: [DemoName] = [
        .latin("Gemechu|Gammachuu"), .latin("Mohammed|Mohamed"), .latin("Tolosa|Toloosaa|Tolossa"),
        .latin("Chala|Caalaa"), .latin("Abdisa|Abdiisaa"), .latin("Lemi|Lammii"),
        .latin("Fayisa|Fayyisaa|Feyisa"), .latin("Galana|Galaanaa"), .latin("Gutema|Guutamaa"),
        .latin("Bayisa|Bayyisaa"), .latin("Debela|Dabalaa"), .latin("Lemessa|Lammeessaa"),
        .latin("Gadisa|Gaddisaa"), .latin("Olana|Olaanaa"), .latin("Tolera|Tolaraa"),
        .latin("Dinsa|Diinsaa"), .latin("Kena|Keenaa"), .latin("Boru|Boruu"), .latin("Guyo|Guyyoo"),
        .latin("Jarso|Jaarsoo"), .latin("Wako|Waaqoo"), .latin("Dida|Diidaa"), .latin("Tufa|Tuufaa"),
        .latin("Negasa|Nagaasaa"), .latin("Obsa|Obsaa"), .latin("Leta|Leetaa"), .latin("Hirpa|Hirpaa"),
        .latin("Motuma|Mootummaa"), .latin("Gudeta|Guddataa"), .latin("Diriba|Dirribaa"),
        .latin("Ebisa|Ebbisaa"), .latin("Milkessa|Milkeessaa"), .latin("Urgessa|Urgeessaa"),
        .latin("Firaol|Firaa'ol"), .latin("Gemechis|Gammachiis"), .latin("Lelisa|Leellisaa"),
        .latin("Bonsa|Boonsaa"), .latin("Kuma|Kumaa"), .latin("Feyera|Fayyeeraa"),
        .latin("Jiregna|Jireenyaa"), .latin("Abdi|Abdii"), .latin("Kedir|Kadir"),
        .latin("Tasisa|Taasisaa"), .latin("Waktole|Waaqtolee"),
    ]

    static let female: [DemoName] = [
        .latin("Chaltu|Caaltuu"), .latin("Ayantu|Ayyaantuu"), .latin("Fatuma|Faatumaa"),
        .latin("Bontu|Bontuu"), .latin("Lensa|Leensaa"), .latin("Hawi|Hawwii"),
        .latin("Obsitu|Obsituu"), .latin("Meti|Meetii"), .latin("Bilise|Bilisee"),
        .latin("Dinkitu|Dinqituu"), .latin("Gelane|Galaanee"), .latin("Hawani|Hawaanii"),
        .latin("Jalene|Jaallannee"), .latin("Lalise|Laaliisee"), .latin("Lomi|Loomii"),
        .latin("Sena|Seenaa"), .latin("Sifan|Sifaan"), .latin("Soreti|Sooreettii"),
        .latin("Ebise|Ebbisee"), .latin("Gadise|Gaaddisee"), .latin("Ifa|Ifaa"), .latin("Jiitu|Jiituu"),
        .latin("Biftu|Biftuu"), .latin("Darartu|Daraartuu"), .latin("Iftu|Iftuu"),
        .latin("Keneni|Keneenii"), .latin("Lelise|Leellisee"), .latin("Marame|Maramee"),
        .latin("Tolani|Tolaanii"), .latin("Kuli|Kulii"), .latin("Kedija|Kadija"),
        .latin("Amina|Aminaa"), .latin("Zahara|Zaharaa"), .latin("Sadiya|Saadiyaa"),
        .latin("Nuriya|Nuuriyaa"), .latin("Jemila|Jamiilaa"), .latin("Halima|Haliimaa"),
        .latin("Rukiya|Rukiyaa"), .latin("Nasra|Nasraa"), .latin("Abdiya|Abdiyyaa"),
    ]
}

enum SomaliNames {
    static let male: [DemoName] = [
        .latin("Mohamed|Maxamed|Mohammed|Mahamed"), .latin("Ahmed|Axmed"), .latin("Abdi|Cabdi"),
        .latin("Ali|Cali"), .latin("Hassan|Xasan"), .latin("Abdullahi|Cabdullaahi|Abdilahi"),
        .latin("Abdirahman|Cabdiraxmaan|Abdurahman"), .latin("Omar|Cumar"), .latin("Osman|Cismaan"),
        .latin("Yusuf|Yuusuf"), .latin("Mohamud|Maxamuud|Mahamud"), .latin("Hussein|Xuseen|Hussen"),
        .latin("Ibrahim|Ibraahim"), .latin("Farah|Faarax"), .latin("Jama|Jaamac"),
        .latin("Abdikarim|Cabdikariim"), .latin("Abdirizak|Abdirisaq|Cabdirisaaq"),
        .latin("Abdiaziz|Cabdicasiis"), .latin("Abdiqadir|Abdikadir|Cabdiqaadir"),
        .latin("Ismail|Ismaaciil"), .latin("Nur|Nuur"), .latin("Aden|Aadan|Adan"),
        .latin("Said|Saciid"), .latin("Daud|Daauud|Dawud"), .latin("Faysal|Faisal"),
        .latin("Guled|Guuleed"), .latin("Liban|Liibaan"), .latin("Mahad|Mahad"),
        .latin("Mukhtar|Mukhtaar"), .latin("Muse|Muuse|Musa"), .latin("Qasim|Qaasim"),
        .latin("Roble|Rooble"), .latin("Salad|Salaad"), .latin("Shire|Shiire"), .latin("Warsame"),
        .latin("Abshir"), .latin("Awil|Cawil"), .latin("Dahir|Daahir"), .latin("Elmi|Cilmi"),
        .latin("Hirsi|Xirsi"), .latin("Ilyas|Ilyaas"), .latin("Khalid|Khaalid"),
        .latin("Bashir|Bashiir"),
    ]

    static let female: [DemoName] = [
        .latin("Faduma|Fadumo|Faadumo|Fatuma"), .latin("Amina|Aamina"), .latin("Asha|Caasha"),
        .latin("Hawa|Xaawo"), .latin("Halima|Xaliimo"), .latin("Khadija|Khadiijo|Hadiyo"),
        .latin("Sahra|Sahro|Zahra"), .latin("Maryan|Maryam"), .latin("Ayan|Ayaan"), .latin("Bisharo"),
        .latin("Deeqa"), .latin("Farhiya|Farxiya"), .latin("Filsan"), .latin("Fowsiya|Fawziya"),
        .latin("Habiba|Xabiiba"), .latin("Hodan"), .latin("Ifrah|Ifraax"), .latin("Ikran"),
        .latin("Istahil|Istaahil"), .latin("Khadra|Khadro"), .latin("Leyla|Layla"),
        .latin("Muna|Muuna"), .latin("Nasra"), .latin("Nimco|Nimo"), .latin("Qamar"),
        .latin("Rahma|Raxma"), .latin("Ruqiya|Ruqiyo"), .latin("Sagal"), .latin("Safiya|Safiyo"),
        .latin("Samira"), .latin("Shukri"), .latin("Sucaad|Suad"), .latin("Ubah|Ubax"),
        .latin("Warda"), .latin("Yasmin"), .latin("Zamzam"), .latin("Hibo"), .latin("Idil"),
        .latin("Kowsar|Kawsar"), .latin("Anab"), .latin("Hamdi"), .latin("Fartun|Fartuun"),
    ]
}

/// Baptismal names that South Sudanese of every community give as their first name.
enum SouthSudaneseNames {
    static let christianMale: [DemoName] = [
        .latin("John"), .latin("Peter"), .latin("James"), .latin("Joseph"), .latin("Gabriel"),
        .latin("Emmanuel|Emanuel"), .latin("Stephen|Steven"), .latin("Michael"), .latin("Paul"),
        .latin("David"), .latin("Samuel"), .latin("Simon"), .latin("Daniel"), .latin("Moses"),
        .latin("Isaac"), .latin("Abraham"), .latin("Santino"), .latin("Matthew|Mathew"),
        .latin("Philip"), .latin("William"), .latin("Andrew"), .latin("Elijah"), .latin("Joshua"),
        .latin("Thomas"),
    ]

    static let christianFemale: [DemoName] = [
        .latin("Mary"), .latin("Rebecca"), .latin("Grace"), .latin("Elizabeth"), .latin("Esther"),
        .latin("Martha"), .latin("Sarah|Sara"), .latin("Rose"), .latin("Agnes"), .latin("Helen|Hellen"),
        .latin("Susan"), .latin("Christine"), .latin("Joyce"), .latin("Angelina"), .latin("Veronica"),
        .latin("Teresa|Theresa"), .latin("Regina"), .latin("Josephine"), .latin("Monica"),
        .latin("Rachel"),
    ]
}

enum DinkaNames {
    static let traditionalMale: [DemoName] = [
        .latin("Deng"), .latin("Garang"), .latin("Majok|Majock"), .latin("Mayen"), .latin("Akol"),
        .latin("Bol"), .latin("Kuol"), .latin("Chol"), .latin("Manyang"), .latin("Mading"),
        .latin("Thon"), .latin("Ajak"), .latin("Aguer"), .latin("Makur"), .latin("Atem"),
        .latin("Malual"), .latin("Dut"), .latin("Kuir"), .latin("Majak"), .latin("Agany"),
        .latin("Lual"), .latin("Madut"), .latin("Makuach"), .latin("Nhial"), .latin("Ayuel"),
        .latin("Mayom"), .latin("Arop"), .latin("Marial"), .latin("Kuany"), .latin("Ring"),
        .latin("Biar"), .latin("Akuei|Akuey"),
    ]
    static let male = traditionalMale + SouthSudaneseNames.christianMale

    static let female: [DemoName] =
        [
            .latin("Achol"), .latin("Ayen"), .latin("Nyandeng"), .latin("Abuk"), .latin("Akuol"),
            .latin("Adut"), .latin("Aluel"), .latin("Amer"), .latin("Awut"), .latin("Ayak"),
            .latin("Nyibol"), .latin("Abul"), .latin("Achan"), .latin("Adau"), .latin("Ajok"),
            .latin("Alek"), .latin("Anger"), .latin("Apiu"), .latin("Arek"), .latin("Athieng"),
            .latin("Awien"), .latin("Ayom"), .latin("Achai"), .latin("Yar"), .latin("Nyanut"),
            .latin("Agot"), .latin("Aluat"), .latin("Akon"),
        ] + SouthSudaneseNames.christianFemale
}

enum NuerNames {
    static let traditionalMale: [DemoName] = [
        .latin("Gatluak|Gatluok"), .latin("Gatkuoth|Gatkouth"), .latin("Chuol|Cuol"), .latin("Koang"),
        .latin("Tut"), .latin("Puok"), .latin("Gatdet"), .latin("Gatwech"), .latin("Ruach"),
        .latin("Wal"), .latin("Duoth"), .latin("Gai"), .latin("Biel"), .latin("Kuon"), .latin("Yien"),
        .latin("Both"), .latin("Jal"), .latin("Lam"), .latin("Thok"), .latin("Kueth"),
        .latin("Bichiok"), .latin("Tap"), .latin("Gatjang"), .latin("Pal"), .latin("Mut"),
        .latin("Nyuon"), .latin("Dak"), .latin("Kun"), .latin("Reath"), .latin("Wuor"),
        .latin("Chany"), .latin("Deng"),
    ]
    static let male = traditionalMale + SouthSudaneseNames.christianMale

    static let female: [DemoName] =
        [
            .latin("Nyakuoth|Nyakouth"), .latin("Nyaluak"), .latin("Nyachuol|Nyacuol"),
            .latin("Nyabol"), .latin("Nyagoa"), .latin("Nyaruach"), .latin("Nyawal"),
            .latin("Nyaduoth"), .latin("Nyakim"), .latin("Nyamuch"), .latin("Nyaboth"),
            .latin("Nyakueth"), .latin("Nyatut"), .latin("Nyayien"), .latin("Nyagai"),
            .latin("Nyakong"), .latin("Nyalam"), .latin("Nyajal"), .latin("Nyawech"),
            .latin("Nyadak"), .latin("Nyamal"), .latin("Nyapal"), .latin("Nyamuon"),
            .latin("Nyachangkuoth"),
        ] + SouthSudaneseNames.christianFemale
}

/// Muslim names of the Sahel and northern Nigeria; `latin` is the Nigerian English spelling and
/// `french` that of Niger, Mali, Chad and Cameroon.
enum SahelNames {
    static let male: [DemoName] = [
        .latin("Musa", french: "Moussa"), .latin("Abubakar", french: "Aboubacar|Boubacar"),
        .latin("Ibrahim", french: "Ibrahima|Ibrahim"), .latin("Usman", french: "Ousmane"),
        .latin("Umar", french: "Oumar|Oumarou"), .latin("Aliyu", french: "Aliou"),
        .latin("Muhammadu|Mohammed", french: "Mahamadou|Mohamed"), .latin("Sani", french: "Sani"),
        .latin("Yusuf", french: "Youssouf"), .latin("Haruna", french: "Harouna"),
        .latin("Bello", french: "Bello"), .latin("Garba", french: "Garba"),
        .latin("Kabiru", french: "Kabirou"), .latin("Nasiru", french: "Nassirou"),
        .latin("Lawal", french: "Lawali"), .latin("Shehu", french: "Chehou"),
        .latin("Sadiq", french: "Sadikou"), .latin("Tijjani", french: "Tidjani"),
        .latin("Aminu", french: "Aminou"), .latin("Hamza", french: "Hamza"),
        .latin("Idris", french: "Idrissa"), .latin("Mustapha", french: "Moustapha"),
        .latin("Nuhu", french: "Nouhou"), .latin("Rabiu", french: "Rabiou"),
        .latin("Salisu", french: "Salissou"), .latin("Yakubu", french: "Yacouba"),
        .latin("Zubairu", french: "Zoubeirou"), .latin("Mamadu", french: "Mamadou"),
        .latin("Ahmadu", french: "Amadou"), .latin("Isa", french: "Issa"),
        .latin("Sulaiman", french: "Souleymane"), .latin("Saidu", french: "Seydou"),
        .latin("Adamu", french: "Adamou"), .latin("Abdullahi", french: "Abdoulaye"),
        .latin("Buraima", french: "Boureima"), .latin("Hassan", french: "Hassane"),
        .latin("Alhassan", french: "Alassane"), .latin("Dauda", french: "Daouda"),
        .latin("Bakari", french: "Bakary"), .latin("Modibo", french: "Modibo"),
        .latin("Sheikh", french: "Cheick"), .latin("Abdulkadir", french: "Abdoulkader"),
    ]

    static let female: [DemoName] = [
        .latin("Aisha", french: "Aïssata|Aïcha"), .latin("Fatima", french: "Fatoumata"),
        .latin("Hauwa", french: "Haoua|Awa"), .latin("Zainab", french: "Zeinabou"),
        .latin("Amina", french: "Aminata"), .latin("Hadiza", french: "Hadiza"),
        .latin("Halima", french: "Halimatou"), .latin("Maryam", french: "Mariama"),
        .latin("Rukayya", french: "Roukaya"), .latin("Safiya", french: "Safiatou"),
        .latin("Asmau", french: "Asmaou"), .latin("Bilkisu", french: "Bilkissou"),
        .latin("Binta", french: "Binta"), .latin("Hafsat", french: "Hafsatou"),
        .latin("Jamila", french: "Djamila"), .latin("Khadija", french: "Kadidia|Kadiatou"),
        .latin("Ladi", french: "Ladi"), .latin("Rahma", french: "Rahmatou"),
        .latin("Saadatu", french: "Saadatou"), .latin("Sadiya", french: "Sadia"),
        .latin("Ummi", french: "Oumou"), .latin("Zahra", french: "Zahara"),
        .latin("Zuwaira", french: "Zouera"), .latin("Salamatu", french: "Salamatou"),
        .latin("Ramatu", french: "Ramatou"), .latin("Rakiya", french: "Rakiatou"),
        .latin("Habiba", french: "Habibatou"), .latin("Fanta", french: "Fanta"),
        .latin("Nana", french: "Nana"), .latin("Talatu", french: "Talatou"),
        .latin("Hajara", french: "Hadjara"), .latin("Jummai", french: "Djoumai"),
        .latin("Asabe", french: "Assabé"), .latin("Kande", french: "Kandé"),
        .latin("Hassana", french: "Hassana"), .latin("Husseina", french: "Housseina"),
        .latin("Nafisa", french: "Nafissa"), .latin("Maimuna", french: "Maïmouna"),
        .latin("Sakina", french: "Sakinatou"), .latin("Hindatu", french: "Hindatou"),
    ]
}
