"""A realistic task bank for measuring search: 27 institutions in Rudersdal's towns and 150+ tasks.

Each task is one activity at one institution; the activity gives its wording (several variants, so that tasks
of one kind are not written alike) and the institution its place. The relevance judgements in queries.py are
written against these activities, institutions and towns, by what a person typing the query wants.
"""

INSTITUTIONS = [
    # slug, name, town, address, kind of place
    ("mariehoej-pleje", "Plejecenter Mariehøj", "holte", "Mariehøj 2, 2840 Holte", "carehome"),
    ("mariehoej-kultur", "Kulturcenter Mariehøj", "holte", "Mariehøj 4, 2840 Holte", "culture"),
    ("kaplevej", "Plejecenter Kaplevej", "naerum", "Kaplevej 70, 2850 Nærum", "carehome"),
    ("bistrupvang", "Plejecenter Bistrupvang", "bistrup", "Bistrupvej 155, 3460 Birkerød", "carehome"),
    ("sjaelsoelund", "Plejecenter Sjælsølund", "birkeroed", "Sjælsøvej 9, 3460 Birkerød", "carehome"),
    ("skodsborg-pleje", "Plejecenter Skodsborg Strand", "skodsborg", "Strandvejen 320, 2942 Skodsborg", "carehome"),
    ("naerum-skole", "Nærum Skole", "naerum", "Nærum Hovedgade 60, 2850 Nærum", "school"),
    ("ny-holte-skole", "Ny Holte Skole", "holte", "Langebjergvej 1, 2840 Holte", "school"),
    ("birkeroed-skole", "Birkerød Skole", "birkeroed", "Stationsvej 22, 3460 Birkerød", "school"),
    ("vedbaek-skole", "Vedbæk Skole", "vedbaek", "Henrik Steffens Vej 2, 2950 Vedbæk", "school"),
    ("troeroedskolen", "Trørødskolen", "troeroed", "Trørødvej 80, 2950 Vedbæk", "school"),
    ("skovlyskolen", "Skovlyskolen", "gl_holte", "Skovlytoften 2, 2840 Holte", "school"),
    ("holte-bibliotek", "Holte Bibliotek", "holte", "Kongevejen 150, 2840 Holte", "library"),
    ("birkeroed-bibliotek", "Birkerød Bibliotek", "birkeroed", "Stationsvej 38, 3460 Birkerød", "library"),
    ("naerum-bibliotek", "Nærum Bibliotek", "naerum", "Nærum Hovedgade 2, 2850 Nærum", "library"),
    ("holte-if", "Holte Idrætsforening", "holte", "Attemosevej 170, 2840 Holte", "sports"),
    ("birkeroed-idraetscenter", "Birkerød Idrætscenter", "birkeroed", "Stadionvej 5, 3460 Birkerød", "sports"),
    ("naerum-boldklub", "Nærum Boldklub", "naerum", "Rundforbivej 80, 2850 Nærum", "sports"),
    ("vedbaek-svoemmehal", "Vedbæk Svømmehal", "vedbaek", "Vedbæk Stationsvej 6, 2950 Vedbæk", "sports"),
    ("naturcenter-hoesterkoeb", "Naturcenter Høsterkøb", "birkeroed", "Sandholmgårdsvej 10, Høsterkøb, 3460 Birkerød", "nature"),
    ("dronninggaard", "Dronninggård Naturpark", "gl_holte", "Dronninggårds Allé 1, 2840 Holte", "nature"),
    ("kajeroed-bosted", "Bostedet Kajerød", "kajeroed", "Kajerødvej 40, 3460 Birkerød", "social"),
    ("sprogcenter", "Sprogcenter Rudersdal", "holte", "Øverødvej 2, 2840 Holte", "language"),
    ("aktivitetscenter", "Aktivitetscenter Birkerød", "birkeroed", "Kajerødvej 2, 3460 Birkerød", "elderly"),
    ("boernehuset", "Børnehuset Troldehøj", "troeroed", "Trørødvej 20, 2950 Vedbæk", "daycare"),
    ("vedbaekfundene", "Vedbækfundene – Rudersdal Museer", "vedbaek", "Gammel Holtegade 3, 2950 Vedbæk", "museum"),
    ("ungdomsskolen", "Rudersdal Ungdomsskole", "naerum", "Nærum Hovedgade 62, 2850 Nærum", "school"),
]

