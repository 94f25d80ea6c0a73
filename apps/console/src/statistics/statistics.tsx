import { useEffect, useRef, useState } from 'preact/hooks';
import { Problem, api } from '../api';
import type { components } from '../contract/openapi';
import { useLanguage, useWords, wordsOf } from '../i18n';
import { DIRECTORATES, Session } from '../session';
import { Columns, Figure, Format, HBars, Legend, Row } from './charts';
import './statistics.css';

type Statistics = components['schemas']['PressStatisticsResponseDto'];
type Figures = components['schemas']['PeriodFiguresDto'];
type Period = components['schemas']['PeriodDto'];

/** The dotted paths to the numbers of a period's figures: a cell's `data-key` is its source. */
type Path<T> = {
  [K in keyof T & string]: T[K] extends number | null
    ? K
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? `${K}.${Path<T[K]>}`
        : never;
}[keyof T & string];
type Field = Path<Figures>;

const at = (figures: Figures, path: Field) =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], figures) as
    number | null;

const useStatisticsWords = wordsOf({
  title: { sl: 'Statistika', en: 'Statistics' },
  from: { sl: 'Od', en: 'From' },
  to: { sl: 'Do (brez tega dne)', en: 'Up to (exclusive)' },
  show: { sl: 'Prikaži', en: 'Show' },
  loading: { sl: 'Nalagam …', en: 'Loading …' },
  numbers: { sl: 'Številke', en: 'Numbers' },
  figure: { sl: 'Podatek', en: 'Figure' },
  period: { sl: 'Obdobje', en: 'Period' },
  yearEarlier: { sl: 'Leto prej', en: 'A year earlier' },
  headline: { sl: 'Obdobje in leto prej', en: 'The period and a year earlier' },
  ownScale: { sl: 'Vsaka mera ima svoje merilo.', en: 'Each measure has its own scale.' },
  cases: { sl: 'Zadeve', en: 'Cases' },
  smugglers: { sl: 'Prijeti tihotapci', en: 'Smugglers arrested' },
  smugglersForeign: { sl: 'Prijeti tihotapci – tujci', en: 'Smugglers arrested – foreigners' },
  smugglersSlovenian: {
    sl: 'Prijeti tihotapci – slovenski državljani',
    en: 'Smugglers arrested – Slovenian citizens',
  },
  migrants: { sl: 'Migranti (pri tihotapcih)', en: 'Migrants (with smugglers)' },
  remanded: { sl: 'Tihotapci v priporu', en: 'Smugglers remanded' },
  apprehended: { sl: 'Prijeti tujci', en: 'Foreigners apprehended' },
  persons: { sl: 'Obravnavane osebe', en: 'Persons dealt with' },
  intentShare: {
    sl: 'Delež tujcev z namero za azil',
    en: 'Share of foreigners with an asylum intent',
  },
  asylumShare: {
    sl: 'Delež migrantov z namero za azil',
    en: 'Share of migrants with an asylum intent',
  },
  months: { sl: 'Po mesecih', en: 'By month' },
  month: { sl: 'Mesec', en: 'Month' },
  monthsCapped: {
    sl: 'Prikazanih je prvih 24 mesecev obdobja.',
    en: 'The first 24 months of the period are shown.',
  },
  nationality: { sl: 'Po državljanstvu (prvih 10)', en: 'By nationality (top 10)' },
  nationalityOf: { sl: 'Državljanstvo', en: 'Nationality' },
  unknown: { sl: 'neznano', en: 'unknown' },
  directorates: { sl: 'Po policijskih upravah', en: 'By police directorate' },
  intent: { sl: 'Namera za azil', en: 'Asylum intent' },
});
type Word = Parameters<ReturnType<typeof useStatisticsWords>>[0];

const HEADLINE: [Field, Word][] = [
  ['cases', 'cases'],
  ['smugglersArrested.foreigners', 'smugglersForeign'],
  ['smugglersArrested.slovenianCitizens', 'smugglersSlovenian'],
  ['migrants', 'migrants'],
  ['smugglersRemanded', 'remanded'],
  ['foreigners.apprehended', 'apprehended'],
  ['foreigners.persons', 'persons'],
  ['foreigners.intentShare', 'intentShare'],
  ['asylumIntent.share', 'asylumShare'],
];
const MONTHLY: [Field, Word][] = [
  ['cases', 'cases'],
  ['smugglersArrested.total', 'smugglers'],
  ['foreigners.apprehended', 'apprehended'],
];
const SHARES = new Set<Field>(['foreigners.intentShare', 'asylumIntent.share']);
const MAX_MONTHS = 24;

