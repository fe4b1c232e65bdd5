/**
 * Common words of English, German, French and Spanish, plus everyday software/support vocabulary, lower-case.
 *
 * Hand-made (no word-frequency list is installed), roughly the most frequent function and content words of each
 * language. Words only — no names — although many of them are also names ("will", "mark", "rose", "nice",
 * "bath"); `scripts/build-gazetteers.mjs` uses this list to mark such names as *ambiguous* (they need context),
 * and the name detectors use it to reject context-based candidates that are ordinary words ("Hi team", "I am sure").
 *
 * Kept as whitespace-separated template strings so that the file stays compact.
 */

const EN = `
a about above across act action actually add added address after again against age ago agree ahead air all allow
almost alone along already also although always am among amount an and another answer any anybody anyone anything
anyway anywhere apart appear apply approach area argue arm around arrive art as ask asked at attack attempt available
away baby back bad bag ball bank bar base be beat beautiful because become bed been before began begin behind being
believe below best better between beyond big bill bit black blood blue board body book born both box boy break bring
brother brought build building built business busy but buy by call called came can cancel cannot car card care carry
case cases catch cause center central centre certain certainly chair chance change changed character charge check
child children choice choose church city claim class clear clearly close closed coach cold collection college color
colour come comes coming common community company compare complete completely computer concern condition consider
contain continue control cost could count country couple course court cover create crime cultural culture cup current
customer cut dark data date daughter day days dead deal death decade decide decided decision deep default defense
degree delete deliver delivery democrat department depend describe design despite detail details determine develop
development die difference different difficult dinner direction director discover discuss discussion disease do doctor
does dog doing done door double down draw dream drive drop drug during each early east easy eat economic economy
edge effect effort eight either election else email employee end energy enjoy enough enter entire environment
environmental error especially establish even evening event events ever every everybody everyone everything evidence
exactly example executive exist expect experience expert explain eye face fact factor fail fall family far fast
father fear federal feel feeling few field fight figure file fill film final finally financial find fine finger
finish fire firm first fish five floor fly focus follow food foot for force foreign forget form former forward four
free friend from front full fund future game garden gas general generation get girl give given glass go goal goes
going gone good got government great green ground group grow growth guess gun guy hair half hand hang happen happy
hard has have he head health hear heard heart heat heavy held hello help her here herself hey hi high him himself his
history hit hold home hope hospital hot hotel hour hours house how however huge human hundred husband idea identify
if image imagine impact important improve in include including increase indeed indicate individual industry
information inside instead institution interest interesting international interview into invoice investment involve
is issue issues it item items its itself job join just keep key kid kill kind kitchen know knowledge known land
language large last late later laugh law lawyer lay lead leader learn least leave left leg legal less let letter
level lie life light like likely line list listen little live living local long look looking lose loss lot love low
machine made magazine main maintain major majority make man manage management manager many market marriage material
matter may maybe me mean measure media medical meet meeting member memory mention message method middle might
military million mind minute miss mission model modern moment money month months more morning most mother mouth move
movement movie much music must my myself name nation national natural nature near nearly necessary need network
never new news newspaper next nice night no none nor north not note nothing notice now number occur of off offer
office officer official often oh oil ok okay old on once one only onto open operation opportunity option or order
organization other others our out outside over own owner page pain painting paper parent part participant particular
particularly partner party pass past patient pattern pay peace people per perform performance perhaps period person
personal phone physical pick picture piece place plan plant play player please point police policy political
politics poor popular population position positive possible power practice prepare present president pressure
pretty prevent price private probably problem problems process produce product production professional professor
program project property protect prove provide public pull purpose push put quality question quickly quite race
radio raise range rate rather reach read ready real reality realize really reason receive recent recently recognize
record red reduce reflect region relate relationship religious remain remember remove report represent republican
require research resource respond response responsibility rest result return reveal rich right rise risk road rock
role room rule run safe same save say scene school science scientist score sea season seat second section security
see seek seem sell send senior sense series serious serve service set seven several sex sexual shake share she shoot
short shot should shoulder show side sign significant similar simple simply since sing single sister sit site
situation six size skill skin small smile so social society soldier some somebody someone something sometimes son
song soon sort sound source south southern space speak special specific speech spend sport spring staff stage stand
standard star start state statement station stay step still stock stop store story strategy street strong structure
student study stuff style subject success successful such suddenly suffer suggest summer support sure surface system
table take talk task tax teach teacher team technology television tell ten tend term test than thank thanks that the
their them themselves then theory there these they thing things think third this those though thought thousand threat
three through throughout throw thus time to today together tonight too top total tough toward towards town trade
traditional training travel treat treatment tree trial trip trouble true truth try turn two type under understand
unit until up upon us use used user users usually value various very victim view violence visit voice vote wait
walk wall want war watch water way we weapon wear week weight well west western what whatever when where whether
which while white who whole whom whose why wide wife will win wind window wish with within without woman women wonder
word work worker world worry would write writer wrong yard yeah year years yes yet you young your yourself
able absolutely accept access accident according account accounts achieve acquire active activity add-on addition
additional adjust admin administrator admit adult advance advice affect afford afraid afternoon agency agent
aggressive agreement aid aim alarm album alert alive alternative amazing american ancient angle angry animal announce
annual anxious apartment apologies apologise apologize apology app apparently appeal application applications
appointment appreciate appropriate approval approve april arrange arrangement arrival article artist aside asleep
aspect assist assistance assistant associate assume assure attach attached attachment attend attention attitude
attorney audience august author authority auto automatic automatically autumn average avoid award aware awful
background backup balance band banner basic basically basis battery battle bay beach bear bedroom beer beginning
behalf behavior behaviour belong benefit bike billing bind bird birth birthday blame blank block blog blow boat bone
bonus boot border boss bother bottle bottom bought bound brain branch brand bread brief bright broad broke broken
brown browser budget bug bugs burn bus button cable cake calendar camera camp campaign campus candidate cap capacity
capital captain capture career careful carefully cash cat cause cell chain chairman challenge champion channel
chapter charges chart chat cheap cheaper cheers chest chicken chief chip chocolate citizen civil claims clean cleaner
click client clients climate clock clothes cloud club coast code coffee coin collect combine comfortable command
comment comments commercial commission commit committee communicate communication companies comparison competition
complain complaint complex component concept conference confidence confirm confirmation conflict confused confusing
connect connected connection consent consequence constant construction consult consumer contact content contest
context contract contribute convert cook cookie cool copy corner correct correctly council counter county courage
cousin crash crashes crazy credit crew critical cross crowd crucial cry cure curious currently custom customers
cycle daily damage dance danger dangerous database deadline dear debate debt december decline decrease defeat define
definitely delay delivered demand deny deposit depth desk desktop destroy detect device devices diet digital
dinner direct directly dirty disable disabled discount dish display distance district divide division document
documents dollar domain domestic download draft dress drink driver due duty dynamic eager earn earth ease eastern
edit edition editor education effective efficient eighteen elderly electric electricity element eleven emergency
emotional employ employer empty enable enabled encourage engine engineer engineering english enterprise entry
episode equal equipment escape essential estate estimate evil exact exam examine excellent except exchange excited
exciting excuse exercise expand expensive experiment expire expired explore export express extend extension extra
extreme fair faith false familiar famous fan fantastic farm farmer fashion fat fault favor favorite favour favourite
feature features february fee feed feedback female fix fixed flag flat flight flow flower folder follow-up
following font football forecast forest forever format formula fortune forum found foundation frame frequently fresh
friday friendly fruit frustrated fuel function funny furniture gain gallery gap gate gather gear generally generous
gentle genuine gift glad global god gold golf grab grade grand grant graphic grateful greatly grey gray guarantee
guard guest guide guidance hall handle happened happens hardware hat hate headline hearing height hell helpful
hidden hide highlight highly hire holiday honest honey horse host hosting hotline household housing hundreds hungry
hurt ice icon ideal ignore ill illegal image immediate immediately import impossible impression inbox inch incident
income incorrect independent index indoor initial injury input inquiry install installed installation instance
instant institute instruction instructions insurance intend interface internal internet introduce invest
investigate invite involved iron island january joint joke journey judge july jump june junior jury justice keen
keyboard kick king kiss knee knife label lack lady lake laptop large largely latest launch layer lazy league leave
lecture length lesson library license licence lift limit limited link links lip liquid load loan location lock log
logged login logo lonely loose lord lost loud lovely lower luck lucky lunch mad mail mainly male mall manual map march
mark marked massive master match mate math maximum meal meaning meanwhile meat mechanism medium mental menu mere
merely mess metal middle mile milk mine minimum minor mirror mistake mix mixed mobile mode moderate modify monday
monitor mood moon moral motor mount mountain mouse multiple museum mystery nail narrow native neck negative neither
nerve nervous net neutral nevertheless newly nine nobody noise normal normally nose notes novel november nurse object
obtain obvious obviously occasion october odd offline ok online operate operator opinion opposite orange ordinary
origin original otherwise ought outcome output oven overall owe pack package pair panel pants parking particular
password patch path pause payment peak pen pencil penalty pension percent perfect perfectly permission permit
personally pet photo phrase physics piano pilot pink pipe pitch plain plane planet plastic plate platform pleasant
pleased plenty plus pocket poem poet pole pool pop port portal portion post postal pound practical pray premium
press prime print printer prior priority prison privacy prize pro procedure proceed profile profit progress promise
promote prompt proper properly proposal proud provider pub publish purchase pure quarter queen queue quick quiet
quote rain random rank rare rarely raw reaction reader reading reasonable rebuild receipt reception recipe recommend
recover recovery reduce reference refund refuse regard regarding regards register registration regular regularly
reject release relevant relief rely remote rent repair repeat replace reply request required requirement rescue
reserve reset resolve resolved resort respect restart restore retail retire review revenue reward ride ring river
root rough round route routine row royal rub rude ruin rush sad safety sail salary sale sales salt sample sand
saturday saving scale scan schedule scheme scheme screen script search secret secretary sector secure seed select
selection self sensitive sentence separate september sequence server session setting settings settle setup shall
shape sharp sheet shelf shell shift shine ship shirt shock shoe shop shopping shower sick sight signal signature
silence silent silly silver sir skip sky sleep slice slide slight slightly slip slow slowly smart smell smoke smooth
snow soft software soil solid solution solve somewhere sorry soul spare speaker speed spell spirit split spot
spread square stable staff stamp statement status steal steel stick stone storage storm straight strange stream
strength stress stretch strike string stroke struggle studio stupid submit subscription substance suit suitable
sunday super supply supposed surgery surprise surprised survey suspect sweet swim switch symbol tab tablet tail tale
tall tap tape target taste tea tear technical technician teeth template temporary tennis terms terrible text thin
thursday ticket tickets tie tight till tiny tip tired title toe token tomorrow tone tool tooth topic touch tour
tower track traffic train transfer transport trash treat trend trick truck trust tuesday tune twelve twenty twice
unable uncle unfortunately union unique unless unlike unlock update updated upgrade upload upper upset urban urgent
useful usual vacation valid van vast vehicle version via video village virus visible vision visitor vital volume
wage waiting wake warm warn warning wash waste wave weak wealth weather web website wedding wednesday weekend
welcome wet wheel whenever wherever whilst whisper wild willing winter wire wise withdraw witness wood wooden wool
worried worse worst worth wow wrap yellow yesterday zone zero
ability abroad absence absolute academic accent accompany accurate accuse acid acknowledge acre adapt adequate
adjacent admire adopt advanced advantage adventure advertise advertising advise adviser advocate affair aircraft
airline airport alcohol alike alliance allowance ally altogether amateur ambition ambulance amid ammunition amuse
analysis analyst anchor angel ankle anniversary announcement annoy annoying anticipate anxiety apparent appetite
applaud apple arch architect archive arena armed army arrest arrow aside assault assembly asset assign atmosphere
attract attractive auction audio awake baker balloon ban bare barely barn barrel barrier bath battle beam bean beauty
bee beef belief bell belt bench bend beneath bet bicycle bid billion bin biology bishop bite bitter blade blind blond
bloom blow boil bold bomb bond booking bore boring borrow bowl boxing brave breakfast breast breath breed brick bride
bridge brilliant broadcast brush bubble bucket buddy bulk bullet bunch burden burst bury butter buyer cabin cabinet
calm canal cancer candle canvas carbon cargo carpet carrot cart cartoon carve castle casual cattle cave ceiling
celebrate celebration cement cent century ceremony certificate champagne chaos charity charm chase cheek cheese chef
chemical cherry chess chin choir cigarette cinema circle circuit civilian clause clay clerk cliff climb clinic
clothing clue cluster coal coat cocktail code coil collapse collar colleague colonel column comedy comfort commander
compete competitor compile complaint compose composer compound comprehensive compromise conceal concentrate concert
conclude concrete conduct confess confine confront congress conscious consensus conservative constitute consume
contempt contrast convince cope copper core corn corporate corridor cottage cotton cough courtesy coverage cow crack
craft crane crawl cream creature crisis criteria critic crop crown crude cruel crush crystal cupboard curb currency
curtain curve cushion cute dairy dam dancer dare darling dawn deaf dealer decent deck declare decorate deer delicate
delight democracy dense dentist deputy desert deserve desire dessert destination detective diamond diary dig dignity
dimension dip diplomat disaster discipline disk dismiss dispute disturb dive divorce dock doll donate dot dozen drag
drain drama dramatic drawer drift drill dust eagle ear echo elbow elect elegant elephant elevator elite embrace
emerge empire engage enormous ensure entertain enthusiasm episode equation era essay eternal ethic evolve exceed
excess exclude exhibit exit exotic expose extent fabric faculty fade fame fancy fare fatal fate feast feather fellow
fence festival fever fiction fierce fifteen fifty finance fist flame flash fleet flesh float flood flour fluid fog
fold folk fool forth fossil fraction fragile frequency fridge frost frozen fur gang garage gay gaze gender gene
ghost giant glance glove glow glue goat golden goods gospel gossip gown grace grain grammar grandfather grandmother
grape grass grave gravity greet grief grip gross guilt guilty habit hammer harbor harbour harm harvest hay heal heaven
hedge heel helmet herb hero hint hip hole holy honor honour hook horizon horror hug hunt hunter hut ideology idle
illness immune inherit ink inn innocent insect insight inspect inspire integrity intense interval invent invention
ivory jacket jail jam jar jaw jazz jet jewel joy juice jungle junk kettle kidney kingdom knight knock lab lace ladder
lamp lane lap laser lawn leaf lean leather lemon lens liberal liberty lid lion liver lobby lobster lodge log loyal
lung luxury magic magnet maid mansion marble margin marine marsh mask mass meadow medal melt merchant mercy merit
mesh midnight mild mill miner mineral minister mint miracle mist mobile mold monk monkey monster mortgage mosque
moss motion mud mug mule muscle mushroom mutual myth naked nasty navy needle nest nightmare noble nod noon notion nut
oak oath ocean offense offence olive onion opera orbit orchestra organ outfit owl pace pad palace palm pan panic
parade parish parliament patience pattern pear pearl peasant pepper pig pile pill pillow pin pine pioneer pirate
pit pity plague plot plug pocket poison poll pond pony porch portrait pot potato pottery poverty powder prayer
preach preserve pride priest prince princess print prince prophet prose protein publicity pulse pump punch pupil
puppy puzzle quest rabbit rack rage raid rail rally ranch rat ray razor realm rebel recipe reef reform regime
reign relay remedy reptile rescue resident retreat rib ribbon rice riddle rifle ripe ritual rival robe robin robot
rocket rod roof rope rose rot rubber rug rumor rural rust sack saddle saint salad salmon sauce sausage scar scarf
scholar scissors scout scream sculpture seal seek seller senate sensor sermon servant sew shade shadow shame shark
shed sheep shelter sheriff shield shore shrimp shrug shy siege sigh silk sink skeleton sketch ski skull slave sled
sleeve slope slot snake soap soccer sock soda sofa solar sole soup spice spider spike spine spoon squad stable
stadium stain stair stake stall stare steam stem stew stock stomach stool stove straw strip suburb sugar suite sum
sun surgeon swamp swan sweat sweater sword syrup tank tax temple tenant tent terror textile theft thief thread
throat throne thumb thunder tide tiger timber toast toilet tomato tongue torch tornado toss towel toy trail
transit trap tray treasure tribe trophy tube tunnel turkey turtle twin umbrella uniform universe vacuum valley
van vase vein velvet verse vessel veteran vine violin volcano wagon waist wallet warrior wax weed whale wheat whip
whistle widow wing wit wolf worm wound yacht yarn yoga youth zoo
apart bear bush cook hunt joy may price wells mayor field fields brooks rivers hill hills banks stone stones
lane lanes wood woods gardens marsh church bishop baker cook butcher miller tailor mason carpenter smith
hunter fisher farmer shepherd weaver walker porter cooper gardener knight archer bowman skinner turner painter
drummer piper fowler sawyer barber brewer potter glover fletcher chandler steward ward dean major
ace bob buck chance crystal dale dash daisy destiny ebony fern flora frank gale gem ginger glen heather
holly iris ivy jade jasmine jewel june kit lily marina may melody misty olive opal pansy patience penny poppy
precious primrose ray robin rosemary ruby rusty sandy scarlet sky sunny sunshine violet willow winter august
august autumn april dawn faith hope grace honor joy serenity trinity unity harmony liberty justice miles cliff
will bill mark pat sue rob art gene rich nick jack jay jean mat don guy max sol
producer developer designer consultant analyst singer actor actress officer coordinator specialist supervisor
intern founder cofounder chairman chairwoman vice chief senior lead head owner clerk receptionist accountant
auditor architect programmer scientist researcher lecturer tutor nurse surgeon pharmacist dentist therapist
cashier waiter waitress chef driver pilot mechanic electrician plumber salesman saleswoman representative
apt ste bldg dept hq inc ltd llc corp co
are was were been has had did does doing done said says saying went goes gets getting got gotten made makes making
took takes taking taken came comes gave gives giving knew knows thought thinks told tells found finds felt keeps kept
brought begins began begun seemed seems showed shows shown heard hears meant means ran runs running sat sits stood
stands lost loses paid pays met meets sent sends spent spends fell falls wrote writes written won wins explained
explains listed lists points pointed trying tried tries wants wanted needs needed looks looked works worked working
asks asking used uses using called calls calling tells talked talks talking helped helps helping moved moves moving
lived lives started starts starting stopped stops opened opens closed closes happened happens became becomes
turned turns played plays playing watched watching waited waits loved loves liked likes hoped hopes believed
changed changes changing created creates added adds removed removes updated updates fixed fixes sorry thanks please
isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't i'm
i've i'll i'd you're you've we're we've they're that's there's it's let's what's here's
dad mom mum mommy daddy mama papa grandma grandpa granny bro sis dude buddy guys folks god lord jesus legend kinda
gonna wanna gotta lotta sorta yeah yea yep nope nah lol lmao omg wtf smh tbh idk imo rofl haha hahaha hehe xd
yall y'all ya u ur pls plz thx ty cuz cus coz bc gotcha dunno ain't gimme lemme ok okay oops ugh wow hmm meh yay
awesome cool amazing epic funny cute lovely nice great fun fan fans video videos song songs movie movies episode
show shows channel game games player players team teams fight fights music band bands album albums tv series season
miles kids guys girls boys people friends family mother father brother sister daughter son wife husband baby
million millions billion billions thousand thousands hundred hundreds dozen
english french german spanish italian dutch chinese japanese korean russian indian american canadian british
european african asian australian mexican brazilian irish scottish welsh swiss austrian polish swedish norwegian
danish finnish greek turkish arabic portuguese muslim christian jewish islam catholic
signed resolution summary description attachment bcc sent received environment steps expected actual result
workaround cause impact severity version platform os title department phone fax mobile email address company
ive til dies ima imma tho thru gonna cuz wanna rehab meds
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun xmas
north south east west northern southern eastern western central upper lower new old great little big saint
easter christmas halloween thanksgiving
`;

