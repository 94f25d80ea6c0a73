import type { Language } from './i18n';

/**
 * The domain's stable codes (event types, custody phases, clocks, safeguards) in words. The
 * codes stay the API's; a code not here shows as it is, so a new one is never hidden.
 */
const CODES: Record<string, Record<Language, string>> = {
  'case.opened': { sl: 'Zadeva odprta', en: 'Case opened' },
  'case.details-amended': { sl: 'Podatki zadeve spremenjeni', en: 'Details amended' },
  'case.joint-operation-linked': { sl: 'Skupna akcija', en: 'Joint operation linked' },
  'case.criminal-complaint-filed': { sl: 'Kazenska ovadba', en: 'Criminal complaint filed' },
  'case.referred-to-prosecution': { sl: 'Odstop tožilstvu', en: 'Referred to prosecution' },
  'case.indictment-filed': { sl: 'Obtožnica', en: 'Indictment filed' },
  'case.closed': { sl: 'Zadeva zaključena', en: 'Case closed' },
  'case.correction-recorded': { sl: 'Popravek', en: 'Correction' },
  'case.entry-withdrawn': { sl: 'Preklic vnosa', en: 'Entry withdrawn' },
  'person.suspect-arrested': { sl: 'Prijetje osumljenca', en: 'Suspect arrested' },
  'person.migrant-apprehended': { sl: 'Prijet migrant', en: 'Migrant apprehended' },
  'person.identity-established': { sl: 'Ugotovljena istovetnost', en: 'Identity established' },
  'custody.police-detention-started': { sl: 'Policijsko pridržanje', en: 'Police detention' },
  'custody.detention-decision-issued': {
    sl: 'Pisna odločba o pridržanju',
    en: 'Written detention decision',
  },
  'custody.brought-before-judge': {
    sl: 'Privedba k preiskovalnemu sodniku',
    en: 'Brought before the judge',
  },
  'custody.remand-ordered': { sl: 'Pripor odrejen', en: 'Remand ordered' },
  'custody.remand-order-served': { sl: 'Sklep o priporu vročen', en: 'Remand order served' },
  'custody.remand-extended': { sl: 'Pripor podaljšan', en: 'Remand extended' },
  'custody.released': { sl: 'Izpustitev', en: 'Released' },
  'custody.appeal-lodged': { sl: 'Pritožba', en: 'Appeal lodged' },
  'custody.appeal-decided': { sl: 'Odločitev o pritožbi', en: 'Appeal decided' },
  'custody.handed-over': { sl: 'Predaja tujim organom', en: 'Handed over' },
  'custody.safeguard-requested': { sl: 'Zahtevano jamstvo', en: 'Safeguard requested' },
  'custody.safeguard-provided': { sl: 'Jamstvo zagotovljeno', en: 'Safeguard provided' },
  'custody.safeguard-delayed': { sl: 'Jamstvo odloženo', en: 'Safeguard delayed' },
  'custody.detention-place-recorded': { sl: 'Kraj pridržanja', en: 'Place of detention' },
  'protection.asylum-intent-expressed': { sl: 'Namera za azil', en: 'Asylum intent' },
  'protection.referred-to-asylum-centre': {
    sl: 'Napotitev v azilni dom',
    en: 'Referred to the asylum home',
  },
  'protection.left-reception': { sl: 'Odhod iz azilnega doma', en: 'Left the asylum home' },
  // Custody phases.
  free: { sl: 'prost', en: 'free' },
  arrested: { sl: 'prijet', en: 'arrested' },
  'police-detention': { sl: 'policijsko pridržanje', en: 'police detention' },
  'before-judge': { sl: 'pri preiskovalnem sodniku', en: 'before the judge' },
  remand: { sl: 'pripor', en: 'remand' },
  'handed-over': { sl: 'predan', en: 'handed over' },
  'border-detention': { sl: 'pridržanje na meji', en: 'border detention' },
  // Clocks.
  'police-custody': { sl: 'policijsko pridržanje (48 h)', en: 'police custody (48 h)' },
  'written-detention-decision': {
    sl: 'pisna odločba (6 h)',
    en: 'written decision (6 h)',
  },
  'judicial-detention': { sl: 'pri sodniku (48 h)', en: 'before the judge (48 h)' },
  'remand-order-service': { sl: 'vročitev sklepa (24 h)', en: 'order served (24 h)' },
  'detention-appeal': { sl: 'pritožba zoper pridržanje', en: 'detention appeal' },
  'remand-appeal': { sl: 'pritožba zoper pripor', en: 'remand appeal' },
  // Safeguards and their standing.
  'rights-information': { sl: 'pouk o pravicah', en: 'rights information' },
  interpreter: { sl: 'tolmač', en: 'interpreter' },
  counsel: { sl: 'zagovornik', en: 'counsel' },
  'family-notification': { sl: 'obvestilo družini', en: 'family notified' },
  'consular-notification': { sl: 'obvestilo konzulatu', en: 'consulate notified' },
  'guardian-notification': { sl: 'obvestilo skrbniku', en: 'guardian notified' },
  open: { sl: 'odprto', en: 'open' },
  delayed: { sl: 'odloženo', en: 'delayed' },
  provided: { sl: 'zagotovljeno', en: 'provided' },
  // Protection.
  none: { sl: '–', en: '–' },
  'intent-expressed': { sl: 'namera izražena', en: 'intent expressed' },
  referred: { sl: 'napoten', en: 'referred' },
  'left-reception': { sl: 'odšel iz azilnega doma', en: 'left the asylum home' },
  'asylum-home-ljubljana': { sl: 'Azilni dom Ljubljana', en: 'Asylum Home Ljubljana' },
  'asylum-home-logatec': { sl: 'Azilni dom Logatec', en: 'Asylum Home Logatec' },
  'aliens-centre': { sl: 'Center za tujce', en: 'Aliens Centre' },
  // Roles.
  suspect: { sl: 'osumljenec', en: 'suspect' },
  migrant: { sl: 'migrant', en: 'migrant' },
};

export function codeWord(code: string, language: Language): string {
  return CODES[code]?.[language] ?? code;
}
