import { Directorate } from '@app/domain';

/** Courts, prosecutors' offices and the police directorates' abbreviations, by directorate. */
export const JUSTICE: Readonly<
  Record<Directorate, { court: string; office: string; abbr: string }>
> = {
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

export type Justice = (typeof JUSTICE)[Directorate];
