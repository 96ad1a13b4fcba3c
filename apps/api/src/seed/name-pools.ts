import { pick, pickWeighted, randInt, Rng, shuffle } from './prng';

/**
 * Word pools for believable UK awarding-body demo data: people's names (a fair share of them
 * non-ASCII, as in a real register), towns with their postcode areas, centre names, and an
 * automotive qualification catalogue with its units.
 */

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/**
 * Each culture lists first names as `Name:g` (g = f|m) and family names as `Male/Female` when the
 * form depends on gender. Names not written in Latin letters carry their romanisation for email
 * addresses after a second colon: `Σοφία:f:sofia`, `Παπαδόπουλος/Παπαδοπούλου:papadopoulos/papadopoulou`.
 */
const CULTURES: { key: string; weight: number; first: string; last: string }[] = [
  {
    key: 'british',
    weight: 58,
    first:
      'Oliver:m Jack:m Harry:m George:m Noah:m Charlie:m Jacob:m Alfie:m Freddie:m Oscar:m Leo:m Thomas:m James:m William:m ' +
      'Joshua:m Daniel:m Liam:m Connor:m Callum:m Ryan:m Kieran:m Jordan:m Nathan:m Lewis:m Ethan:m Mason:m Tyler:m Reece:m ' +
      'Owen:m Dylan:m Rhys:m Gareth:m Ieuan:m Dafydd:m Ewan:m Fraser:m Craig:m Stuart:m Mark:m Paul:m Darren:m Lee:m ' +
      'Amelia:f Olivia:f Isla:f Emily:f Ava:f Jessica:f Sophie:f Chloe:f Chloë:f Zoë:f Zoe:f Megan:f Bethan:f Rhiannon:f ' +
      'Hannah:f Lauren:f Ellie:f Grace:f Lucy:f Holly:f Abigail:f Charlotte:f Eilidh:f Kirsty:f Renée:f Ffion:f Siân:f Gemma:f',
    last:
      'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall ' +
      'Wood Jackson Clarke Hughes Edwards Turner Lewis Harris Martin Cooper Hill Ward Morris Moore Clark King Baker Harrison ' +
      'Morgan Allen James Scott Phillips Watson Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson ' +
      'Bailey Collins Bell Shaw Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell Webb ' +
      'Rogers Gray Mason Hunt Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher ' +
      "Stevens Jenkins Murray Dixon Harvey Brontë Llewellyn MacDonald McLeod O'Neill Pryce-Jones",
  },
  {
    key: 'irish',
    weight: 6,
    first: 'Siobhán:f Aoife:f Niamh:f Saoirse:f Caoimhe:f Róisín:f Orla:f Clodagh:f Seán:m Pádraig:m Cian:m Oisín:m Ciarán:m Éanna:m Darragh:m Eoin:m Conor:m',
    last: "Ó Briain Ó Ceallaigh O'Sullivan O'Connor Byrne Doyle McCarthy Fitzgerald Ó Súilleabháin Mac Cárthaigh Quinn Gallagher",
  },
  {
    key: 'polish',
    weight: 6,
    first:
      'Łukasz:m Paweł:m Michał:m Wojciech:m Krzysztof:m Tomasz:m Bartłomiej:m Jędrzej:m Agnieszka:f Małgorzata:f Zofia:f Katarzyna:f Joanna:f Magdalena:f Ewa:f',
    last: 'Wójcik Kowalski/Kowalska Nowak Wiśniewski/Wiśniewska Lewandowski/Lewandowska Zieliński/Zielińska Szymański/Szymańska Woźniak Kamiński/Kamińska Dąbrowski/Dąbrowska Kaczmarek Grabowski/Grabowska Król',
  },
  {
    key: 'south-asian',
    weight: 9,
    first:
      'Aarav:m Arjun:m Rohan:m Vikram:m Imran:m Mohammed:m Hamza:m Amir:m Rajesh:m Harpreet:m Gurpreet:m Bilal:m ' +
      'Priya:f Ananya:f Aisha:f Fatima:f Zainab:f Sana:f Simran:f Deepa:f Nadia:f Ayesha:f',
    last: 'Patel Shah Sharma Singh Khan Hussain Ahmed Ali Iqbal Chaudhry Gill Sandhu Mistry Rahman Islam Begum Kaur',
  },
  {
    key: 'greek',
    weight: 1.5,
    first: 'Σοφία:f:sofia Ελένη:f:eleni Μαρία:f:maria Αθηνά:f:athina Γιώργος:m:giorgos Δημήτρης:m:dimitris Νίκος:m:nikos Κωνσταντίνος:m:konstantinos',
    last:
      'Παπαδόπουλος/Παπαδοπούλου:papadopoulos/papadopoulou Παπαδάκης/Παπαδάκη:papadakis/papadaki Γεωργίου:georgiou ' +
      'Οικονόμου:oikonomou Βασιλείου:vasileiou Νικολάου:nikolaou Καραγιάννης/Καραγιάννη:karagiannis/karagianni Αντωνίου:antoniou',
  },
  {
    key: 'chinese',
    weight: 3,
    first: '伟:m:wei 磊:m:lei 洋:m:yang 杰:m:jie 浩然:m:haoran 晓明:m:xiaoming 芳:f:fang 娜:f:na 敏:f:min 静:f:jing 婷:f:ting 子涵:f:zihan',
    last: '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou',
  },
  {
    key: 'iberian',
    weight: 2.5,
    first: 'José:m Jesús:m Álvaro:m Andrés:m Raúl:m João:m Martín:m María:f Lucía:f Inés:f Sofía:f Begoña:f Ana:f',
    last: 'Núñez García Fernández Rodríguez López Martínez Gómez Sánchez Conceição Gonçalves Peña Ortiz',
  },
  {
    key: 'west-african',
    weight: 4,
    first: 'Chidi:m Oluwaseun:m Adebayo:m Kwame:m Yaw:m Tunde:m Emeka:m Chiamaka:f Ngozi:f Ama:f Abena:f Folake:f Adaeze:f',
    last: 'Okafor Adeyemi Mensah Okonkwo Boateng Oyelaran Asante Nwosu Owusu Adebayo Eze',
  },
  {
    key: 'turkish',
    weight: 1.5,
    first: 'Mehmet:m Emre:m Çağlar:m Yusuf:m Burak:m Ayşe:f Elif:f Özlem:f Gülşen:f Zeynep:f',
    last: 'Yılmaz Öztürk Şahin Çelik Demir Aydın Doğan Kılıç',
  },
  {
    key: 'european',
    weight: 2.5,
    first: 'François:m Jürgen:m Søren:m Björn:m Mathéo:m Lars:m Hélène:f Anaïs:f Léa:f Ingrid:f Åsa:f Renée:f',
    last: 'Müller Schäfer Lefèvre Dubois Bäcker Jørgensen Ångström Fournier Weiß Novák',
  },
  {
    key: 'romanian',
    weight: 2,
    first: 'Ștefan:m Mihai:m Andrei:m Ionuț:m Ioana:f Andreea:f Elena:f Mădălina:f',
    last: 'Popescu Ionescu Rădulescu Dumitrescu Stănescu Constantin Țurcanu',
  },
];

