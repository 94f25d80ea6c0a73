/*
 * Builders of the procedure commands, with plausible defaults; a test overrides what it is
 * about. Used by the procedure specs and by the table of time rules (shared/time-rules.spec.ts).
 */
import {
  ApprehendForeigners,
  ForeignerToApprehend,
} from '../apprehend-foreigners/apprehend-foreigners.command';
import { EstablishNationalityInProcedure } from '../establish-nationality/establish-nationality.command';
import { ExpressIntentInProcedure } from '../express-intent/express-intent.command';
import { HandOverFromProcedure } from '../hand-over/hand-over.command';
import { LinkProcedureToCase } from '../link-to-case/link-to-case.command';
import { RecordLeftAsylumHome } from '../record-left-asylum-home/record-left-asylum-home.command';
import { ReferFromProcedure } from '../refer/refer.command';
import { ReleaseFromProcedure } from '../release/release.command';
import { StartBorderDetention } from '../start-border-detention/start-border-detention.command';
import { GROUP_ID, PROCEDURE_ID, at } from './procedure-scenario';

const base = { procedureId: PROCEDURE_ID, occurredAt: at('10:00') };

/** A later fact of the scenario's procedure, at 10:00 unless told. */
export const step = {
  detain: (o: Partial<StartBorderDetention> = {}): StartBorderDetention => ({
    type: 'StartBorderDetention',
    ...base,
    ...o,
  }),
  intent: (o: Partial<ExpressIntentInProcedure> = {}): ExpressIntentInProcedure => ({
    type: 'ExpressIntentInProcedure',
    ...base,
    statement: 'dictated',
    ...o,
  }),
  refer: (o: Partial<ReferFromProcedure> = {}): ReferFromProcedure => ({
    type: 'ReferFromProcedure',
    ...base,
    destination: 'asylum-home-logatec',
    ...o,
  }),
  handOver: (o: Partial<HandOverFromProcedure> = {}): HandOverFromProcedure => ({
    type: 'HandOverFromProcedure',
    ...base,
    country: 'HR',
    authority: 'PU Karlovac',
    ...o,
  }),
  release: (o: Partial<ReleaseFromProcedure> = {}): ReleaseFromProcedure => ({
    type: 'ReleaseFromProcedure',
    ...base,
    reason: 'Ordered to leave',
    ...o,
  }),
  leave: (o: Partial<RecordLeftAsylumHome> = {}): RecordLeftAsylumHome => ({
    type: 'RecordLeftAsylumHome',
    ...base,
    facility: 'asylum-home-ljubljana',
    ...o,
  }),
  link: (o: Partial<LinkProcedureToCase> = {}): LinkProcedureToCase => ({
    type: 'LinkProcedureToCase',
    ...base,
    caseId: '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a01',
    roleInCase: 'migrant',
    ...o,
  }),
  nationality: (
    o: Partial<EstablishNationalityInProcedure> = {},
  ): EstablishNationalityInProcedure => ({
    type: 'EstablishNationalityInProcedure',
    ...base,
    nationality: 'AF',
    ...o,
  }),
};

/** The procedure id of the n-th person of a group, or with kind '1111' the person id. */
export const foreignerId = (n: number, kind = '0000') =>
  `9c1d7a2e-${kind}-4e5f-8a9b-${String(n).padStart(12, '0')}`;

/** The n-th person of a group, with no later fact unless told. */
export const foreigner = (
  n: number,
  overrides: Partial<ForeignerToApprehend> = {},
): ForeignerToApprehend => ({
  procedureId: foreignerId(n),
  personId: foreignerId(n, '1111'),
  recognised: false,
  personalData: null,
  nationality: 'SY',
  minor: false,
  ...overrides,
});

/** Three people found together at 02:10, each with later facts of their own. */
export const groupToApprehend = (
  overrides: Partial<ApprehendForeigners> = {},
): ApprehendForeigners => ({
  type: 'ApprehendForeigners',
  groupId: GROUP_ID,
  occurredAt: at('02:10'),
  directorate: 'novo-mesto',
  borderSection: 'Obrežje',
  cameFrom: 'HR',
  place: '  Obrežje, by the Krka ',
  caseId: null,
  jointOperation: 'HR-SI-2024-03',
  persons: [
    foreigner(1, {
      intent: { occurredAt: at('03:00'), statement: 'handwritten' },
      referral: { occurredAt: at('06:00'), destination: 'asylum-home-logatec' },
    }),
    foreigner(2, {
      nationality: null,
      minor: true,
      borderDetention: { occurredAt: at('02:30') },
    }),
    foreigner(3, {
      nationality: 'MA',
      handover: { occurredAt: at('09:00'), country: 'HR', authority: 'PU Karlovac' },
    }),
  ],
  ...overrides,
});
