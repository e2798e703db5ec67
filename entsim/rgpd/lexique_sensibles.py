"""Lexique du détecteur de données sensibles (:mod:`entsim.rgpd.sensibles`) : les motifs par
catégorie du RGPD (art. 9.1 et art. 10), et les mots qui écartent un motif.

Les motifs s'appliquent au texte **replié** : minuscules, sans accents, apostrophe droite,
« œ » → « oe ». Ils visent le français écrit d'un lycée : formes du singulier et du pluriel,
du masculin et du féminin (racines ``\\w*``), première et troisième personne (« je suis »,
« il est », « sa mère est »), écriture SMS courante (« jsuis », « chui », « rdv », « médocs »,
« hosto », « GAV », « taule »).

Choix documentés (jugement, pas règle du texte) :

* **santé** : le considérant 35 du RGPD vise « toute information concernant […] une maladie,
  un handicap, un risque de maladie, les antécédents médicaux, un traitement clinique ou
  l'état physiologique ou biomédical » et les informations recueillies lors de soins ; d'où
  les maladies courantes, troubles « dys », TDAH, handicap et aménagements qui en découlent
  (PAI, PAP, PPS, tiers temps, AESH, dispense d'EPS), médicaments, rendez-vous chez un
  spécialiste, hospitalisation, grossesse, santé mentale. Les vaccins du carnet de santé, la
  collecte de sang, un cours sur la santé ne sont pas signalés ;
* **convictions** : religion déclarée, pratiques (jeûne du ramadan, carême, prière, messe),
  fêtes religieuses, signes portés (voile, kippa, croix), lieux de culte *fréquentés* (« je
  vais à la mosquée », pas « la classe visite la mosquée »), athéisme et agnosticisme
  (convictions philosophiques). Le végétarisme seul n'est **pas** signalé (un choix
  alimentaire ne révèle pas à lui seul une conviction) ; il l'est s'il est dit « par
  conviction » ou antispéciste ; « sans porc » à la cantine non plus (un menu, pas une
  personne) ;
* **opinions politiques** : se dire d'un courant, adhérer, militer, être candidat ou élu
  d'un parti, voter pour un parti ou un camp ; jamais l'élection des délégués ni du CVL ;
* **appartenance syndicale** : être syndiqué, adhérent, délégué, élu ou permanent d'un
  syndicat nommé (CGT, CFDT, FO, SNES…) ; pas le « syndicat des eaux » ni une grève ;
* **vie sexuelle** : orientation, relation (« sort avec une fille »), rapports, contraception,
  photos intimes ; la grossesse seule est une donnée de santé ;
* **pénal** (art. 10) : garde à vue, condamnation, casier, prison, mise en examen, TIG,
  plainte, interpellation, vol, trafic ou usage de stupéfiants ; les sanctions scolaires et
  le harcèlement entre élèves (traités par l'établissement) ne sont pas signalés à ce titre ;
* l'identité de genre n'est pas une catégorie de l'art. 9 : non signalée ;
* **origine** : « d'origine », « originaire de », racines, couleur de peau, groupe ethnique,
  insulte raciste visant une personne ; une nationalité ou une langue parlée seule, non.

Un motif marqué ``(?#niee)`` révèle une conviction *même nié* (« je ne crois pas en Dieu ») :
la règle de négation ne l'écarte pas.
"""

from __future__ import annotations

_ETRE = (r"(?:suis|es|est|sont|sommes|etes|etait|etais|etaient|serait|sera|seront|devenu|"
         r"devenue|devenus|en tant que|comme|reste|restee|jsuis|jsui|chui|chuis|ch|jss)")
_POSS = r"(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs|ton|ta|tes|votre|vos)"
_MOT = r"[\w'-]+"


def predicat(mots: str, ecart: int = 1) -> str:
    """« (je) suis | est | sont… [un mot ou deux] <mots> »."""
    return rf"\b{_ETRE}\s+(?:{_MOT}\s+){{0,{ecart}}}(?<!\ben )(?:{mots})\b"


def apres(verbes: str, objets: str, ecart: int = 4) -> str:
    """« <verbe> … (au plus ``ecart`` mots) … <objet> »."""
    return rf"\b(?:{verbes})\b(?:\s+{_MOT}){{0,{ecart}}}?\s+(?:l')?(?:{objets})\b"


_SPECIALISTES = (
    r"medecins?|docteur|doc|generaliste|dentiste|orthodontiste|kine\w*|psy|psys|psychologue|"
    r"psychiatre|pedopsychiatre|psychotherapeute|psychomotricien\w*|orthophoniste|ortho|"
    r"infirmiere|orthoptiste|ophtalmo\w*|dermato\w*|pediatre|specialiste|osteo\w*|allergologue|"
    r"cardiologue|neurologue|neuropediatre|pneumologue|gastro-enterologue|endocrinologue|"
    r"diabetologue|gyneco\w*|sage-femme|urologue|orl|radiologue|chirurgien\w*|"
    r"ergotherapeute|dieteticien\w*|nutritionniste|podologue|audioprothesiste|oncologue|"
    r"rhumatologue|cmpp?|camsp|sessad|hopital de jour|centre medico-\w+")