/** Everyday software, IT and support-desk vocabulary (product names that are also plain words included). */
const TECH = `
account accounts admin administrator android api app apps attachment attachments auth authentication backend backup
bios blog bluetooth bookmark boot bot browser bug build cache captcha cart checkout chrome cli client cloud cluster
code config configuration console container cookie cookies cpu crash css csv cursor dashboard database debug deploy
deployment desktop dev device dns docker docs document domain download driver dropdown edge email emails encryption
endpoint error errors ethernet excel export extension facebook feature file files filter firewall firefox firmware
folder form forms frontend gateway gmail google gpu guest hardware header host hosting html http https icon inbox
install installer instagram integration interface internet ios ip iphone ipad java javascript json kernel keyboard
laptop linkedin linux load log login logout mac macos mail malware memory menu microsoft modem module monitor mouse
network node notification notifications office offline online outlook outage pad page pdf php plugin popup port
portal post premium printer processor profile proxy python query queue ram react reboot redirect refresh release
repository request router safari sandbox screen screenshot script sdk search server service session settings setup
sharepoint shortcut sign signup skype slack smartphone sms software spam sql ssl storage stream subscription
sync tab tablet teams template terminal theme thread timeout toggle token tool toolbar tracker trial twitter ubuntu
unix update upgrade upload url usb user username users vpn web webhook website widget wifi wi-fi hi-fi e-mail add-on add-ons plug-in plug-ins log-in sign-in sign-on pop-up set-up follow-up check-in opt-in opt-out e-commerce wiki windows word
wordpress workflow workspace xml youtube zip zoom ios macbook imac iphone whatsapp telegram viber signal
iban bic sepa
ticket tickets agent agents escalation escalate priority severity sla refund invoice invoices billing subscription
plan plans tier license licence seat seats trial renewal renew charge charged payment payments card checkout order
orders shipping shipment delivery tracking parcel package return returns exchange warranty replacement voucher
coupon discount promo code reference ref case issue issues problem question query feedback complaint request
customer customers client clients team support helpdesk desk service manager supervisor operator representative
admin staff colleague colleagues department hr finance legal sales marketing it ops devops qa
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow morning afternoon evening night weekend week month year
am pm utc gmt cet est pst asap fyi btw tbd eta imo lol omg thx pls plz ty np ok okay hmm
jira confluence okta zendesk servicenow freshdesk salesforce intercom hubspot github gitlab bitbucket jenkins
kubernetes kubectl nginx apache mysql postgres postgresql mongodb redis elasticsearch kafka oracle azure aws gcp
onedrive dropbox icloud webex citrix vmware lastpass bitwarden acrobat photoshop quickbooks xero shopify stripe
paypal twilio mailchimp trello asana notion airtable clickup figma miro tableau powerbi onenote powerpoint autocad
matlab jupyter vscode intellij xcode chromebook thinkpad macos ipados watchos tvos safari edge opera brave vivaldi
teamviewer anydesk putty filezilla winscp wireshark postman grafana kibana splunk datadog sentry pagerduty
opsgenie jamf intune sccm entra keycloak auth0 onelogin duo yubikey sso saml oauth ldap mfa totp
prometheus nagios zabbix jaeger terraform ansible kubelet helm argocd traefik haproxy envoy istio grafana
`;