/** ASCII for email addresses: strips accents and maps the letters that do not decompose. */
export function transliterate(name: string): string {
  const special: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ß: 'ss', đ: 'd', Đ: 'D', ı: 'i', œ: 'oe', þ: 'th', ð: 'd' };
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØæÆßđĐıœþð]/g, (c) => special[c])
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export type Gender = 'f' | 'm';

/** Every first name and family name, each once, with its romanisation for email addresses. */
export const FIRST_NAMES: string[] = [];
export const FIRST_ASCII: string[] = [];
export const LAST_NAMES: string[] = [];
export const LAST_ASCII: string[] = [];

interface CultureIndex {
  weight: number;
  first: { index: number; gender: Gender }[];
  /** per family-name row, the LAST_NAMES index of its male and female form */
  last: { m: number; f: number }[];
}

const firstIndex = new Map<string, number>();
const lastIndex = new Map<string, number>();

function internFirst(name: string, ascii: string): number {
  const key = name;
  let i = firstIndex.get(key);
  if (i === undefined) {
    i = FIRST_NAMES.push(name) - 1;
    FIRST_ASCII.push(ascii);
    firstIndex.set(key, i);
  }
  return i;
}

function internLast(name: string, ascii: string): number {
  let i = lastIndex.get(name);
  if (i === undefined) {
    i = LAST_NAMES.push(name) - 1;
    LAST_ASCII.push(ascii);
    lastIndex.set(name, i);
  }
  return i;
}