_MALADIES = (
    r"gastro(?:-enterite)?|grippe|angine|fievre|migraines?|asthme|diabete|epilepsie|"
    r"appendicite|depression(?! (?:atmospherique|tropicale))|anorexie|boulimie|cancer|"
    r"leucemie|tumeur|mucoviscidose|varicelle|rougeole|oreillons|rubeole|scarlatine|"
    r"coqueluche|bronchiolite|bronchite|pneumonie|otite|sinusite|rhinopharyngite|laryngite|"
    r"pharyngite|conjonctivite|mononucleose|rhume|toux|tousse|vomissements?|vomi|nausees?|"
    r"diarrhee|tdah|toc|tsa|trisomie|autisme|chimio(?:therapie)?|radiotherapie|entorse|"
    r"fracture|commotion|luxation|tendinite|scoliose|eczema|psoriasis|endometriose|crohn|"
    r"lupus|sclerose|myopathie|hemophilie|drepanocytose|anemie|hypothyroidie|malformation|"
    r"paralysie|surdite|cecite|begaiement|dyslexie|dyspraxie|dyscalculie|dysorthographie|"
    r"dysphasie|dysgraphie|hyperactivite|phobie scolaire|burn-?out|idees noires|"
    r"tentative de suicide|scarifications?|automutilation|insomnies?|enuresie|obesite|"
    r"schizophrenie|bipolarite|psychose|covid long|allergies?|intolerance au \w+|"
    r"maladie (?:de|d') ?[a-z]+|maladie (?:chronique|rare|grave|orpheline|auto-immune|"
    r"cardiaque|genetique|de peau)|cardiopathie|souffle au coeur|handicap\w*|grossesse|"
    r"fausse couche|ivg|avortement|vih|sida|seropositi\w*|hepatite|tuberculose")
_ETATS = (
    r"diabetiques?|asthmatiques?|epileptiques?|allergiques?|dyslexiques?|dyspraxiques?|"
    r"dyscalculiques?|dysorthographiques?|dysphasiques?|autistes?|handicapee?s?|"
    r"hospitalis\w*|operee?s?|anorexiques?|boulimiques?|depressi(?:f|ve|fs|ves)|deprimee?s?|"
    r"hyperacti(?:f|ve|fs|ves)|malvoyante?s?|non-voyante?s?|malentendante?s?|(?<!l')(?<!confiance )aveugles?|"
    r"(?<!l')(?<!confiance )sourde?s?(?! (?:a|aux|comme|oreille)\b)|muette?s?|bipolaires?|"
    r"schizophrenes?|obeses?|immunodeprimee?s?|paralysee?s?|platree?s?|"
    r"convalescente?s?|souffrante?s?|alite(?:e|s|es)?|cardiaques?|celiaques?|"
    r"seropositi(?:f|ve|fs|ves)|begue|stressee? (?:au point|jusqu)")
_PARTIS = (
    r"parti (?:socialiste|communiste|nationaliste|radical|ecologiste|pirate|animaliste|"
    r"de gauche|de droite)|ps|pcf|lfi|la france insoumise|france insoumise|insoumis|rn|"
    r"rassemblement national|front national|fn|reconquete|renaissance|en marche|lrem|modem|"
    r"horizons|les republicains|lr|eelv|les ecologistes|europe ecologie|les verts|verts|"
    r"jeunes ecologistes|jeunes communistes|jeunes socialistes|jeunes insoumis|jeunes avec "
    r"macron|jeunes republicains|generation\.?s|place publique|npa|lutte ouvriere|"
    r"debout la france|upr|mouvement ecologiste|liste ecologiste|extreme (?:gauche|droite)|"
    r"la gauche|la droite|l'extreme (?:gauche|droite)|zemmour|macron|"
    r"melenchon|le pen|bardella|nupes|nouveau front populaire|nfp|ecolos?|"
    r"(?:un|au|du|dans un|a un) parti politique|mouvement (?:ecologiste|anarchiste|politique)")
_SYNDICATS = (
    r"cgt|cfdt|fo|force ouvriere|sud[- ](?:education|rail|sante|ptt|solidaires)|solidaires|unsa|se-unsa|fsu|snes(?:-fsu)?|"
    r"snuipp(?:-fsu)?|snep(?:-fsu)?|snuep|snalc|sgen(?:-cfdt)?|cftc|cfe-cgc|cnt|fidl|unl|"
    r"mnl|la voix lyceenne|unef|fnsea|confederation paysanne|syndicat\w*")