/**
 * Capitalised words of English that are not names: nationalities, languages, religions and holidays. SCOWL (the
 * English vocabulary the detectors also use) leaves them out because they are proper adjectives.
 */
const PROPER_WORDS = `
american americans british english french german germans spanish italian italians chinese japanese korean koreans
indian indians russian russians dutch swedish norwegian danish finnish polish czech greek greeks turkish arab arabs
arabic persian hebrew jewish jew jews muslim muslims christians catholic catholics protestant hindu hindus buddhist
islamic european europeans african africans asian asians latino latina latinos hispanic mexican mexicans canadian
canadians australian australians brazilian irish scottish welsh swiss austrian belgian portuguese ukrainian
vietnamese thai filipino indonesian pakistani nigerian egyptian israeli israelis iranian iraqi syrian afghan cuban
colombian argentinian chilean peruvian venezuelan hungarian romanian bulgarian serbian croatian slovak slovenian
estonian latvian lithuanian icelandic scandinavian nordic celtic latin anglo christmas easter halloween thanksgiving
ramadan hanukkah diwali xmas
`;

const DE = `
der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn weil wenn als ob dass damit
ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihnen mein meine meinen meinem meiner dein deine sein
seine ihre ihren unser unsere euer nicht kein keine keinen nichts nie immer schon noch nur auch sehr mehr viel viele
wenig ganz gut gute guten neu neue neuen alt alte groß große klein kleine lang kurz hoch tief schnell langsam
bin bist ist sind seid war waren gewesen habe hast hat haben habt hatte hatten werde wirst wird werden wurde wurden
kann kannst können könnte konnte muss musst müssen musste soll sollen sollte will willst wollen wollte darf dürfen
möchte möchten mag mögen gibt geben gab gegeben machen macht gemacht sagen sagt gesagt gehen geht ging gegangen
kommen kommt kam gekommen sehen sieht sah gesehen wissen weiß wusste finden findet fand gefunden bleiben bleibt
stehen steht liegen liegt nehmen nimmt genommen bringen bringt gebracht halten hält lassen lässt glauben denken
zeigen zeigt führen spielen arbeiten arbeite arbeitet brauchen brauche braucht bitten bitte danke dank vielen herzlichen
für mit von zu zum zur bei beim nach vor aus auf an am im in ins über unter neben zwischen durch gegen ohne um bis
seit während wegen trotz statt hier da dort heute morgen gestern jetzt dann danach bald gleich sofort später
wieder wo wie was wer wann warum wieso weshalb welche welcher welches wohin woher ja nein vielleicht leider gerne
gern hallo tschüss grüße gruß freundlichen freundliche beste besten liebe lieber liebes sehr geehrte geehrter
geehrten damen herren frau herr herrn fräulein team kunde kunden kundin support service problem probleme frage
fragen antwort anfrage bestellung rechnung lieferung konto passwort anmeldung fehler hilfe seite datei
zeit jahr jahre tag tage woche monat stunde minute uhr mal leben welt land stadt haus straße platz weg arbeit geld
firma unternehmen mitarbeiter chef kollege kollegin kollegen abteilung name namen nummer telefon adresse email
nachricht mail brief termin sache fall teil art ende anfang grund ort raum wasser hand kopf auge mann kind kinder
mutter vater bruder schwester freund freundin familie leute menschen mensch frau frauen männer schule
erste zweite dritte eins zwei drei vier fünf sechs sieben acht neun zehn hundert tausend alle alles allem allen
andere anderen anderer etwas jemand niemand man jeder jede jedes dieser diese dieses diesen diesem jener solche
sowie also sogar etwa fast genau wirklich natürlich eigentlich einfach bereits zwar sonst trotzdem deshalb daher
darum dazu dabei damit davon darauf daran darüber hierzu hiermit anbei beigefügt anhang bezüglich betreff betrifft
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august
september oktober november dezember früh spät richtig falsch wichtig möglich nötig klar sicher schön schlecht
ob wohl mal eben halt schon erst kaum selbst selber zusammen allein außerdem dennoch jedoch bisher
laden melden angemeldet gesendet geschickt erhalten bekommen gekauft bezahlt storniert erstattet gelöscht
bestätigen bestätigung kündigung vertrag versand paket rücksendung gutschein rabatt preis kosten gebühr
gruppe gmbh anbieter händler hersteller produkt artikel gerät computer handy drucker
`;

