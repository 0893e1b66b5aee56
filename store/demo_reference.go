package store

// The reference data the demo's benchmark set needs, typed in here so that
// the demo does not depend on any file: the SKR kommungrupper (Kolada ids
// and titles) of the municipalities the award material names (Malmö;
// Södertälje, Linköping, Umeå; Nacka, Botkyrka, Lomma; Vara; Haparanda;
// Åre) with all their members, the counties, and the KPIs the material
// uses. Importing Kolada's files replaces them with the real catalogue.

// demoKommungrupp is a kommungrupp with its members as "code name; …".
type demoKommungrupp struct {
	id, title, members string
	rural              float64 // 0 for the big cities, 1 for the most rural: it shapes the made-up values
	population         float64 // a typical population, for the made-up values
}

var demoKommungrupper = []demoKommungrupp{
	{"G92787", "Storstäder (ovägt medel)",
		"0180 Stockholm; 1280 Malmö; 1480 Göteborg", 0, 500000},
	{"G92790", "Större stad (ovägt medel)",
		"0181 Södertälje; 0380 Uppsala; 0484 Eskilstuna; 0580 Linköping; 0581 Norrköping; 0680 Jönköping; " +
			"0780 Växjö; 0880 Kalmar; 1281 Lund; 1283 Helsingborg; 1290 Kristianstad; 1380 Halmstad; " +
			"1488 Trollhättan; 1490 Borås; 1780 Karlstad; 1880 Örebro; 1980 Västerås; 2081 Borlänge; " +
			"2180 Gävle; 2281 Sundsvall; 2380 Östersund; 2480 Umeå; 2580 Luleå", 0.2, 120000},
	{"G92793", "Pendlingskommun nära storstad (ovägt medel)",
		"0114 Upplands Väsby; 0115 Vallentuna; 0117 Österåker; 0120 Värmdö; 0123 Järfälla; 0125 Ekerö; " +
			"0126 Huddinge; 0127 Botkyrka; 0128 Salem; 0136 Haninge; 0138 Tyresö; 0139 Upplands-Bro; " +
			"0160 Täby; 0162 Danderyd; 0163 Sollentuna; 0182 Nacka; 0183 Sundbyberg; 0184 Solna; " +
			"0186 Lidingö; 0187 Vaxholm; 0191 Sigtuna; 0192 Nynäshamn; 0305 Håbo; 1230 Staffanstorp; " +
			"1231 Burlöv; 1233 Vellinge; 1261 Kävlinge; 1262 Lomma; 1263 Svedala; 1264 Skurup; " +
			"1287 Trelleborg; 1384 Kungsbacka; 1401 Härryda; 1402 Partille; 1407 Öckerö; 1415 Stenungsund; " +
			"1440 Ale; 1441 Lerum; 1443 Bollebygd; 1462 Lilla Edet; 1481 Mölndal; 1482 Kungälv; " +
			"1489 Alingsås", 0.1, 45000},
	{"G92789", "Pendlingskommun nära mindre tätort (ovägt medel)",
		"0428 Vingåker; 0481 Oxelösund; 0482 Flen; 0509 Ödeshög; 0512 Ydre; 0560 Boxholm; 0584 Vadstena; " +
			"0617 Gnosjö; 0684 Sävsjö; 0686 Eksjö; 0765 Älmhult; 0767 Markaryd; 0821 Högsby; 0860 Hultsfred; " +
			"0861 Mönsterås; 0862 Emmaboda; 1060 Olofström; 1081 Ronneby; 1267 Höör; 1270 Tomelilla; " +
			"1273 Osby; 1419 Tjörn; 1421 Orust; 1430 Munkedal; 1438 Dals-Ed; 1439 Färgelanda; 1442 Vårgårda; " +
			"1445 Essunga; 1446 Karlsborg; 1447 Gullspång; 1461 Mellerud; 1470 Vara; 1471 Götene; 1472 Tibro; " +
			"1473 Töreboda; 1492 Åmål; 1495 Skara; 1497 Hjo; 1498 Tidaholm; 1760 Storfors; 1862 Degerfors; " +
			"1864 Ljusnarsberg; 1904 Skinnskatteberg; 1960 Kungsör; 1962 Norberg; 1982 Fagersta; 1984 Arboga; " +
			"2061 Smedjebacken; 2083 Hedemora; 2104 Hofors; 2132 Nordanstig", 0.6, 11000},
	{"G92791", "Landsbygdskommun, ej nära större stad (ovägt medel)",
		"0662 Gislaved; 0685 Vetlanda; 0687 Tranås; 0884 Vimmerby; 1460 Bengtsfors; 1484 Lysekil; " +
			"1737 Torsby; 1766 Sunne; 1782 Filipstad; 1783 Hagfors; 1784 Arvika; 1785 Säffle; 1863 Hällefors; " +
			"2021 Vansbro; 2121 Ovanåker; 2161 Ljusdal; 2182 Söderhamn; 2183 Bollnäs; 2260 Ånge; " +
			"2282 Kramfors; 2283 Sollefteå; 2303 Ragunda; 2313 Strömsund; 2417 Norsjö; 2418 Malå; " +
			"2425 Dorotea; 2462 Vilhelmina; 2463 Åsele; 2481 Lycksele; 2505 Arvidsjaur; 2513 Överkalix; " +
			"2514 Kalix; 2518 Övertorneå; 2521 Pajala; 2583 Haparanda", 1, 9000},
	{"G92794", "Landsbygdskommun med besöksnäring (ovägt medel)",
		"0885 Borgholm; 1278 Båstad; 1291 Simrishamn; 1427 Sotenäs; 1435 Tanum; 1486 Strömstad; 1730 Eda; " +
			"1765 Årjäng; 2023 Malung-Sälen; 2029 Leksand; 2031 Rättvik; 2034 Orsa; 2039 Älvdalen; 2062 Mora; " +
			"2321 Åre; 2361 Härjedalen; 2421 Storuman; 2422 Sorsele; 2506 Arjeplog; 2510 Jokkmokk; " +
			"2523 Gällivare", 0.8, 10000},
}

