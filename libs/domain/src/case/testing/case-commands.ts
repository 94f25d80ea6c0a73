/*
 * One builder per case command, with plausible defaults; a test overrides what it is about.
 * Used by the spec beside each decision and by the table of time rules
 * (shared/time-rules.spec.ts), so that both send the same commands.
 */
import { SealedPersonalData } from '../../values/personal-data';
import { BringBeforeJudge } from '../custody/bring-before-judge/bring-before-judge.command';
import { DecideAppeal } from '../custody/decide-appeal/decide-appeal.command';
import { ExtendRemand } from '../custody/extend-remand/extend-remand.command';
import { HandOverToForeignAuthorities } from '../custody/hand-over-to-foreign-authorities/hand-over-to-foreign-authorities.command';
import { IssueDetentionDecision } from '../custody/issue-detention-decision/issue-detention-decision.command';
import { LodgeAppeal } from '../custody/lodge-appeal/lodge-appeal.command';
import { OrderRemand } from '../custody/order-remand/order-remand.command';
import { RecordDetentionPlace } from '../custody/record-detention-place/record-detention-place.command';
import { RecordSafeguard } from '../custody/record-safeguard/record-safeguard.command';
import { ReleaseFromCustody } from '../custody/release-from-custody/release-from-custody.command';
import { ServeRemandOrder } from '../custody/serve-remand-order/serve-remand-order.command';
import { StartPoliceDetention } from '../custody/start-police-detention/start-police-detention.command';
import { AmendCaseDetails } from '../lifecycle/amend-case-details/amend-case-details.command';
import { CloseCase } from '../lifecycle/close-case/close-case.command';
import { FileCriminalComplaint } from '../lifecycle/file-criminal-complaint/file-criminal-complaint.command';
import { LinkJointOperation } from '../lifecycle/link-joint-operation/link-joint-operation.command';
import { OpenCase } from '../lifecycle/open-case/open-case.command';
import { RecordCorrection } from '../lifecycle/record-correction/record-correction.command';
import { RecordIndictment } from '../lifecycle/record-indictment/record-indictment.command';
import { ReferToProsecution } from '../lifecycle/refer-to-prosecution/refer-to-prosecution.command';
import { WithdrawEntry } from '../lifecycle/withdraw-entry/withdraw-entry.command';
import { ApprehendMigrantGroup } from '../people/apprehend-migrant-group/apprehend-migrant-group.command';
import {
  ApprehendMigrant,
  MigrantToApprehend,
} from '../people/apprehend-migrant/apprehend-migrant.command';
import { ArrestSuspect } from '../people/arrest-suspect/arrest-suspect.command';
import { EstablishIdentity } from '../people/establish-identity/establish-identity.command';
import { ExpressAsylumIntent } from '../protection/express-asylum-intent/express-asylum-intent.command';
import { RecordLeftReception } from '../protection/record-left-reception/record-left-reception.command';
import { ReferToAsylumCentre } from '../protection/refer-to-asylum-centre/refer-to-asylum-centre.command';
import { CASE_ID, GROUP_ID, MIGRANT, SUSPECT, at } from './case-scenario';

// Lifecycle.

export const openCase = (overrides: Partial<OpenCase> = {}): OpenCase => ({
  type: 'OpenCase',
  caseId: CASE_ID,
  directorate: 'novo-mesto',
  borderSection: 'Obrežje',
  offenceParagraph: 3,
  openedAt: at('22:15', 13),
  summary: '  Van with 12 migrants stopped near Obrežje.  ',
  ...overrides,
});

/** Changes nothing unless told what to change. */
export const amendCaseDetails = (overrides: Partial<AmendCaseDetails> = {}): AmendCaseDetails => ({
  type: 'AmendCaseDetails',
  caseId: CASE_ID,
  occurredAt: at('10:00'),
  ...overrides,
});

export const linkJointOperation = (
  overrides: Partial<LinkJointOperation> = {},
): LinkJointOperation => ({
  type: 'LinkJointOperation',
  caseId: CASE_ID,
  occurredAt: at('10:00'),
  code: '  SI-HR-2024-03  ',
  name: '  Mixed patrols Dolenjska  ',
  partnerCountry: 'HR',
  kind: 'mixed-patrol',
  from: at('00:00', 13),
  to: at('23:59', 15),
  ...overrides,
});

export const fileCriminalComplaint = (
  overrides: Partial<FileCriminalComplaint> = {},
): FileCriminalComplaint => ({
  type: 'FileCriminalComplaint',
  caseId: CASE_ID,
  occurredAt: at('12:00'),
  prosecutorOffice: '  ODT Novo mesto  ',
  reference: '  KU 1/24  ',
  suspectIds: [SUSPECT],
  ...overrides,
});