function asciiOf(name: string, given?: string): string {
  const ascii = given ?? transliterate(name);
  if (!/^[a-z]+$/.test(ascii)) throw new Error(`No ASCII form for "${name}"`);
  return ascii;
}

const CULTURE_INDEX: CultureIndex[] = CULTURES.map((c) => {
  const first = c.first.split(' ').map((entry) => {
    const [name, gender, ascii] = entry.split(':');
    return { index: internFirst(name, asciiOf(name, ascii)), gender: gender as Gender };
  });
  // family names are separated by single spaces, but some contain a space themselves (Ó Briain,
  // Mac Cárthaigh): a token that is only a prefix joins the next one
  const tokens = c.last.split(' ');
  const entries: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (['Ó', 'Mac', 'Ní', 'Nic', 'Van', 'De'].includes(tokens[i]) && i + 1 < tokens.length) {
      entries.push(`${tokens[i]} ${tokens[i + 1]}`);
      i++;
    } else entries.push(tokens[i]);
  }
  const last = entries.map((entry) => {
    const [forms, asciiForms] = entry.split(':');
    const [m, f] = forms.split('/');
    const [am, af] = asciiForms ? asciiForms.split('/') : [];
    const mi = internLast(m, asciiOf(m, am));
    const fi = f ? internLast(f, asciiOf(f, af)) : mi;
    return { m: mi, f: fi };
  });
  return { weight: c.weight, first, last };
});
const CULTURE_WEIGHTS = CULTURE_INDEX.map((c) => c.weight);

export interface PersonName {
  first: number;
  last: number;
}

/** A person's name as indices into FIRST_NAMES / LAST_NAMES (compact enough for 400,000 learners). */
export function randomPerson(rng: Rng): PersonName {
  const culture = CULTURE_INDEX[pickWeighted(rng, CULTURE_WEIGHTS)];
  const first = pick(rng, culture.first);
  const row = pick(rng, culture.last);
  return { first: first.index, last: first.gender === 'f' ? row.f : row.m };
}

export function firstNameIndex(name: string): number {
  const i = firstIndex.get(name);
  if (i === undefined) throw new Error(`"${name}" is not in the first-name pool`);
  return i;
}

export function lastNameIndex(name: string): number {
  const i = lastIndex.get(name);
  if (i === undefined) throw new Error(`"${name}" is not in the family-name pool`);
  return i;
}

/** The name as printed on a document and held in documents.learner_name: "First Last". */
export function fullName(first: string, last: string): string {
  return `${first} ${last}`;
}

// ---------------------------------------------------------------------------------------------
// Places and centres
// ---------------------------------------------------------------------------------------------