interface Month {
  readonly month: string;
  readonly from: string;
  readonly to: string;
}

/** The calendar months a period touches, each clipped to it; at most 24, what a chart can hold. */
function monthsOf(from: string, to: string): Month[] {
  const months: Month[] = [];
  let [year, month] = from.split('-').map(Number);
  for (let start = from; start < to && months.length < MAX_MONTHS;) {
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const next = `${year}-${String(month).padStart(2, '0')}-01`;
    months.push({ month: start.slice(0, 7), from: start, to: next < to ? next : to });
    start = next;
  }
  return months;
}

interface Answer {
  readonly statistics: Statistics;
  readonly months: readonly (Month & { figures: Figures })[];
  readonly capped: boolean;
}

const query = (from: string, to: string, directorate: string) =>
  `/statistics?${new URLSearchParams({ from, to, ...(directorate ? { directorate } : {}) })}`;

/** The press-release figures of a period against the year before, as charts and their numbers. */
export function StatisticsPage({ session }: { session: Session }) {
  const w = useStatisticsWords();
  const t = useWords();
  const [from, setFrom] = useState('2023-01-01');
  const [to, setTo] = useState('2024-01-01');
  const [directorate, setDirectorate] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<{ code: string; detail: string } | null>(null);
  // Only the latest request's answer is shown, whatever order the answers come in.
  const latest = useRef(0);

  const load = async () => {
    const request = ++latest.current;
    setLoading(true);
    setProblem(null);
    try {
      const get = (f: string, u: string) =>
        api<Statistics>(session.token, 'GET', query(f, u, directorate));
      const months = monthsOf(from, to);
      const [statistics, ...figures] = await Promise.all([
        get(from, to),
        ...months.map((m) => get(m.from, m.to)),
      ]);
      if (request !== latest.current) return;
      setAnswer({
        statistics,
        months: months.map((m, i) => ({ ...m, figures: figures[i] })),
        capped: months.length === MAX_MONTHS && months[MAX_MONTHS - 1].to < to,
      });
    } catch (error) {
      if (request !== latest.current) return;
      // Figures of another request than the form's would pass for its answer: cleared.
      setAnswer(null);
      setProblem(
        error instanceof Problem
          ? {
              code: error.code,
              detail: [error.detail, ...error.errors.flatMap((e) => e.messages)]
                .filter(Boolean)
                .join(' – '),
            }
          : { code: 'NETWORK', detail: String(error) },
      );
    } finally {
      if (request === latest.current) setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    void load();
  };

  return (
    <section aria-labelledby="statistics-title" class="statistics">
      <h1 id="statistics-title">{w('title')}</h1>
      <form class="statistics-form" onSubmit={submit}>
        <label>
          {w('from')}
          <input
            type="date"
            required
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          {w('to')}
          <input type="date" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        {session.directorate === null && (
          <label>
            {t('directorate')}
            <select value={directorate} onChange={(e) => setDirectorate(e.currentTarget.value)}>
              <option value="">{t('allDirectorates')}</option>
              {DIRECTORATES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">{w('show')}</button>
      </form>
      <p role="status">{loading ? w('loading') : ''}</p>
      {problem && (
        <p role="alert" class="problem">
          <code>{problem.code}</code> {problem.detail}
        </p>
      )}
      {answer && <Charts answer={answer} busy={loading} />}
    </section>
  );
}

function Charts({ answer, busy }: { answer: Answer; busy: boolean }) {
  const w = useStatisticsWords();
  const t = useWords();
  const language = useLanguage();
  const locale = language === 'sl' ? 'sl-SI' : 'en-GB';
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const format: Format = (value, percent) => (percent ? percents : numbers).format(value);
  // The API's days are Ljubljana's local days: shown as dates, with no time zone to shift them.
  const day = (iso: string, shift = 0) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(
      Date.parse(iso) + shift * 86_400_000,
    );
  const range = ({ from, to }: Period) => `${day(from)} – ${day(to, -1)}`;
  const region = (() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return (code: string) => {
      try {
        return code === 'unknown' ? w('unknown') : (names.of(code) ?? code);
      } catch {
        return code;
      }
    };
  })();

  const { statistics: s, months } = answer;
  const compared = (fields: [Field, Word][]): Row[] =>
    fields.map(([path, word]) => ({
      label: w(word),
      percent: SHARES.has(path),
      cells: [
        { key: path, value: at(s, path) },
        { key: `yearEarlier.${path}`, value: at(s.yearEarlier, path) },
      ],
    }));
  const periods = [
    `${w('period')} ${range(s.period)}`,
    `${w('yearEarlier')} ${range(s.yearEarlier.period)}`,
  ];

  const monthly: Row[] = months.map(({ month, figures }) => ({
    label: month,
    cells: MONTHLY.map(([path]) => ({ key: `${month}.${path}`, value: at(figures, path) })),
  }));

  const foreigners = s.foreigners.byNationality.slice(0, 10);
  const smugglers = s.byNationality.smugglers.slice(0, 10);
  const codes = [...new Set([...foreigners, ...smugglers].map((n) => n.nationality))];
  const nationalities: Row[] = codes.map((code) => {
    const cell = (list: typeof foreigners, key: string) => {
      const found = list.find((n) => n.nationality === code);
      return found ? { key: `${key}.${code}`, value: found.count } : { value: null };
    };
    return {
      label: region(code),
      cells: [
        cell(s.foreigners.byNationality, 'foreigners.byNationality'),
        cell(s.byNationality.smugglers, 'byNationality.smugglers'),
      ],
    };
  });
  const ranking = (list: typeof foreigners, key: string): Row[] =>
    list.map((n) => ({
      label: region(n.nationality),
      cells: [{ key: `${key}.${n.nationality}`, value: n.count }],
    }));

  const DIRECTORATE_FIELDS = ['cases', 'smugglersArrested', 'migrants'] as const;
  const directorates: Row[] = s.byDirectorate.map((d) => ({
    label: d.directorate,
    cells: DIRECTORATE_FIELDS.map((f) => ({
      key: `byDirectorate.${d.directorate}.${f}`,
      value: d[f],
    })),
  }));
  const directorateSeries = [w('cases'), w('smugglers'), w('migrants')];
  const headline = compared(HEADLINE);
  const intent = headline.filter((r) => r.percent);

  return (
    <div aria-busy={busy}>
      <Figure
        name="headline"
        title={w('headline')}
        numbers={w('numbers')}
        head={w('figure')}
        series={periods}
        rows={headline}
      >
        <Legend series={periods} />
        <HBars title={w('headline')} rows={headline} perRow format={format} />
        <p class="note">{w('ownScale')}</p>
      </Figure>
      <Figure
        name="months"
        title={w('months')}
        numbers={w('numbers')}
        head={w('month')}
        series={MONTHLY.map(([, word]) => w(word))}
        rows={monthly}
      >
        {MONTHLY.map(([path, word], j) => (
          <div key={path}>
            <h3>{w(word)}</h3>
            <Columns
              title={`${w(word)}, ${w('months').toLowerCase()}`}
              rows={monthly}
              series={j}
              format={format}
            />
          </div>
        ))}
        {answer.capped && <p class="note">{w('monthsCapped')}</p>}
      </Figure>
      <Figure
        name="nationality"
        title={w('nationality')}
        numbers={w('numbers')}
        head={w('nationalityOf')}
        series={[w('apprehended'), w('smugglers')]}
        rows={nationalities}
      >
        <h3>{w('apprehended')}</h3>
        <HBars
          title={`${w('apprehended')}, ${w('nationality')}`}
          rows={ranking(foreigners, 'foreigners.byNationality')}
          format={format}
        />
        <h3>{w('smugglers')}</h3>
        <HBars
          title={`${w('smugglers')}, ${w('nationality')}`}
          rows={ranking(smugglers, 'byNationality.smugglers')}
          format={format}
        />
      </Figure>
      <Figure
        name="directorate"
        title={w('directorates')}
        numbers={w('numbers')}
        head={t('directorate')}
        series={directorateSeries}
        rows={directorates}
      >
        <Legend series={directorateSeries} />
        <HBars title={w('directorates')} rows={directorates} format={format} />
        <p class="note">{w('ownScale')}</p>
      </Figure>
      <Figure
        name="intent"
        title={w('intent')}
        numbers={w('numbers')}
        head={w('figure')}
        series={periods}
        rows={intent}
      >
        <Legend series={periods} />
        <HBars title={w('intent')} rows={intent} format={format} />
      </Figure>
    </div>
  );
}
