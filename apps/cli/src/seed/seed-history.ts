import {
  ASYLUM_FACILITIES,
  CUSTODY_RULES,
  Directorate,
  INTENT_STATEMENTS,
  NeighbouringCountry,
  ReferralDestination,
  addMonths,
  earliestInstantShowing,
  localIsoTime,
} from '@app/domain';

/**
 * A deterministic history of 2022 to March 2024, planned as the HTTP commands an investigator
 * or a border officer would send, so that loading it through the API makes the statistics come
 * out as the police press releases state them: the smuggling cases, and the police procedures
 * with the foreigners apprehended after crossing the border illegally (most of the people the
 * releases count were never found with a smuggler). Pure: no clock, no I/O; the same seed gives
 * the same plan, command for command.
 */

/**
 * Changes whenever the generator would plan other bodies for the same seed. It is part of the
 * idempotency keys, so a newer plan never replays an older plan's key with another body
 * (which the API refuses with IDEMPOTENCY.KEY_REUSED).
 */
export const PLAN_VERSION = 4;

/** Where a body names a person whose id the API answered for an earlier step. */
export interface PersonRef {
  readonly $person: string;
}

/** Where a body names a case whose id the API answered when it was opened. */
export interface CaseRef {
  readonly $case: string;
}

export type BodyValue =
  | string
  | number
  | boolean
  | null
  | PersonRef
  | CaseRef
  | readonly BodyValue[]
  | { readonly [key: string]: BodyValue };

export type Body = { readonly [key: string]: BodyValue };

export type CaseAction =
  | 'arrests'
  | 'apprehension-groups'
  | 'joint-operations'
  | 'criminal-complaints'
  | 'prosecution-referral'
  | 'indictments'
  | 'closure';

export type PersonAction =
  | 'police-detention'
  | 'detention-decision'
  | 'judge-appearance'
  | 'remand'
  | 'remand-service'
  | 'remand-extensions'
  | 'release'
  | 'handover'
  | 'asylum-intents'
  | 'asylum-referral'
  | 'reception-departure';

/** Later facts of a police procedure with a foreigner, each on its own route. */
export type ProcedureAction =
  | 'asylum-home-departure'
  | 'asylum-intents'
  | 'referral'
  | 'handover'
  | 'release'
  | 'border-detention'
  | 'case-link'
  | 'nationality';

export type StepRoute =
  | '/cases'
  | `/cases/:caseId/${CaseAction}`
  | `/cases/:caseId/persons/:personId/${PersonAction}`
  | '/procedures'
  | `/procedures/:procedureId/${ProcedureAction}`
  | '/joint-operations/partner-reports';

export interface PlannedStep {
  /** Unique in the plan and stable for a seed: the loader's idempotency key ends with it. */
  readonly key: string;
  readonly method: 'POST';
  readonly route: StepRoute;
  /** For a route with :personId, the person key whose answered id goes there. */
  readonly personKey?: string;
  /** For a route with :procedureId, the procedure key whose answered id goes there. */
  readonly procedureKey?: string;
  readonly body: Body;
  /**
   * Person keys bound, in order, to the `persons` of the answer; for POST /procedures, the
   * procedure keys bound to the `procedures` of the answer: each to its procedure's id (for
   * :procedureId) and to its person's id (for a PersonRef).
   */
  readonly answers?: readonly string[];
}

/** What the loader sends one step after another, once the units it names are loaded. */
export interface PlannedUnit {
  /** A case `2023-042` (year of opening, place in it) or a procedure group `pg2023-0042`. */
  readonly key: string;
  /** Units whose steps must all be accepted first: this one names what they registered. */
  readonly after: readonly string[];
  readonly steps: readonly PlannedStep[];
}

/** A smuggling case, opened by its first step. */
export type PlannedCase = PlannedUnit;

/**
 * Foreigners apprehended together: one POST /procedures (a procedure each, with the intents,
 * referrals and other steps recorded with it), then the departures from the asylum home
 * recorded on their procedures days later.
 */
export type PlannedProcedureGroup = PlannedUnit;

export interface PlannedHistory {
  readonly seed: number;
  readonly version: number;
  /** In order of opening; a case depends only on cases before it. */
  readonly cases: readonly PlannedCase[];
  /**
   * In order of apprehension; a group depends only on cases (the joint operation's) and on
   * groups before it (where the people it catches again were caught before).
   */
  readonly procedureGroups: readonly PlannedProcedureGroup[];
}

/** The steps recorded with a procedure's opening, each stored as an event of its own. */
export const NESTED_PROCEDURE_STEPS = [
  'borderDetention',
  'intent',
  'referral',
  'handover',
  'release',
] as const;

/**
 * Units, commands and the events they store: a group apprehension stores one event per
 * person, a POST /procedures one per person and per step recorded with it.
 */
export function planSize(plan: PlannedHistory): {
  cases: number;
  procedureGroups: number;
  procedures: number;
  commands: number;
  events: number;
} {
  let commands = 0;
  let events = 0;
  let procedures = 0;
  for (const unit of [...plan.cases, ...plan.procedureGroups]) {
    for (const step of unit.steps) {
      commands += 1;
      if (step.route === '/procedures') {
        const persons = step.body.persons as readonly Body[];
        procedures += persons.length;
        for (const person of persons) {
          events += 1 + NESTED_PROCEDURE_STEPS.filter((s) => person[s] !== undefined).length;
        }
      } else {
        events += step.route.endsWith('/apprehension-groups') ? (step.answers?.length ?? 0) : 1;
      }
    }
  }
  return {
    cases: plan.cases.length,
    procedureGroups: plan.procedureGroups.length,
    procedures,
    commands,
    events,
  };
}

// ---------------------------------------------------------------------------------------------
// The published figures, split into periods whose sums are the figures.

interface Period {
  /** Local dates, both inclusive: cases open on these days only. */
  readonly from: string;
  readonly to: string;
  readonly cases: number;
  /** Smugglers arrested, each counted once in their case. */
  readonly arrests: number;
  readonly slovenian: number;
  readonly remanded: number;
  readonly migrants: number;
  /** Migrants who do not seek protection and are handed over to Croatia. */
  readonly withoutIntent: number;
  /** 2022 is published as a case count only: one smuggler and a few migrants a case. */
  readonly light?: boolean;
}

/*
 * 2023: 479 cases, 27 of them in January and February; 557 smugglers arrested (9 Slovenian
 * citizens), 275 of them before 27 September; 3,280 migrants; 514 smugglers remanded.
 * 2024 to 1 March: 121 cases, 137 smugglers (2 Slovenian), 757 migrants.
 * The periods leave out 1 March and 27 September, so that readings of "to 1 March" or "to 27
 * September" that include the day agree, and end on 20 December, so that a remand ordered two
 * days after an arrest still falls in the year of the case. About 1.5% of the migrants of each
 * year do not ask for protection: more than 98% do, as the releases say.
 */
const PERIODS: readonly Period[] = [
  {
    from: '2022-01-01',
    to: '2022-12-20',
    cases: 242,
    arrests: 242,
    slovenian: 3,
    remanded: 214,
    migrants: 847,
    withoutIntent: 13,
    light: true,
  },
  {
    from: '2023-01-01',
    to: '2023-02-28',
    cases: 27,
    arrests: 30,
    slovenian: 1,
    remanded: 28,
    migrants: 160,
    withoutIntent: 2,
  },
  {
    from: '2023-03-02',
    to: '2023-09-26',
    cases: 215,
    arrests: 245,
    slovenian: 4,
    remanded: 225,
    migrants: 1450,
    withoutIntent: 22,
  },
  {
    from: '2023-09-28',
    to: '2023-12-20',
    cases: 237,
    arrests: 282,
    slovenian: 4,
    remanded: 261,
    migrants: 1670,
    withoutIntent: 25,
  },
  {
    from: '2024-01-01',
    to: '2024-02-29',
    cases: 121,
    arrests: 137,
    slovenian: 2,
    remanded: 127,
    migrants: 757,
    withoutIntent: 11,
  },
];

/** Days kept free of openings, arrests and apprehensions (see PERIODS). */
export const KEPT_FREE_DAYS: readonly string[] = ['2023-03-01', '2023-09-27', '2024-03-01'];

/**
 * The mixed patrols with the Croatian police of 13-15 March 2024: 127 migrants and 4 smugglers
 * found on the Slovenian side, in two cases of the directorates on that border.
 */
