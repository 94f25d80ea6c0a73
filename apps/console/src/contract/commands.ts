/**
 * Every command the console offers, by the API route that takes it, with its name in both
 * languages. The form of each is made from the route's request schema in the served OpenAPI
 * document (contract/command-form.tsx), so a field added to a command appears in its form; the
 * console e2e fails when a write route of the API is missing here.
 */
export interface CommandRoute {
  readonly path: string;
  readonly sl: string;
  readonly en: string;
}

/** Opening a record: a case, a procedure of foreigners found, a partner police's figures. */
export const NEW_RECORDS = {
  case: { path: '/cases', sl: 'Nova zadeva', en: 'Open a case' },
  procedure: {
    path: '/procedures',
    sl: 'Prijeti tujci (postopek)',
    en: 'Foreigners apprehended (procedure)',
  },
  partnerFigures: {
    path: '/joint-operations/partner-reports',
    sl: 'Podatki partnerske policije',
    en: "A partner police's figures",
  },
} as const satisfies Record<string, CommandRoute>;

/** What an investigator records in a case. */
export const CASE_COMMANDS: readonly CommandRoute[] = [
  { path: '/cases/{caseId}/arrests', sl: 'Prijetje osumljenca', en: 'Arrest a suspect' },
  { path: '/cases/{caseId}/apprehensions', sl: 'Prijet migrant', en: 'A migrant apprehended' },
  {
    path: '/cases/{caseId}/apprehension-groups',
    sl: 'Prijeta skupina migrantov',
    en: 'A group of migrants apprehended',
  },
  { path: '/cases/{caseId}/joint-operations', sl: 'Skupna akcija', en: 'Joint operation' },
  { path: '/cases/{caseId}/amendments', sl: 'Sprememba podatkov zadeve', en: 'Amend details' },
  {
    path: '/cases/{caseId}/criminal-complaints',
    sl: 'Kazenska ovadba',
    en: 'Criminal complaint',
  },
  {
    path: '/cases/{caseId}/prosecution-referral',
    sl: 'Odstop tožilstvu',
    en: 'Refer to the prosecutor',
  },
  { path: '/cases/{caseId}/indictments', sl: 'Obtožnica', en: 'Indictment' },
  { path: '/cases/{caseId}/closure', sl: 'Zaključek zadeve', en: 'Close the case' },
];

/** What happens to one person of a case: custody on its clocks, safeguards, protection. */
export const PERSON_COMMANDS: readonly CommandRoute[] = [
  {
    path: '/cases/{caseId}/persons/{personId}/police-detention',
    sl: 'Policijsko pridržanje',
    en: 'Police detention',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/detention-decision',
    sl: 'Pisna odločba o pridržanju',
    en: 'Written detention decision',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/judge-appearance',
    sl: 'Privedba k preiskovalnemu sodniku',
    en: 'Brought before the investigating judge',
  },
  { path: '/cases/{caseId}/persons/{personId}/remand', sl: 'Pripor', en: 'Remand ordered' },
  {
    path: '/cases/{caseId}/persons/{personId}/remand-service',
    sl: 'Vročitev sklepa o priporu',
    en: 'Remand order served',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/remand-extensions',
    sl: 'Podaljšanje pripora',
    en: 'Remand extended',
  },
  { path: '/cases/{caseId}/persons/{personId}/appeals', sl: 'Pritožba', en: 'Appeal lodged' },
  {
    path: '/cases/{caseId}/persons/{personId}/appeal-decisions',
    sl: 'Odločitev o pritožbi',
    en: 'Appeal decided',
  },
  { path: '/cases/{caseId}/persons/{personId}/release', sl: 'Izpustitev', en: 'Release' },
  {
    path: '/cases/{caseId}/persons/{personId}/handover',
    sl: 'Predaja tujim organom',
    en: 'Handed over to foreign authorities',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/safeguards',
    sl: 'Pravice in jamstva',
    en: 'Rights and safeguards',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/detention-place',
    sl: 'Kraj pridržanja',
    en: 'Place of detention',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/identity',
    sl: 'Ugotovljena istovetnost',
    en: 'Identity established',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/asylum-intents',
    sl: 'Namera za mednarodno zaščito',
    en: 'Intent to seek asylum',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/asylum-referral',
    sl: 'Napotitev v azilni dom',
    en: 'Referred to the asylum home',
  },
  {
    path: '/cases/{caseId}/persons/{personId}/reception-departure',
    sl: 'Odhod iz azilnega doma',
    en: 'Left the asylum home',
  },
];

/** The steps of a foreigner's police procedure. */
export const PROCEDURE_COMMANDS: readonly CommandRoute[] = [
  {
    path: '/procedures/{procedureId}/border-detention',
    sl: 'Pridržanje na meji',
    en: 'Border detention',
  },
  {
    path: '/procedures/{procedureId}/asylum-intents',
    sl: 'Namera za mednarodno zaščito',
    en: 'Intent to seek asylum',
  },
  { path: '/procedures/{procedureId}/referral', sl: 'Napotitev', en: 'Referral' },
  {
    path: '/procedures/{procedureId}/handover',
    sl: 'Predaja tujim organom',
    en: 'Handed over to foreign authorities',
  },
  { path: '/procedures/{procedureId}/release', sl: 'Izpustitev', en: 'Release' },
  {
    path: '/procedures/{procedureId}/asylum-home-departure',
    sl: 'Odhod iz azilnega doma',
    en: 'Left the asylum home',
  },
  { path: '/procedures/{procedureId}/case-link', sl: 'Povezava z zadevo', en: 'Link to a case' },
  {
    path: '/procedures/{procedureId}/nationality',
    sl: 'Ugotovljeno državljanstvo',
    en: 'Nationality established',
  },
];

/** Corrections and withdrawals are made from a fact on the case's timeline. */
export const TIMELINE_COMMANDS = {
  correction: { path: '/cases/{caseId}/corrections', sl: 'Popravek', en: 'Correct' },
  withdrawal: { path: '/cases/{caseId}/withdrawals', sl: 'Preklic vnosa', en: 'Withdraw' },
} as const satisfies Record<string, CommandRoute>;
