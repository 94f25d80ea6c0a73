import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

/** One route as the running application serves it, e.g. `POST /cases/:caseId/arrests`. */
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The application's own route table, read from the HTTP router it registered, so that a
 * route added tomorrow shows up here without anyone listing it.
 */
export function routeTable(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => {
            const upper = method.toUpperCase();
            return { method: upper, path: layer.route!.path, key: `${upper} ${layer.route!.path}` };
          })
      : [],
  );
}

/** The ids a sample request refers to. */
export interface SampleContext {
  readonly caseId: string;
  readonly suspectId: string;
  readonly migrantId: string;
  /** A procedure of a foreigner of the case's directorate, at version 2 (apprehended, intent). */
  readonly procedureId: string;
  /** An instant `step` ten-minute steps into the case's timeline, in the past. */
  readonly at: (step: number) => string;
}

export const timeline =
  (base = Date.now() - 10 * 24 * 3600_000) =>
  (step: number) =>
    new Date(base + step * 10 * 60_000).toISOString();

const suspect = (c: SampleContext, action: string) =>
  `/cases/${c.caseId}/persons/${c.suspectId}/${action}`;
const migrant = (c: SampleContext, action: string) =>
  `/cases/${c.caseId}/persons/${c.migrantId}/${action}`;
const procedure = (c: SampleContext, action: string) => `/procedures/${c.procedureId}/${action}`;

export interface SampleRequest {
  path: string;
  body?: Record<string, unknown>;
  /** Headers a valid request needs beyond the token, such as a stated justification. */
  headers?: Record<string, string>;
}

/**
 * For every command route, a request whose shape is valid: it passes validation and reaches
 * the domain (which may still refuse it for the case's state). Keyed as in `routeTable`.
 */