const JOINT_OPERATION = {
  code: 'HR-SI-2024-03',
  name: 'Tighter joint control of the border with mixed patrols, 13-15 March 2024',
  partnerCountry: 'HR',
  kind: 'mixed-patrol',
  from: '2024-03-13T00:00:00+01:00',
  to: '2024-03-15T23:59:00+01:00',
  linkedAt: { day: '2024-03-16', minutes: 10 * 60 + 30 },
  /**
   * The Croatian police's own figures, as the release reports them: 172 migrants and 3
   * smugglers on the sections the mixed patrols covered, 6 more smugglers elsewhere. Recorded
   * with the first case, apart from what the Slovenian police recorded themselves.
   */
  partnerReports: [
    { area: 'covered-sections', migrants: 172, smugglers: 3 },
    { area: 'elsewhere', migrants: null, smugglers: 6 },
  ],
  cases: [
    {
      directorate: 'novo-mesto' as Directorate,
      section: 'Obrežje',
      opened: { day: '2024-03-13', minutes: 20 * 60 + 40 },
      groups: [
        { day: '2024-03-13', minutes: 21 * 60 + 30, size: 31 },
        { day: '2024-03-14', minutes: 23 * 60 + 10, size: 22 },
        { day: '2024-03-15', minutes: 4 * 60 + 20, size: 21 },
      ],
      smugglers: [
        { day: '2024-03-13', minutes: 21 * 60 + 35 },
        { day: '2024-03-14', minutes: 23 * 60 + 15 },
      ],
      withoutIntent: 1,
    },
    {
      directorate: 'koper' as Directorate,
      section: 'Jelšane',
      opened: { day: '2024-03-14', minutes: 1 * 60 + 5 },
      groups: [
        { day: '2024-03-14', minutes: 1 * 60 + 40, size: 28 },
        { day: '2024-03-15', minutes: 20 * 60, size: 25 },
      ],
      smugglers: [
        { day: '2024-03-14', minutes: 1 * 60 + 45 },
        { day: '2024-03-15', minutes: 20 * 60 + 5 },
      ],
      withoutIntent: 1,
    },
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// Where and who: weights an investigator of the border police would recognise.

interface Section {
  readonly name: string;
  readonly weight: number;
  /** The Croatian police administration across the border: readmission goes there. */
  readonly handoverTo?: string;
}

const DIRECTORATE_WEIGHTS: readonly (readonly [Directorate, number])[] = [
  ['novo-mesto', 34],
  ['koper', 28],
  ['ljubljana', 15],
  ['maribor', 8],
  ['murska-sobota', 6],
  ['nova-gorica', 3],
  ['celje', 3],
  ['kranj', 3],
];

const SECTIONS: Readonly<Record<Directorate, readonly Section[]>> = {
  'novo-mesto': [
    { name: 'Obrežje', weight: 5, handoverTo: 'PU Zagrebačka' },
    { name: 'Metlika', weight: 4, handoverTo: 'PU Karlovačka' },
    { name: 'Vinica', weight: 3, handoverTo: 'PU Karlovačka' },
    { name: 'Slovenska vas', weight: 2, handoverTo: 'PU Zagrebačka' },
    { name: 'Rigonce', weight: 2, handoverTo: 'PU Zagrebačka' },
    { name: 'Dobova', weight: 2, handoverTo: 'PU Zagrebačka' },
  ],
  koper: [
    { name: 'Jelšane', weight: 5, handoverTo: 'PU Primorsko-goranska' },
    { name: 'Starod', weight: 3, handoverTo: 'PU Primorsko-goranska' },
    { name: 'Ilirska Bistrica', weight: 2, handoverTo: 'PU Primorsko-goranska' },
    { name: 'Sočerga', weight: 2, handoverTo: 'PU Istarska' },
    { name: 'Dragonja', weight: 1, handoverTo: 'PU Istarska' },
  ],
  ljubljana: [
    { name: 'Brod na Kolpi', weight: 3, handoverTo: 'PU Primorsko-goranska' },
    { name: 'Kostel', weight: 2, handoverTo: 'PU Karlovačka' },
    { name: 'Petrina', weight: 1, handoverTo: 'PU Primorsko-goranska' },
    // Caught inland, on the way to Italy or Austria: nobody to hand over across a border.
    { name: 'A1 motorway, Ljubljana ring road', weight: 2 },
  ],
  maribor: [
    { name: 'Gruškovje', weight: 3, handoverTo: 'PU Krapinsko-zagorska' },
    { name: 'Središče ob Dravi', weight: 2, handoverTo: 'PU Međimurska' },
    { name: 'Zavrč', weight: 1, handoverTo: 'PU Varaždinska' },
    { name: 'Šentilj', weight: 1 },
  ],
  'murska-sobota': [
    { name: 'Dolga vas', weight: 3 },
    { name: 'Hodoš', weight: 2 },
    { name: 'Pince', weight: 1 },
  ],
  'nova-gorica': [
    { name: 'Vrtojba', weight: 2 },
    { name: 'Rožna Dolina', weight: 1 },
  ],
  celje: [{ name: 'A1 motorway, Celje', weight: 1 }],
  kranj: [{ name: 'Karavanke tunnel', weight: 1 }],
};

const SPOTS = [
  'motorway rest area',
  'regional road',
  'forest path by the river',
  'village road',
  'railway line',
  'field track',
];

/** Courts, prosecutors' offices and the police directorates' abbreviations, by directorate. */
const JUSTICE: Readonly<Record<Directorate, { court: string; office: string; abbr: string }>> = {
  ljubljana: { court: 'Okrožno sodišče v Ljubljani', office: 'ODT Ljubljana', abbr: 'LJ' },
  maribor: { court: 'Okrožno sodišče v Mariboru', office: 'ODT Maribor', abbr: 'MB' },
  celje: { court: 'Okrožno sodišče v Celju', office: 'ODT Celje', abbr: 'CE' },
  kranj: { court: 'Okrožno sodišče v Kranju', office: 'ODT Kranj', abbr: 'KR' },
  koper: { court: 'Okrožno sodišče v Kopru', office: 'ODT Koper', abbr: 'KP' },
  'novo-mesto': { court: 'Okrožno sodišče v Novem mestu', office: 'ODT Novo mesto', abbr: 'NM' },
  'murska-sobota': {
    court: 'Okrožno sodišče v Murski Soboti',
    office: 'ODT Murska Sobota',
    abbr: 'MS',
  },
  'nova-gorica': { court: 'Okrožno sodišče v Novi Gorici', office: 'ODT Nova Gorica', abbr: 'NG' },
};

const SMUGGLER_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['UA', 14],
  ['TR', 11],
  ['RO', 9],
  ['RS', 9],
  ['BA', 8],
  ['MD', 8],
  ['AF', 7],
  ['HR', 7],
  ['GE', 6],
  ['SY', 6],
  ['MK', 4],
  ['BG', 3],
  ['IQ', 3],
  ['PK', 2],
  ['RU', 2],
];

const MIGRANT_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['MA', 17],
  ['AF', 16],
  ['PK', 12],
  ['BD', 10],
  ['SY', 10],
  ['TR', 8],
  ['IN', 6],
  ['EG', 5],
  ['TN', 3],
  ['CU', 3],
  ['BI', 2],
  ['RU', 2],
  ['CN', 2],
  ['IQ', 2],
  ['NP', 1],
];

/** The joint operation found mostly Syrians, Afghans, Moroccans and Bangladeshis. */
const JOINT_OPERATION_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['SY', 30],
  ['AF', 28],
  ['MA', 22],
  ['BD', 15],
  ['PK', 3],
  ['TR', 2],
];