export const referToProsecution = (
  overrides: Partial<ReferToProsecution> = {},
): ReferToProsecution => ({
  type: 'ReferToProsecution',
  caseId: CASE_ID,
  occurredAt: at('13:00'),
  prosecutorOffice: '  ODT Novo mesto  ',
  ...overrides,
});

export const recordIndictment = (overrides: Partial<RecordIndictment> = {}): RecordIndictment => ({
  type: 'RecordIndictment',
  caseId: CASE_ID,
  occurredAt: at('10:00', 15),
  court: '  Okrožno sodišče v Novem mestu  ',
  reference: '  K 1/24  ',
  defendantIds: [SUSPECT],
  ...overrides,
});

export const closeCase = (overrides: Partial<CloseCase> = {}): CloseCase => ({
  type: 'CloseCase',
  caseId: CASE_ID,
  occurredAt: at('11:00', 15),
  reason: 'prosecution-completed',
  note: '  Judgment final.  ',
  ...overrides,
});

/** Of the second entry of a scenario (the arrest, in most); corrects nothing unless told. */
export const recordCorrection = (overrides: Partial<RecordCorrection> = {}): RecordCorrection => ({
  type: 'RecordCorrection',
  caseId: CASE_ID,
  correctedEventId: 'event-2',
  reason: '  The arrest time was read off the wrong watch.  ',
  correctedOccurredAt: null,
  changes: {},
  ...overrides,
});

export const withdrawEntry = (
  withdrawnEventId: string,
  reason = 'Entered in error.',
): WithdrawEntry => ({
  type: 'WithdrawEntry',
  caseId: CASE_ID,
  withdrawnEventId,
  reason,
});

// People.

export const sealedSuspect: SealedPersonalData = {
  scheme: 'aes-256-gcm/v1',
  personId: SUSPECT,
  ciphertext: 'c2VhbGVkIHN1c3BlY3Q=',
};

export const arrestSuspect = (overrides: Partial<ArrestSuspect> = {}): ArrestSuspect => ({
  type: 'ArrestSuspect',
  caseId: CASE_ID,
  personId: SUSPECT,
  recognised: false,
  occurredAt: at('09:00'),
  nationality: 'RS',
  slovenianCitizen: false,
  place: '  Obrežje  ',
  personalData: sealedSuspect,
  ...overrides,
});

export const sealedMigrant: SealedPersonalData = {
  scheme: 'aes-256-gcm/v1',
  personId: MIGRANT,
  ciphertext: 'c2VhbGVkIG1pZ3JhbnQ=',
};

export const apprehendMigrant = (overrides: Partial<ApprehendMigrant> = {}): ApprehendMigrant => ({
  type: 'ApprehendMigrant',
  caseId: CASE_ID,
  personId: MIGRANT,
  recognised: false,
  occurredAt: at('09:00'),
  nationality: 'AF',
  minor: true,
  place: '  Obrežje  ',
  personalData: sealedMigrant,
  ...overrides,
});

/** The id of the n-th member of a group. */
export const memberId = (n: number) => `5a1d0d0e-3333-4e5f-8a9b-${String(n).padStart(12, '0')}`;

export const migrantToApprehend = (
  overrides: Partial<MigrantToApprehend> = {},
): MigrantToApprehend => ({
  personId: memberId(1),
  recognised: false,
  nationality: 'SY',
  minor: false,
  personalData: null,
  ...overrides,
});

export const apprehendMigrantGroup = (
  overrides: Partial<ApprehendMigrantGroup> = {},
): ApprehendMigrantGroup => ({
  type: 'ApprehendMigrantGroup',
  caseId: CASE_ID,
  groupId: GROUP_ID,
  occurredAt: at('09:00'),
  place: '  Obrežje, by the Krka  ',
  migrants: [
    migrantToApprehend({ personId: memberId(1), nationality: 'SY' }),
    migrantToApprehend({ personId: memberId(2), nationality: 'AF', minor: true }),
    migrantToApprehend({ personId: memberId(3), nationality: null, recognised: true }),
  ],
  ...overrides,
});

/** Personal data read off a passport. */
export const sealedFromPassport: SealedPersonalData = {
  scheme: 'aes-256-gcm/v1',
  personId: MIGRANT,
  ciphertext: 'aWRlbnRpdHkgZnJvbSBwYXNzcG9ydA==',
};

export const establishIdentity = (
  overrides: Partial<EstablishIdentity> = {},
): EstablishIdentity => ({
  type: 'EstablishIdentity',
  caseId: CASE_ID,
  personId: MIGRANT,
  occurredAt: at('13:00'),
  method: 'document',
  nationality: 'AF',
  personalData: sealedFromPassport,
  ...overrides,
});

