<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AnnotationExport</name>
    <message>
        <source>Annotations</source>
        <translation>Annotaties</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Bron: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Gepubliceerd: %1</translation>
    </message>
    <message>
        <source>Link: &lt;%1&gt;</source>
        <translation>Link: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Met bladwijzer</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notitie: %1</translation>
    </message>
    <message>
        <source>Detached: this passage is no longer in the article&apos;s text.</source>
        <translation>Losgeraakt: deze passage staat niet meer in de tekst van het artikel.</translation>
    </message>
</context>
<context>
    <name>ArticlePage</name>
    <message>
        <source>Date unknown</source>
        <translation>Datum onbekend</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Use the library in DIR.</source>
        <translation>De bibliotheek in MAP gebruiken.</translation>
    </message>
    <message>
        <source>Print JSON on standard output.</source>
        <translation>JSON naar standaarduitvoer schrijven.</translation>
    </message>
    <message>
        <source>Do not import the bundled tag pages into a new library.</source>
        <translation>De meegeleverde tagpagina&apos;s niet in een nieuwe bibliotheek importeren.</translation>
    </message>
    <message>
        <source>Messages in LANGUAGE (en, nl); default: $FOLIO_LANG, else the system&apos;s.</source>
        <translation>Meldingen in TAAL (en, nl); standaard: $FOLIO_LANG, anders de systeemtaal.</translation>
    </message>
    <message>
        <source>Try &apos;folio-cli --help&apos;.</source>
        <translation>Probeer &apos;folio-cli --help&apos;.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>onbekende opdracht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>parse takes exactly one FILE</source>
        <translation>parse verwacht precies één BESTAND</translation>
    </message>
    <message>
        <source>import needs at least one FILE</source>
        <translation>import verwacht minstens één BESTAND</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 new, %4 updated</source>
        <translation>%1: %2 items, %3 nieuw, %4 bijgewerkt</translation>
    </message>
    <message>
        <source>%1 unread</source>
        <translation>%1 ongelezen</translation>
    </message>
    <message>
        <source>--since needs a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--since verwacht een datum als JJJJ-MM-DD, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--limit needs a number, not &quot;%1&quot;</source>
        <translation>--limit verwacht een getal, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 takes exactly one article ID</source>
        <translation>%1 verwacht precies één artikel-ID</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Gepubliceerd: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Bron: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>Artikelen: %1</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Bronnen: %1</translation>
    </message>
    <message>
        <source>Bookmarks: %1</source>
        <translation>Bladwijzers: %1</translation>
    </message>
    <message>
        <source>Unread: %1</source>
        <translation>Ongelezen: %1</translation>
    </message>
    <message>
        <source>Bookmarked %1</source>
        <translation>Bladwijzer gezet op %1</translation>
    </message>
    <message>
        <source>Removed bookmark from %1</source>
        <translation>Bladwijzer van %1 verwijderd</translation>
    </message>
    <message>
        <source>Marked %1 read</source>
        <translation>%1 gemarkeerd als gelezen</translation>
    </message>
    <message>
        <source>Marked %1 unread</source>
        <translation>%1 gemarkeerd als ongelezen</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a feed ID</source>
        <translation>%1: &quot;%2&quot; is geen feed-ID</translation>
    </message>
    <message>
        <source>subscribe takes exactly one URL</source>
        <translation>subscribe verwacht precies één URL</translation>
    </message>
    <message>
        <source>subscribe needs an http or https URL, not &quot;%1&quot;</source>
        <translation>subscribe verwacht een http- of https-URL, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Already subscribed to %1 (feed %2); nothing changed.</source>
        <translation>Al geabonneerd op %1 (feed %2); niets gewijzigd.</translation>
    </message>
    <message>
        <source>Subscribed to &quot;%1&quot; (%2) as feed %3: %4 items, %5 new</source>
        <translation>Geabonneerd op &quot;%1&quot; (%2) als feed %3: %4 items, %5 nieuw</translation>
    </message>
    <message>
        <source>never fetched</source>
        <translation>nooit opgehaald</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>tags: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>fout: %1</translation>
    </message>
    <message>
        <source>unsubscribe takes exactly one feed ID</source>
        <translation>unsubscribe verwacht precies één feed-ID</translation>
    </message>
    <message>
        <source>Unsubscribed from &quot;%1&quot; (%2): %3 articles removed, %4 kept</source>
        <translation>Abonnement op &quot;%1&quot; (%2) opgezegd: %3 artikelen verwijderd, %4 behouden</translation>
    </message>
    <message>
        <source>No feeds to fetch; add one with &apos;folio-cli subscribe URL&apos;.</source>
        <translation>Geen feeds om op te halen; voeg er een toe met &apos;folio-cli subscribe URL&apos;.</translation>
    </message>
    <message>
        <source>%1 items, %2 new, %3 updated</source>
        <translation>%1 items, %2 nieuw, %3 bijgewerkt</translation>
    </message>
    <message>
        <source>not modified</source>
        <translation>niet gewijzigd</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>(moved to %1)</source>
        <translation>(verhuisd naar %1)</translation>
    </message>
    <message>
        <source>use &apos;opml import FILE&apos; or &apos;opml export [-o FILE]&apos;</source>
        <translation>gebruik &apos;opml import BESTAND&apos; of &apos;opml export [-o BESTAND]&apos;</translation>
    </message>
    <message>
        <source>%1: %2 feeds, %3 new, %4 already subscribed; run &apos;folio-cli fetch&apos; to download them</source>
        <translation>%1: %2 feeds, %3 nieuw, %4 al geabonneerd; voer &apos;folio-cli fetch&apos; uit om ze te downloaden</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Deze hulp tonen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>De versie tonen.</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>geen opdracht opgegeven</translation>
    </message>
    <message>
        <source>annotate takes exactly one article ID</source>
        <translation>annotate verwacht precies één artikel-ID</translation>
    </message>
    <message>
        <source>annotate needs --quote TEXT</source>
        <translation>annotate verwacht --quote TEKST</translation>
    </message>
    <message>
        <source>--occurrence needs a number from 1, not &quot;%1&quot;</source>
        <translation>--occurrence verwacht een getal vanaf 1, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--color must be one of: %1</source>
        <translation>--color moet een van deze zijn: %1</translation>
    </message>
    <message>
        <source>Annotation %1 on article %2 at %3-%4</source>
        <translation>Annotatie %1 bij artikel %2 op %3-%4</translation>
    </message>
    <message>
        <source>annotations takes exactly one article ID</source>
        <translation>annotations verwacht precies één artikel-ID</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>detached</source>
        <translation>losgeraakt</translation>
    </message>
    <message>
        <source>export takes one argument: annotations</source>
        <translation>export verwacht één argument: annotations</translation>
    </message>
    <message>
        <source>--format must be markdown, csv, json or w3c, not &quot;%1&quot;</source>
        <translation>--format moet markdown, csv, json of w3c zijn, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--query: %1</source>
        <translation>--query: %1</translation>
    </message>
    <message>
        <source>search text: %1</source>
        <translation>zoektekst: %1</translation>
    </message>
    <message>
        <source>--date-field takes published or added, not &quot;%1&quot;</source>
        <translation>--date-field verwacht published of added, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>use --since/--until or --added-since/--added-until, not both</source>
        <translation>gebruik --since/--until of --added-since/--added-until, niet beide</translation>
    </message>
    <message>
        <source>--%1 needs a date as YYYY-MM-DD, not &quot;%2&quot;</source>
        <translation>--%1 verwacht een datum als JJJJ-MM-DD, niet &quot;%2&quot;</translation>
    </message>
    <message>
        <source>tag needs either --add NAME or --remove NAME</source>
        <translation>tag verwacht --add NAAM of --remove NAAM</translation>
    </message>
    <message>
        <source>tag takes article IDs, not &quot;%1&quot;</source>
        <translation>tag verwacht artikel-ID&apos;s, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>tag needs at least one article ID</source>
        <translation>tag verwacht minstens één artikel-ID</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n article(s) with %1</source>
        <translation>
            <numerusform>%n artikel getagd met %1</numerusform>
            <numerusform>%n artikelen getagd met %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %n article(s)</source>
        <translation>
            <numerusform>%1 van %n artikel verwijderd</numerusform>
            <numerusform>%1 van %n artikelen verwijderd</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed %1 to %2</source>
        <translation>%1 hernoemd naar %2</translation>
    </message>
    <message>
        <source>Merged %1 into %2</source>
        <translation>%1 samengevoegd met %2</translation>
    </message>
    <message>
        <source>Deleted tag %1</source>
        <translation>Tag %1 verwijderd</translation>
    </message>
    <message>
        <source>Colour of %1: %2</source>
        <translation>Kleur van %1: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>tags takes: rename OLD NEW | merge FROM INTO | delete NAME | color NAME [#RRGGBB]</source>
        <translation>tags verwacht: rename OUD NIEUW | merge VAN NAAR | delete NAAM | color NAAM [#RRGGBB]</translation>
    </message>
    <message>
        <source>Saved search %1</source>
        <translation>Zoekopdracht %1 bewaard</translation>
    </message>
    <message>
        <source>Deleted saved search %1</source>
        <translation>Bewaarde zoekopdracht %1 verwijderd</translation>
    </message>
    <message>
        <source>searches takes: save NAME QUERY | delete NAME</source>
        <translation>searches verwacht: save NAAM ZOEKVRAAG | delete NAAM</translation>
    </message>
    <message>
        <source>highlight a passage of an article (the first occurrence, or the Nth)</source>
        <translation>een passage van een artikel markeren (de eerste keer dat ze voorkomt, of de N-de)</translation>
    </message>
    <message>
        <source>The passage to highlight.</source>
        <translation>De passage om te markeren.</translation>
    </message>
    <message>
        <source>A note on the highlight.</source>
        <translation>Een notitie bij de markering.</translation>
    </message>
    <message>
        <source>yellow, green, blue, pink or purple.</source>
        <translation>yellow, green, blue, pink of purple.</translation>
    </message>
    <message>
        <source>Highlight the Nth occurrence.</source>
        <translation>De N-de keer dat de passage voorkomt markeren.</translation>
    </message>
    <message>
        <source>an article&apos;s highlights and notes</source>
        <translation>de markeringen en notities van een artikel</translation>
    </message>
    <message>
        <source>annotations and bookmarks as a file (or on standard output)</source>
        <translation>annotaties en bladwijzers als bestand (of op standaarduitvoer)</translation>
    </message>
    <message>
        <source>markdown (default), csv, json or w3c.</source>
        <translation>markdown (standaard), csv, json of w3c.</translation>
    </message>
    <message>
        <source>Only articles with tag NAME (repeatable).</source>
        <translation>Alleen artikelen met tag NAAM (herhaalbaar).</translation>
    </message>
    <message>
        <source>Only annotations made (bookmarks set) on or after DATE (YYYY-MM-DD, UTC).</source>
        <translation>Alleen annotaties (en bladwijzers) van DATUM of later (JJJJ-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Write to FILE.</source>
        <translation>Naar BESTAND schrijven.</translation>
    </message>
    <message>
        <source>Articles matching QUERY in the search syntax (docs/search.md); the other options narrow it further.</source>
        <translation>Artikelen die aan ZOEKVRAAG voldoen, in de zoeksyntaxis (docs/search.md); de andere opties beperken verder.</translation>
    </message>
    <message>
        <source>Articles with any of the --tag tags, not all.</source>
        <translation>Artikelen met een van de --tag-tags, niet met alle.</translation>
    </message>
    <message>
        <source>Published on or after DATE (YYYY-MM-DD, UTC).</source>
        <translation>Gepubliceerd op of na DATUM (JJJJ-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>Published on or before DATE (YYYY-MM-DD, UTC).</source>
        <translation>Gepubliceerd op of voor DATUM (JJJJ-MM-DD, UTC).</translation>
    </message>
    <message>
        <source>--since/--until apply to FIELD: published (default) or added.</source>
        <translation>--since/--until gelden voor VELD: published (standaard) of added.</translation>
    </message>
    <message>
        <source>Added to the library on or after DATE.</source>
        <translation>Op of na DATUM aan de bibliotheek toegevoegd.</translation>
    </message>
    <message>
        <source>Added to the library on or before DATE.</source>
        <translation>Op of voor DATUM aan de bibliotheek toegevoegd.</translation>
    </message>
    <message>
        <source>Keep undated articles in a date range.</source>
        <translation>Artikelen zonder datum in een datumbereik houden.</translation>
    </message>
    <message>
        <source>Articles whose text contains every word of TEXT.</source>
        <translation>Artikelen waarvan de tekst elk woord van TEKST bevat.</translation>
    </message>
    <message>
        <source>Bookmarked articles only.</source>
        <translation>Alleen artikelen met een bladwijzer.</translation>
    </message>
    <message>
        <source>Unread articles only.</source>
        <translation>Alleen ongelezen artikelen.</translation>
    </message>
    <message>
        <source>At most N articles.</source>
        <translation>Hoogstens N artikelen.</translation>
    </message>
    <message>
        <source>articles, newest first (best match first when searching)</source>
        <translation>artikelen, nieuwste eerst (bij zoeken de beste treffer eerst)</translation>
    </message>
    <message>
        <source>one article with its summary and content</source>
        <translation>één artikel met samenvatting en inhoud</translation>
    </message>
    <message>
        <source>bookmark an article (or remove the bookmark)</source>
        <translation>een bladwijzer op een artikel zetten (of weghalen)</translation>
    </message>
    <message>
        <source>Remove the bookmark instead of setting it.</source>
        <translation>De bladwijzer weghalen in plaats van zetten.</translation>
    </message>
    <message>
        <source>mark an article read (or unread)</source>
        <translation>een artikel als gelezen (of ongelezen) markeren</translation>
    </message>
    <message>
        <source>Mark the article unread instead.</source>
        <translation>Het artikel in plaats daarvan als ongelezen markeren.</translation>
    </message>
    <message>
        <source>numbers of articles, tags, sources, bookmarks, unread</source>
        <translation>aantallen artikelen, tags, bronnen, bladwijzers, ongelezen</translation>
    </message>
    <message>
        <source>Try &apos;folio-cli %1 --help&apos;.</source>
        <translation>Probeer &apos;folio-cli %1 --help&apos;.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Gebruik: %1</translation>
    </message>
    <message>
        <source>Folio %1, headless: the article library from the command line.</source>
        <translation>Folio %1, zonder venster: de artikelbibliotheek vanaf de opdrachtregel.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Opdrachten:</translation>
    </message>
    <message>
        <source>&apos;folio-cli COMMAND --help&apos; shows the options of one command.</source>
        <translation>&apos;folio-cli OPDRACHT --help&apos; toont de opties van één opdracht.</translation>
    </message>
    <message>
        <source>Tag every article of the feed NAME (repeatable).</source>
        <translation>Elk artikel van de feed de tag NAAM geven (herhaalbaar).</translation>
    </message>
    <message>
        <source>subscribed feeds with their last fetch and last error</source>
        <translation>geabonneerde feeds met hun laatste ophaalmoment en laatste fout</translation>
    </message>
    <message>
        <source>remove a feed; its articles go too, except those another source also has and those bookmarked, read, tagged or annotated by you</source>
        <translation>een feed verwijderen; zijn artikelen gaan mee, behalve die een andere bron ook heeft en die u een bladwijzer, gelezen-markering, tag of annotatie gaf</translation>
    </message>
    <message>
        <source>download feeds (all when no ID is given) and store what is new</source>
        <translation>feeds downloaden (alle zonder ID) en bewaren wat nieuw is</translation>
    </message>
    <message>
        <source>add the feeds of an OPML list (folders become tags; fetch them later), or write the subscriptions as OPML (tags become folders)</source>
        <translation>de feeds van een OPML-lijst toevoegen (mappen worden tags; later ophalen), of de abonnementen als OPML schrijven (tags worden mappen)</translation>
    </message>
    <message>
        <source>export: write to FILE.</source>
        <translation>export: naar BESTAND schrijven.</translation>
    </message>
    <message>
        <source>import tag pages or feed files (each file all or nothing)</source>
        <translation>tagpagina&apos;s of feedbestanden importeren (elk bestand helemaal of niet)</translation>
    </message>
    <message>
        <source>print a file as parsed, without touching a library</source>
        <translation>een bestand tonen zoals het gelezen wordt, zonder bibliotheek</translation>
    </message>
    <message>
        <source>tags with article and unread counts; or rename, merge, delete or colour a tag</source>
        <translation>tags met aantallen artikelen en ongelezen; of een tag hernoemen, samenvoegen, verwijderen of kleuren</translation>
    </message>
    <message>
        <source>add your own tag to articles, or take a tag off them</source>
        <translation>artikelen een eigen tag geven, of een tag weghalen</translation>
    </message>
    <message>
        <source>Add tag NAME to the articles.</source>
        <translation>De artikelen tag NAAM geven.</translation>
    </message>
    <message>
        <source>Take tag NAME off the articles.</source>
        <translation>Tag NAAM van de artikelen weghalen.</translation>
    </message>
    <message>
        <source>saved searches with their counts; save or delete one</source>
        <translation>bewaarde zoekopdrachten met hun aantallen; een bewaren of verwijderen</translation>
    </message>
    <message>
        <source>deferred: %1</source>
        <translation>uitgesteld: %1</translation>
    </message>
    <message>
        <source>subscribe to a feed (or to the feed a web page names) and fetch it; --offline keeps its images (images) or also its full articles (full) for offline reading</source>
        <translation>op een feed abonneren (of op de feed die een webpagina noemt) en hem ophalen; --offline bewaart de afbeeldingen (images) of ook de volledige artikelen (full) om offline te lezen</translation>
    </message>
    <message>
        <source>--offline takes none, images or full, not &quot;%1&quot;</source>
        <translation>--offline verwacht none, images of full, niet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Offline: %1 of %2 articles complete, %3 images and %4 full articles stored</source>
        <translation>Offline: %1 van %2 artikelen compleet, %3 afbeeldingen en %4 volledige artikelen bewaard</translation>
    </message>
    <message>
        <source>make articles available offline now: their images into the store, and with --full (or where their feed&apos;s policy is full) the full article</source>
        <translation>artikelen nu offline beschikbaar maken: hun afbeeldingen in de opslag, en met --full (of als het beleid van hun feed full is) het volledige artikel</translation>
    </message>
    <message>
        <source>Also download the full articles.</source>
        <translation>Ook de volledige artikelen downloaden.</translation>
    </message>
    <message>
        <source>free images and full text of articles neither bookmarked nor annotated: older than DAYS, then the oldest until the store fits in MB</source>
        <translation>afbeeldingen en volledige tekst vrijgeven van artikelen zonder bladwijzer of annotatie: ouder dan DAGEN, dan de oudste tot de opslag in MB past</translation>
    </message>
    <message>
        <source>Keep the store within MB MiB.</source>
        <translation>De opslag binnen MB MiB houden.</translation>
    </message>
    <message>
        <source>Free what was added more than DAYS ago.</source>
        <translation>Vrijgeven wat meer dan DAGEN geleden is toegevoegd.</translation>
    </message>
    <message>
        <source>Offline policy of the feed: none, images or full.</source>
        <translation>Offlinebeleid van de feed: none, images of full.</translation>
    </message>
    <message>
        <source>%1 articles, %2 available offline; %3 images stored, %4 failed; %5 full articles, %6 failed</source>
        <translation>%1 artikelen, %2 offline beschikbaar; %3 afbeeldingen bewaard, %4 mislukt; %5 volledige artikelen, %6 mislukt</translation>
    </message>
    <message>
        <source>offline: &quot;%1&quot; is not an article ID</source>
        <translation>offline: &quot;%1&quot; is geen artikel-ID</translation>
    </message>
    <message>
        <source>offline takes one or more article IDs</source>
        <translation>offline verwacht een of meer artikel-ID&apos;s</translation>
    </message>
    <message>
        <source>prune: --max-store needs a number of MiB</source>
        <translation>prune: --max-store verwacht een aantal MiB</translation>
    </message>
    <message>
        <source>prune: --older-than needs a number of days</source>
        <translation>prune: --older-than verwacht een aantal dagen</translation>
    </message>
    <message>
        <source>Pruned %1 articles: %2 files, %3 bytes freed</source>
        <translation>%1 artikelen opgeschoond: %2 bestanden, %3 bytes vrijgegeven</translation>
    </message>
    <message>
        <source>work in a team library on PostgreSQL: init creates the team schema (if absent) and joins, join joins (URL: postgresql://[user[:password]@][host][:port]/db[?host=/socket&amp;sslmode=…]), sync sends local changes and fetches the team&apos;s ({&quot;pushed&quot;, &quot;pulled&quot;} with --json), status shows the team, the last sync and what waits, leave leaves (the library keeps everything); tag, search and feed share a tag, a saved search or a feed with the team (--off: stop sharing)</source>
        <translation>werken in een teambibliotheek op PostgreSQL: init maakt het teamschema (als het ontbreekt) en sluit aan, join sluit aan (URL: postgresql://[gebruiker[:wachtwoord]@][host][:poort]/db[?host=/socket&amp;sslmode=…]), sync verstuurt lokale wijzigingen en haalt die van het team op ({&quot;pushed&quot;, &quot;pulled&quot;} met --json), status toont het team, de laatste synchronisatie en wat wacht, leave verlaat het team (de bibliotheek houdt alles); tag, search en feed delen een tag, een bewaarde zoekopdracht of een feed met het team (--off: niet meer delen)</translation>
    </message>
    <message>
        <source>init/join: the team&apos;s NAME.</source>
        <translation>init/join: de NAAM van het team.</translation>
    </message>
    <message>
        <source>join: keep the URL&apos;s password in the system keychain.</source>
        <translation>join: het wachtwoord uit de URL in de sleutelbos van het systeem bewaren.</translation>
    </message>
    <message>
        <source>tag/search/feed: stop sharing it with the team.</source>
        <translation>tag/search/feed: niet meer met het team delen.</translation>
    </message>
    <message>
        <source>team needs a subcommand: init, join, sync, status, leave, tag, search or feed</source>
        <translation>team verwacht een subopdracht: init, join, sync, status, leave, tag, search of feed</translation>
    </message>
    <message>
        <source>team %1 takes no arguments</source>
        <translation>team %1 verwacht geen argumenten</translation>
    </message>
    <message>
        <source>unknown team subcommand &quot;%1&quot;</source>
        <translation>onbekende team-subopdracht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>team %1 takes exactly one URL</source>
        <translation>team %1 verwacht precies één URL</translation>
    </message>
    <message>
        <source>team %1 needs --name NAME</source>
        <translation>team %1 verwacht --name NAAM</translation>
    </message>
    <message>
        <source>Team &quot;%1&quot; is ready; this library has joined it.</source>
        <translation>Team &quot;%1&quot; staat klaar; deze bibliotheek is aangesloten.</translation>
    </message>
    <message>
        <source>Joined team &quot;%1&quot;; run folio-cli team sync to fetch it.</source>
        <translation>Aangesloten bij team &quot;%1&quot;; voer folio-cli team sync uit om het op te halen.</translation>
    </message>
    <message>
        <source>Sent %1, received %2.</source>
        <translation>%1 verstuurd, %2 ontvangen.</translation>
    </message>
    <message>
        <source>This library is not in a team.</source>
        <translation>Deze bibliotheek hoort niet bij een team.</translation>
    </message>
    <message>
        <source>Team:      %1</source>
        <translation>Team:          %1</translation>
    </message>
    <message>
        <source>Server:    %1</source>
        <translation>Server:        %1</translation>
    </message>
    <message>
        <source>As:        %1</source>
        <translation>Als:           %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Laatste sync:  %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Waiting:   %1</source>
        <translation>Wachtend:      %1</translation>
    </message>
    <message>
        <source>Left the team; everything stays in this library.</source>
        <translation>Team verlaten; alles blijft in deze bibliotheek.</translation>
    </message>
    <message>
        <source>team %1 takes exactly one name or ID</source>
        <translation>team %1 verwacht precies één naam of ID</translation>
    </message>
    <message>
        <source>team feed takes a feed ID (see folio-cli feeds)</source>
        <translation>team feed verwacht een feed-ID (zie folio-cli feeds)</translation>
    </message>
    <message>
        <source>Shared with the team.</source>
        <translation>Gedeeld met het team.</translation>
    </message>
    <message>
        <source>No longer shared with the team.</source>
        <translation>Niet meer gedeeld met het team.</translation>
    </message>
    <message>
        <source>Open the library read-only (commands that write are refused).</source>
        <translation>De bibliotheek alleen-lezen openen (opdrachten die schrijven worden geweigerd).</translation>
    </message>
    <message>
        <source>Run PRAGMA integrity_check and the foreign key check.</source>
        <translation>PRAGMA integrity_check en de controle van de verwijzende sleutels uitvoeren.</translation>
    </message>
    <message>
        <source>check the library for damage (PRAGMA quick_check; --full: integrity_check and foreign keys); status 1 when it is damaged</source>
        <translation>de bibliotheek op schade controleren (PRAGMA quick_check; --full: integrity_check en verwijzende sleutels); status 1 bij schade</translation>
    </message>
    <message>
        <source>copy the library, consistently, to FILE (default: a new file in the profile&apos;s backups folder)</source>
        <translation>de bibliotheek consistent naar FILE kopiëren (standaard: een nieuw bestand in de map backups van het profiel)</translation>
    </message>
    <message>
        <source>the library&apos;s backups, newest first</source>
        <translation>de reservekopieën van de bibliotheek, nieuwste eerst</translation>
    </message>
    <message>
        <source>replace the library with a backup, after checking it (the current library is kept in the backups folder)</source>
        <translation>de bibliotheek vervangen door een reservekopie, na controle (de huidige bibliotheek blijft bewaard in de map backups)</translation>
    </message>
    <message>
        <source>warning: the daily backup failed: %1</source>
        <translation>waarschuwing: de dagelijkse reservekopie is mislukt: %1</translation>
    </message>
    <message>
        <source>check takes no arguments</source>
        <translation>check neemt geen argumenten</translation>
    </message>
    <message>
        <source>%1: no library here</source>
        <translation>%1: hier is geen bibliotheek</translation>
    </message>
    <message>
        <source>%1: ok (%2)</source>
        <translation>%1: in orde (%2)</translation>
    </message>
    <message>
        <source>%1: damaged (%2 problems):</source>
        <translation>%1: beschadigd (%2 problemen):</translation>
    </message>
    <message>
        <source>No backup was found.</source>
        <translation>Er is geen reservekopie gevonden.</translation>
    </message>
    <message>
        <source>Restore the latest backup with: folio-cli restore %1</source>
        <translation>Zet de nieuwste reservekopie terug met: folio-cli restore %1</translation>
    </message>
    <message>
        <source>backup takes at most one FILE</source>
        <translation>backup neemt hoogstens één FILE</translation>
    </message>
    <message>
        <source>%1: the file exists; choose another name</source>
        <translation>%1: het bestand bestaat al; kies een andere naam</translation>
    </message>
    <message>
        <source>backed up %1 to %2</source>
        <translation>reservekopie van %1 gemaakt in %2</translation>
    </message>
    <message>
        <source>backups takes no arguments</source>
        <translation>backups neemt geen argumenten</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Nog geen reservekopieën.</translation>
    </message>
    <message>
        <source>restore takes exactly one FILE</source>
        <translation>restore neemt precies één FILE</translation>
    </message>
    <message>
        <source>restored %1 from %2</source>
        <translation>%1 teruggezet uit %2</translation>
    </message>
    <message>
        <source>the library it replaced is kept as %1</source>
        <translation>de vervangen bibliotheek is bewaard als %1</translation>
    </message>
</context>
<context>
    <name>HighlightedArticles</name>
    <message>
        <source>detached</source>
        <translation>losgeraakt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Folio articles</source>
        <translation>Folio-artikelen</translation>
    </message>
</context>
<context>
    <name>folio::AddSubscriptionDialog</name>
    <message>
        <source>Add subscription</source>
        <translation>Abonnement toevoegen</translation>
    </message>
    <message>
        <source>The address of a feed (RSS, Atom, RDF or JSON Feed), or of a web page that names one.</source>
        <translation>Het adres van een feed (RSS, Atom, RDF of JSON Feed), of van een webpagina die er een noemt.</translation>
    </message>
    <message>
        <source>https://example.org/feed.xml</source>
        <translation>https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>Optional: a tag for every article of this feed</source>
        <translation>Optioneel: een tag voor elk artikel van deze feed</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;Abonneren</translation>
    </message>
    <message>
        <source>Use “%1”</source>
        <translation>“%1” gebruiken</translation>
    </message>
    <message>
        <source>Give every article of this feed the tag selected in the sidebar</source>
        <translation>Elk artikel van deze feed de tag geven die in de zijbalk gekozen is</translation>
    </message>
</context>
<context>
    <name>folio::AnnotationController</name>
    <message>
        <source>highlight</source>
        <translation>markering</translation>
    </message>
    <message>
        <source>delete annotation</source>
        <translation>annotatie verwijderen</translation>
    </message>
    <message>
        <source>edit annotation</source>
        <translation>annotatie bewerken</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotaties</translation>
    </message>
    <message>
        <source>&amp;Highlight selection</source>
        <translation>Selectie &amp;markeren</translation>
    </message>
    <message>
        <source>Highlight the text selected in the article</source>
        <translation>De geselecteerde tekst in het artikel markeren</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>&amp;Notitie toevoegen…</translation>
    </message>
    <message>
        <source>Add a note to the selected text, or to the article</source>
        <translation>Een notitie toevoegen aan de geselecteerde tekst of aan het artikel</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <source>Export &amp;annotations…</source>
        <translation>&amp;Annotaties exporteren…</translation>
    </message>
    <message>
        <source>Write highlights, notes and bookmarks to a file</source>
        <translation>Markeringen, notities en bladwijzers naar een bestand schrijven</translation>
    </message>
    <message>
        <source>Could not save the annotation: %1</source>
        <translation>Kan de annotatie niet opslaan: %1</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>Notitie opgeslagen</translation>
    </message>
    <message>
        <source>Highlight saved</source>
        <translation>Markering opgeslagen</translation>
    </message>
    <message>
        <source>Select some text of the article first.</source>
        <translation>Selecteer eerst tekst in het artikel.</translation>
    </message>
    <message>
        <source>This passage is no longer in the article&apos;s text.</source>
        <translation>Deze passage staat niet meer in de tekst van het artikel.</translation>
    </message>
    <message>
        <source>Annotation deleted (Ctrl+Z brings it back)</source>
        <translation>Annotatie verwijderd (Ctrl+Z zet haar terug)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Geëxporteerd naar %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Exporteren mislukt: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>This passage is in the other version of the article (Feed or Full article).</source>
        <translation>Deze passage staat in de andere versie van het artikel (Feed of Volledig artikel).</translation>
    </message>
</context>
<context>
    <name>folio::AnnotationExportDialog</name>
    <message>
        <source>Export annotations</source>
        <translation>Annotaties exporteren</translation>
    </message>
    <message>
        <source>Markdown (annotations and bookmarks)</source>
        <translation>Markdown (annotaties en bladwijzers)</translation>
    </message>
    <message>
        <source>CSV (one row per annotation)</source>
        <translation>CSV (één rij per annotatie)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C Web Annotation (JSON-LD)</translation>
    </message>
    <message>
        <source>HTML (articles with highlights)</source>
        <translation>HTML (artikelen met markeringen)</translation>
    </message>
    <message>
        <source>PDF (articles with highlights)</source>
        <translation>PDF (artikelen met markeringen)</translation>
    </message>
    <message>
        <source>All annotated and bookmarked articles</source>
        <translation>Alle geannoteerde artikelen en artikelen met bladwijzer</translation>
    </message>
    <message>
        <source>The article in the reader</source>
        <translation>Het artikel in de lezer</translation>
    </message>
    <message>
        <source>Only articles with these tags (comma-separated)</source>
        <translation>Alleen artikelen met deze tags (gescheiden door komma&apos;s)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formaat:</translation>
    </message>
    <message>
        <source>&amp;Articles:</source>
        <translation>&amp;Artikelen:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
</context>
<context>
    <name>folio::AnnotationPanel</name>
    <message>
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blauw</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Roze</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Paars</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Geel</translation>
    </message>
    <message>
        <source>Colour of the selected highlight</source>
        <translation>Kleur van de geselecteerde markering</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Notitie bewerken…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Article note…</source>
        <translation>Notitie bij artikel…</translation>
    </message>
    <message>
        <source>Select text in the article and press H to highlight it.</source>
        <translation>Selecteer tekst in het artikel en druk op H om die te markeren.</translation>
    </message>
    <message>
        <source>Article note</source>
        <translation>Notitie bij artikel</translation>
    </message>
    <message>
        <source>(detached: no longer in the text)</source>
        <translation>(losgeraakt: niet meer in de tekst)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Earlier (%1): %2</source>
        <translation>Eerder (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>Edited (%Ln earlier version(s))</source>
        <translation>
            <numerusform>Bewerkt (%Ln eerdere versie)</numerusform>
            <numerusform>Bewerkt (%Ln eerdere versies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::ArticleListModel</name>
    <message>
        <source>Bookmarked (click to remove)</source>
        <translation>Met bladwijzer (klik om te verwijderen)</translation>
    </message>
    <message>
        <source>Click to bookmark</source>
        <translation>Klik voor een bladwijzer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message numerus="yes">
        <source>%Ln highlight(s) or note(s)</source>
        <translation>
            <numerusform>%Ln markering of notitie</numerusform>
            <numerusform>%Ln markeringen of notities</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (available offline)</source>
        <translation>%1 (offline beschikbaar)</translation>
    </message>
</context>
<context>
    <name>folio::FeedController</name>
    <message>
        <source>Unsubscribe</source>
        <translation>Abonnement opzeggen</translation>
    </message>
    <message>
        <source>Unsubscribe from “%1”?

Its articles leave the library, except those you bookmarked, read or tagged, and those another source also delivered.</source>
        <translation>Abonnement op “%1” opzeggen?

De artikelen ervan verdwijnen uit de bibliotheek, behalve die u een bladwijzer of tag gaf of las, en die een andere bron ook leverde.</translation>
    </message>
    <message>
        <source>&amp;Add subscription…</source>
        <translation>Abonnement &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Subscribe to a feed by its address</source>
        <translation>Op een feed abonneren via het adres</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Fetch the selected feed now</source>
        <translation>De geselecteerde feed nu ophalen</translation>
    </message>
    <message>
        <source>Refresh a&amp;ll</source>
        <translation>A&amp;lles vernieuwen</translation>
    </message>
    <message>
        <source>Fetch every subscribed feed now</source>
        <translation>Alle geabonneerde feeds nu ophalen</translation>
    </message>
    <message>
        <source>&amp;Cancel refresh</source>
        <translation>Vernieuwen &amp;annuleren</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe…</source>
        <translation>Abonnement &amp;opzeggen…</translation>
    </message>
    <message>
        <source>Stop following the selected feed</source>
        <translation>De geselecteerde feed niet meer volgen</translation>
    </message>
    <message>
        <source>%v of %m feeds</source>
        <translation>%v van %m feeds</translation>
    </message>
    <message>
        <source>Subscribing to %1…</source>
        <translation>Bezig met abonneren op %1…</translation>
    </message>
    <message>
        <source>Could not subscribe to %1: %2</source>
        <translation>Kan niet abonneren op %1: %2</translation>
    </message>
    <message>
        <source>Subscription failed</source>
        <translation>Abonneren mislukt</translation>
    </message>
    <message>
        <source>Already subscribed to %1</source>
        <translation>Al geabonneerd op %1</translation>
    </message>
    <message>
        <source>A refresh is running already.</source>
        <translation>Er wordt al vernieuwd.</translation>
    </message>
    <message>
        <source>Refreshing feeds…</source>
        <translation>Bezig met vernieuwen van feeds…</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Vernieuwen mislukt: %1</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>Vernieuwen mislukt</translation>
    </message>
    <message>
        <source>Cancelling the refresh…</source>
        <translation>Vernieuwen wordt geannuleerd…</translation>
    </message>
    <message>
        <source>Could not unsubscribe: %1</source>
        <translation>Kan abonnement niet opzeggen: %1</translation>
    </message>
    <message>
        <source>Unsubscribe failed</source>
        <translation>Opzeggen mislukt</translation>
    </message>
    <message>
        <source>Unsubscribed from %1: </source>
        <translation>Abonnement op %1 opgezegd: </translation>
    </message>
    <message>
        <source>Importing subscriptions from %1…</source>
        <translation>Bezig met importeren van abonnementen uit %1…</translation>
    </message>
    <message>
        <source>Could not import subscriptions: %1</source>
        <translation>Kan abonnementen niet importeren: %1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <source>Imported %1: </source>
        <comment>OPML file name</comment>
        <translation>%1 geïmporteerd: </translation>
    </message>
    <message>
        <source>Subscriptions written to %1</source>
        <translation>Abonnementen geschreven naar %1</translation>
    </message>
    <message>
        <source>Could not export subscriptions: %1</source>
        <translation>Kan abonnementen niet exporteren: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message numerus="yes">
        <source>Subscribed to %1: %Ln new article(s)</source>
        <translation>
            <numerusform>Geabonneerd op %1: %Ln nieuw artikel</numerusform>
            <numerusform>Geabonneerd op %1: %Ln nieuwe artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %Ln feed(s): </source>
        <translation>
            <numerusform>%Ln feed vernieuwd: </numerusform>
            <numerusform>%Ln feeds vernieuwd: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new article(s)</source>
        <translation>
            <numerusform>%Ln nieuw artikel</numerusform>
            <numerusform>%Ln nieuwe artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed (see the sidebar)</source>
        <translation>
            <numerusform>%Ln mislukt (zie de zijbalk)</numerusform>
            <numerusform>%Ln mislukt (zie de zijbalk)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln geannuleerd</numerusform>
            <numerusform>%Ln geannuleerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) removed</source>
        <translation>
            <numerusform>%Ln artikel verwijderd</numerusform>
            <numerusform>%Ln artikelen verwijderd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <translation>
            <numerusform>%Ln behouden</numerusform>
            <numerusform>%Ln behouden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new feed(s)</source>
        <translation>
            <numerusform>%Ln nieuwe feed</numerusform>
            <numerusform>%Ln nieuwe feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscribed already</source>
        <translation>
            <numerusform>%Ln al geabonneerd</numerusform>
            <numerusform>%Ln al geabonneerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::FeedService</name>
    <message>
        <source>Folio subscriptions</source>
        <translation>Folio-abonnementen</translation>
    </message>
</context>
<context>
    <name>folio::FilterBar</name>
    <message>
        <source>All time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Afgelopen 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dit jaar</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigen periode</translation>
    </message>
    <message>
        <source>Only articles published in this period (undated articles are left out)</source>
        <translation>Alleen artikelen die in deze periode zijn gepubliceerd (artikelen zonder datum vallen weg)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>Search: words, &quot;phrases&quot;, OR, -word, tag:NAME, published&gt;=YYYY-MM-DD (Ctrl+F)</source>
        <translation>Zoeken: woorden, &quot;zinsdelen&quot;, OR, -woord, tag:NAAM, published&gt;=JJJJ-MM-DD (Ctrl+F)</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <source>Filter on the date an article was published or the date it was added to the library</source>
        <translation>Filteren op de publicatiedatum van een artikel of de datum waarop het aan de bibliotheek is toegevoegd</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>Zonder datum</translation>
    </message>
    <message>
        <source>Also show articles without a publication date when a date range is set</source>
        <translation>Ook artikelen zonder publicatiedatum tonen als er een periode is ingesteld</translation>
    </message>
</context>
<context>
    <name>folio::MainWindow</name>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>Import tag pages or feed files into the library</source>
        <translation>Tagpagina&apos;s of feedbestanden in de bibliotheek importeren</translation>
    </message>
    <message>
        <source>Import into the library</source>
        <translation>In de bibliotheek importeren</translation>
    </message>
    <message>
        <source>Tag pages and feeds (*.txt *.xml *.rss *.atom *.json);;All files (*)</source>
        <translation>Tagpagina&apos;s en feeds (*.txt *.xml *.rss *.atom *.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import &amp;OPML…</source>
        <translation>&amp;OPML importeren…</translation>
    </message>
    <message>
        <source>Subscribe to the feeds of an OPML subscription list</source>
        <translation>Abonneren op de feeds van een OPML-abonnementenlijst</translation>
    </message>
    <message>
        <source>Import subscriptions</source>
        <translation>Abonnementen importeren</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>OPML-bestanden (*.opml *.xml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>&amp;Export OPML…</source>
        <translation>OPML &amp;exporteren…</translation>
    </message>
    <message>
        <source>Write every subscription to an OPML file</source>
        <translation>Alle abonnementen naar een OPML-bestand schrijven</translation>
    </message>
    <message>
        <source>Export subscriptions</source>
        <translation>Abonnementen exporteren</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>OPML-bestanden (*.opml)</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Venster &amp;sluiten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Filter articles</source>
        <translation>Artikelen &amp;filteren</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>&amp;Bladwijzer</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>Markeren als &amp;gelezen</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>&amp;Volgend artikel</translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation>V&amp;orig artikel</translation>
    </message>
    <message>
        <source>Fee&amp;ds</source>
        <translation>Fee&amp;ds</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Folio</source>
        <translation>&amp;Over Folio</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Importeren mislukt: %1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <source>These files were not imported (nothing from them was written):

%1</source>
        <translation>Deze bestanden zijn niet geïmporteerd (er is niets uit weggeschreven):

%1</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>Bezig met importeren van %1 (%2 van %3)…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>About Folio</source>
        <translation>Over Folio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Folio %1&lt;/h3&gt;&lt;p&gt;A desktop news reader for analysts: every article in a local library, readable offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Folio %1&lt;/h3&gt;&lt;p&gt;Een nieuwslezer voor analisten: elk artikel in een lokale bibliotheek, ook offline te lezen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No articles match “%1”.</source>
        <translation>Geen artikelen gevonden voor “%1”.</translation>
    </message>
    <message>
        <source>No articles in the selected period.</source>
        <translation>Geen artikelen in de gekozen periode.</translation>
    </message>
    <message>
        <source>No unread articles here.</source>
        <translation>Hier zijn geen ongelezen artikelen.</translation>
    </message>
    <message>
        <source>No bookmarked articles yet: press B or Ctrl+D on an article to keep it here.</source>
        <translation>Nog geen artikelen met een bladwijzer: druk op B of Ctrl+D bij een artikel om het hier te bewaren.</translation>
    </message>
    <message>
        <source>No articles with this selection.</source>
        <translation>Geen artikelen bij deze keuze.</translation>
    </message>
    <message>
        <source>The library is empty. Import tag pages or feed files (Ctrl+O) or add a subscription (Ctrl+Shift+A).</source>
        <translation>De bibliotheek is leeg. Importeer tagpagina&apos;s of feedbestanden (Ctrl+O) of voeg een abonnement toe (Ctrl+Shift+A).</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <source>Mark &amp;all as read</source>
        <translation>&amp;Alles als gelezen markeren</translation>
    </message>
    <message>
        <source>Mark every article the list shows as read (undo with Ctrl+Z)</source>
        <translation>Elk artikel in de lijst als gelezen markeren (ongedaan maken met Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>In &amp;browser openen</translation>
    </message>
    <message>
        <source>Open the article&apos;s web page in the system browser</source>
        <translation>De webpagina van het artikel in de systeembrowser openen</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopiëren</translation>
    </message>
    <message>
        <source>Copy as Markdown &amp;citation</source>
        <translation>Als Markdown-&amp;citaat kopiëren</translation>
    </message>
    <message>
        <source>Copy [title](link) — source, date</source>
        <translation>[titel](link) — bron, datum kopiëren</translation>
    </message>
    <message>
        <source>Next search &amp;hit</source>
        <translation>Volgende &amp;zoektreffer</translation>
    </message>
    <message>
        <source>Go to the next place the search words occur in the article</source>
        <translation>Naar de volgende plek in het artikel waar de zoekwoorden staan</translation>
    </message>
    <message>
        <source>Previous search hi&amp;t</source>
        <translation>Vorige zoek&amp;treffer</translation>
    </message>
    <message>
        <source>&amp;Sidebar</source>
        <translation>&amp;Zijbalk</translation>
    </message>
    <message>
        <source>&amp;Annotations panel</source>
        <translation>&amp;Annotatiepaneel</translation>
    </message>
    <message>
        <source>Keep the annotations panel open for every article</source>
        <translation>Het annotatiepaneel bij elk artikel open houden</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <source>Tool&amp;bar</source>
        <translation>Werk&amp;balk</translation>
    </message>
    <message>
        <source>Layout: &amp;automatic</source>
        <translation>Indeling: &amp;automatisch</translation>
    </message>
    <message>
        <source>Three columns when there is room, else the list above the reader</source>
        <translation>Drie kolommen als er ruimte is, anders de lijst boven het artikel</translation>
    </message>
    <message>
        <source>Layout: three &amp;columns</source>
        <translation>Indeling: drie &amp;kolommen</translation>
    </message>
    <message>
        <source>Layout: list &amp;above reader</source>
        <translation>Indeling: lijst &amp;boven artikel</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>Alleen &amp;ongelezen</translation>
    </message>
    <message>
        <source>Show only unread articles</source>
        <translation>Alleen ongelezen artikelen tonen</translation>
    </message>
    <message>
        <source>&amp;Distraction-free reading</source>
        <translation>&amp;Afleidingsvrij lezen</translation>
    </message>
    <message>
        <source>Only the article, full screen (F11 or Esc to leave)</source>
        <translation>Alleen het artikel, schermvullend (F11 of Esc om te stoppen)</translation>
    </message>
    <message>
        <source>Leave distraction-free reading</source>
        <translation>Afleidingsvrij lezen beëindigen</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Toon ze</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <source>Nothing to mark: every article here is read.</source>
        <translation>Niets te markeren: elk artikel hier is gelezen.</translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln article(s) as read</source>
        <translation>
            <numerusform>%Ln artikel als gelezen markeren</numerusform>
            <numerusform>%Ln artikelen als gelezen markeren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln article(s) as read — Ctrl+Z undoes it</source>
        <translation>
            <numerusform>%Ln artikel als gelezen gemarkeerd — Ctrl+Z maakt het ongedaan</numerusform>
            <numerusform>%Ln artikelen als gelezen gemarkeerd — Ctrl+Z maakt het ongedaan</numerusform>
        </translation>
    </message>
    <message>
        <source>This article has no link.</source>
        <translation>Dit artikel heeft geen link.</translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation>Citaat gekopieerd</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link gekopieerd</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>In the list: ↑ ↓ move, Space scrolls the article.</source>
        <translation>In de lijst: ↑ ↓ verplaatsen, spatie scrolt het artikel.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln artikel</numerusform>
            <numerusform>%Ln artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Alleen-lezen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln unread</source>
        <translation>
            <numerusform>%1 · %Ln ongelezen</numerusform>
            <numerusform>%1 · %Ln ongelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln undated article(s) are hidden.</source>
        <translation>
            <numerusform>%Ln artikel zonder datum is verborgen.</numerusform>
            <numerusform>%Ln artikelen zonder datum zijn verborgen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import finished: %Ln new article(s)</source>
        <translation>
            <numerusform>Importeren voltooid: %Ln nieuw artikel</numerusform>
            <numerusform>Importeren voltooid: %Ln nieuwe artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving %1 (%2 of %3)…</source>
        <translation>Bezig met opslaan van %1 (%2 van %3)…</translation>
    </message>
</context>
<context>
    <name>folio::NoteDialog</name>
    <message>
        <source>Article note</source>
        <translation>Notitie bij artikel</translation>
    </message>
    <message>
        <source>Note on highlight</source>
        <translation>Notitie bij markering</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Geel</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blauw</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Roze</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Paars</translation>
    </message>
    <message>
        <source>Your note (Ctrl+Enter saves)</source>
        <translation>Uw notitie (Ctrl+Enter bewaart)</translation>
    </message>
</context>
<context>
    <name>folio::OfflineController</name>
    <message>
        <source>&amp;Offline</source>
        <translation>&amp;Offline</translation>
    </message>
    <message>
        <source>Make selected articles available &amp;offline</source>
        <translation>Geselecteerde artikelen &amp;offline beschikbaar maken</translation>
    </message>
    <message>
        <source>Download &amp;full articles of the selection</source>
        <translation>&amp;Volledige artikelen van de selectie downloaden</translation>
    </message>
    <message>
        <source>Make every listed article available offline</source>
        <translation>Elk getoond artikel offline beschikbaar maken</translation>
    </message>
    <message>
        <source>Everything the list shows: the selected tag, saved search or filter</source>
        <translation>Alles wat de lijst toont: de gekozen tag, bewaarde zoekopdracht of filter</translation>
    </message>
    <message>
        <source>Offline %v/%m</source>
        <translation>Offline %v/%m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop downloading for offline reading</source>
        <translation>Stoppen met downloaden voor offline lezen</translation>
    </message>
    <message>
        <source>Offline downloads need the network, which is not set up.</source>
        <translation>Offline downloads hebben het netwerk nodig, en dat is niet ingesteld.</translation>
    </message>
    <message>
        <source>Offline download cancelled.</source>
        <translation>Offline download geannuleerd.</translation>
    </message>
    <message>
        <source>%1 of %2 articles available offline; %3 images and %4 full articles stored, %5 failed</source>
        <translation>%1 van %2 artikelen offline beschikbaar; %3 afbeeldingen en %4 volledige artikelen bewaard, %5 mislukt</translation>
    </message>
    <message>
        <source>Offline &amp;policy</source>
        <translation>Offline&amp;beleid</translation>
    </message>
    <message>
        <source>Text only</source>
        <translation>Alleen tekst</translation>
    </message>
    <message>
        <source>Text and images</source>
        <translation>Tekst en afbeeldingen</translation>
    </message>
    <message>
        <source>Images and full articles</source>
        <translation>Afbeeldingen en volledige artikelen</translation>
    </message>
    <message>
        <source>Offline policy of the feed: %1</source>
        <translation>Offlinebeleid van de feed: %1</translation>
    </message>
    <message>
        <source>Offline store pruned: %1 files, %2 MiB freed</source>
        <translation>Offline opslag opgeschoond: %1 bestanden, %2 MiB vrijgemaakt</translation>
    </message>
    <message numerus="yes">
        <source>Making %Ln article(s) available offline…</source>
        <translation>
            <numerusform>%Ln artikel offline beschikbaar maken…</numerusform>
            <numerusform>%Ln artikelen offline beschikbaar maken…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::OfflineDownloader</name>
    <message>
        <source>larger than allowed</source>
        <translation>groter dan toegestaan</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-status %1</translation>
    </message>
    <message>
        <source>not a web page (%1)</source>
        <translation>geen webpagina (%1)</translation>
    </message>
    <message>
        <source>no article text found on the page</source>
        <translation>geen artikeltekst op de pagina gevonden</translation>
    </message>
</context>
<context>
    <name>folio::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Refresh all feeds this often while Folio runs (0 turns it off).</source>
        <translation>Alle feeds zo vaak vernieuwen zolang Folio draait (0 zet dit uit).</translation>
    </message>
    <message>
        <source>&amp;Refresh feeds every:</source>
        <translation>Feeds &amp;vernieuwen elke:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <source>The typeface of articles in the reader pane.</source>
        <translation>Het lettertype van artikelen in het leesvenster.</translation>
    </message>
    <message>
        <source>Reader &amp;font:</source>
        <translation>&amp;Lettertype lezer:</translation>
    </message>
    <message>
        <source>System size</source>
        <translation>Systeemgrootte</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Reader font &amp;size:</source>
        <translation>Letter&amp;grootte lezer:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>T&amp;aal:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Feeds whose download is larger than this are refused. Files you import have no limit.</source>
        <translation>Feeds waarvan de download groter is dan dit worden geweigerd. Bestanden die u importeert hebben geen limiet.</translation>
    </message>
    <message>
        <source>&amp;Largest feed download:</source>
        <translation>&amp;Grootste feeddownload:</translation>
    </message>
    <message>
        <source>The window switches to the new language at once.</source>
        <translation>Het venster schakelt meteen over naar de nieuwe taal.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Geen limiet</translation>
    </message>
    <message>
        <source>Largest size of the offline store; the oldest images go first (never those of bookmarked or annotated articles).</source>
        <translation>Grootste omvang van de offline opslag; de oudste afbeeldingen gaan eerst (nooit die van artikelen met bladwijzer of aantekening).</translation>
    </message>
    <message>
        <source>Offline store at &amp;most:</source>
        <translation>Offline opslag &amp;hoogstens:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Free images and full text of articles older than this that are neither bookmarked nor annotated.</source>
        <translation>Geef afbeeldingen en volledige tekst vrij van artikelen die ouder zijn en geen bladwijzer of aantekening hebben.</translation>
    </message>
    <message>
        <source>&amp;Prune after:</source>
        <translation>&amp;Opschonen na:</translation>
    </message>
</context>
<context>
    <name>folio::QueryBuilder</name>
    <message>
        <source>OR needs a search term on each side, as in: astana OR almaty</source>
        <translation>OR heeft aan beide kanten een zoekterm nodig, zoals in: astana OR almaty</translation>
    </message>
    <message>
        <source>OR cannot be followed by NOT</source>
        <translation>OR kan niet gevolgd worden door NOT</translation>
    </message>
    <message>
        <source>OR cannot join an excluded term</source>
        <translation>OR kan geen uitgesloten term verbinden</translation>
    </message>
    <message>
        <source>OR at the end needs a search term after it</source>
        <translation>OR aan het eind heeft een zoekterm erna nodig</translation>
    </message>
    <message>
        <source>NOT needs a search term after it</source>
        <translation>NOT heeft een zoekterm erna nodig</translation>
    </message>
</context>
<context>
    <name>folio::QueryParser</name>
    <message>
        <source>“%1” needs a value</source>
        <translation>“%1” heeft een waarde nodig</translation>
    </message>
    <message>
        <source>“-” can only exclude a tag (-tag:NAME), not “%1”</source>
        <translation>“-” kan alleen een tag uitsluiten (-tag:NAAM), niet “%1”</translation>
    </message>
    <message>
        <source>“%1”: use %2:VALUE</source>
        <translation>“%1”: gebruik %2:WAARDE</translation>
    </message>
    <message>
        <source>feed: needs a feed number (see folio-cli feeds), not “%1”</source>
        <translation>feed: verwacht een feednummer (zie folio-cli feeds), niet “%1”</translation>
    </message>
    <message>
        <source>is: takes unread, read or bookmarked, not “%1”</source>
        <translation>is: verwacht unread, read of bookmarked, niet “%1”</translation>
    </message>
    <message>
        <source>match: takes any or all, not “%1”</source>
        <translation>match: verwacht any of all, niet “%1”</translation>
    </message>
    <message>
        <source>undated: takes include or exclude, not “%1”</source>
        <translation>undated: verwacht include of exclude, niet “%1”</translation>
    </message>
    <message>
        <source>a search can filter on published or on added dates, not both</source>
        <translation>een zoekopdracht kan filteren op publicatiedatum of op datum van toevoegen, niet op beide</translation>
    </message>
    <message>
        <source>“%1”: a date is YYYY-MM-DD, not “%2”</source>
        <translation>“%1”: een datum is JJJJ-MM-DD, niet “%2”</translation>
    </message>
    <message>
        <source>“%1”: %2: takes a day (YYYY-MM-DD)</source>
        <translation>“%1”: %2: verwacht een dag (JJJJ-MM-DD)</translation>
    </message>
    <message>
        <source>has: takes annotations or note, not “%1”</source>
        <translation>has: verwacht annotations of note, niet “%1”</translation>
    </message>
    <message>
        <source>offline: takes yes or no, not “%1”</source>
        <translation>offline: kent yes of no, niet “%1”</translation>
    </message>
</context>
<context>
    <name>folio::ReaderPane</name>
    <message>
        <source>Select an article to read it.</source>
        <translation>Selecteer een artikel om het te lezen.</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>Afbeeldingen laden</translation>
    </message>
    <message>
        <source>Download this article&apos;s images into the offline store</source>
        <translation>De afbeeldingen van dit artikel in de offline opslag downloaden</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Full article</source>
        <translation>Volledig artikel</translation>
    </message>
    <message>
        <source>Download full article</source>
        <translation>Volledig artikel downloaden</translation>
    </message>
    <message>
        <source>Print article…</source>
        <translation>Artikel afdrukken…</translation>
    </message>
    <message>
        <source>Save article as PDF…</source>
        <translation>Artikel als PDF bewaren…</translation>
    </message>
    <message>
        <source>Save article as PDF</source>
        <translation>Artikel als PDF bewaren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Ware grootte</translation>
    </message>
    <message>
        <source>Image not available offline</source>
        <translation>Afbeelding niet offline beschikbaar</translation>
    </message>
</context>
<context>
    <name>folio::SearchController</name>
    <message>
        <source>Search: %1</source>
        <translation>Zoeken: %1</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>match all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>match any</source>
        <translation>een van</translation>
    </message>
    <message>
        <source>With several tags selected (Ctrl+click): articles with all of them, or with any</source>
        <translation>Met meerdere tags geselecteerd (Ctrl+klik): artikelen met alle tags, of met een ervan</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>Zoekopdracht bewaren…</translation>
    </message>
    <message>
        <source>Save the current filter as a search in the sidebar</source>
        <translation>Het huidige filter als zoekopdracht in de zijbalk bewaren</translation>
    </message>
    <message>
        <source>&amp;Save search…</source>
        <translation>Zoekopdracht &amp;bewaren…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Next &amp;unread article</source>
        <translation>Volgend &amp;ongelezen artikel</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 mislukt: %2</translation>
    </message>
    <message>
        <source>Could not tag: %1</source>
        <translation>Kan geen tag toevoegen: %1</translation>
    </message>
    <message>
        <source>Could not remove the tag: %1</source>
        <translation>Kan de tag niet verwijderen: %1</translation>
    </message>
    <message>
        <source>Saved search %1</source>
        <translation>Zoekopdracht %1 bewaard</translation>
    </message>
    <message>
        <source>Could not save the search: %1</source>
        <translation>Kan de zoekopdracht niet bewaren: %1</translation>
    </message>
    <message>
        <source>No more unread articles</source>
        <translation>Geen ongelezen artikelen meer</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Zoekopdracht bewaren</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Edit saved search</source>
        <translation>Bewaarde zoekopdracht bewerken</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>Zoekvraag:</translation>
    </message>
    <message>
        <source>Saving the search</source>
        <translation>Zoekopdracht bewaren</translation>
    </message>
    <message>
        <source>&amp;Rename tag…</source>
        <translation>Tag &amp;hernoemen…</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>Tag hernoemen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nieuwe naam:</translation>
    </message>
    <message>
        <source>Renaming the tag</source>
        <translation>Tag hernoemen</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Samenvoegen met…</translation>
    </message>
    <message>
        <source>Merge tag</source>
        <translation>Tag samenvoegen</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation>“%1” samenvoegen met:</translation>
    </message>
    <message>
        <source>Merging the tags</source>
        <translation>Tags samenvoegen</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Kleur…</translation>
    </message>
    <message>
        <source>Setting the colour</source>
        <translation>Kleur instellen</translation>
    </message>
    <message>
        <source>C&amp;lear colour</source>
        <translation>Kleur &amp;wissen</translation>
    </message>
    <message>
        <source>&amp;Delete tag…</source>
        <translation>Tag &amp;verwijderen…</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>Tag verwijderen</translation>
    </message>
    <message>
        <source>Delete the tag “%1” from every article? The articles stay.</source>
        <translation>De tag “%1” van alle artikelen verwijderen? De artikelen blijven.</translation>
    </message>
    <message>
        <source>Deleting the tag</source>
        <translation>Tag verwijderen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bewerken…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Deleting the search</source>
        <translation>Zoekopdracht verwijderen</translation>
    </message>
    <message>
        <source>&amp;Add tag…</source>
        <translation>Tag &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Tag toevoegen</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>&amp;Remove tag</source>
        <translation>Tag &amp;verwijderen</translation>
    </message>
    <message>
        <source>Filter tags…</source>
        <translation>Tags filteren…</translation>
    </message>
    <message>
        <source>Next unread in %1</source>
        <translation>Volgende ongelezen in %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %Ln article(s) with %1</source>
        <translation>
            <numerusform>%Ln artikel getagd met %1</numerusform>
            <numerusform>%Ln artikelen getagd met %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %Ln article(s)</source>
        <translation>
            <numerusform>%1 van %Ln artikel verwijderd</numerusform>
            <numerusform>%1 van %Ln artikelen verwijderd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::TagTreeModel</name>
    <message>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle artikelen</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ongelezen</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Met bladwijzer</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>The last refresh failed: %1</source>
        <translation>De laatste vernieuwing is mislukt: %1</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Bewaarde zoekopdrachten</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln article(s)</source>
        <translation>
            <numerusform>%1: %Ln artikel</numerusform>
            <numerusform>%1: %Ln artikelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln ongelezen</numerusform>
            <numerusform>%Ln ongelezen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::TeamController</name>
    <message>
        <source>Team &quot;%1&quot;</source>
        <translation>Team &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>folio::TeamPreferencesSection</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL server, as your administrator gave it.</source>
        <translation>De PostgreSQL-server van het team, zoals uw beheerder die opgaf.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>Team &amp;name:</source>
        <translation>Team&amp;naam:</translation>
    </message>
    <message>
        <source>Leave empty to use ~/.pgpass or the password kept in the system keychain.</source>
        <translation>Leeg laten om ~/.pgpass of het wachtwoord uit de sleutelbos van het systeem te gebruiken.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain</source>
        <translation>Het wachtwoord in de sleutelbos van het systeem bewaren</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Aansluiten</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Verlaten</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;Nu synchroniseren</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>Aansluiten mislukt: %1</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Aansluiten…</translation>
    </message>
    <message>
        <source>This library is not in a team.</source>
        <translation>Deze bibliotheek hoort niet bij een team.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Team &quot;%1&quot; as %2. Last sync: %3. Waiting to be sent: %4.</source>
        <translation>Team &quot;%1&quot; als %2. Laatste synchronisatie: %3. Wacht op verzenden: %4.</translation>
    </message>
</context>
<context>
    <name>folio::TeamSync</name>
    <message>
        <source>Sent %1, received %2</source>
        <translation>%1 verstuurd, %2 ontvangen</translation>
    </message>
    <message>
        <source>Team: synced</source>
        <translation>Team: gesynchroniseerd</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>Team: synchroniseren…</translation>
    </message>
    <message>
        <source>Team: offline</source>
        <translation>Team: offline</translation>
    </message>
    <message>
        <source>Team: error</source>
        <translation>Team: fout</translation>
    </message>
    <message>
        <source>Joining %1…</source>
        <translation>Aansluiten bij %1…</translation>
    </message>
</context>
<context>
    <name>folio::TimelineStrip</name>
    <message>
        <source>Articles over time: drag across the strip to filter on those dates</source>
        <translation>Artikelen in de tijd: sleep over de strook om op die datums te filteren</translation>
    </message>
    <message>
        <source>No dated articles</source>
        <translation>Geen artikelen met datum</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Folio, a desktop news reader for analysts.</source>
        <translation>Folio, een nieuwslezer voor analisten.</translation>
    </message>
    <message>
        <source>Use the library in DIR.</source>
        <translation>De bibliotheek in MAP gebruiken.</translation>
    </message>
    <message>
        <source>Do not import the bundled tag pages into a new library.</source>
        <translation>De meegeleverde tagpagina&apos;s niet in een nieuwe bibliotheek importeren.</translation>
    </message>
    <message>
        <source>Tag pages or feed files to import, OPML subscription lists, feed: or http(s) feed addresses to subscribe to.</source>
        <translation>Tagpagina&apos;s of feedbestanden om te importeren, OPML-abonnementenlijsten, feed:- of http(s)-feedadressen om op te abonneren.</translation>
    </message>
    <message>
        <source>Folio cannot open its library</source>
        <translation>Folio kan zijn bibliotheek niet openen</translation>
    </message>
    <message>
        <source>Open the library read-only.</source>
        <translation>De bibliotheek alleen-lezen openen.</translation>
    </message>
    <message>
        <source>Opening the library…
An upgrade to this version of Folio, or a check after a crash, can take a minute for a large library.</source>
        <translation>De bibliotheek wordt geopend…
Bijwerken naar deze versie van Folio, of een controle na een crash, kan bij een grote bibliotheek een minuut duren.</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
</context>
</TS>