_ORIGINES = (
    r"noire?s?(?! de monde)|blanc(?:he)?s?(?! comme)|metisse?s?|metis|asiatiques?|arabes?|"
    r"maghrebine?s?|roms?|tsiganes?|gitane?s?|manouches?|yeniches?|kurdes?|berberes?|"
    r"kabyles?|africaine?s?|antillaise?s?|touaregs?|peuls?|tamoule?s?|ouighoure?s?|"
    r"amerindien\w*|aborigenes?|creoles?|beurs?|rebeus?|renois|renoi")
_OBJETS_VOLES = (
    r"scooters?|velos?|voitures?|telephones?|portables?|sacs?|argent|billets?|portefeuilles?|"
    r"montres?|bijoux|vetements?|ordinateurs?|tablettes?|cartes? bancaires?|magasin|"
    r"supermarche|casier|carte bleue|airpods|ecouteurs|cb")
_DROGUES = r"cannabis|shit|beuh|weed|joints?|drogues?|cocaine|heroine|ecstasy|ecsta|crack"

MOTIFS_BRUTS: dict[str, list[str]] = {
    "sante": [
        r"\b(?:suis|es|est|sont|etait|etais|etaient|tombee?s?|restee?s?|rendu|jsuis|chui|"
        r"chuis|enfant|fils|fille|frere|soeur|mere|pere|mari|femme|eleve)\s+"
        r"(?:(?:tres|vraiment|encore|un peu|souvent|toujours|plus|pas|trop|gravement|"
        r"tellement)\s+)?malades?\b(?! (?:d'impatience|de jalousie|de rire|de peur|"
        r"d'amour|de honte|de trac|de stress|de joie)| imaginaire)",
        rf"\b{_POSS}\s+(?:maladie|sante|handicap|traitement|operation|pathologie|allergie|"
        r"asthme|diabete|epilepsie|depression|anorexie|tdah|trouble|medicaments?|"
        r"medocs?|ordonnance|pai|pap|pps|aesh|avs|insuline|pilule|fauteuil|dossier medical|"
        r"grossesse|accouchement|cicatrice|plaie|blessure)\b",
        rf"\b(?:{_MALADIES})\b",
        rf"\b(?:{_ETATS})\b",
        r"(?<!l')(?<!une )(?<!des )(?<!les )(?<!nos )(?<!mon )(?<!son )(?<!ton )"
        r"\benceintes?\b(?! (?:bluetooth|connectee?s?|portables?|audio|acoustiques?|du |"
        r"de la |de l'|des ))",
        r"\b(?:fait|faite|fais|faire|se faire|suis|est|etre|ete|sera|a ete)\s+"
        r"(?:operee?s?|opere|operer)\b",
        r"\boperee?s? (?:du|de la|de l'|des|d'une?|aux)\b",
        r"\boperations? (?:du|de la|de l'|des|aux) (?:genou|coeur|dos|pied|main|hanche|"
        r"epaule|appendicite|amygdales|yeux|oeil|ventre|cheville|poignet|bras|jambe|dents|"
        r"vegetations|cataracte|colonne|nez|oreilles?|rein|crane|ligaments?|menisque)\b",
        rf"\b(?:chez|rdv|rendez-vous|consultation|seance|seances|suivie?s?|voit|vu|vue|"
        r"consulte\w*|va voir|aller voir|allee? voir|adressee?|orientee?|envoyee?|bilan|"
        r"convoquee?|suivi)\s+(?:(?:par|avec|chez|au|a la|a l'|en|de|d')\s+)?"
        r"(?:le |la |l'|les |un |une |son |sa |mon |ma |notre |leur |du |des )?"
        rf"(?:{_SPECIALISTES})\b(?! de l'education nationale| scolaire)",
        r"\b(?:rendez-vous|rdv|certificat|examens?|suivi|raisons?|soins?|dossier|"
        r"consultation|urgence|probleme|problemes|souci|soucis) medica(?:l|ux|le|les)\b",
        r"\b(?:arret maladie|arret de travail|soins dentaires|prise de sang|"
        r"seances? de kine\w*|attelle|platre|bequilles|corset|points de suture|"
        r"appareil auditif|appareil dentaire|fauteuil roulant|mdph|pai|pap|pps|aesh|avs|"
        r"ulis|ime|itep|tiers[- ]temps|"
        r"crises? (?:d'asthme|d'angoisse|d'epilepsie|de panique|de tetanie|convulsives?|"
        r"cardiaques?)|angoisses|"
        r"troubles? (?:de l'attention|du comportement|alimentaires?|dys\w*|anxieux|"
        r"des apprentissages|du langage|du spectre|bipolaires?|psychiques?|"
        r"psychologiques?|du sommeil|visuels?|auditifs?|cardiaques?|digestifs?|de la vue|"
        r"de l'audition|obsessionnels?)|"
        r"pilule du lendemain|contraception|planning familial|depistage|ist|mst|"
        r"syndrome (?:de|d')\s*\w+|douleurs? (?:de|d'|au|aux|a la|dans)\s*\w+|"
        r"mal (?:au|a la|a l'|aux) (?:ventre|tete|gorge|dos|dents?|oreilles?|estomac|"
        r"genou|pied|jambe|bras|cheville|poignet|yeux|oeil|poitrine)(?! rien qu)|"
        r"(?:a|ai|as|avoir|eu|ont) (?:ses|mes|tes|leurs) regles|regles douloureuses|"
        r"(?:fait|fais|eu|avoir|faire|a fait) (?:un|une|des) (?:malaise|"
        r"hypoglycemie|hypo|rechute)s?|evanoui\w*|tombee? dans les pommes|"
        r"(?:aux|des|les) urgences|hosto|(?:va|alle\w*|envoyee?|passee?|sortie?|est|etait|reste\w*|"
        r"conduite?|accompagnee?|emmenee?|file|aller|partie?) a l'infirmerie|"
        r"dispensee?s? (?:d'eps|de sport|d'education physique|de piscine|de natation)|"
        r"dispense d'eps|inapte|inaptitude|"
        r"en (?:reeducation|convalescence|reanimation|soins intensifs)|"
        r"attend(?:s|ons|ent)? un bebe|accouch\w*|s'est blessee?|"
        r"(?:sort|sortie?|revient|rentre\w*) (?:de|d') (?:l'hopital|clinique|la clinique)|"
        r"(?:est|etait|suis|reste\w*|encore|toujours|nuit|jours?|semaines?) "
        r"(?:a l'hopital|en clinique|a la clinique))\b",
        r"\b(?:antidepresseurs?|anxiolytiques?|ritaline|concerta|insuline|psychotropes?|"
        r"medicaments?|medocs?|doliprane|paracetamol|ibuprofene|antibiotiques?|somniferes?|"
        r"neuroleptiques?|ventoline|cortisone|corticoides|antihistaminiques?|"
        r"ordonnance|prescri\w*|traitement (?:de fond|hormonal|lourd|medical))\b",
        r"\b(?:traitement|traitee?s?|soignee?s?) (?:contre|pour)\b",
        rf"\b(?:{_SPECIALISTES})\s+(?:pour (?:son|sa|ses|mon|ma|mes)|ce matin|cet apres-midi|"
        r"ce soir|demain|tous les|chaque|a \d+ ?h)",
        r"\b(?:irm|echographie|radio (?:du|de la|des|de l')|scanner (?:du|de la|des|cerebral)|"
        r"analyses? de sang|bilan sanguin|electroencephalogramme|electrocardiogramme|"
        r"vaccin contre la \w+ pour (?:mon|ma|son|sa))\b",
        r"\bsous (?:traitement|ritaline|antidepresseurs?|insuline|anxiolytiques?|"
        r"antibiotiques?|cortisone|chimio)\b",
        r"\b(?:cassee?|foulee?|tordue?|luxee?|fracturee?|brulee?|ouvert) (?:le|la|les|l')\s*"
        r"(?:poignet|bras|jambe|cheville|genou|pied|main|epaule|doigt|dos|cou|nez|arcade|"
        r"clavicule|cote|orteil)\b",
        r"\bsouffr(?:e|es|ent|ait|aient|ante?s?) d[e'u]\b",
        r"\b(?:est|sont|suis|etait|eleve|fille|fils|enfant|mere|pere) atteinte?s? (?:d'une?|de la|du|de)\b",
        r"\b(?:ai|as|a|avait|avons|ont|eu|attrape|positif au|positive au|chope) "
        r"(?:le |la )?covid\b",
        r"\bmutation (?:brca\w*|genetique)\b",
        r"\b(?:prend|prends|prenait|prennent) (?:un|des|son|ses|sa|la) "
        r"(?:traitement|medicaments?|medocs?|cachets?|pilule)\b",
    ],
    "opinions_politiques": [
        predicat(r"communistes?|socialistes?|ecolos?|ecologistes?|anarchistes?|royalistes?|"
                 r"gaullistes?|macronistes?|trotskistes?|trotskystes?|souverainistes?|"
                 r"nationalistes?|feministes?|antiracistes?|insoumise?s?|"
                 r"de gauche|de droite|d'extreme (?:gauche|droite)|"
                 r"d'(?:ultra|extreme)-(?:gauche|droite)|liberale?s?|conservat(?:eur|rice)s?"
                 r"(?! d[eu]s?\b)|reac|gauchiste?s?|facho?s?|fascistes?|marxistes?|"
                 r"libertaires?|republicaine?s?|centristes?|lepenistes?|melenchonistes?|"
                 r"zemmouristes?|identitaires?|antifas?|altermondialistes?|encartee?s?", ecart=2)
        + r"(?!\s+(?:au|du|de la|des|a la|d'un|pour le|pour la) (?:delegue|cvl|cvc|"
          r"conseil de (?:classe|vie)|classe|club|foyer|ca\b|mdl|syndica|conseil "
          r"d'administration|association sportive|bureau des eleves|bde))",
        r"\b(?:militante?s?|milite|militent|militait|militer|encartee?s?|sympathisante?s?)\b"
        r"(?!(?:\s+[\w'-]+){0,3}?\s+(?:l')?(?:syndica\w*|cgt|cfdt|fo|unsa|fsu|snes\S*|"
        r"solidaires|cftc|fidl|unl|association|asso|club))",
        apres(r"adhere\w*|adhesion|adherente?s?|membres?|carte|encartee?s?|engagee?s?|"
              r"vote|votes|votent|votons|votez|voter|votait|voterai|votera|votais|voterais|"
              r"candidate?s?|candidature|elue?s?|conseill\w+|deputee?|maire|tracte\w*|"
              r"tracts?|affiches?|colle|collait|collent|soutien|soutient|soutiens|meetings?|"
              r"campagne|delegue de circonscription|militante?s?|milite\w*|sympathisante?s?|"
              r"inscrite?s?|rejoint|permanence", _PARTIS, ecart=3)
        + r"(?! (?:du cvl|des delegues|de classe))",
        rf"\b{_POSS}\s+(?:parti(?! pris)|opinions? politiques?|engagement politique|"
        r"idees politiques|bord politique)\b",
        r"\bvot(?:e|es|ent|ait|er|ons|e)\s+(?:a|pour|contre)\s+(?:gauche|droite|"
        r"l'extreme|l'europe)\b",
        r"\b(?:engagee?s?|militante?s?|active?s?) (?:en|dans la) politique\b",
        r"\b(?:carte|adhesion) (?:d'un|a un|au|du) parti\b",
    ],
    "convictions": [
        predicat(r"catholiques?|protestante?s?|musulmane?s?|juifs?|juives?|chretiens?|"
                 r"chretiennes?|evangeliques?|evangelistes?|bouddhistes?|hindoue?s?|"
                 r"hindouistes?|sikhe?s?|athees?|agnostiques?|orthodoxes?|franc-macons?|"
                 r"temoins de jehovah|croyante?s?|pratiquante?s?|adventistes?|mormons?|"
                 r"baptistes?|pentecotistes?|anglicane?s?|chiites?|sunnites?|salafistes?|"
                 r"islamistes?|alevis?|druzes?|coptes?|scientologues?|taoistes?|shintoistes?|"
                 r"rastas?|antispecistes?|laique?s? convaincue?s?|tres religieu(?:x|se)s?|"
                 r"religieu(?:x|se)s?|pieu(?:x|se)s?|converti(?:e|s|es)?|baptisee?s?|"
                 r"voilee?s?|vegane?s? par conviction|vegetarien\w* par conviction", ecart=2),
        r"\b(?:ramadan|careme|aid(?: el-\w+| el \w+)?|yom kippour|kippour|pessah|"
        r"roch hachana|hanoucca|souccot|pourim|shabbat|sabbat|diwali|vesak|bar mitzvah|"
        r"bat mitzvah|premiere communion|communion(?: solennelle)?|catechisme|cate|"
        r"aumonerie|aumonier|paroisse|pelerinage|temoins de jehovah|franc-macon\w*|"
        r"loge maconnique|ecole coranique|madrassa|yeshiva|"
        r"mang(?:e|es|ent|eons|er|eait) (?:que |uniquement |seulement )?(?:halal|casher|kasher)|"
        r"hijab|niqab|burqa|burkini|kippa|bapteme(?! de l'air| de plongee)|"
        r"athe(?:isme|e|es)|agnosti\w+|antispecis\w+)\b",
        r"\b(?:la messe|confirmation a l'eglise|noel orthodoxe|converti(?:e|s|es)? a|"
        r"conversion a|porte (?:le voile|le foulard|la kippa|un turban|une croix|sa croix|"
        r"une main de fatma|une etoile de david)|porter le voile|portent le voile|"
        r"prie \w+ fois|prieres?|chorale du temple|au temple|fait sa priere|"
        r"(?:fait|fais|font|faisons|faire|pendant|commence|rompre|rompt|periode de|"
        r"premier jour de|fin du) (?:le |son |leur |du |mon )?(?:jeune|ramadan|careme)|"
        r"jeuner|jeunent|jeunons|jeunait|jeunais|"
        r"(?:vais|va|vont|allons|allez|aller|allait|allais|etait|etais|rendue?s?|rend|"
        r"frequente\w*|prier|prie|prient|priait) (?:a la |au |a l'|dans une |dans la )"
        r"(?:mosquee|synagogue|eglise|temple|messe|paroisse|aumonerie|catechisme|cate|"
        r"pagode|chapelle|salle du royaume|gurdwara)|"
        r"(?:crois|croit|croient|croyons|croyais|croyait) (?:en|a) (?:dieu|allah|jesus|"
        r"l'au-dela|la reincarnation|rien))\b",
        r"(?#niee)\b(?:ne|n') ?(?:crois|croit|croient|croyons|croyait) (?:(?:plus|pas|guere) )?"
        r"(?:(?:en|a) (?:dieu|allah|aucune? (?:dieu|religion))|(?:en|a) rien)\b",
        rf"\b{_POSS}\s+(?:religion|foi|confession|croyances?|convictions?|pratique religieuse|"
        r"eglise|mosquee|synagogue|communaute religieuse|bapteme|communion|pasteur|imam|"
        r"rabbin|pretre)\b",
        r"\b(?:conviction|raison|fete|obligation|pratique|ceremonie|education|famille) "
        r"religieuses?\b",
        r"\bde confession (?:musulmane|juive|catholique|protestante|chretienne|orthodoxe|"
        r"bouddhiste|\w+)\b",
        r"\b(?:par conviction|pour des raisons (?:religieuses|ethiques|philosophiques))\b",
    ],
    "syndicat": [
        r"\b(?:syndiquee?s?|syndicalistes?|syndiquer|syndicales? lyceenne|"
        r"formation syndicale|responsable syndical|militante? syndica\w*|section syndicale|"
        r"permanente? syndica\w*|elue? syndica\w*|mandat syndical|decharge syndicale|"
        r"representante? syndica\w*|engagement syndical|activite syndicale|"
        r"cotisation syndicale|heures? de delegation|carte syndicale)\b",
        predicat(r"delegue(?:e)? syndica\w*|delegue(?:e)? du personnel"),
        r"\b(?:membre|adherente?|carte|inscrite?|entree?|cotise|engagee?|active?) "
        r"(?:du|au|a la|d'un|dans un|dans le) syndicat\b",
        rf"\b{_POSS}\s+(?:syndicat|engagement syndical|carte syndicale)\b",
        apres(r"delegue(?:e)?|adherente?s?|adhere\w*|membres?|carte|milite\w*|militante?s?|"
              r"representante?s?|represente|elue?s?|secretaire|responsable|"
              r"syndiquee?s?|permanente?s?|inscrite?|cotise\w*|rejoint|encartee?s?|"
              r"engagee?s?|tracte\w*|mandatee?s?|permanence", _SYNDICATS, ecart=4)
        + r"(?! (?:des eaux|d'initiative|mixte|de copropriete|intercommunal|agricole|"
          r"des transports|d'energie))",
    ],
    "genetique_biometrique": [
        r"\b(?:tests?|analyses?|profil|resultat du test|empreintes?|examens?|bilan|"
        r"depistage|sequencage) (?:adn|genetiques?|de l'adn|chromosomique)\b",
        rf"\b{_POSS}\s+(?:genome|adn|caryotype|profil genetique|iris|"
        r"donnees genetiques)\b",
        r"\b(?:caryotype|anomalie chromosomique|trisomie|geneticien\w*|"
        r"(?:rendez-vous|rdv|consultation|service|conseil) (?:en|de) genetique|"
        r"genetique a l'hopital|test de paternite|test de maternite|mutation (?:brca\w*|"
        r"genetique)|brca[12]|maladie genetique|sequencer|sequence son genome|"
        r"porteu(?:r|se) sain\w*)\b",
        r"\bempreintes? (?:digitales?|de la main|de la paume|palmaires?|"
        r"du doigt|des doigts)\b",
        r"\b(?:gabarit|contour de la main|reconnaissance faciale|"
        r"(?:scan|lecture|reconnaissance) de l'iris|(?:scan|lecture|reconnaissance) "
        r"(?:de la|du) (?:paume|reseau veineux|visage|main|empreinte)|"
        r"reconnaissance de l'empreinte|reseau veineux|(?:controle|lecteur|badge|systeme|borne|"
        r"portique|acces|pointage) (?:d'acces )?biometriques?|"
        r"(?:scanne|scanner|enregistre\w*|releve\w*|pris|prendre) (?:\w+ ){0,2}?"
        r"(?:empreintes?|visage|iris))\b",
    ],
    "origine": [
        r"\bd'origines? (?!latine|grecque|electrique|inconnue|animale|vegetale|humaine|"
        r"controlee|naturelle|technique|informatique|militaire|du |de |des )\w+",
        r"\b(?:originaires?|issue?s? de l'immigration|fils d'immigres|fille d'immigres|"
        r"enfants? d'immigres|immigree?s?)\b",
        rf"\b(?:{_POSS}|les)\s+(?:origines|racines) (?:\w+(?:es|s))\b",
        rf"\b{_POSS}\s+origines?\s+(?!de\b|du\b)\w+",
        rf"\b{_POSS}\s+(?:ethnie|pays d'origine)\b",
        predicat(_ORIGINES, ecart=2),
        rf"\b(?:{_POSS}|une|un|la|le|cette|ce) (?:famille|communaute|mere|pere|parents|"
        r"grands-parents) (?:est |sont |etait )?(?:\w+ )?(?:kurde|gitane|rom|tsigane|"
        r"berbere|kabyle|touareg|peule|tamoule|ouighoure|manouche|yeniche|antillaise|"
        r"maghrebine|africaine|asiatique|arabe|metisse)s?\b",
        r"\b(?:couleur de (?:sa |la |leur |ma |ta |mon |son )?peau|(?:peau|teint) "
        r"(?:noire|mate|basanee|foncee|blanche|claire)|gens du voyage|"
        r"(?:sale|traitee? de|appelle|appellent|appele|traiter de) "
        r"(?:\w+ )?(?:arabe|noir|negre|negro|bougnoule|bamboula|chinetoque|"
        r"bridee?|youpin|rebeu|chinois|renoi|gitan|rom)|"
        r"(?:propos|insultes?|remarques?|blagues?|injures?|actes?) racistes? "
        r"(?:envers|contre|visant|a l'egard|sur)|(?:victime|cible) de racisme)\b",
    ],
    "vie_sexuelle": [
        predicat(r"gays?|homos?|homosexuel(?:le)?s?|lesbiennes?|bisexuel(?:le)?s?|bi|"
                 r"pansexuel(?:le)?s?|asexuel(?:le)?s?|heteros?|heterosexuel(?:le)?s?|"
                 r"queers?|lgbt\w*|amoureu(?:x|se) d'(?:un|une) (?:fille|"
                 r"garcon)|en couple avec (?:une|un) (?:fille|garcon|femme|homme)", ecart=2),
        rf"\b{_POSS}\s+(?:homosexualite|bisexualite|orientation sexuelle|vie sexuelle|"
        r"coming[- ]out|virginite|sexualite|vie intime|premiere fois|"
        r"compagne de (?:ma|sa) mere|copine et elle|copain et lui)\b",
        r"\b(?:homosexualite supposee|coming[- ]out|rapports? sexuels?|relations? sexuelles?|"
        r"pilule du lendemain|contraception|contraceptif|preservatifs?|sterilet|"
        r"planning familial|ist|mst|couche avec|couche ensemble|coucher avec|virginite|"
        r"deux mamans|deux papas|en couple|enceinte de (?:son|mon) (?:petit ami|"
        r"copain)|photos? intimes?|videos? intimes?|nudes?|sextos?|sexting|revenge porn|"
        r"sextape|outee?|premier rapport|premiere fois avec|ivg|avortement|"
        r"(?:prend|prends|prenait|prennent|sous) (?:la )?pilule|"
        r"(?:sort|sors|sortent|sortait|sortais|sortir) (?:ensemble depuis|avec (?:un|une|le|la) "
        r"(?:fille|garcon|mec|meuf|gars|femme|homme))|"
        r"(?:traitee? de|sale|appelle|appellent) (?:« ?)?(?:pd|pede|gouine|tapette|tarlouze|"
        r"tafiole)|(?:petite? ami|copine|copain|amoureuse|amoureux) "
        r"(?:de la meme|du meme) (?:sexe))\b",
        r"\battiree?s? par (?:les|des) (?:garcons|filles|hommes|femmes|mecs|meufs|deux sexes)\b",
    ],
    "penal": [
        r"\b(?:garde a vue|gav|casier judiciaire|a un casier|controle judiciaire|"
        r"bracelet electronique|travaux d'interet general|tig|tribunal pour enfants|"
        r"tribunal correctionnel|cour d'assises|juge des enfants|juge d'instruction|"
        r"mise? en examen|mis en cause|avec sursis|sursis|prison ferme|mesure educative "
        r"judiciaire|pjj|commissariat|racket\w*|trafic de (?:stupefiants|drogue)|"
        r"usage de stupefiants|cambriol\w*|conduite sans permis|conduite en etat d'ivresse|"
        r"alcool au volant|delit de fuite|plainte deposee|port(?:e|er|ent|ons|ait) plainte|"
        r"plaintes? (?:contre|pour)|depose\w* plainte|centre educatif ferme|cef|"
        r"centre de detention|maison d'arret|quartier des mineurs|etablissement "
        r"penitentiaire|comparution immediate|"
        r"flagrant delit|menottee?s?|ecrouee?s?|inculpee?s?|perquisition|"
        r"(?:vol|vols) (?:de|d'un|d'une|du|des|de son|de sa|de ses|de mon|de ma|de mes) ?(?:"
        + _OBJETS_VOLES + r")|vol a l'etalage|vol a l'arrache|agressions?|"
        r"(?:pour|victime de|commis des) violences?|violences (?:conjugales|volontaires|sexuelles)|"
        r"coups et blessures|deale\w*|dealer\w*|dealait|taule|zonzon|incarcer\w*|"
        r"detenue?s? (?:a|au|en|depuis))\b",
        r"\b(?:en|de) (?:prison|detention)\b|\bprison\b(?! de la bastille)",
        r"\b(?:(?:ete|est|sont|etait|etre|fut|deja|suis|etais|avait ete) condamnee?s?"
        r"(?! pendant| jusqu| pour (?:travaux|cause))|condamnee?s? (?:a|pour|par|en)\b|interpellee?s?|verbalisee?s?|accusee?s? d'avoir|"
        r"recherchee?s? par la (?:police|gendarmerie)|poursuivie?s? pour|"
        r"soupconnee?s? d(?:e|')|accusee?s? de (?:vol|viol|agression|violences|trafic)|"
        r"entendue?s? par (?:la police|les gendarmes|les policiers|les enqueteurs|la "
        r"gendarmerie|le juge)|convoquee?s? (?:au|a la|par la) "
        r"(?:commissariat|gendarmerie|police|tribunal|juge))\b",
        r"\b(?:fait|faite|ete|etre|faits?|faire) (?:arreter|arretee?s?|embarquer|embarquee?s?|"
        r"interpeller|serrer|coffrer)\b",
        r"\b(?:arretee?|attrapee?|attraper|pris|prise|chope|choper|embarquee?) par (?:la police|la "
        r"gendarmerie|les flics|les keufs|les gendarmes|les policiers|la bac|les douanes)\b",
        r"\b(?:a|ai|as|ont|avoir|avait|aurait|auraient) (?:deja )?vole (?!la vedette)\w+",
        r"\bvol\w* (?:de l'argent|dans (?:le|la|les|un|une) (?:casiers?|sacs?|magasin|vestiaires?|"
        r"caisse|supermarche))\b",
        rf"\b(?:vend\w*|trafic\w*|fum\w*|consomm\w*|deal\w*|revend\w*|avec|achete\w*|"
        rf"possession|detention|sur lui|sur elle) (?:du|de la|de|des|d'|un|une)\s?"
        rf"(?:{_DROGUES})\b",
        r"\b(?:a|ont|avait|aurait|ai) (?:agresse\w*|menace\w* de mort|rackette\w*|"
        r"tague|vandalise|viole|poignarde|deale)\b",
    ],
}