/** Towns and their postcode areas. */
export const TOWNS: readonly (readonly [string, string])[] = [
  'Birmingham:B',
  'Coventry:CV',
  'Wolverhampton:WV',
  'Leicester:LE',
  'Nottingham:NG',
  'Derby:DE',
  'Leeds:LS',
  'Bradford:BD',
  'Sheffield:S',
  'Manchester:M',
  'Bolton:BL',
  'Liverpool:L',
  'Preston:PR',
  'Newcastle upon Tyne:NE',
  'Sunderland:SR',
  'Middlesbrough:TS',
  'Hull:HU',
  'York:YO',
  'Bristol:BS',
  'Swindon:SN',
  'Exeter:EX',
  'Plymouth:PL',
  'Southampton:SO',
  'Portsmouth:PO',
  'Brighton:BN',
  'Reading:RG',
  'Oxford:OX',
  'Milton Keynes:MK',
  'Northampton:NN',
  'Peterborough:PE',
  'Cambridge:CB',
  'Norwich:NR',
  'Ipswich:IP',
  'Chelmsford:CM',
  'Luton:LU',
  'Stoke-on-Trent:ST',
  'Cardiff:CF',
  'Swansea:SA',
  'Newport:NP',
  'Wrexham:LL',
  'Glasgow:G',
  'Edinburgh:EH',
  'Aberdeen:AB',
  'Dundee:DD',
  'Belfast:BT',
  'Lincoln:LN',
  'Gloucester:GL',
  'Worcester:WR',
  'Telford:TF',
  'Carlisle:CA',
  'Lancaster:LA',
  'Doncaster:DN',
  'Wakefield:WF',
  'Huddersfield:HD',
  'Halifax:HX',
  'Blackburn:BB',
  'Warrington:WA',
  'Chester:CH',
  'Crewe:CW',
  'Stockport:SK',
  'Oldham:OL',
  'Wigan:WN',
  'Harrogate:HG',
  'Darlington:DL',
  'Durham:DH',
  'Bath:BA',
  'Taunton:TA',
  'Truro:TR',
  'Bournemouth:BH',
  'Salisbury:SP',
  'Guildford:GU',
  'Crawley:RH',
  'Maidstone:ME',
  'Canterbury:CT',
  'Tunbridge Wells:TN',
  'Colchester:CO',
  'Southend-on-Sea:SS',
  'Watford:WD',
  'Stevenage:SG',
  'St Albans:AL',
  'Slough:SL',
  'High Wycombe:HP',
  'Hereford:HR',
  'Shrewsbury:SY',
  'Dudley:DY',
  'Walsall:WS',
  'Inverness:IV',
  'Stirling:FK',
  'Kilmarnock:KA',
  'Paisley:PA',
  'Perth:PH',
  'Kingston upon Thames:KT',
  'Croydon:CR',
  'Romford:RM',
  'Ilford:IG',
  'Enfield:EN',
  'Harrow:HA',
  'Uxbridge:UB',
  'Twickenham:TW',
  'Bromley:BR',
  'Dartford:DA',
  'Sutton:SM',
  'Stratford:E',
  'Tottenham:N',
  'Lewisham:SE',
  'Wandsworth:SW',
  'Ealing:W',
  'Willesden:NW',
  'Kendal:LA',
  'Barnstaple:EX',
  'Grimsby:DN',
  'Scunthorpe:DN',
  'Mansfield:NG',
  'Chesterfield:S',
  'Rotherham:S',
  'Barnsley:S',
  'Burnley:BB',
  'Blackpool:FY',
  'Southport:PR',
  'Birkenhead:CH',
  'Llanelli:SA',
  'Bridgend:CF',
  'Merthyr Tydfil:CF',
  'Motherwell:ML',
  'Falkirk:FK',
  'Dumfries:DG',
  'Ayr:KA',
  'Lisburn:BT',
  'Newry:BT',
  'Redditch:B',
  'Nuneaton:CV',
  'Rugby:CV',
  'Kettering:NN',
  'Bedford:MK',
  'Basingstoke:RG',
  'Andover:SP',
  'Yeovil:BA',
  'Torquay:TQ',
].map((t) => {
  const [town, area] = t.split(':');
  return [town, area] as const;
});

const REGIONS = [
  'Midlands',
  'Pennine',
  'Wessex',
  'Mercia',
  'Northumbria',
  'Anglia',
  'Cotswold',
  'Severn',
  'Humber',
  'Solent',
  'Thames Valley',
  'Chiltern',
  'Peak',
  'Tyneside',
  'Clydeside',
  'Dales',
  'Fenland',
  'Marches',
  'Weald',
  'Cumbria',
  'Lakeland',
  'Mendip',
  'Trent',
  'Mersey',
  'Wealden',
  'Border',
  'Highland',
  'Ulster',
  'Cambrian',
  'Forth Valley',
];

const STREETS = [
  'Station Road',
  'High Street',
  'Church Lane',
  'Victoria Road',
  'Mill Lane',
  'Park Road',
  'Queen Street',
  'Bridge Street',
  'College Road',
  'London Road',
  'Manor Way',
  'Kingsway',
  'Canal Street',
  'Foundry Lane',
  'Engine Lane',
  'Wharf Road',
  'Brunel Way',
  'Telford Road',
  'Stephenson Street',
  'Albert Road',
  'Riverside Drive',
  'Commercial Road',
  'Factory Lane',
];
const ESTATES = ['Riverside', 'Meadowbank', 'Castle', 'Parkway', 'Junction', 'Enterprise', 'Gateway', 'Northgate', 'Westfield', 'Brookside'];

export interface CentreName {
  name: string;
  /** e.g. northfieldcollege.test: the reserved .test domain, so demo emails can never reach a real centre */
  domain: string;
  town: string;
  area: string;
}