const NAMES: Readonly<Record<string, { given: readonly string[]; family: readonly string[] }>> = {
  balkan: {
    given: ['Marko', 'Nikola', 'Stefan', 'Dragan', 'Goran', 'Milan', 'Dejan', 'Emir', 'Adnan'],
    family: ['Petrović', 'Jovanović', 'Nikolić', 'Marković', 'Hodžić', 'Begić', 'Kovačević'],
  },
  croatian: {
    given: ['Ivan', 'Tomislav', 'Josip', 'Luka', 'Ante', 'Mario'],
    family: ['Horvat', 'Babić', 'Kovačić', 'Marić', 'Jurić', 'Knežević'],
  },
  slovenian: {
    given: ['Matej', 'Rok', 'Žiga', 'Janez', 'Tomaž', 'Boštjan', 'Gregor', 'Uroš'],
    family: ['Novak', 'Horvat', 'Krajnc', 'Zupančič', 'Kovačič', 'Mlakar', 'Kos', 'Vidmar'],
  },
  eastSlavic: {
    given: ['Oleksandr', 'Andrii', 'Serhii', 'Volodymyr', 'Dmytro', 'Mykola', 'Vitalii'],
    family: ['Kovalenko', 'Bondarenko', 'Tkachenko', 'Shevchenko', 'Melnyk', 'Kravchenko'],
  },
  romanian: {
    given: ['Ion', 'Andrei', 'Mihai', 'Vasile', 'Gheorghe', 'Constantin', 'Florin'],
    family: ['Popescu', 'Rusu', 'Ciobanu', 'Munteanu', 'Lungu', 'Ceban', 'Moraru'],
  },
  turkish: {
    given: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Hakan', 'Murat', 'Burak'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın'],
  },
  georgian: {
    given: ['Giorgi', 'Levan', 'Davit', 'Irakli', 'Nika', 'Zurab'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Lomidze'],
  },
  bulgarian: {
    given: ['Georgi', 'Dimitar', 'Ivaylo', 'Stoyan'],
    family: ['Ivanov', 'Georgiev', 'Dimitrov', 'Petrov'],
  },
  arabic: {
    given: ['Ahmad', 'Mohammad', 'Ali', 'Hassan', 'Omar', 'Khalid', 'Abdullah', 'Bilal', 'Yusuf'],
    family: ['Ahmadi', 'Hosseini', 'Rahimi', 'Al-Hassan', 'Haddad', 'Karimi', 'Khan', 'Nazari'],
  },
  southAsian: {
    given: ['Mohammed', 'Rahim', 'Sajid', 'Imran', 'Rakib', 'Arjun', 'Gurpreet', 'Sandeep'],
    family: ['Hossain', 'Rahman', 'Islam', 'Uddin', 'Singh', 'Kumar', 'Sharma', 'Gurung'],
  },
  cuban: {
    given: ['Yoandri', 'Yasmani', 'Reinier', 'Osmel', 'Yunior', 'Dayron'],
    family: ['González', 'Rodríguez', 'Pérez', 'Hernández', 'Díaz', 'Fernández'],
  },
  burundian: {
    given: ['Jean-Claude', 'Emmanuel', 'Gervais', 'Pacifique', 'Éric', 'Thierry'],
    family: ['Ndayishimiye', 'Niyonzima', 'Hakizimana', 'Nshimirimana', 'Irakoze'],
  },
  chinese: {
    given: ['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Jian'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang'],
  },
};

const NAME_POOL: Readonly<Record<string, keyof typeof NAMES>> = {
  SI: 'slovenian',
  RS: 'balkan',
  BA: 'balkan',
  MK: 'balkan',
  HR: 'croatian',
  UA: 'eastSlavic',
  RU: 'eastSlavic',
  RO: 'romanian',
  MD: 'romanian',
  TR: 'turkish',
  GE: 'georgian',
  BG: 'bulgarian',
  BD: 'southAsian',
  IN: 'southAsian',
  NP: 'southAsian',
  CU: 'cuban',
  BI: 'burundian',
  CN: 'chinese',
};

/** Interceptions peak at night; 02:00-02:59 is left out, the hour summer time skips or repeats. */
const OPENING_HOURS: readonly (readonly [number, number])[] = [
  [0, 8],
  [1, 7],
  [3, 6],
  [4, 5],
  [5, 4],
  [6, 3],
  [7, 2],
  [8, 2],
  [9, 2],
  [10, 2],
  [11, 2],
  [12, 2],
  [13, 2],
  [14, 2],
  [15, 2],
  [16, 3],
  [17, 3],
  [18, 4],
  [19, 6],
  [20, 7],
  [21, 8],
];

/** Pressure on the border by month: it rose through 2022 and 2023, with the autumn the worst. */
const MONTH_WEIGHTS: Readonly<Record<number, readonly number[]>> = {
  2022: [3, 3, 4, 5, 6, 7, 9, 10, 11, 12, 12, 10],
  2023: [4, 4, 5, 6, 7, 8, 10, 12, 14, 20, 18, 14],
  2024: [10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12],
};

// ---------------------------------------------------------------------------------------------
// Randomness and time.

export type Rng = () => number;

/** mulberry32: small, fast and good enough to make a history look unplanned. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rng: Rng, low: number, high: number): number =>
  low + Math.floor(rng() * (high - low + 1));

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = rng() * total;
  for (const [item, weight] of table) {
    r -= weight;
    if (r < 0) return item;
  }
  return table[table.length - 1][0];
}

/** A standard normal draw (Box-Muller), for group sizes with a long tail. */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** k of the items, drawn without replacement in proportion to their weights (Efraimidis-Spirakis). */
function sample<T>(rng: Rng, items: readonly T[], k: number, weight: (item: T) => number): T[] {
  if (k > items.length) throw new Error(`cannot draw ${k} of ${items.length}`);
  return items
    .map((item, index) => ({ item, index, key: Math.pow(rng(), 1 / weight(item)) }))
    .sort((a, b) => b.key - a.key || a.index - b.index)
    .slice(0, k)
    .map(({ item }) => item);
}

/**
 * `total` spread over the slots in proportion to their weights, each slot kept within
 * [min, max]: a multinomial draw, so that sizes vary as real ones do and still add up exactly.
 */
function spread(rng: Rng, total: number, weights: readonly number[], min: number, max: number) {
  const counts = weights.map(() => min);
  let left = total - min * weights.length;
  if (left < 0 || total > max * weights.length) {
    throw new Error(`cannot spread ${total} over ${weights.length} slots of ${min} to ${max}`);
  }
  while (left > 0) {
    let sum = 0;
    weights.forEach((w, i) => (sum += counts[i] < max ? w : 0));
    let r = rng() * sum;
    let chosen = -1;
    for (let i = 0; i < weights.length && chosen < 0; i++) {
      if (counts[i] >= max) continue;
      r -= weights[i];
      if (r < 0) chosen = i;
    }
    if (chosen < 0) chosen = counts.findLastIndex((c) => c < max);
    counts[chosen] += 1;
    left -= 1;
  }
  return counts;
}

/** Moves counts up or down at random, within [min, max], until they add up to `target`. */
function adjustTo(rng: Rng, counts: number[], target: number, min: number, max: number): number[] {
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== target) {
    const i = Math.floor(rng() * counts.length);
    if (sum < target && counts[i] < max) {
      counts[i] += 1;
      sum += 1;
    } else if (sum > target && counts[i] > min) {
      counts[i] -= 1;
      sum -= 1;
    }
  }
  return counts;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ZONE = CUSTODY_RULES.timeZone;

/** The instant a Ljubljana clock first shows `minutes` after midnight of `day`. */
const atLocal = (day: string, minutes: number): number =>
  earliestInstantShowing(Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE, ZONE);

/** Ljubljana's offset from UTC in minutes, by UTC hour: it changes only on the hour. */
const offsetByHour = new Map<number, number>();

/** As localIsoTime, which the plan calls for every step: remembering the offsets, far faster. */
const iso = (t: number): string => {
  const second = Math.floor(t / 1000) * 1000;
  const hour = Math.floor(second / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const shown = localIsoTime(new Date(hour * HOUR), ZONE);
    const sign = shown[19] === '-' ? -1 : 1;
    offset = sign * (Number(shown.slice(20, 22)) * 60 + Number(shown.slice(23, 25)));
    offsetByHour.set(hour, offset);
  }
  const minutes = Math.abs(offset);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const wall = new Date(second + offset * MINUTE).toISOString().slice(0, 19);
  return `${wall}${offset < 0 ? '-' : '+'}${hhmm}`;
};
const localDay = (t: number): string => iso(t).slice(0, 10);
const yearOf = (t: number): number => Number(localDay(t).slice(0, 4));

/** The last moment acts of a case's people may take: 20:00 on 31 December of its year. */
const yearEnd = (year: number): number => atLocal(`${year}-12-31`, 20 * 60);

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// Drafts: who and when, before the commands are written out.

interface SmugglerDraft {
  at: number;
  nationality: string;
  slovenian: boolean;
  remanded: boolean;
}

interface MigrantDraft {
  nationality: string;
  minor: boolean;
  intent: boolean;
  /** Someone who left reception after an earlier case and is caught again in this one. */
  again?: { personKey: string; caseKey: string };
}

interface GroupDraft {
  at: number;
  migrants: MigrantDraft[];
}

interface CaseDraft {
  openedAt: number;
  directorate: Directorate;
  section: Section;
  offenceParagraph: number;
  smugglers: SmugglerDraft[];
  groups: GroupDraft[];
  jointOperation: boolean;
  /** The case with which the partner police's figures of the joint operation are recorded. */
  partnerReports?: boolean;
}

function sectionOf(directorate: Directorate, name: string): Section {
  const section = SECTIONS[directorate].find((s) => s.name === name);
  if (!section) throw new Error(`no section ${name} in ${directorate}`);
  return section;
}

function draftPeriod(rng: Rng, period: Period): CaseDraft[] {
  const days = daysBetween(period.from, period.to).filter((d) => !KEPT_FREE_DAYS.includes(d));
  const dayTable = days.map((day) => {
    const [year, month] = day.split('-').map(Number);
    return [day, MONTH_WEIGHTS[year][month - 1]] as const;
  });
  const openings = Array.from({ length: period.cases }, () =>
    // Openings end by 21:59, so that what follows within two hours stays on the same day.
    atLocal(weighted(rng, dayTable), weighted(rng, OPENING_HOURS) * 60 + between(rng, 0, 59)),
  ).sort((a, b) => a - b);

  const arrests = period.light
    ? openings.map(() => 1)
    : adjustTo(
        rng,
        openings.map(() =>
          weighted(rng, [
            [0, 10],
            [1, 62],
            [2, 21],
            [3, 6],
            [4, 1],
          ] as const),
        ),
        period.arrests,
        0,
        4,
      );
  const migrants = period.light
    ? spread(
        rng,
        period.migrants,
        openings.map(() => 1),
        2,
        5,
      )
    : spread(
        rng,
        period.migrants,
        openings.map(() => Math.exp(0.9 * gaussian(rng))),
        1,
        120,
      );

  const drafts = openings.map((openedAt, i): CaseDraft => {
    const directorate = weighted(rng, DIRECTORATE_WEIGHTS);
    const section = weighted(
      rng,
      SECTIONS[directorate].map((s) => [s, s.weight] as const),
    );
    const arrestTimes = Array.from(
      { length: arrests[i] },
      () => openedAt + between(rng, 10, 70) * MINUTE,
    ).sort((a, b) => a - b);
    return {
      openedAt,
      directorate,
      section,
      offenceParagraph: rng() < 0.1 ? 6 : 3,
      smugglers: arrestTimes.map((at) => ({
        at,
        nationality: weighted(rng, SMUGGLER_NATIONALITIES),
        slovenian: false,
        remanded: false,
      })),
      groups: draftGroups(rng, openedAt, migrants[i]),
      jointOperation: false,
    };
  });

  const smugglers = drafts.flatMap((d) => d.smugglers);
  for (const s of sample(rng, smugglers, period.slovenian, () => 1)) {
    s.slovenian = true;
    s.nationality = 'SI';
  }
  // Slovenian citizens have a home and are less often held for flight risk.
  for (const s of sample(rng, smugglers, period.remanded, (s) => (s.slovenian ? 0.3 : 1))) {
    s.remanded = true;
  }
  markWithoutIntent(rng, drafts, period.withoutIntent);
  return drafts;
}

/** Migrants found together, within two hours of the opening: larger finds come in groups. */
function draftGroups(rng: Rng, openedAt: number, size: number): GroupDraft[] {
  const parts = size <= 25 ? 1 : size <= 60 ? between(rng, 1, 2) : between(rng, 2, 3);
  const sizes = spread(
    rng,
    size,
    Array.from({ length: parts }, () => 1),
    1,
    size,
  );
  const times = sizes.map(() => openedAt + between(rng, 5, 110) * MINUTE).sort((a, b) => a - b);
  return sizes.map((n, g) => ({
    at: times[g],
    migrants: draftMigrants(rng, n, MIGRANT_NATIONALITIES),
  }));
}

/** A group mostly shares a nationality: they came the same way, often from the same town. */
function draftMigrants(
  rng: Rng,
  size: number,
  nationalities: readonly (readonly [string, number])[],
): MigrantDraft[] {
  const main = weighted(rng, nationalities);
  return Array.from({ length: size }, () => ({
    nationality: rng() < 0.65 ? main : weighted(rng, nationalities),
    minor: rng() < 0.07,
    intent: true,
  }));
}

/** Those handed back to Croatia: only where a Croatian police administration is across the border. */
function markWithoutIntent(rng: Rng, drafts: readonly CaseDraft[], count: number): void {
  const candidates = drafts
    .filter((d) => d.section.handoverTo !== undefined)
    .flatMap((d) => d.groups.flatMap((g) => g.migrants));
  for (const m of sample(rng, candidates, count, () => 1)) m.intent = false;
}

function draftJointOperation(rng: Rng): CaseDraft[] {
  return JOINT_OPERATION.cases.map((spec, index) => {
    const draft: CaseDraft = {
      openedAt: atLocal(spec.opened.day, spec.opened.minutes),
      directorate: spec.directorate,
      section: sectionOf(spec.directorate, spec.section),
      offenceParagraph: 3,
      smugglers: spec.smugglers.map((s) => ({
        at: atLocal(s.day, s.minutes),
        nationality: weighted(rng, SMUGGLER_NATIONALITIES),
        slovenian: false,
        remanded: true,
      })),
      groups: spec.groups.map((g) => ({
        at: atLocal(g.day, g.minutes),
        migrants: draftMigrants(rng, g.size, JOINT_OPERATION_NATIONALITIES),
      })),
      jointOperation: true,
      partnerReports: index === 0,
    };
    markWithoutIntent(rng, [draft], spec.withoutIntent);
    return draft;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing a case out as commands.

interface Departed {
  readonly personKey: string;
  readonly caseKey: string;
  readonly nationality: string;
  readonly minor: boolean;
  readonly leftAt: number;
}

/**
 * A migrant of the joint operation, as their case records them: their police procedure, linked
 * to the case, records the same facts at the same times.
 */
interface JointMigrant {
  readonly key: string;
  readonly nationality: string;
  readonly minor: boolean;
  intent?: { at: number; statement: string };
  referral?: { at: number; facility: (typeof ASYLUM_FACILITIES)[number] };
  handover?: { at: number; authority: string };
  leftAt?: number;
}

interface JointGroup {
  readonly caseKey: string;
  readonly directorate: Directorate;
  readonly section: Section;
  readonly at: number;
  readonly migrants: JointMigrant[];
}

/** What runs through the whole plan: numbering, documents issued, people who left reception. */
interface Writer {
  readonly rng: Rng;
  readonly counters: Map<string, number>;
  readonly documents: Set<string>;
  departed: Departed[];
  /** The joint operation's groups, as their cases record them. */
  readonly joint: JointGroup[];
}

function nextNumber(writer: Writer, series: string): number {
  const n = (writer.counters.get(series) ?? 0) + between(writer.rng, 1, 9);
  writer.counters.set(series, n);
  return n;
}

/** A person caught again must have left reception at least a day before, and not long ago. */
const AGAIN_WINDOW = { min: DAY, max: 60 * DAY };
/** Share of migrants slots filled by someone caught again, and of referred who leave reception. */
const AGAIN_SHARE = 0.035;
const LEAVING_SHARE = 0.03;

function writeCase(writer: Writer, key: string, draft: CaseDraft): PlannedCase {
  const { rng } = writer;
  const year = yearOf(draft.openedAt);
  const justice = JUSTICE[draft.directorate];
  const timed: { at: number; seq: number; step: PlannedStep }[] = [];
  const add = (
    at: number,
    label: string,
    route: StepRoute,
    body: Body,
    extra: Pick<PlannedStep, 'answers'> = {},
  ) =>
    timed.push({
      at,
      seq: timed.length,
      step: { key: `${key}.${label}`, method: 'POST', route, body, ...extra },
    });
  const personStep = (at: number, who: string, action: PersonAction, body: Body = {}) =>
    timed.push({
      at,
      seq: timed.length,
      step: {
        key: `${key}.${who.slice(key.length + 1)}.${action}`,
        method: 'POST',
        route: `/cases/:caseId/persons/:personId/${action}`,
        personKey: who,
        body: { occurredAt: iso(at), ...body },
      },
    });

  // Someone who left reception after an earlier case may be caught again in this one.
  const after = new Set<string>();
  for (const migrant of draft.groups.flatMap((g) => g.migrants)) {
    if (!migrant.intent || rng() >= AGAIN_SHARE) continue;
    const eligible = writer.departed.filter(
      (d) =>
        d.leftAt + AGAIN_WINDOW.min <= draft.openedAt &&
        d.leftAt + AGAIN_WINDOW.max >= draft.openedAt,
    );
    if (eligible.length === 0) continue;
    const again = pick(rng, eligible);
    writer.departed = writer.departed.filter((d) => d !== again);
    migrant.again = { personKey: again.personKey, caseKey: again.caseKey };
    migrant.nationality = again.nationality;
    migrant.minor = again.minor;
    after.add(again.caseKey);
  }

  const smugglers = draft.smugglers.map((s, i) => ({ ...s, key: `${key}.s${i + 1}` }));
  let migrantNumber = 0;
  const groups = draft.groups.map((g) => ({
    ...g,
    migrants: g.migrants.map((m) => ({ ...m, key: `${key}.m${++migrantNumber}` })),
  }));
  const place = () => `${draft.section.name}, ${pick(rng, SPOTS)}`;

  add(draft.openedAt, 'open', '/cases', {
    directorate: draft.directorate,
    borderSection: draft.section.name,
    offenceParagraph: draft.offenceParagraph,
    openedAt: iso(draft.openedAt),
    summary: summaryOf(rng, draft),
  });

  for (const s of smugglers) {
    add(
      s.at,
      `${s.key.slice(key.length + 1)}.arrest`,
      '/cases/:caseId/arrests',
      {
        occurredAt: iso(s.at),
        nationality: s.nationality,
        slovenianCitizen: s.slovenian,
        place: place(),
        ...(rng() < 0.85 ? { person: identityOf(writer, s.nationality, year) } : {}),
      },
      { answers: [s.key] },
    );
  }
  groups.forEach((g, index) => {
    add(
      g.at,
      `g${index + 1}.apprehend`,
      '/cases/:caseId/apprehension-groups',
      {
        occurredAt: iso(g.at),
        place: place(),
        migrants: g.migrants.map((m) => ({
          nationality: m.nationality,
          minor: m.minor,
          ...(m.again ? { person: { personId: { $person: m.again.personKey } } } : {}),
        })),
      },
      { answers: g.migrants.map((m) => m.key) },
    );
  });

  // The case's own acts: a complaint once the suspects are before the judge, then the
  // referral, and for suspects an indictment one to two months after the arrests.
  const firstArrest = Math.min(...smugglers.map((s) => s.at));
  const lastArrest = Math.max(...smugglers.map((s) => s.at));
  const lastGroup = Math.max(...groups.map((g) => g.at));
  const complaintAt =
    smugglers.length > 0
      ? lastArrest + between(rng, 8 * 60, 20 * 60) * MINUTE
      : lastGroup + between(rng, 24 * 60, 4 * 24 * 60) * MINUTE;
  const referralAt = complaintAt + between(rng, 24 * 60, 5 * 24 * 60) * MINUTE;
  const indictAt =
    smugglers.length > 0
      ? Math.max(
          referralAt + 3 * DAY,
          firstArrest + between(rng, 35 * 24 * 60, 60 * 24 * 60) * MINUTE,
        )
      : null;
  add(complaintAt, 'complaint', '/cases/:caseId/criminal-complaints', {
    occurredAt: iso(complaintAt),
    prosecutorOffice: justice.office,
    reference: `KU ${nextNumber(writer, `KU ${justice.abbr} ${year}`)}/${year}`,
    suspectIds: smugglers.map((s) => ({ $person: s.key })),
  });
  add(referralAt, 'referral', '/cases/:caseId/prosecution-referral', {
    occurredAt: iso(referralAt),
    prosecutorOffice: justice.office,
  });
  if (indictAt !== null) {
    add(indictAt, 'indictment', '/cases/:caseId/indictments', {
      occurredAt: iso(indictAt),
      court: justice.court,
      reference: `Kt ${nextNumber(writer, `Kt ${justice.abbr} ${year}`)}/${year}`,
      defendantIds: smugglers.map((s) => ({ $person: s.key })),
    });
  }

  for (const s of smugglers) {
    writeCustody(writer, s, year, justice, indictAt, personStep);
  }

  for (const g of groups) {
    const joint: JointGroup | null = draft.jointOperation
      ? {
          caseKey: key,
          directorate: draft.directorate,
          section: draft.section,
          at: g.at,
          migrants: [],
        }
      : null;
    if (joint) writer.joint.push(joint);
    for (const m of g.migrants) {
      const recorded: JointMigrant = { key: m.key, nationality: m.nationality, minor: m.minor };
      joint?.migrants.push(recorded);
      if (!m.intent) {
        const handedOverAt = g.at + between(rng, 4 * 60, 20 * 60) * MINUTE;
        const authority = draft.section.handoverTo ?? 'PU Zagrebačka';
        personStep(handedOverAt, m.key, 'handover', {
          country: 'HR',
          authority,
          legalBasis: 'readmission-agreement',
        });
        recorded.handover = { at: handedOverAt, authority };
        continue;
      }
      const intentAt = g.at + between(rng, 20, 240) * MINUTE;
      const byArmy = rng() < 0.03;
      const statement = weighted(rng, [
        [INTENT_STATEMENTS[0], 70],
        [INTENT_STATEMENTS[1], 25],
        [INTENT_STATEMENTS[2], 5],
      ]);
      personStep(intentAt, m.key, 'asylum-intents', {
        expressedTo: byArmy ? 'other-authority' : 'police',
        ...(byArmy ? { authority: 'Slovenska vojska, border patrol' } : {}),
        statement,
      });
      const referredAt = intentAt + between(rng, 60, 600) * MINUTE;
      const facility = rng() < 0.65 ? ASYLUM_FACILITIES[0] : ASYLUM_FACILITIES[1];
      personStep(referredAt, m.key, 'asylum-referral', { facility });
      recorded.intent = { at: intentAt, statement };
      recorded.referral = { at: referredAt, facility };
      // Leaving before lodging counts as withdrawal; such people are often caught again.
      const leftAt = referredAt + between(rng, 24 * 60, 6 * 24 * 60) * MINUTE;
      if (rng() < LEAVING_SHARE && leftAt <= yearEnd(year)) {
        personStep(leftAt, m.key, 'reception-departure', { facility });
        recorded.leftAt = leftAt;
        writer.departed.push({
          personKey: m.key,
          caseKey: key,
          nationality: m.nationality,
          minor: m.minor,
          leftAt,
        });
      }
    }
  }

  if (draft.jointOperation) {
    const linkedAt = atLocal(JOINT_OPERATION.linkedAt.day, JOINT_OPERATION.linkedAt.minutes);
    add(linkedAt, 'joint-operation', '/cases/:caseId/joint-operations', {
      occurredAt: iso(linkedAt),
      code: JOINT_OPERATION.code,
      name: JOINT_OPERATION.name,
      partnerCountry: JOINT_OPERATION.partnerCountry,
      kind: JOINT_OPERATION.kind,
      from: JOINT_OPERATION.from,
      to: JOINT_OPERATION.to,
    });
    if (draft.partnerReports) {
      for (const report of JOINT_OPERATION.partnerReports) {
        add(linkedAt, `partner-report-${report.area}`, '/joint-operations/partner-reports', {
          occurredAt: iso(linkedAt),
          code: JOINT_OPERATION.code,
          partnerCountry: JOINT_OPERATION.partnerCountry,
          authority: 'Croatian police',
          source: 'Joint press release of the Slovenian police, March 2024',
          ...report,
        });
      }
    }
  }

  // Older cases are closed once everything in them is done; recent ones are still in court.
  const closes = year === 2022 || (year === 2023 && localDay(draft.openedAt) < '2023-10-01');
  if (closes) {
    const closedAt =
      Math.max(...timed.map((t) => t.at)) + between(rng, 5 * 24 * 60, 40 * 24 * 60) * MINUTE;
    add(closedAt, 'closure', '/cases/:caseId/closure', {
      occurredAt: iso(closedAt),
      reason: smugglers.length > 0 ? 'prosecution-completed' : 'perpetrator-unknown',
      note:
        smugglers.length > 0 ? 'Judgment final.' : 'Perpetrator not identified; complaint filed.',
    });
  }

  return {
    key,
    after: [...after].sort(),
    steps: timed.sort((a, b) => a.at - b.at || a.seq - b.seq).map((t) => t.step),
  };
}

type PersonStep = (at: number, who: string, action: PersonAction, body?: Body) => void;

/**
 * Police detention, the written decision within 6 hours, the investigating judge within 48,
 * then remand on the prosecutor's proposal served within 24 hours and ended within the year;
 * or release by the judge.
 */
function writeCustody(
  writer: Writer,
  s: SmugglerDraft & { key: string },
  year: number,
  justice: (typeof JUSTICE)[Directorate],
  indictAt: number | null,
  personStep: PersonStep,
): void {
  const { rng } = writer;
  const detainedAt = s.at + between(rng, 10, 40) * MINUTE;
  const decidedAt = Math.max(detainedAt + 20 * MINUTE, s.at + between(rng, 90, 330) * MINUTE);
  const judgeAt = s.at + between(rng, 14 * 60, 40 * 60) * MINUTE;
  personStep(detainedAt, s.key, 'police-detention');
  personStep(decidedAt, s.key, 'detention-decision', {
    reference: `PU ${justice.abbr} ${nextNumber(writer, `PU ${justice.abbr} ${year}`)}-1/${year}`,
  });
  personStep(judgeAt, s.key, 'judge-appearance', { court: justice.court });
  if (!s.remanded) {
    personStep(judgeAt + between(rng, 60, 20 * 60) * MINUTE, s.key, 'release', {
      reason: 'released-by-investigating-judge',
      note: null,
    });
    return;
  }
  const orderedAt = judgeAt + between(rng, 60, 8 * 60) * MINUTE;
  const grounds = s.slovenian
    ? ['reoffending', ...(rng() < 0.5 ? ['evidence-tampering'] : [])]
    : ['flight-risk', ...(rng() < 0.35 ? ['reoffending'] : [])];
  personStep(orderedAt, s.key, 'remand', {
    court: justice.court,
    grounds,
    prosecutorOffice: justice.office,
    proposalReference: `Kt ${nextNumber(writer, `Kt ${justice.abbr} ${year}`)}/${year}`,
    months: 1,
  });
  const servedAt = orderedAt + between(rng, 30, 20 * 60) * MINUTE;
  personStep(servedAt, s.key, 'remand-service');

  const room = yearEnd(year) - s.at;
  const roll = rng();
  if (indictAt !== null && room >= 85 * DAY && roll < 0.45) {
    // Extended by the out-of-trial panel before the month runs out, released after the judgment.
    personStep(
      s.at + between(rng, 20 * 24 * 60, 27 * 24 * 60) * MINUTE,
      s.key,
      'remand-extensions',
      {
        by: 'out-of-trial-panel',
        months: 2,
        reference: `Kr ${nextNumber(writer, `Kr ${justice.abbr} ${year}`)}/${year}`,
      },
    );
    personStep(indictAt + between(rng, 3 * 24 * 60, 20 * 24 * 60) * MINUTE, s.key, 'release', {
      reason: 'other',
      note: 'Released after the judgment on a plea agreement.',
    });
  } else if (room >= 32 * DAY && roll < 0.75) {
    personStep(addMonths(new Date(s.at), 1, ZONE).getTime(), s.key, 'release', {
      reason: 'remand-expired',
      note: null,
    });
  } else {
    const latest = yearEnd(year);
    let liftedAt = servedAt + between(rng, 5 * 24 * 60, 20 * 24 * 60) * MINUTE;
    if (liftedAt > latest) {
      liftedAt = servedAt + Math.floor((latest - servedAt) * (0.3 + 0.6 * rng()));
    }
    personStep(Math.max(liftedAt, servedAt + HOUR), s.key, 'release', {
      reason: 'remand-lifted',
      note: null,
    });
  }
}

function identityOf(writer: Writer, nationality: string, year: number): Body {
  const { rng } = writer;
  const names = NAMES[NAME_POOL[nationality] ?? 'arabic'];
  const slovenian = nationality === 'SI';
  let number: string;
  do {
    const letters = String.fromCharCode(65 + between(rng, 0, 25), 65 + between(rng, 0, 25));
    number = `${slovenian ? 'I' : ''}${letters}${between(rng, 1_000_000, 9_999_999)}`;
  } while (writer.documents.has(`${nationality}:${number}`));
  writer.documents.add(`${nationality}:${number}`);
  const born = Date.UTC(year - between(rng, 19, 58), between(rng, 0, 11), between(rng, 1, 28));
  return {
    givenName: pick(rng, names.given),
    familyName: pick(rng, names.family),
    dateOfBirth: new Date(born).toISOString().slice(0, 10),
    documents: [{ type: slovenian ? 'id-card' : 'passport', number, issuingCountry: nationality }],
  };
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

function summaryOf(rng: Rng, draft: CaseDraft): string {
  const migrants = draft.groups.reduce((n, g) => n + g.migrants.length, 0);
  const where = draft.section.name;
  const found = draft.jointOperation
    ? `Mixed patrol with the Croatian police near ${where}: ${migrants} migrants found`
    : migrants > 12
      ? `${pick(rng, ['Van', 'Lorry', 'Minibus'])} with ${migrants} migrants stopped near ${where}`
      : migrants > 4
        ? `${pick(rng, ['Car', 'Van'])} with ${migrants} migrants stopped near ${where}`
        : `${migrants === 1 ? 'One migrant' : `${migrants} migrants`} found on foot near ${where}`;
  const n = draft.smugglers.length;
  const who =
    n === 0
      ? 'smuggler not identified'
      : `${COUNT_WORDS[n]} ${n === 1 ? 'smuggler' : 'smugglers'} (${draft.smugglers
          .map((s) => s.nationality)
          .join(', ')}) arrested`;
  return `${found}; ${who}.`;
}

// ---------------------------------------------------------------------------------------------
// The police procedures with foreigners: most of the people the releases count.

/** The code the joint operation's procedures carry (GET /procedures?jointOperation=...). */
export const JOINT_OPERATION_CODE: string = JOINT_OPERATION.code;

interface ProcedurePeriod {
  /** Local dates, both inclusive; the days kept free are left out. */
  readonly from: string;
  readonly to: string;
  /** Procedures opened in the period, besides the joint operation's (linked to its cases). */
  readonly procedures: number;
  /** Of them, people who left the asylum home and were caught again: a new procedure each. */
  readonly caughtAgain: number;
  /** Departures from the asylum home recorded of people first caught in the period. */
  readonly departures: number;
  /** First procedures without an intent (handed over, to the Aliens Centre, released), `eu` included. */
  readonly withoutIntent: number;
  /** People caught again who do not say the intent again: the Aliens Centre, for return. */
  readonly againWithoutIntent: number;
  /** EU citizens: released after the misdemeanour procedure, never an intent. */
  readonly eu: number;
  /** Nationality not known (no document, not said). */
  readonly unknownNationality: number;
  /** People held in border detention before their intent (those without one are counted apart). */
  readonly detainedWithIntent: number;
}

/*
 * The release of 27 September 2023: over 41,700 foreign nationals apprehended this year, more
 * than 40,000 persons dealt with. The 1,610 migrants of the cases opened from 1 January to 26
 * September count among the apprehended: 40,130 procedures more make 41,740, of whom 1,380 left
 * the asylum home and were caught again (counted at each apprehension, once as persons).
 * The release of March 2024: more than 7,850 third-country citizens by mid-March: 7,140
 * procedures (a few EU citizens and unknown nationalities among them), the joint operation's
 * 127 and the 757 migrants of the cases to 1 March. About 1.5% do not ask for protection.
 */
const PROCEDURE_PERIODS: readonly ProcedurePeriod[] = [
  {
    from: '2023-01-01',
    to: '2023-09-26',
    procedures: 40_130,
    caughtAgain: 1_380,
    departures: 1_700,
    withoutIntent: 570,
    againWithoutIntent: 24,
    eu: 12,
    unknownNationality: 110,
    detainedWithIntent: 40,
  },
  {
    from: '2024-01-01',
    to: '2024-03-15',
    procedures: 7_140,
    caughtAgain: 90,
    departures: 110,
    withoutIntent: 100,
    againWithoutIntent: 2,
    eu: 5,
    unknownNationality: 28,
    detainedWithIntent: 8,
  },
];

/** Of the people caught again, the share caught a second time (they left again). */
const CAUGHT_THIRD_TIME_SHARE = 0.06;
/** The largest group one POST /procedures records: a lorry, or a column on a forest path. */
const PROCEDURE_GROUP_MAX = 120;

interface ProcedureSection {
  readonly name: string;
  readonly weight: number;
  /** The neighbouring country people cross from here. */
  readonly cameFrom: NeighbouringCountry;
  /** Its police administration across the border: readmission goes there. */
  readonly handoverTo?: string;
}

/** Pressure on the border with Croatia first, then Ljubljana; Hungary the other watched border. */
const PROCEDURE_DIRECTORATES: readonly (readonly [Directorate, number])[] = [
  ['novo-mesto', 38],
  ['koper', 29],
  ['ljubljana', 16],
  ['maribor', 6],
  ['murska-sobota', 6],
  ['nova-gorica', 2],
  ['celje', 2],
  ['kranj', 1],
];

const fromCroatia = (d: Directorate): ProcedureSection[] =>
  SECTIONS[d].map((s) => ({ ...s, cameFrom: 'HR' }));

const PROCEDURE_SECTIONS: Readonly<Record<Directorate, readonly ProcedureSection[]>> = {
  'novo-mesto': fromCroatia('novo-mesto'),
  koper: fromCroatia('koper'),
  ljubljana: fromCroatia('ljubljana'),
  maribor: [
    ...fromCroatia('maribor').filter((s) => s.handoverTo !== undefined),
    // Caught inland on the motorway, having come through Hungary.
    { name: 'A5 motorway, Maribor', weight: 2, cameFrom: 'HU' },
  ],
  'murska-sobota': [
    { name: 'Dolga vas', weight: 3, cameFrom: 'HU', handoverTo: 'Zala County Police, Lenti' },
    { name: 'Pince', weight: 2, cameFrom: 'HU', handoverTo: 'Zala County Police, Lenti' },
    { name: 'Hodoš', weight: 2, cameFrom: 'HU', handoverTo: 'Vas County Police, Szentgotthárd' },
  ],
  'nova-gorica': [{ name: 'Vrtojba', weight: 1, cameFrom: 'HR' }],
  celje: [{ name: 'A1 motorway, Celje', weight: 1, cameFrom: 'HR' }],
  kranj: [{ name: 'Karavanke tunnel', weight: 1, cameFrom: 'HR' }],
};

/**
 * Where people who left the asylum home are caught again: on the way to Italy or Austria, or
 * handed back by the Italian police under the readmission agreement.
 */
const CAUGHT_AGAIN_AT: readonly (readonly [
  { directorate: Directorate; section: ProcedureSection },
  number,
])[] = [
  [{ directorate: 'nova-gorica', section: { name: 'Vrtojba', weight: 1, cameFrom: 'HR' } }, 4],
  [{ directorate: 'nova-gorica', section: { name: 'Rožna Dolina', weight: 1, cameFrom: 'IT' } }, 2],
  [{ directorate: 'koper', section: { name: 'Fernetiči', weight: 1, cameFrom: 'IT' } }, 2],
  [{ directorate: 'koper', section: { name: 'Škofije', weight: 1, cameFrom: 'HR' } }, 2],
  [
    {
      directorate: 'ljubljana',
      section: { name: 'A1 motorway, Ljubljana ring road', weight: 1, cameFrom: 'HR' },
    },
    3,
  ],
  [{ directorate: 'kranj', section: { name: 'Karavanke tunnel', weight: 1, cameFrom: 'HR' } }, 1],
  [{ directorate: 'maribor', section: { name: 'Šentilj', weight: 1, cameFrom: 'HR' } }, 1],
];

/**
 * Who crosses: Afghans, Moroccans, Pakistanis, Bangladeshis, Syrians, Turks, Indians, and
 * (the release of September 2023) "until recently also Cuba, Burundi and Tunisia", who came
 * visa-free through Serbia in the winter and spring.
 */
function foreignerNationalities(day: string): readonly (readonly [string, number])[] {
  const spring2023 = day < '2023-06-01';
  const year2024 = day >= '2024-01-01';
  return [
    ['AF', year2024 ? 17 : 16],
    ['MA', year2024 ? 17 : 15],
    ['PK', 12],
    ['BD', year2024 ? 12 : 10],
    ['SY', year2024 ? 15 : 9],
    ['TR', 8],
    ['IN', 6],
    ['CU', spring2023 ? 8 : 1],
    ['BI', spring2023 ? 6 : 1],
    ['TN', spring2023 ? 5 : 1],
    ['RU', 2],
    ['CN', 2],
    ['EG', 2],
    ['IQ', 2],
    ['NP', 2],
    ['IR', 1],
    ['DZ', 1],
  ];
}

/** EU citizens crossing the green border with the others: a handful. */
const EU_CROSSERS: readonly (readonly [string, number])[] = [
  ['RO', 4],
  ['BG', 3],
  ['HR', 2],
];

const INTENT_STATEMENT_WEIGHTS: readonly (readonly [string, number])[] = [
  [INTENT_STATEMENTS[0], 70],
  [INTENT_STATEMENTS[1], 25],
  [INTENT_STATEMENTS[2], 5],
];

interface ForeignerDraft {
  readonly nationality: string | null;
  readonly minor: boolean;
  identity?: Body;
  /** The procedure before, of someone who left the asylum home and is caught again. */
  readonly previous?: ForeignerDraft;
  /** The joint operation's: the migrant of the case the procedure is linked to. */
  readonly caseMigrantKey?: string;
  detainedAt?: number;
  intent?: { at: number; statement: string };
  referral?: { at: number; destination: ReferralDestination };
  handover?: { at: number; country: NeighbouringCountry; authority: string };
  release?: { at: number; reason: string };
  /** The departure from the asylum home it was referred to. */
  leftAt?: number;
  /** The procedure's key, once its group is numbered. */
  key?: string;
  groupKey?: string;
}

interface ForeignerGroupDraft {
  readonly at: number;
  readonly directorate: Directorate;
  readonly section: ProcedureSection;
  readonly place: string;
  readonly caseKey?: string;
  readonly jointOperation?: string;
  readonly persons: ForeignerDraft[];
}

/** What the procedures draw on: their own randomness, and the documents issued so far. */
interface ProcedureWriter {
  readonly rng: Rng;
  readonly documents: Set<string>;
}

/** Groups of 1 to 120 (most of 15 to 60) over the period's days, as many people as `total`. */
function draftForeignerGroups(
  w: ProcedureWriter,
  period: ProcedurePeriod,
  total: number,
): ForeignerGroupDraft[] {
  const { rng } = w;
  const dayTable = daysBetween(period.from, period.to)
    .filter((d) => !KEPT_FREE_DAYS.includes(d))
    .map((day) => {
      const [year, month] = day.split('-').map(Number);
      return [day, MONTH_WEIGHTS[year][month - 1]] as const;
    });
  const groups: ForeignerGroupDraft[] = [];
  for (let left = total; left > 0;) {
    const drawn = Math.round(Math.exp(Math.log(30) + 0.8 * gaussian(rng)));
    const size = Math.min(left, Math.max(1, Math.min(PROCEDURE_GROUP_MAX, drawn)));
    left -= size;
    const day = weighted(rng, dayTable);
    const directorate = weighted(rng, PROCEDURE_DIRECTORATES);
    const section = weighted(
      rng,
      PROCEDURE_SECTIONS[directorate].map((s) => [s, s.weight] as const),
    );
    const nationalities = foreignerNationalities(day);
    const main = weighted(rng, nationalities);
    groups.push({
      at: atLocal(day, weighted(rng, OPENING_HOURS) * 60 + between(rng, 0, 59)),
      directorate,
      section,
      place: `${section.name}, ${pick(rng, SPOTS)}`,
      persons: Array.from({ length: size }, () => ({
        nationality: rng() < 0.7 ? main : weighted(rng, nationalities),
        minor: rng() < 0.08,
      })),
    });
  }
  return groups.sort((a, b) => a.at - b.at);
}

/** The intent within hours, and the referral to the asylum home (families to Logatec). */
function withIntent(rng: Rng, at: number, person: ForeignerDraft, detained: boolean): void {
  let t = at;
  if (detained) {
    person.detainedAt = at + between(rng, 10, 40) * MINUTE;
    t = person.detainedAt;
  }
  const intentAt = t + between(rng, 20, 300) * MINUTE;
  person.intent = { at: intentAt, statement: weighted(rng, INTENT_STATEMENT_WEIGHTS) };
  person.referral = {
    at: intentAt + between(rng, 60, 720) * MINUTE,
    destination: rng() < (person.minor ? 0.75 : 0.3) ? ASYLUM_FACILITIES[1] : ASYLUM_FACILITIES[0],
  };
}

/**
 * No intent: readmission to the police across the border within the 48 hours of border
 * detention, or the Aliens Centre, or release with an order to leave.
 */
function withoutIntent(rng: Rng, at: number, section: ProcedureSection, person: ForeignerDraft) {
  const roll = rng();
  if (section.handoverTo !== undefined && roll < 0.7) {
    if (rng() < 0.6) person.detainedAt = at + between(rng, 15, 45) * MINUTE;
    person.handover = {
      at: at + between(rng, 3 * 60, 30 * 60) * MINUTE,
      country: section.cameFrom,
      authority: section.handoverTo,
    };
  } else if (roll < 0.95) {
    person.detainedAt = at + between(rng, 15, 45) * MINUTE;
    person.referral = {
      at: at + between(rng, 4 * 60, 40 * 60) * MINUTE,
      destination: 'aliens-centre',
    };
  } else {
    person.release = {
      at: at + between(rng, 2 * 60, 10 * 60) * MINUTE,
      reason: 'Ordered to leave the country within 7 days',
    };
  }
}

/** Names and a date of birth as far as known; a passport or an identity card now and then. */
function foreignerIdentity(
  w: ProcedureWriter,
  nationality: string,
  minor: boolean,
  year: number,
  document: 'passport' | 'id-card' | null,
): Body {
  const { rng } = w;
  const names = NAMES[NAME_POOL[nationality] ?? 'arabic'];
  const age = minor ? between(rng, 14, 17) : between(rng, 18, 45);
  const born = Date.UTC(year - age - 1, between(rng, 0, 11), between(rng, 1, 28));
  let documents: Body[] = [];
  if (document !== null) {
    let number: string;
    do {
      const letters = String.fromCharCode(65 + between(rng, 0, 25), 65 + between(rng, 0, 25));
      number = `${letters}${between(rng, 1_000_000, 9_999_999)}`;
    } while (w.documents.has(`${nationality}:${number}`));
    w.documents.add(`${nationality}:${number}`);
    documents = [{ type: document, number, issuingCountry: nationality }];
  }
  return {
    givenName: pick(rng, names.given),
    familyName: pick(rng, names.family),
    dateOfBirth: new Date(born).toISOString().slice(0, 10),
    ...(documents.length > 0 ? { documents } : {}),
  };
}

/** Who of the people first caught is an EU citizen, has no intent, no known nationality... */
function draftFirstProcedures(
  w: ProcedureWriter,
  period: ProcedurePeriod,
  groups: readonly ForeignerGroupDraft[],
): void {
  const { rng } = w;
  type Slot = { group: ForeignerGroupDraft; index: number };
  const slots: Slot[] = groups.flatMap((group) =>
    group.persons.map((_, index) => ({ group, index })),
  );
  const person = (s: Slot) => s.group.persons[s.index];
  const set = (s: Slot, p: ForeignerDraft) => (s.group.persons[s.index] = p);
  const adults = slots.filter((s) => !person(s).minor);
  const eu = new Set(sample(rng, adults, period.eu, () => 1));
  const without = new Set(
    sample(
      rng,
      adults.filter((s) => !eu.has(s)),
      period.withoutIntent - period.eu,
      (s) => (s.group.section.handoverTo !== undefined ? 3 : 1),
    ),
  );
  const rest = slots.filter((s) => !eu.has(s) && !without.has(s));
  const unknown = new Set(sample(rng, rest, period.unknownNationality, () => 1));
  const detained = new Set(sample(rng, rest, period.detainedWithIntent, () => 1));
  for (const s of slots) {
    const { at, section } = s.group;
    const year = yearOf(at);
    if (eu.has(s)) {
      const nationality = weighted(rng, EU_CROSSERS);
      set(s, {
        nationality,
        minor: false,
        identity: foreignerIdentity(w, nationality, false, year, 'id-card'),
        release: {
          at: at + between(rng, 60, 6 * 60) * MINUTE,
          reason: 'EU citizen: misdemeanour procedure for the illegal crossing, released',
        },
      });
      continue;
    }
    const drafted = person(s);
    const p: ForeignerDraft = unknown.has(s)
      ? { nationality: null, minor: drafted.minor }
      : { ...drafted };
    if (p.nationality !== null && rng() < 0.15) {
      p.identity = foreignerIdentity(
        w,
        p.nationality,
        p.minor,
        year,
        rng() < 0.25 ? 'passport' : null,
      );
    }
    if (without.has(s)) withoutIntent(rng, at, section, p);
    else withIntent(rng, at, p, detained.has(s));
    set(s, p);
  }
}

/** Left the asylum home they were referred to, within hours or days. */
function leave(rng: Rng, p: ForeignerDraft): void {
  p.leftAt = p.referral!.at + between(rng, 8 * 60, 6 * 24 * 60) * MINUTE;
}

const toAsylumHome = (p: ForeignerDraft) =>
  p.referral !== undefined && p.referral.destination !== 'aliens-centre';

/**
 * When someone who left is caught again: from 4 hours to 3 weeks later, mostly soon, by the
 * period's last evening and never on a day kept free. Null: not in time.
 */
function caughtAt(rng: Rng, leftAt: number, lastAt: number): number | null {
  const span = Math.min(21 * DAY, lastAt - leftAt) - 4 * HOUR;
  if (span < 0) return null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = leftAt + 4 * HOUR + Math.floor((rng() ** 2 * span) / MINUTE) * MINUTE;
    if (!KEPT_FREE_DAYS.includes(localDay(at))) return at;
  }
  return null;
}

/**
 * Exactly `count` of the people who left, caught again, in small groups of people caught
 * within two days of each other, each group at the time its last one was caught.
 */
function catchAgain(
  rng: Rng,
  departed: readonly ForeignerDraft[],
  count: number,
  lastAt: number,
): ForeignerGroupDraft[] {
  const caught: { previous: ForeignerDraft; at: number }[] = [];
  for (const previous of sample(rng, departed, departed.length, () => 1)) {
    if (caught.length === count) break;
    const at = caughtAt(rng, previous.leftAt!, lastAt);
    if (at !== null) caught.push({ previous, at });
  }
  if (caught.length < count) {
    throw new Error(`only ${caught.length} of ${count} people who left can be caught again`);
  }
  caught.sort((a, b) => a.at - b.at);
  const groups: ForeignerGroupDraft[] = [];
  for (let i = 0; i < caught.length;) {
    const size = weighted(rng, [
      [1, 30],
      [2, 25],
      [3, 18],
      [4, 12],
      [5, 8],
      [6, 7],
    ] as const);
    let n = 1;
    while (n < size && i + n < caught.length && caught[i + n].at - caught[i].at <= 2 * DAY) n++;
    const members = caught.slice(i, i + n);
    i += n;
    const { directorate, section } = weighted(rng, CAUGHT_AGAIN_AT);
    groups.push({
      at: members[members.length - 1].at,
      directorate,
      section,
      place: `${section.name}, ${pick(rng, SPOTS)}`,
      persons: members.map(({ previous }) => ({
        nationality: previous.nationality,
        minor: previous.minor,
        previous,
      })),
    });
  }
  return groups;
}

/**
 * A period's procedures: the people first caught, a number of whom leave the asylum home;
 * some of those caught again (a new procedure, the intent said again), and a few of them leave
 * and are caught once more.
 */
function draftProcedurePeriod(w: ProcedureWriter, period: ProcedurePeriod): ForeignerGroupDraft[] {
  const { rng } = w;
  const lastAt = atLocal(period.to, 21 * 60 + 59);
  const third = Math.round(period.caughtAgain * CAUGHT_THIRD_TIME_SHARE);
  const second = period.caughtAgain - third;

  const first = draftForeignerGroups(w, period, period.procedures - period.caughtAgain);
  draftFirstProcedures(w, period, first);
  const leaving = first
    .flatMap((g) => g.persons)
    .filter((p) => toAsylumHome(p) && p.nationality !== null);
  const departed = sample(rng, leaving, period.departures, () => 1);
  for (const p of departed) leave(rng, p);

  const again = catchAgain(rng, departed, second, lastAt);
  const caughtAgain = again.flatMap((g) => g.persons.map((p) => ({ group: g, p })));
  const without = new Set(sample(rng, caughtAgain, period.againWithoutIntent, () => 1));
  for (const c of caughtAgain) {
    if (without.has(c)) {
      // The application counts as withdrawn: held for return.
      c.p.detainedAt = c.group.at + between(rng, 15, 45) * MINUTE;
      c.p.referral = {
        at: c.group.at + between(rng, 4 * 60, 40 * 60) * MINUTE,
        destination: 'aliens-centre',
      };
    } else {
      withIntent(rng, c.group.at, c.p, false);
    }
  }
  const leavingAgain = caughtAgain.map((c) => c.p).filter(toAsylumHome);
  const departedAgain = sample(rng, leavingAgain, Math.ceil(third * 1.6), () => 1);
  for (const p of departedAgain) leave(rng, p);
  const once = catchAgain(rng, departedAgain, third, lastAt);
  for (const g of once) for (const p of g.persons) withIntent(rng, g.at, p, false);

  return [...first, ...again, ...once];
}

/**
 * The joint operation's migrants, as their cases record them: a procedure each, linked to the
 * case (so that each is counted once), with the same facts at the same times.
 */
function draftJointProcedures(joint: readonly JointGroup[]): ForeignerGroupDraft[] {
  return joint.map((g) => ({
    at: g.at,
    directorate: g.directorate,
    section: { ...g.section, cameFrom: 'HR' },
    place: `${g.section.name}, mixed patrol with the Croatian police`,
    caseKey: g.caseKey,
    jointOperation: JOINT_OPERATION.code,
    persons: g.migrants.map((m) => ({
      nationality: m.nationality,
      minor: m.minor,
      caseMigrantKey: m.key,
      ...(m.handover
        ? {
            detainedAt: g.at + 20 * MINUTE,
            handover: {
              at: m.handover.at,
              country: 'HR' as const,
              authority: m.handover.authority,
            },
          }
        : {}),
      ...(m.intent ? { intent: m.intent } : {}),
      ...(m.referral ? { referral: { at: m.referral.at, destination: m.referral.facility } } : {}),
      ...(m.leftAt !== undefined ? { leftAt: m.leftAt } : {}),
    })),
  }));
}

/** One group as its commands: the apprehension with its steps, then the departures. */
function writeProcedureGroup(key: string, g: ForeignerGroupDraft): PlannedProcedureGroup {
  g.persons.forEach((p, i) => {
    p.key = `${key}.p${i + 1}`;
    p.groupKey = key;
  });
  const after = new Set<string>(g.caseKey ? [g.caseKey] : []);
  const step = (at: { at: number }) => ({ occurredAt: iso(at.at) });
  const persons = g.persons.map((p): Body => {
    let person: Body | undefined;
    if (p.previous) {
      if (p.previous.key === undefined || p.previous.groupKey === undefined) {
        throw new Error(`${p.key} is caught again before the procedure before it is planned`);
      }
      after.add(p.previous.groupKey);
      person = { personId: { $person: p.previous.key } };
    } else if (p.caseMigrantKey) {
      person = { personId: { $person: p.caseMigrantKey } };
    } else {
      person = p.identity;
    }
    return {
      nationality: p.nationality,
      minor: p.minor,
      ...(person ? { person } : {}),
      ...(p.detainedAt !== undefined ? { borderDetention: step({ at: p.detainedAt }) } : {}),
      ...(p.intent ? { intent: { ...step(p.intent), statement: p.intent.statement } } : {}),
      ...(p.referral
        ? { referral: { ...step(p.referral), destination: p.referral.destination } }
        : {}),
      ...(p.handover
        ? {
            handover: {
              ...step(p.handover),
              country: p.handover.country,
              authority: p.handover.authority,
            },
          }
        : {}),
      ...(p.release ? { release: { ...step(p.release), reason: p.release.reason } } : {}),
    };
  });
  const steps: PlannedStep[] = [
    {
      key: `${key}.apprehend`,
      method: 'POST',
      route: '/procedures',
      body: {
        occurredAt: iso(g.at),
        directorate: g.directorate,
        borderSection: g.section.name,
        cameFrom: g.section.cameFrom,
        place: g.place,
        ...(g.caseKey ? { caseId: { $case: g.caseKey } } : {}),
        ...(g.jointOperation ? { jointOperation: g.jointOperation } : {}),
        persons,
      },
      answers: g.persons.map((p) => p.key!),
    },
  ];
  const leaving = g.persons
    .filter((p) => p.leftAt !== undefined)
    .sort((a, b) => a.leftAt! - b.leftAt!);
  for (const p of leaving) {
    steps.push({
      key: `${p.key}.departure`,
      method: 'POST',
      route: '/procedures/:procedureId/asylum-home-departure',
      procedureKey: p.key,
      body: { occurredAt: iso(p.leftAt!), facility: p.referral!.destination },
    });
  }
  return { key, after: [...after].sort(), steps };
}

/** Every procedure group, numbered by year in order of apprehension. */
function planProcedures(seed: number, documents: Set<string>, joint: readonly JointGroup[]) {
  // Randomness of its own: the cases' plan is the same with or without the procedures.
  const w: ProcedureWriter = { rng: mulberry32(seed + 0x2545f491), documents };
  const groups = [
    ...PROCEDURE_PERIODS.flatMap((period) => draftProcedurePeriod(w, period)),
    ...draftJointProcedures(joint),
  ].sort((a, b) => a.at - b.at);
  const numberInYear = new Map<number, number>();
  return groups.map((g) => {
    const year = yearOf(g.at);
    const n = (numberInYear.get(year) ?? 0) + 1;
    numberInYear.set(year, n);
    return writeProcedureGroup(`pg${year}-${String(n).padStart(4, '0')}`, g);
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * The whole history for a seed: the cases of 2022, 2023, 2024 to 1 March and the joint operation
 * in March; the police procedures of 2023 to 26 September and of 2024 to 15 March.
 */
export function planHistory(seed: number): PlannedHistory {
  if (!Number.isSafeInteger(seed)) throw new Error(`the seed must be an integer, not ${seed}`);
  const rng = mulberry32(seed);
  const drafts = [
    ...PERIODS.flatMap((period) => draftPeriod(rng, period)),
    ...draftJointOperation(rng),
  ];
  drafts.sort((a, b) => a.openedAt - b.openedAt);

  const writer: Writer = {
    rng,
    counters: new Map(),
    documents: new Set(),
    departed: [],
    joint: [],
  };
  const numberInYear = new Map<number, number>();
  const cases = drafts.map((draft) => {
    const year = yearOf(draft.openedAt);
    const n = (numberInYear.get(year) ?? 0) + 1;
    numberInYear.set(year, n);
    return writeCase(writer, `${year}-${String(n).padStart(3, '0')}`, draft);
  });
  const procedureGroups = planProcedures(seed, writer.documents, writer.joint);
  return { seed, version: PLAN_VERSION, cases, procedureGroups };
}
