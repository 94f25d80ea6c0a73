import { Directorate, NeighbouringCountry } from '@app/domain';

// Where: weights an investigator of the border police would recognise.

export interface Section {
  readonly name: string;
  readonly weight: number;
  /** The Croatian police administration across the border: readmission goes there. */
  readonly handoverTo?: string;
}

export const DIRECTORATE_WEIGHTS: readonly (readonly [Directorate, number])[] = [
  ['novo-mesto', 34],
  ['koper', 28],
  ['ljubljana', 15],
  ['maribor', 8],
  ['murska-sobota', 6],
  ['nova-gorica', 3],
  ['celje', 3],
  ['kranj', 3],
];

export const SECTIONS: Readonly<Record<Directorate, readonly Section[]>> = {
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

export function sectionOf(directorate: Directorate, name: string): Section {
  const section = SECTIONS[directorate].find((s) => s.name === name);
  if (!section) throw new Error(`no section ${name} in ${directorate}`);
  return section;
}

export const SPOTS = [
  'motorway rest area',
  'regional road',
  'forest path by the river',
  'village road',
  'railway line',
  'field track',
];

export interface ProcedureSection {
  readonly name: string;
  readonly weight: number;
  /** The neighbouring country people cross from here. */
  readonly cameFrom: NeighbouringCountry;
  /** Its police administration across the border: readmission goes there. */
  readonly handoverTo?: string;
}

/** Pressure on the border with Croatia first, then Ljubljana; Hungary the other watched border. */
export const PROCEDURE_DIRECTORATES: readonly (readonly [Directorate, number])[] = [
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

export const PROCEDURE_SECTIONS: Readonly<Record<Directorate, readonly ProcedureSection[]>> = {
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
export const CAUGHT_AGAIN_AT: readonly (readonly [
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