/** The demo's first centres, so the demo reads the same every time. */
const CURATED_CENTRES: readonly CentreName[] = [
  { name: 'Northfield College of Engineering', domain: 'northfieldcollege.test', town: 'Birmingham', area: 'B' },
  { name: 'Midlands Motor Training Ltd', domain: 'midlandsmotortraining.test', town: 'Coventry', area: 'CV' },
  { name: 'Pennine Automotive Academy', domain: 'pennineautomotive.test', town: 'Huddersfield', area: 'HD' },
  { name: 'Severn Vale College', domain: 'severnvale.test', town: 'Gloucester', area: 'GL' },
  { name: 'Tyneside Institute of Technology', domain: 'tynesideit.test', town: 'Newcastle upon Tyne', area: 'NE' },
  { name: 'Solent Fleet Training Services Ltd', domain: 'solentfleettraining.test', town: 'Southampton', area: 'SO' },
];

const TOWN_PATTERNS: readonly [string, 'ac' | 'co'][] = [
  ['{t} College', 'ac'],
  ['{t} College of Engineering', 'ac'],
  ['{t} College of Further Education', 'ac'],
  ['{t} Technical College', 'ac'],
  ['{t} Institute of Technology', 'ac'],
  ['{t} Automotive Academy', 'co'],
  ['{t} Motorcycle Training Centre', 'co'],
  ['{t} Vehicle Skills Centre', 'co'],
  ['North {t} College', 'ac'],
  ['South {t} College', 'ac'],
  ['East {t} Training Centre', 'co'],
  ['West {t} Motor Academy', 'co'],
  ['{t} and District Training Services Ltd', 'co'],
];
const REGION_PATTERNS: readonly [string, 'ac' | 'co'][] = [
  ['{r} Motor Training Ltd', 'co'],
  ['{r} Automotive Skills Centre', 'co'],
  ['{r} Fleet Training Services Ltd', 'co'],
  ['{r} Commercial Vehicle Academy', 'co'],
  ['{r} College', 'ac'],
];
const FAMILY_PATTERNS: readonly [string, 'ac' | 'co'][] = [
  ['{s} Vehicle Training Ltd', 'co'],
  ['{s} Motor Group Academy', 'co'],
  ['{s} and Sons Apprenticeships Ltd', 'co'],
];
const SURNAMES_FOR_BUSINESSES =
  'Hargreaves Whitworth Pemberton Ashworth Fairbairn Hollingsworth Cartwright Blackwood Thornton Kershaw Ramsbottom Sutcliffe ' +
  'Ackroyd Braithwaite Cropper Dunmore Fenwick Garside Haworth Illingworth Jessop Kitching Lockwood Marsden Naylor Oldroyd ' +
  'Pickersgill Rawnsley Shackleton Tetley Umpleby Varley Wainwright Yeadon Armitage Broadbent Crossley Driver';

function domainFor(name: string, tld: 'ac' | 'co'): string {
  const stop = new Set(['of', 'the', 'and', 'ltd', 'upon', 'on', '&']);
  const words = name
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => !stop.has(w.toLowerCase()))
    .map(transliterate);
  return `${words.join('').slice(0, 32)}${tld === 'ac' ? '' : '-training'}.test`;
}

/**
 * `count` distinct centre names: the curated demo centres first, then town, region and family-firm
 * names in a seeded random order. Beyond the ~2,500 combinations a campus suffix keeps them distinct.
 */
export function centreNames(rng: Rng, count: number): CentreName[] {
  const out: CentreName[] = CURATED_CENTRES.slice(0, count);
  if (out.length >= count) return out;
  const taken = new Set(out.map((c) => c.name));
  const candidates: CentreName[] = [];
  const domains = new Set(out.map((c) => c.domain));
  const add = (name: string, tld: 'ac' | 'co', town: string, area: string) => {
    if (taken.has(name)) return;
    taken.add(name);
    let domain = domainFor(name, tld);
    for (let k = 2; domains.has(domain); k++) domain = domainFor(`${name} ${k}`, tld);
    domains.add(domain);
    candidates.push({ name, domain, town, area });
  };
  for (const [town, area] of TOWNS) for (const [p, tld] of TOWN_PATTERNS) add(p.replace('{t}', town), tld, town, area);
  for (const region of REGIONS) {
    for (const [p, tld] of REGION_PATTERNS) {
      const [town, area] = pick(rng, TOWNS);
      add(p.replace('{r}', region), tld, town, area);
    }
  }
  for (const surname of SURNAMES_FOR_BUSINESSES.split(' ')) {
    for (const [p, tld] of FAMILY_PATTERNS) {
      const [town, area] = pick(rng, TOWNS);
      add(p.replace('{s}', surname), tld, town, area);
    }
  }
  shuffle(rng, candidates);
  for (let i = 0; out.length < count; i++) {
    const c = candidates[i % candidates.length];
    const round = Math.floor(i / candidates.length);
    out.push(round === 0 ? c : { ...c, name: `${c.name} (Campus ${round + 1})`, domain: c.domain });
  }
  return out;
}