const samples = {
  'GET /cases/:caseId': (c) => ({ path: `/cases/${c.caseId}` }),
  'GET /custody-board': () => ({ path: '/custody-board?expiringWithin=2d&limit=20' }),
  'GET /custody-board/stale': () => ({ path: '/custody-board/stale' }),
  'GET /console/settings': () => ({ path: '/console/settings' }),
  'POST /console/sign-in': () => ({
    path: '/console/sign-in',
    body: { role: 'investigator', directorate: 'novo-mesto' },
  }),
  'GET /custody-board/stream': () => ({ path: '/custody-board/stream?expiringWithin=6h' }),
  'GET /custody-breaches': () => ({
    path: '/custody-breaches?directorate=novo-mesto&from=2024-01-01T00:00:00Z&limit=20',
  }),
  'GET /cases/:caseId/timeline': (c) => ({ path: `/cases/${c.caseId}/timeline` }),
  'GET /cases': () => ({ path: '/cases?status=open&sort=-openedAt&limit=20' }),
  'GET /statistics': () => ({ path: '/statistics?from=2024-01-01&to=2024-03-01' }),
  'GET /people': () => ({ path: '/people?minApprehensions=1&limit=20' }),
  'GET /people/:personId/personal-data': (c) => ({
    path: `/people/${c.suspectId}/personal-data`,
    headers: { 'x-justification': 'Checking identity for the custody hearing.' },
  }),
  'POST /people/:personId/erasure': (c) => ({
    path: `/people/${c.migrantId}/erasure`,
    body: { ground: 'retention-period-expired', reference: 'Kt 17/24' },
  }),
  'GET /audit/consultations': (c) => ({
    path: `/audit/consultations?recordId=${c.caseId}&limit=20`,
  }),
  'GET /audit/integrity': () => ({ path: '/audit/integrity' }),
  'GET /projections': () => ({ path: '/projections' }),
  'GET /audit/cases/:caseId/history': (c) => ({
    path: `/audit/cases/${c.caseId}/history?type=person.suspect-arrested&limit=20`,
  }),
  'GET /audit/cases/:caseId/state': (c) => ({ path: `/audit/cases/${c.caseId}/state?version=2` }),
  'GET /audit/people/:personId/history': (c) => ({
    path: `/audit/people/${c.suspectId}/history?limit=20`,
    headers: { 'x-justification': 'Annual lawfulness review of custody records.' },
  }),
  'POST /cases': (c) => ({
    path: '/cases',
    body: {
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      offenceParagraph: 3,
      openedAt: c.at(0),
      summary: 'Van stopped near Obrežje.',
    },
  }),
  'POST /cases/:caseId/amendments': (c) => ({
    path: `/cases/${c.caseId}/amendments`,
    body: { occurredAt: c.at(10), summary: 'Van with 12 migrants; driver arrested.' },
  }),
  'POST /cases/:caseId/joint-operations': (c) => ({
    path: `/cases/${c.caseId}/joint-operations`,
    body: {
      occurredAt: c.at(10),
      code: 'HR-SI-03',
      name: 'Mixed patrols',
      partnerCountry: 'HR',
      kind: 'mixed-patrol',
      from: c.at(0),
      to: c.at(9),
    },
  }),
  'POST /cases/:caseId/criminal-complaints': (c) => ({
    path: `/cases/${c.caseId}/criminal-complaints`,
    body: {
      occurredAt: c.at(10),
      prosecutorOffice: 'ODT Novo mesto',
      reference: 'KU 7/24',
      suspectIds: [c.suspectId],
    },
  }),
  'POST /cases/:caseId/prosecution-referral': (c) => ({
    path: `/cases/${c.caseId}/prosecution-referral`,
    body: { occurredAt: c.at(10), prosecutorOffice: 'ODT Novo mesto' },
  }),
  'POST /cases/:caseId/indictments': (c) => ({
    path: `/cases/${c.caseId}/indictments`,
    body: {
      occurredAt: c.at(10),
      court: 'OS Novo mesto',
      reference: 'K 3/24',
      defendantIds: [c.suspectId],
    },
  }),
  'POST /cases/:caseId/closure': (c) => ({
    path: `/cases/${c.caseId}/closure`,
    body: { occurredAt: c.at(10), reason: 'prosecution-completed', note: 'Handed over.' },
  }),
  'POST /cases/:caseId/corrections': (c) => ({
    path: `/cases/${c.caseId}/corrections`,
    body: { correctedEventId: randomUUID(), reason: 'Typo.', changes: { place: 'Metlika' } },
  }),
  'POST /cases/:caseId/withdrawals': (c) => ({
    path: `/cases/${c.caseId}/withdrawals`,
    body: { withdrawnEventId: randomUUID(), reason: 'Entered in error.' },
  }),
  'POST /cases/:caseId/arrests': (c) => ({
    path: `/cases/${c.caseId}/arrests`,
    body: { occurredAt: c.at(10), nationality: 'RO', slovenianCitizen: false, place: 'Metlika' },
  }),
  'POST /cases/:caseId/apprehensions': (c) => ({
    path: `/cases/${c.caseId}/apprehensions`,
    body: { occurredAt: c.at(10), nationality: 'AF', minor: true, place: 'Metlika' },
  }),
  'POST /cases/:caseId/apprehension-groups': (c) => ({
    path: `/cases/${c.caseId}/apprehension-groups`,
    body: {
      occurredAt: c.at(10),
      place: 'Obrežje',
      migrants: [
        { nationality: 'SY', minor: false },
        { nationality: 'AF', minor: true },
      ],
    },
  }),
  'POST /cases/:caseId/persons/:personId/identity': (c) => ({
    path: suspect(c, 'identity'),
    body: {
      occurredAt: c.at(10),
      method: 'document',
      nationality: 'RS',
      person: {
        givenName: 'Marko',
        familyName: 'Petrović',
        documents: [{ type: 'passport', number: 'P1234567', issuingCountry: 'RS' }],
      },
    },
  }),
  'POST /cases/:caseId/persons/:personId/police-detention': (c) => ({
    path: suspect(c, 'police-detention'),
    body: { occurredAt: c.at(10) },
  }),
  'POST /cases/:caseId/persons/:personId/detention-decision': (c) => ({
    path: suspect(c, 'detention-decision'),
    body: { occurredAt: c.at(10), reference: 'PU NM 1/24' },
  }),
  'POST /cases/:caseId/persons/:personId/judge-appearance': (c) => ({
    path: suspect(c, 'judge-appearance'),
    body: { occurredAt: c.at(10), court: 'OS Novo mesto' },
  }),
  'POST /cases/:caseId/persons/:personId/remand': (c) => ({
    path: suspect(c, 'remand'),
    body: {
      occurredAt: c.at(10),
      court: 'OS Novo mesto',
      grounds: ['flight-risk'],
      prosecutorOffice: 'ODT Novo mesto',
      proposalReference: 'Kt 1/24',
      months: 1,
    },
  }),
  'POST /cases/:caseId/persons/:personId/remand-service': (c) => ({
    path: suspect(c, 'remand-service'),
    body: { occurredAt: c.at(10) },
  }),
  'POST /cases/:caseId/persons/:personId/remand-extensions': (c) => ({
    path: suspect(c, 'remand-extensions'),
    body: { occurredAt: c.at(10), by: 'out-of-trial-panel', months: 2, reference: 'Kr 4/24' },
  }),
  'POST /cases/:caseId/persons/:personId/release': (c) => ({
    path: suspect(c, 'release'),
    body: { occurredAt: c.at(10), reason: 'released-by-investigating-judge', note: null },
  }),
  'POST /cases/:caseId/persons/:personId/safeguards': (c) => ({
    path: suspect(c, 'safeguards'),
    body: { occurredAt: c.at(10), safeguard: 'rights-information', step: 'provided' },
  }),
  'POST /cases/:caseId/persons/:personId/detention-place': (c) => ({
    path: suspect(c, 'detention-place'),
    body: { occurredAt: c.at(10), facility: 'PP Novo mesto, detention rooms' },
  }),
  'POST /cases/:caseId/persons/:personId/appeals': (c) => ({
    path: suspect(c, 'appeals'),
    body: { occurredAt: c.at(10), against: 'detention-decision' },
  }),
  'POST /cases/:caseId/persons/:personId/appeal-decisions': (c) => ({
    path: suspect(c, 'appeal-decisions'),
    body: {
      occurredAt: c.at(11),
      against: 'detention-decision',
      outcome: 'dismissed',
      court: 'OS Novo mesto',
    },
  }),
  'POST /cases/:caseId/persons/:personId/handover': (c) => ({
    path: migrant(c, 'handover'),
    body: {
      occurredAt: c.at(10),
      country: 'HR',
      authority: 'PU Karlovačka',
      legalBasis: 'readmission-agreement',
    },
  }),
  'POST /cases/:caseId/persons/:personId/asylum-intents': (c) => ({
    path: migrant(c, 'asylum-intents'),
    body: { occurredAt: c.at(10), expressedTo: 'police', statement: 'handwritten' },
  }),
  'POST /cases/:caseId/persons/:personId/asylum-referral': (c) => ({
    path: migrant(c, 'asylum-referral'),
    body: { occurredAt: c.at(10), facility: 'asylum-home-logatec' },
  }),
  'POST /cases/:caseId/persons/:personId/reception-departure': (c) => ({
    path: migrant(c, 'reception-departure'),
    body: { occurredAt: c.at(10), facility: 'asylum-home-logatec' },
  }),
  // Police procedures with foreigners.
  'POST /procedures': (c) => ({
    path: '/procedures',
    body: {
      occurredAt: c.at(10),
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      cameFrom: 'HR',
      place: 'Obrežje, by the Krka',
      jointOperation: null,
      persons: [
        {
          nationality: 'AF',
          minor: false,
          intent: { occurredAt: c.at(11), statement: 'dictated' },
          referral: { occurredAt: c.at(12), destination: 'asylum-home-logatec' },
        },
        { nationality: null, minor: true, borderDetention: { occurredAt: c.at(11) } },
      ],
    },
  }),
  'GET /procedures': () => ({
    path: '/procedures?directorate=novo-mesto&from=2024-01-01&limit=20',
  }),
  'GET /procedures/:procedureId': (c) => ({ path: `/procedures/${c.procedureId}` }),
  'POST /procedures/:procedureId/border-detention': (c) => ({
    path: procedure(c, 'border-detention'),
    body: { occurredAt: c.at(10) },
  }),
  'POST /procedures/:procedureId/asylum-intents': (c) => ({
    path: procedure(c, 'asylum-intents'),
    body: { occurredAt: c.at(10), statement: 'handwritten' },
  }),
  'POST /procedures/:procedureId/referral': (c) => ({
    path: procedure(c, 'referral'),
    body: { occurredAt: c.at(11), destination: 'asylum-home-ljubljana' },
  }),
  'POST /procedures/:procedureId/handover': (c) => ({
    path: procedure(c, 'handover'),
    body: { occurredAt: c.at(11), country: 'HR', authority: 'PU Karlovačka' },
  }),
  'POST /procedures/:procedureId/release': (c) => ({
    path: procedure(c, 'release'),
    body: { occurredAt: c.at(11), reason: 'Ordered to leave the country within 7 days' },
  }),
  'POST /procedures/:procedureId/asylum-home-departure': (c) => ({
    path: procedure(c, 'asylum-home-departure'),
    body: { occurredAt: c.at(12), facility: 'asylum-home-ljubljana' },
  }),
  'POST /procedures/:procedureId/case-link': (c) => ({
    path: procedure(c, 'case-link'),
    body: { occurredAt: c.at(11), caseId: c.caseId },
  }),
  'POST /procedures/:procedureId/nationality': (c) => ({
    path: procedure(c, 'nationality'),
    body: { occurredAt: c.at(11), nationality: 'AF' },
  }),
  // Joint operations: the partner police's own figures. An area is reported once per operation,
  // so each call names an operation of its own; the read asks for the operation of the sample
  // context's procedure (see openCaseWithPeople).
  'POST /joint-operations/partner-reports': (c) => ({
    path: '/joint-operations/partner-reports',
    body: {
      occurredAt: c.at(10),
      code: `HR-SI-03-${randomUUID().slice(0, 8)}`,
      partnerCountry: 'HR',
      authority: 'Croatian police (MUP RH)',
      area: 'covered-sections',
      migrants: 172,
      smugglers: 3,
      source: 'Joint press release, March 2024',
    },
  }),
  'GET /joint-operations': () => ({ path: '/joint-operations?code=HR-SI-03' }),
} satisfies Record<string, (c: SampleContext) => SampleRequest>;