// Custody: each step of the suspect's, at the time the scenario's event builders give it.

export const startPoliceDetention = (
  overrides: Partial<StartPoliceDetention> = {},
): StartPoliceDetention => ({
  type: 'StartPoliceDetention',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('09:30'),
  ...overrides,
});

export const issueDetentionDecision = (
  overrides: Partial<IssueDetentionDecision> = {},
): IssueDetentionDecision => ({
  type: 'IssueDetentionDecision',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('10:00'),
  reference: '  PU-NM-1/24 ',
  ...overrides,
});

export const bringBeforeJudge = (overrides: Partial<BringBeforeJudge> = {}): BringBeforeJudge => ({
  type: 'BringBeforeJudge',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('20:00'),
  court: ' Okrožno sodišče v Novem mestu ',
  ...overrides,
});

export const orderRemand = (overrides: Partial<OrderRemand> = {}): OrderRemand => ({
  type: 'OrderRemand',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('22:00'),
  court: ' Okrožno sodišče v Novem mestu ',
  grounds: ['flight-risk', 'reoffending'],
  prosecutorOffice: ' ODT Novo mesto ',
  proposalReference: ' Kt 1/24 ',
  months: 1,
  ...overrides,
});

export const serveRemandOrder = (overrides: Partial<ServeRemandOrder> = {}): ServeRemandOrder => ({
  type: 'ServeRemandOrder',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('08:00', 15),
  ...overrides,
});

export const extendRemand = (overrides: Partial<ExtendRemand> = {}): ExtendRemand => ({
  type: 'ExtendRemand',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('11:00', 15),
  by: 'out-of-trial-panel',
  months: 2,
  reference: ' Kr 1/24 ',
  ...overrides,
});

export const releaseFromCustody = (
  overrides: Partial<ReleaseFromCustody> = {},
): ReleaseFromCustody => ({
  type: 'ReleaseFromCustody',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('11:00'),
  reason: 'police-detention-ended',
  note: '  Released on the prosecutor’s instruction. ',
  ...overrides,
});

export const lodgeAppeal = (overrides: Partial<LodgeAppeal> = {}): LodgeAppeal => ({
  type: 'LodgeAppeal',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('11:00'),
  against: 'detention-decision',
  ...overrides,
});

export const decideAppeal = (overrides: Partial<DecideAppeal> = {}): DecideAppeal => ({
  type: 'DecideAppeal',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('09:00', 15),
  against: 'detention-decision',
  outcome: 'dismissed',
  court: ' Okrožno sodišče v Novem mestu ',
  ...overrides,
});

/** Of the migrant, by default. */
export const handOverToForeignAuthorities = (
  overrides: Partial<HandOverToForeignAuthorities> = {},
): HandOverToForeignAuthorities => ({
  type: 'HandOverToForeignAuthorities',
  caseId: CASE_ID,
  personId: MIGRANT,
  occurredAt: at('11:00'),
  country: 'HR',
  authority: ' PU Karlovac ',
  legalBasis: 'readmission-agreement',
  ...overrides,
});

export const recordSafeguard = (overrides: Partial<RecordSafeguard> = {}): RecordSafeguard => ({
  type: 'RecordSafeguard',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('09:10'),
  safeguard: 'rights-information',
  step: 'provided',
  by: ' PI Novak ',
  ...overrides,
});

export const recordDetentionPlace = (
  overrides: Partial<RecordDetentionPlace> = {},
): RecordDetentionPlace => ({
  type: 'RecordDetentionPlace',
  caseId: CASE_ID,
  personId: SUSPECT,
  occurredAt: at('09:45'),
  facility: ' PP Novo mesto, cells ',
  ...overrides,
});

// Protection: of the migrant, by default.

export const expressAsylumIntent = (
  overrides: Partial<ExpressAsylumIntent> = {},
): ExpressAsylumIntent => ({
  type: 'ExpressAsylumIntent',
  caseId: CASE_ID,
  personId: MIGRANT,
  occurredAt: at('10:00'),
  expressedTo: 'police',
  statement: 'handwritten',
  ...overrides,
});

export const referToAsylumCentre = (
  overrides: Partial<ReferToAsylumCentre> = {},
): ReferToAsylumCentre => ({
  type: 'ReferToAsylumCentre',
  caseId: CASE_ID,
  personId: MIGRANT,
  occurredAt: at('12:00'),
  facility: 'asylum-home-logatec',
  ...overrides,
});

export const recordLeftReception = (
  overrides: Partial<RecordLeftReception> = {},
): RecordLeftReception => ({
  type: 'RecordLeftReception',
  caseId: CASE_ID,
  personId: MIGRANT,
  occurredAt: at('20:00'),
  facility: 'asylum-home-ljubljana',
  ...overrides,
});