/** First address line: a numbered street or a unit on an industrial estate. */
export function addressLine1(rng: Rng): string {
  return rng() < 0.35 ? `Unit ${randInt(rng, 1, 40)}, ${pick(rng, ESTATES)} Industrial Estate` : `${randInt(rng, 1, 240)} ${pick(rng, STREETS)}`;
}

export function addressLine2(rng: Rng): string | null {
  return rng() < 0.3 ? `${pick(rng, ESTATES)} Campus` : null;
}

// ---------------------------------------------------------------------------------------------
// Qualifications
// ---------------------------------------------------------------------------------------------

type Area = 'core' | 'light' | 'heavy' | 'motorcycle' | 'body' | 'ev' | 'mot' | 'fitting' | 'management';

const UNITS: Record<Area, string[]> = {
  core: [
    'Health, safety and good housekeeping in the automotive environment',
    'Support for job roles in the automotive work environment',
    'Materials, fabrication, tools and measuring devices used in the automotive environment',
  ],
  light: [
    'Light vehicle engine mechanical, lubrication and cooling system units',
    'Light vehicle fuel, ignition, air and exhaust system units',
    'Light vehicle chassis units',
    'Light vehicle transmission and driveline units',
    'Light vehicle electrical units',
    'Routine light vehicle maintenance',
    'Diagnose and rectify light vehicle engine faults',
    'Diagnose and rectify light vehicle chassis system faults',
    'Diagnose and rectify light vehicle auxiliary electrical faults',
  ],
  heavy: [
    'Heavy vehicle engine mechanical, lubrication and cooling system units',
    'Heavy vehicle braking system units',
    'Heavy vehicle transmission and driveline units',
    'Heavy vehicle electrical units',
    'Heavy vehicle coupling and trailer system units',
    'Routine heavy vehicle maintenance',
  ],
  motorcycle: [
    'Motorcycle engine mechanical, lubrication and cooling system units',
    'Motorcycle chassis units',
    'Motorcycle electrical units',
    'Routine motorcycle maintenance',
    'Diagnose and rectify motorcycle engine faults',
  ],
  body: [
    'Remove and replace vehicle body panels',
    'Prepare vehicle surfaces for refinishing',
    'Apply paint to vehicle surfaces',
    'Repair vehicle body damage',
    'Vehicle body alignment and measuring',
    'Vehicle trim and upholstery repair',
  ],
  ev: [
    'Electric and hybrid vehicle safety and hazard management',
    'Routine maintenance of electric and hybrid vehicles',
    'Remove and replace electric and hybrid vehicle high-voltage components',
    'Diagnose and test electric and hybrid vehicle high-voltage systems',
    'Repair and replace high-voltage battery modules',
  ],
  mot: [
    'MOT test centre quality management',
    'Carry out MOT tests on class 4 and 7 vehicles',
    'Working safely in an MOT test centre',
    'Managing the MOT test centre and its testers',
  ],
  fitting: [
    'Tyre fitting and wheel balancing',
    'Exhaust system replacement',
    'Brake component replacement',
    'Vehicle air conditioning service and repair',
    'Calibrate advanced driver assistance systems',
  ],
  management: [
    'Leading and managing automotive teams',
    'Automotive customer service and complaint handling',
    'Workshop planning and control',
    'Finance and performance in the automotive retail business',
  ],
};

interface QualificationDef {
  title: string;
  areas: Area[];
  grading: 'pmd' | 'pass';
}