# activity key → area, competences, target groups, child certificate, wordings, institutions
ACTIVITIES = {
    "reading_aloud": dict(
        area="elderly", competences=["reading"], targets=["new_pensioners", "seniors"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "sjaelsoelund", "skodsborg-pleje", "aktivitetscenter"],
        variants=[
            ("Højtlæsning for beboerne", "Læs avisen eller en god roman højt for beboerne en formiddag om ugen.",
             "Mange af vores beboere kan ikke længere selv læse. Du læser højt i dagligstuen, og bagefter taler vi om "
             "det, I har læst. Du skal kunne lide at læse og have en rolig stemme."),
            ("Oplæsning i dagligstuen", "Vi søger en frivillig oplæser til hyggelige eftermiddage med kaffe.",
             "Oplæsning af noveller, digte og dagens nyheder for en lille gruppe ældre. Vi har bøgerne, du har "
             "stemmen. Gerne en fast dag hver uge."),
            ("Læsestund med ældre", "Hyggelig læsestund hvor du læser korte historier højt for seniorer.",
             "Vores læsestund samler fem til otte beboere. Du vælger teksterne sammen med aktivitetsmedarbejderen."),
        ]),
    "reading_children": dict(
        area="culture", competences=["reading"], targets=["families", "young"], cert=True,
        places=["holte-bibliotek", "birkeroed-bibliotek", "naerum-bibliotek", "boernehuset", "naerum-skole",
                "birkeroed-skole"],
        variants=[
            ("Oplæsning for børn", "Læs billedbøger højt for børn mellem 3 og 6 år på lørdagsformiddage.",
             "Børnene sidder på puder, og du læser højt og viser billederne. Du kan lide at arbejde med børn og "
             "har lyst til at gøre læsning til en fest."),
            ("Læseven for elever i indskolingen", "Hjælp elever i 1.–3. klasse med at få læsningen til at flyde.",
             "Som læseven læser du med den samme elev en gang om ugen. Eleverne læser højt for dig, og du hjælper "
             "med svære ord. Du får en kort introduktion til læsetræning."),
            ("Højtlæsning for de mindste", "Fortæl og læs eventyr for børnehavebørn.",
             "Vi ønsker en frivillig, der har lyst til at arbejde med børn og kan fange dem med en god historie."),
        ]),
    "reading_club": dict(
        area="culture", competences=["reading", "organising"], targets=["everyone"], cert=False,
        places=["aktivitetscenter", "holte-bibliotek", "birkeroed-bibliotek", "naerum-bibliotek", "mariehoej-kultur"],
        variants=[
            ("Tovholder for læseklub", "Vær tovholder for en læseklub, der mødes en gang om måneden.",
             "Du vælger bøger sammen med deltagerne og leder samtalen. Læseklubben har 10 faste medlemmer."),
            ("Læsekreds for voksne", "Vi søger en frivillig til at starte en ny læsekreds.",
             "Læsekredsen læser nyere dansk skønlitteratur. Du sørger for kaffe og for at alle kommer til orde."),
        ]),
    "walk": dict(
        area="elderly", competences=["social", "sports"], targets=["new_pensioners", "everyone"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "sjaelsoelund", "skodsborg-pleje", "aktivitetscenter"],
        variants=[
            ("Gåtursven for beboere", "Tag en beboer med på en gåtur i nærområdet en gang om ugen.",
             "Mange beboere kommer sjældent ud. Som gåtursven går du en tur med den samme beboer, evt. med "
             "rollator eller kørestol. Frisk luft og en god snak."),
            ("Gåture med ældre", "Gå en tur med ældre borgere i parken – i roligt tempo.",
             "Vi går ture to og to. Du skal kunne lide at gå og at snakke. Vi går uanset vejret."),
            ("Spadseretur til søen", "Ledsag beboerne på en spadseretur ned til søen.",
             "Turen tager en times tid. Du hjælper beboerne med overtøj og holder tempoet, så alle kan følge med."),
        ]),
    "cycling": dict(
        area="elderly", competences=["sports", "social"], targets=["new_pensioners", "seniors"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "sjaelsoelund", "skodsborg-pleje"],
        variants=[
            ("Cykling uden alder – pilot", "Kør beboerne en tur i rickshaw og giv dem vind i håret.",
             "Som pilot cykler du med en eller to beboere i vores el-rickshaw. Du får et kursus, før du kører selv."),
            ("Rickshawpilot på plejecentret", "Tag de ældre med på cykeltur langs kysten eller i skoven.",
             "Cykelturene varer 1–2 timer. Du skal være i rimelig form og glad for at cykle."),
        ]),
    "homework": dict(
        area="children", competences=["language"], targets=["young", "students"], cert=True,
        places=["ungdomsskolen", "naerum-skole", "ny-holte-skole", "birkeroed-skole", "vedbaek-skole", "troeroedskolen",
                "skovlyskolen", "holte-bibliotek", "birkeroed-bibliotek", "sprogcenter"],
        variants=[
            ("Lektiehjælp i lektiecaféen", "Hjælp elever i 4.–9. klasse med lektier i matematik, dansk og engelsk.",
             "Lektiecaféen er åben to eftermiddage om ugen. Du hjælper eleverne med opgaverne og er en voksen, "
             "der har tid. Du kan lide at arbejde med børn og unge."),
            ("Frivillig i lektiecafé", "Vi mangler voksne, der vil hjælpe skolebørn med deres lektier.",
             "Især matematik og fysik. Du behøver ikke være lærer – bare tålmodig og glad for at forklare."),
            ("Lektiestøtte til tosprogede elever", "Støt elever med dansk som andetsprog i lektiearbejdet.",
             "Eleverne har brug for hjælp til at forstå opgaveteksterne. Du hjælper med sproget og skolearbejdet."),
        ]),
    "football": dict(
        area="culture", competences=["sports"], targets=["young"], cert=True,
        places=["holte-if", "naerum-boldklub", "birkeroed-idraetscenter", "skovlyskolen"],
        variants=[
            ("Fodboldtræner for U10", "Bliv frivillig fodboldtræner for et hold drenge og piger på 9–10 år.",
             "Du træner holdet to gange om ugen og tager med til kampe i weekenden. Vi betaler trænerkursus."),
            ("Hjælpetræner i fodbold", "Hjælp vores cheftræner med træningen af de yngste fodboldspillere.",
             "Du sætter øvelser op, hjælper børnene og er med til at skabe glæde ved fodbold."),
        ]),
    "handball_swim": dict(
        area="culture", competences=["sports"], targets=["young", "families"], cert=True,
        places=["skovlyskolen", "ungdomsskolen", "holte-if", "birkeroed-idraetscenter", "vedbaek-svoemmehal", "naerum-boldklub"],
        variants=[
            ("Håndboldtræner for børn", "Træn vores håndboldhold for 8–11-årige hver tirsdag.",
             "Du planlægger træningen med en anden træner og tager holdet med til stævner."),
            ("Svømmeinstruktør for begyndere", "Lær børn at svømme på vores begynderhold.",
             "Du står i vandet med børnene og hjælper med øvelserne. Du skal selv kunne svømme godt."),
        ]),
    "garden": dict(
        area="nature", competences=["nature", "practical"], targets=["new_pensioners", "everyone"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "sjaelsoelund", "kajeroed-bosted", "naerum-skole", "aktivitetscenter"],
        variants=[
            ("Havearbejde i sansehaven", "Hjælp med at luge, plante og vande i vores sansehave.",
             "Haven er vigtig for beboerne. Du holder bedene og tager gerne en beboer med ud i haven."),
            ("Frivillig gartner", "Vi søger en haveglad frivillig til krydderurter og blomster.",
             "Du passer højbedene, klipper buske og planter løg om efteråret. Redskaber har vi."),
            ("Skolehave – hjælp til havearbejdet", "Hjælp eleverne med at så, luge og høste i skolehaven.",
             "Skolehaven er åben fra april til oktober. Du viser eleverne, hvordan man passer en køkkenhave."),
        ]),
    "nature": dict(
        area="nature", competences=["nature", "practical"], targets=["everyone", "new_pensioners"], cert=False,
        places=["naturcenter-hoesterkoeb", "dronninggaard", "naturcenter-hoesterkoeb", "dronninggaard",
                "kajeroed-bosted"],
        variants=[
            ("Naturpleje i mosen", "Hjælp med at rydde opvækst og holde engen lysåben.",
             "Vi mødes den første lørdag i måneden og arbejder med le, river og save. Naturplejen giver plads til "
             "sjældne planter og insekter."),
            ("Frivillig i naturplejelauget", "Bliv en del af vores naturplejelaug i skoven.",
             "Laugets frivillige bekæmper invasive arter, rydder stier og holder udsigter fri."),
            ("Landskabspleje og stier", "Hold stier og udsigtspunkter i parken fri for krat.",
             "Praktisk arbejde i skoven i godt selskab. Vi har værktøj og kaffe med."),
        ]),
    "it_help": dict(
        area="culture", competences=["it"], targets=["new_pensioners", "seniors"], cert=False,
        places=["sprogcenter", "holte-bibliotek", "birkeroed-bibliotek", "naerum-bibliotek", "aktivitetscenter"],
        variants=[
            ("IT-hjælp til seniorer", "Hjælp ældre med MitID, e-Boks og deres smartphone.",
             "Hver onsdag kommer seniorer med deres telefon, tablet eller computer. Du hjælper med det, de "
             "støder på – tålmodighed er vigtigere end eksperter."),
            ("Digital hjælper på biblioteket", "Vær digital hjælper for borgere, der er nye ved computeren.",
             "Du hjælper borgerne med at logge på, sende e-mail og bruge kommunens selvbetjening."),
        ]),
    "language": dict(
        area="social", competences=["language", "social"], targets=["everyone"], cert=False,
        places=["sprogcenter", "holte-bibliotek", "naerum-bibliotek", "birkeroed-bibliotek"],
        variants=[
            ("Samtalepartner i sprogcaféen", "Tal dansk med nydanskere over en kop kaffe.",
             "I sprogcaféen øver flygtninge og indvandrere sig i at tale dansk om hverdagen. Du er samtalepartner."),
            ("Danskhjælp for nye borgere", "Hjælp nytilkomne med at øve dansk og forstå breve fra det offentlige.",
             "Mange nye borgere har brug for en hjælpende hånd med sproget. Du mødes med en fast deltager."),
        ]),
    "visiting": dict(
        area="elderly", competences=["social"], targets=["new_pensioners", "everyone"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "sjaelsoelund", "skodsborg-pleje"],
        variants=[
            ("Besøgsven for en beboer", "Bliv besøgsven og kom fast hos en beboer, der ønsker selskab.",
             "Du besøger den samme beboer hver uge: en kop kaffe, en snak eller et spil kort. Vi matcher jer."),
            ("Fast besøgsven mod ensomhed", "Vær en fast ven for en ensom ældre på plejecentret.",
             "Nogle af vores beboere får sjældent besøg. En time om ugen gør en stor forskel."),
        ]),
    "singing": dict(
        area="elderly", competences=["culture"], targets=["new_pensioners", "everyone"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "aktivitetscenter", "mariehoej-kultur"],
        variants=[
            ("Fællessang med beboerne", "Spil klaver eller guitar til fællessang en gang om måneden.",
             "Vi synger fra Højskolesangbogen og gamle slagere. Du akkompagnerer eller leder sangen."),
            ("Musik og sang i dagligstuen", "Vi søger en musikalsk frivillig til sangeftermiddage.",
             "Sangen vækker minder hos beboerne. Du må gerne tage dit eget instrument med."),
        ]),
    "dining": dict(
        area="elderly", competences=["practical", "social"], targets=["new_pensioners", "everyone"], cert=False,
        places=["kaplevej", "bistrupvang", "aktivitetscenter", "mariehoej-kultur", "kajeroed-bosted", "sjaelsoelund"],
        variants=[
            ("Kok til fællesspisning", "Lav mad sammen med andre frivillige til vores fællesspisning.",
             "Hver torsdag laver vi aftensmad til 40 gæster. Du hjælper med madlavningen og opvasken."),
            ("Værtsfrivillig ved fællesspisning", "Tag imod gæsterne og skab hygge ved bordene.",
             "Du dækker bord, byder velkommen og sørger for, at ingen sidder alene."),
        ]),
    "driving": dict(
        area="elderly", competences=["practical"], targets=["new_pensioners"], cert=False,
        places=["aktivitetscenter", "kaplevej", "bistrupvang", "sjaelsoelund"],
        variants=[
            ("Chauffør til aktivitetsbussen", "Kør ældre borgere til og fra aktiviteter i vores minibus.",
             "Du skal have almindeligt kørekort. Kørslen foregår på hverdage om formiddagen."),
            ("Frivillig chauffør", "Hent beboere til udflugter og ture ud af huset.",
             "Vi har en bus med lift. Du kører, og en medarbejder tager med."),
        ]),
    "events": dict(
        area="culture", competences=["organising"], targets=["everyone"], cert=False,
        places=["naerum-bibliotek", "birkeroed-idraetscenter", "mariehoej-kultur", "vedbaekfundene", "holte-bibliotek", "mariehoej-kultur", "ungdomsskolen"],
        variants=[
            ("Frivillig til Kulturnatten", "Hjælp med opstilling, billetter og vejvisning til Kulturnatten.",
             "Kulturnatten trækker mange gæster. Du får en vagt på 3–4 timer og en t-shirt."),
            ("Festivalhjælper", "Vær med til at afvikle vores sommerfestival.",
             "Vi har brug for frivillige til scener, bar, oprydning og information."),
            ("Værtsfrivillig ved arrangementer", "Byd velkommen og hjælp gæsterne til rette ved foredrag og koncerter.",
             "Du tager imod billetter og svarer på spørgsmål. Vagterne ligger typisk om aftenen."),
        ]),
    "cafe": dict(
        area="culture", competences=["practical", "social"], targets=["everyone"], cert=False,
        places=["holte-bibliotek", "aktivitetscenter", "mariehoej-kultur", "vedbaekfundene", "kajeroed-bosted"],
        variants=[
            ("Frivillig i caféen", "Stå i caféen, lav kaffe og snak med gæsterne.",
             "Caféen er åben alle hverdage. Du tager en vagt om ugen sammen med en erfaren frivillig."),
        ]),
    "knitting": dict(
        area="elderly", competences=["culture", "social"], targets=["new_pensioners", "everyone"], cert=False,
        places=["aktivitetscenter", "mariehoej-kultur", "skodsborg-pleje"],
        variants=[
            ("Strikkeklub – tovholder", "Stå for vores strikkeklub, hvor vi strikker og hækler sammen.",
             "Strikkeklubben mødes hver mandag. Du hjælper nye med opskrifter og holder styr på garnet."),
        ]),
    "children_play": dict(
        area="children", competences=["social", "sports"], targets=["families", "young"], cert=True,
        places=["boernehuset", "ungdomsskolen", "naerum-skole", "vedbaek-skole", "kajeroed-bosted"],
        variants=[
            ("Legeven i børnehaven", "Vær ekstra voksen og leg med børnene på legepladsen.",
             "Du kan lide at arbejde med børn og har lyst til at sætte lege i gang ude og inde."),
            ("Frivillig i ungdomsklubben", "Hjælp med aktiviteter for unge om aftenen: spil, sport og snak.",
             "De unge har brug for voksne, der lytter. Du er med i klubben en aften om ugen."),
            ("Aktiviteter for børn i frikvarteret", "Sæt lege og boldspil i gang for eleverne i frikvarteret.",
             "Vi søger frivillige, der vil arbejde med børn i skolegården to formiddage om ugen."),
        ]),
    "museum": dict(
        area="culture", competences=["culture"], targets=["everyone", "students"], cert=False,
        places=["vedbaekfundene", "mariehoej-kultur"],
        variants=[
            ("Formidler på museet", "Fortæl gæsterne om stenalderens jægere i Vedbæk.",
             "Du får en grundig introduktion til udstillingen og viser rundt i weekenderne."),
            ("Udstillingsvært", "Vær vært i udstillingen og hjælp gæsterne.",
             "Du byder velkommen, svarer på spørgsmål og holder øje med værkerne."),
        ]),
    "practical": dict(
        area="social", competences=["practical"], targets=["everyone"], cert=False,
        places=["kajeroed-bosted", "sprogcenter", "ungdomsskolen", "aktivitetscenter"],
        variants=[
            ("Praktisk hjælp og småreparationer", "Hjælp med at male, skrue og reparere cykler.",
             "Du er god med dine hænder og har lyst til at give et nap med de praktiske opgaver."),
            ("Cykelværksted", "Hjælp beboere og unge med at reparere deres cykler.",
             "Vi har et lille værksted med værktøj. Du viser, hvordan man lapper et dæk og justerer bremser."),
        ]),
    "tours": dict(
        area="nature", competences=["nature", "culture"], targets=["everyone", "families"], cert=False,
        places=["naturcenter-hoesterkoeb", "dronninggaard", "vedbaekfundene"],
        variants=[
            ("Naturvejleder på guidede ture", "Tag familier med på ture og fortæl om fugle og planter.",
             "Vi holder guidede ture hver søndag. Du kender naturen og kan lide at fortælle."),
        ]),
    "games": dict(
        area="elderly", competences=["social"], targets=["new_pensioners", "everyone"], cert=False,
        places=["mariehoej-pleje", "kaplevej", "bistrupvang", "sjaelsoelund", "skodsborg-pleje"],
        variants=[
            ("Spilleeftermiddag med banko og kort", "Stå for banko, kortspil og brætspil med beboerne.",
             "Hver anden tirsdag spiller vi i dagligstuen. Du sætter spillene i gang og sørger for præmier."),
            ("Brætspil og quiz", "Hyggelige eftermiddage med quiz, ludo og kortspil for beboerne.",
             "Du finder på quizspørgsmål og spiller med. Det vigtigste er grinene."),
        ]),
    "senior_exercise": dict(
        area="elderly", competences=["sports"], targets=["new_pensioners", "seniors"], cert=False,
        places=["holte-if", "birkeroed-idraetscenter", "aktivitetscenter", "vedbaek-svoemmehal", "sjaelsoelund"],
        variants=[
            ("Instruktør i seniorgymnastik", "Led et hold i stolegymnastik og let motion for ældre.",
             "Holdet mødes mandag formiddag. Du viser øvelserne og tilpasser dem, så alle kan være med."),
            ("Vandgymnastik for seniorer", "Hjælp instruktøren med vandgymnastik for ældre i det varme bassin.",
             "Du står på kanten eller i vandet og hjælper deltagerne i og op af bassinet."),
        ]),
    "code_club": dict(
        area="children", competences=["it"], targets=["young", "students"], cert=True,
        places=["holte-bibliotek", "birkeroed-bibliotek", "naerum-bibliotek", "ungdomsskolen"],
        variants=[
            ("Kodeklub for børn", "Lær børn at programmere spil og robotter i vores kodeklub.",
             "Kodeklubben er for 9–14-årige. Du behøver ikke være programmør, bare nysgerrig og tålmodig."),
        ]),
    "mentor": dict(
        area="employment", competences=["social", "language"], targets=["young"], cert=False,
        places=["ungdomsskolen", "sprogcenter", "kajeroed-bosted", "birkeroed-skole"],
        variants=[
            ("Mentor for en ung", "Bliv mentor for en ung, der skal finde vej til uddannelse eller job.",
             "Du mødes med den unge hver anden uge og hjælper med ansøgninger, praktik og mod på fremtiden."),
            ("Jobmentor for nye borgere", "Hjælp en ny borger med CV, netværk og den første praktikplads.",
             "Du bruger din erfaring fra arbejdslivet til at åbne døre."),
        ]),
    "outdoor_school": dict(
        area="nature", competences=["nature"], targets=["students", "young"], cert=True,
        places=["naturcenter-hoesterkoeb", "dronninggaard", "skovlyskolen", "troeroedskolen"],
        variants=[
            ("Hjælper i udeskolen", "Tag med eleverne ud i skoven og hjælp med udeskoleforløb.",
             "Eleverne undersøger vandhuller, bygger shelters og laver bål. Du er ekstra voksen på turene."),
            ("Naturformidler for skoleklasser", "Vis skoleklasser rundt og fortæl om dyr og planter i naturen.",
             "Vi tager imod skoleklasser hele året. Du hjælper naturvejlederen med grupperne."),
        ]),
    "book_delivery": dict(
        area="culture", competences=["reading", "social"], targets=["new_pensioners", "seniors"], cert=False,
        places=["holte-bibliotek", "birkeroed-bibliotek", "naerum-bibliotek"],
        variants=[
            ("Bogbud til hjemmeboende", "Bring bøger og lydbøger ud til borgere, der ikke selv kan komme på biblioteket.",
             "Du henter en kasse bøger på biblioteket og besøger 3–4 faste låneres hjem hver anden uge."),
        ]),
    "litter": dict(
        area="nature", competences=["nature", "practical"], targets=["everyone", "families"], cert=False,
        places=["dronninggaard", "naturcenter-hoesterkoeb", "vedbaekfundene", "ungdomsskolen"],
        variants=[
            ("Affaldsindsamling langs stier og strand", "Saml affald sammen med andre frivillige en søndag om måneden.",
             "Vi udleverer tænger og poser. Affaldet sorteres bagefter, og vi slutter med kaffe."),
        ]),
    "crafts": dict(
        area="culture", competences=["culture"], targets=["everyone", "families"], cert=False,
        places=["mariehoej-kultur", "aktivitetscenter", "kajeroed-bosted", "boernehuset"],
        variants=[
            ("Kreativt værksted", "Hjælp i vores kreative værksted med maling, ler og syning.",
             "Du har selv en kreativ hobby og har lyst til at lære fra dig i værkstedet."),
        ]),
    "hiking": dict(
        area="nature", competences=["sports", "nature"], targets=["everyone", "new_pensioners"], cert=False,
        places=["naturcenter-hoesterkoeb", "dronninggaard", "holte-if"],
        variants=[
            ("Turleder for vandregruppen", "Led vandreture på 8–12 km i Rudersdals skove for voksne.",
             "Vandregruppen går hver onsdag. Du planlægger ruten og går forrest."),
        ]),
}

TOWN_NAMES = {"holte": "Holte", "naerum": "Nærum", "birkeroed": "Birkerød", "vedbaek": "Vedbæk",
              "troeroed": "Trørød", "skodsborg": "Skodsborg", "gl_holte": "Gl. Holte", "bistrup": "Bistrup",
              "kajeroed": "Kajerød"}


def tasks():
    """[(slug, activity, institution slug, fields)] in a fixed order."""
    by_slug = {i[0]: i for i in INSTITUTIONS}
    out, seen = [], set()
    for activity, spec in ACTIVITIES.items():
        for n, place in enumerate(spec["places"]):
            title, summary, description = spec["variants"][n % len(spec["variants"])]
            inst = by_slug[place]
            slug = f"{activity}-{place}"
            if slug in seen:
                slug += f"-{n}"
                title = f"{title} (hold {n})"
            seen.add(slug)
            out.append((slug, activity, place, {
                "title": title, "summary": summary, "description": description, "area": spec["area"],
                "town": inst[2], "address": inst[3], "target_groups": spec["targets"],
                "competences": spec["competences"], "requires_child_certificate": spec["cert"]}))
    return out