export const SAMPLE_REQUESTS: Record<string, (c: SampleContext) => SampleRequest> = samples;

/** The routes whose sample sends a body: the commands. */
export type CommandRoute = {
  [K in keyof typeof samples]: ReturnType<(typeof samples)[K]> extends { body: object } ? K : never;
}[keyof typeof samples];

/**
 * Members of a command's body to send instead of its sample's, by the sample's member names
 * (a misspelt one does not compile); their values are the API's to judge.
 */
export type BodyOverrides<K extends CommandRoute> = {
  readonly [M in keyof ReturnType<(typeof samples)[K]>['body']]?: unknown;
};

const notGiven = (name: string) => `<${name} not given>`;

/**
 * A valid body of the command `route`, the one its sample sends, with `overrides` in place of
 * the sample's members: for a test whose subject is not this body, which names only the values
 * it depends on. The context gives the ids and the timeline the sample's body uses; one it
 * does not give, and no override replaces, fails here rather than reach the API.
 */
export function validBody<K extends CommandRoute>(
  route: K,
  context: Partial<SampleContext>,
  overrides: BodyOverrides<K> = {},
): Record<string, unknown> {
  const body = {
    ...SAMPLE_REQUESTS[route]({
      caseId: context.caseId ?? notGiven('caseId'),
      suspectId: context.suspectId ?? notGiven('suspectId'),
      migrantId: context.migrantId ?? notGiven('migrantId'),
      procedureId: context.procedureId ?? notGiven('procedureId'),
      at: context.at ?? (() => notGiven('at')),
    }).body,
    ...overrides,
  };
  const lacking = new Set(
    [...JSON.stringify(body).matchAll(/<(\w+) not given>/g)].map((m) => m[1]),
  );
  if (lacking.size > 0)
    throw new Error(
      `validBody('${route}'): the sample's body uses ${[...lacking].join(', ')}, not in the context`,
    );
  return body;
}