const FR = `
le la les un une des du de d l au aux et ou mais donc or ni car que qui quoi dont où si ne pas plus moins très
je tu il elle on nous vous ils elles me te se lui leur eux moi toi mon ma mes ton ta tes son sa ses notre nos votre
vos ce cet cette ces celui celle ceux cela ça ceci tout tous toute toutes autre autres même aucun aucune chaque
être suis es est sommes êtes sont était étaient été avoir ai as avons avez ont avait eu faire fait fais faisons
aller vais va allons allez vont venir viens vient pouvoir peux peut pouvons pouvez peuvent vouloir veux veut voulons
voulez savoir sais sait dire dit voir vois voit vu prendre pris mettre mis donner donné trouver trouvé parler
pour par avec sans sous sur dans en entre vers chez avant après depuis pendant contre selon comme aussi bien
encore déjà jamais toujours souvent ici là maintenant aujourd'hui hier demain bientôt oui non merci bonjour
bonsoir salut cordialement bonne journée madame monsieur mademoiselle cher chère chers équipe client clients
service problème question demande commande facture compte mot passe erreur aide page fichier
temps an année jour jours semaine mois heure minute fois vie monde pays ville maison rue travail argent
entreprise société nom numéro téléphone adresse message courriel lettre rendez-vous chose cas partie fin début
raison lieu eau main tête homme femme enfant enfants mère père frère sœur ami amie famille gens personne
premier première deuxième un deux trois quatre cinq six sept huit neuf dix cent mille
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre
octobre novembre décembre bon bonne mauvais grand grande petit petite nouveau nouvelle vieux vieille beau belle
vrai faux important possible nécessaire sûr rapide lent merci beaucoup peu trop assez vraiment simplement
juste seulement alors ainsi pourtant cependant puis ensuite enfin donc parce quand comment pourquoi combien
quel quelle quels quelles lequel laquelle veuillez s'il vous plaît svp bien salutations sincères distinguées
`;