#: Mots qui nient un motif (dans la même proposition, au plus trois mots avant lui).
NEGATIONS = frozenset({"pas", "jamais", "aucun", "aucune", "ni", "sans", "non"})

#: Mots qui font d'une proposition un sujet d'étude, pas une information sur une personne.
THEMES = frozenset({"cours", "chapitre", "expose", "theme", "debat", "conference", "film",
                    "roman", "livre", "documentaire", "programme", "activite", "tp",
                    "atelier", "lecture", "comment", "etude", "exercice", "histoire",
                    "prevention", "sujet", "formation", "secourisme", "gestes", "etudions", "etudier", "etudie", "etudient",
                    "abordons", "aborde", "abordent", "exposition",
                    "sensibilisation", "journee", "dissertation", "manuel",
                    "personnage", "heros", "piece", "theatre", "serie", "podcast", "video",
                    "visitent", "visitons", "visiter", "revision", "revisions", "definition",
                    "definissez", "quiz", "qcm", "fiche",
                    "emc", "svt", "philo", "philosophie", "musee", "spectacle", "chanson", "poeme", "intervention", "interviendra",
                    "presentation", "statistiques", "loi", "lois",
                    "reforme", "article", "question", "questions", "simulation", "jeu"})

#: Sujets qui ne sont pas des personnes (« mon ordinateur est malade »).
CHOSES = frozenset({"ordinateur", "telephone", "pc", "tablette", "imprimante", "wifi",
                    "reseau", "produit", "mot", "nom", "article", "marchandise", "viande",
                    "appellation", "vin", "lait", "plat", "recette", "porte", "fenetre",
                    "moteur", "roue", "velo", "ciel", "voiture", "ecran", "batterie",
                    "logiciel", "site", "serveur", "tableau", "salle", "plante", "arbre",
                    "chien", "chat", "cheval", "vache", "hamster", "lapin", "feuille",
                    "page", "copie", "mur", "fond", "neige", "nuit", "couleur", "encre",
                    "match", "bus", "chantier", "projet", "concert", "tournoi"})