// demoCounties names the counties by the first two digits of a
// municipality code.
var demoCounties = map[string]string{
	"01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län", "05": "Östergötlands län",
	"06": "Jönköpings län", "07": "Kronobergs län", "08": "Kalmar län", "09": "Gotlands län",
	"10": "Blekinge län", "12": "Skåne län", "13": "Hallands län", "14": "Västra Götalands län",
	"17": "Värmlands län", "18": "Örebro län", "19": "Västmanlands län", "20": "Dalarnas län",
	"21": "Gävleborgs län", "22": "Västernorrlands län", "23": "Jämtlands län", "24": "Västerbottens län",
	"25": "Norrbottens län",
}

// demoKPI is a KPI of the award material with what the demo needs to
// make up its values: a typical level, how much municipalities differ
// (relative), how much more rural ones have (relative), a yearly trend
// (relative) and the decimals kept.
type demoKPI struct {
	id, title, area, perspective string
	municipalityType             string
	byGender                     bool
	level, spread, rural, trend  float64
	decimals                     int
}

var demoKPIs = []demoKPI{
	{"U33401", "Utredningstid i antal dagar från påbörjad utredning till avslutad utredning inom barn och ungdom 0-20 år, medelvärde",
		"Individ- och familjeomsorg", "Kvalitet och resultat", "K", true, 115, 0.3, -0.1, -0.01, 0},
	{"U23401", "Väntetid i antal dagar från ansökningsdatum till första erbjudet inflyttningsdatum till särskilt boende, medelvärde",
		"Äldre och funktionshinder", "Kvalitet och resultat", "K", true, 60, 0.5, -0.3, 0.02, 0},
	{"U31402", "Väntetid i antal dagar från ansökan vid nybesök till beslut inom försörjningsstöd, medelvärde",
		"Individ- och familjeomsorg", "Kvalitet och resultat", "K", true, 18, 0.5, -0.2, -0.02, 0},
	{"N21006", "Kostnad hemtjänst äldreomsorg, kr/hemtjänsttagare",
		"Äldre och funktionshinder", "Resurser", "K", false, 330000, 0.2, 0.15, 0.03, 0},
	{"N23009", "Kostnad särskilt boende äldreomsorg, kr/brukare",
		"Äldre och funktionshinder", "Resurser", "K", false, 900000, 0.12, 0.05, 0.03, 0},
	{"N20016", "Referenskostnad äldreomsorg, kr/inv",
		"Hälso- och sjukvård", "Resurser", "K", false, 11000, 0.15, 0.6, 0.03, 0},
	{"N20900", "Nettokostnadsavvikelse äldreomsorg, (%)",
		"Hälso- och sjukvård", "Resurser", "K", false, 0, 12, 2, -0.1, 1},
	{"U21468", "Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)",
		"Äldre och funktionshinder", "Kvalitet och resultat", "K", true, 86, 0.06, 0.04, 0, 0},
	{"U23471", "Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)",
		"Äldre och funktionshinder", "Kvalitet och resultat", "K", true, 82, 0.08, 0.04, 0, 0},
	{"N01951", "Invånare totalt, antal",
		"Befolkning", "Volymer", "A", true, 0, 0.6, 0, 0.008, 0},
}