const ES = `
el la los las un una unos unas y o pero sino ni que quien quienes cual cuales cuyo donde cuando como porque si no
sí muy más menos ya también tampoco yo tú él ella nosotros vosotros ellos ellas me te se le les lo nos os mi mis
tu tus su sus nuestro nuestra vuestro este esta estos estas ese esa esos esas aquel aquella esto eso todo toda
todos todas otro otra otros otras mismo misma cada algún alguno alguna ningún ninguno nada nadie algo alguien
ser soy eres es somos son era eran fue sido estar estoy estás está estamos están estaba haber he has ha hemos han
había hacer hago hace hizo hecho ir voy vas va vamos van poder puedo puede podemos pueden querer quiero quiere
saber sé sabe decir digo dice dijo ver veo ve visto dar doy da dado tener tengo tiene tenemos tienen venir
a ante bajo con contra de del desde en entre hacia hasta para por según sin sobre tras al durante mediante
aquí allí ahí ahora hoy ayer mañana luego después antes siempre nunca todavía aún bien mal gracias hola buenos
buenas días tardes noches saludos atentamente cordialmente estimado estimada querido querida señor señora
señorita equipo cliente clientes servicio problema pregunta solicitud pedido factura cuenta contraseña error
ayuda página archivo tiempo año años día semana mes hora minuto vez vida mundo país ciudad casa calle trabajo
dinero empresa nombre número teléfono dirección mensaje correo carta cita cosa caso parte fin principio razón
lugar agua mano cabeza hombre mujer niño niños madre padre hermano hermana amigo amiga familia gente persona
primero primera segundo uno dos tres cuatro cinco seis siete ocho nueve diez cien mil lunes martes miércoles
jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
diciembre bueno buena malo mala grande pequeño pequeña nuevo nueva viejo vieja importante posible necesario
seguro rápido mucho mucha muchos muchas poco poca demasiado bastante realmente solo sólo entonces así sin embargo
pues además qué quién cuál cómo dónde cuándo por favor favor disculpe lo siento
`;

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

/** The common words, lower-case, by language; `tech` is software and support vocabulary. */
export const COMMON_WORDS: Readonly<Record<'en' | 'proper' | 'de' | 'fr' | 'es' | 'tech', readonly string[]>> = {
  en: words(EN),
  proper: words(PROPER_WORDS),
  de: words(DE),
  fr: words(FR),
  es: words(ES),
  tech: words(TECH),
};

/** All common words in one list (duplicates possible). */
export function allCommonWords(): string[] {
  return [...COMMON_WORDS.en, ...COMMON_WORDS.proper, ...COMMON_WORDS.de, ...COMMON_WORDS.fr, ...COMMON_WORDS.es, ...COMMON_WORDS.tech];
}