const QUALIFICATIONS: QualificationDef[] = [
  { title: 'Level 1 Certificate in Introduction to Vehicle Technology', areas: ['core', 'light'], grading: 'pass' },
  { title: 'Level 1 Award in Vehicle Maintenance Skills', areas: ['core', 'light'], grading: 'pass' },
  { title: 'Level 1 Award in Introduction to Vehicle Body Repair', areas: ['core', 'body'], grading: 'pass' },
  { title: 'Level 2 Certificate in Light Vehicle Maintenance', areas: ['core', 'light'], grading: 'pass' },
  { title: 'Level 2 Diploma in Light Vehicle Maintenance and Repair Principles', areas: ['core', 'light'], grading: 'pmd' },
  { title: 'Level 3 Diploma in Light Vehicle Maintenance and Repair Principles', areas: ['core', 'light'], grading: 'pmd' },
  { title: 'Level 2 Diploma in Heavy Vehicle Maintenance and Repair Principles', areas: ['core', 'heavy'], grading: 'pmd' },
  { title: 'Level 3 Diploma in Heavy Vehicle Maintenance and Repair Principles', areas: ['core', 'heavy'], grading: 'pmd' },
  { title: 'Level 2 Diploma in Motorcycle Maintenance and Repair Principles', areas: ['core', 'motorcycle'], grading: 'pmd' },
  { title: 'Level 3 Diploma in Motorcycle Maintenance and Repair Principles', areas: ['core', 'motorcycle'], grading: 'pmd' },
  { title: 'Level 2 Diploma in Vehicle Body and Paint Operations', areas: ['core', 'body'], grading: 'pmd' },
  { title: 'Level 3 Diploma in Vehicle Damage Repair and Refinishing', areas: ['core', 'body'], grading: 'pmd' },
  { title: 'Level 2 Award in Automotive Air Conditioning (F-Gas and Ozone Regulations)', areas: ['fitting'], grading: 'pass' },
  { title: 'Level 2 Award in Electric/Hybrid Vehicle Routine Maintenance Activities', areas: ['ev'], grading: 'pass' },
  { title: 'Level 3 Award in Electric/Hybrid Vehicle System Repair and Replacement', areas: ['ev'], grading: 'pass' },
  { title: 'Level 4 Award in the Diagnosis, Testing and Repair of Electric/Hybrid Vehicles and Components', areas: ['ev'], grading: 'pass' },
  { title: 'Level 2 Award in MOT Testing (Class 4 and 7 Vehicles)', areas: ['mot'], grading: 'pass' },
  { title: 'Level 3 Award in MOT Test Centre Management', areas: ['mot', 'management'], grading: 'pass' },
  { title: 'Level 2 Certificate in Vehicle Fitting Principles', areas: ['core', 'fitting'], grading: 'pmd' },
  { title: 'Level 2 Award in Tyre Fitting and Wheel Balancing', areas: ['fitting'], grading: 'pass' },
  { title: 'Level 3 Award in Advanced Driver Assistance Systems (ADAS) Calibration', areas: ['fitting', 'light'], grading: 'pass' },
  { title: 'Level 3 Certificate in Light Vehicle Diagnostic Techniques', areas: ['light'], grading: 'pmd' },
  { title: 'Level 3 Diploma in Automotive Customer Service', areas: ['core', 'management'], grading: 'pmd' },
  { title: 'Level 4 Diploma in Automotive Management', areas: ['management'], grading: 'pmd' },
  { title: 'Level 2 Certificate in Roadside Assistance and Recovery', areas: ['core', 'light', 'heavy'], grading: 'pmd' },
];

export interface QualificationSeed {
  title: string;
  level: number;
  grading: 'pmd' | 'pass';
  /** the units a learner completes, in order */
  units: string[];
}

/** The qualification catalogue (25 entries) with 3–8 units each, picked from their areas' unit pools. */
export function qualificationCatalogue(rng: Rng): QualificationSeed[] {
  return QUALIFICATIONS.map((q) => {
    const level = Number(/^Level (\d)/.exec(q.title)?.[1]);
    const pool = q.areas.flatMap((a) => UNITS[a]);
    const want = Math.min(pool.length, randInt(rng, 3, 8));
    const units = shuffle(rng, pool.slice()).slice(0, want);
    return { title: q.title, level, grading: q.grading, units };
  });
}

/** Every distinct unit title across the pools (each gets one unit reference number). */
export const ALL_UNIT_TITLES: readonly string[] = Object.values(UNITS).flat();

export const CONTACT_JOB_TITLES = ['Exams Officer', 'Quality Nominee', 'Centre Manager', 'Head of Automotive', 'Assessor', 'Internal Quality Assurer'];
