/** What a refusal code stands for: the HTTP status it is answered with, and its meaning. */
export interface RefusalEntry {
  /** Part of the API contract: change it only with a new API version. */
  readonly status: number;
  /** For people reading docs/problems.md and the OpenAPI document; Markdown. */
  readonly meaning: string;
}

/**
 * Every code the domain, the person register and the event store refuse a command or a read
 * with. `DomainError` takes only these codes, so a code missing here does not compile; the API
 * answers with the status given here, and docs/problems.md and the OpenAPI document are
 * written from it.
 */
export const REFUSALS = {
  'ASYLUM.ALREADY_REFERRED': {
    status: 422,
    meaning: 'The person was already referred to reception then (and had not left it).',
  },
  'ASYLUM.AUTHORITY_REQUIRED': {
    status: 422,
    meaning: 'An intent expressed to another authority names that authority.',
  },
  'ASYLUM.CANNOT_RETURN': {
    status: 422,
    meaning:
      'A handover while an intent to apply for international protection stood. An intent entered late that shows an earlier handover was unlawful is recorded, and the handover stays as a breach in the timeline.',
  },
  'ASYLUM.INVALID_AUTHORITY': {
    status: 422,
    meaning: 'The kind of authority is not `police` or `other-authority`, or its name is too long.',
  },
  'ASYLUM.INVALID_FACILITY': {
    status: 422,
    meaning: 'Not the Asylum Home in Ljubljana or its Logatec branch.',
  },
  'ASYLUM.INVALID_STATEMENT': {
    status: 422,
    meaning: 'The statement is not handwritten, dictated or refused.',
  },
  'ASYLUM.NOT_REFERRED': {
    status: 422,
    meaning:
      'Leaving reception a second time with no referral in between; in a procedure, leaving an asylum home the person was not referred to (by then).',
  },
  'CASE.ALREADY_OPENED': { status: 409, meaning: 'A case with this id exists.' },
  'CASE.ALREADY_REFERRED': {
    status: 422,
    meaning: 'The case was already referred to prosecution.',
  },
  'CASE.CLOSED': {
    status: 422,
    meaning: 'A closed case takes nothing but corrections and withdrawals.',
  },
  'CASE.COMPLAINT_ALREADY_FILED': {
    status: 422,
    meaning: 'A criminal complaint with this reference is on record.',
  },
  'CASE.INDICTMENT_ALREADY_RECORDED': {
    status: 422,
    meaning: 'An indictment with this reference is on record.',
  },
  'CASE.INVALID_BORDER_SECTION': {
    status: 422,
    meaning: 'The border section is blank or too long.',
  },
  'CASE.INVALID_CLOSURE_REASON': { status: 422, meaning: 'Not one of the closure reasons.' },
  'CASE.INVALID_COURT': { status: 422, meaning: 'The court is blank or too long.' },
  'CASE.INVALID_NOTE': { status: 422, meaning: 'The note is too long.' },
  'CASE.INVALID_PROSECUTOR_OFFICE': {
    status: 422,
    meaning: "The prosecutor's office is blank or too long.",
  },
  'CASE.INVALID_REFERENCE': { status: 422, meaning: 'The reference is blank or too long.' },
  'CASE.INVALID_SUMMARY': { status: 422, meaning: 'The summary is blank or too long.' },
  'CASE.NOTHING_TO_AMEND': { status: 422, meaning: 'The amendment changes nothing.' },
  'CASE.NOT_FOUND': {
    status: 404,
    meaning: "No such case, or one outside the caller's directorate.",
  },
  'CASE.NOT_REFERRED': {
    status: 422,
    meaning: 'An indictment needs the referral to prosecution on record.',
  },
  'CASE.NO_CRIMINAL_COMPLAINT': {
    status: 422,
    meaning: 'A referral to prosecution needs a criminal complaint on record.',
  },
  'CASE.NO_DEFENDANTS': { status: 422, meaning: 'An indictment names at least one defendant.' },
  'CASE.OPERATION_ALREADY_LINKED': {
    status: 422,
    meaning: 'The case is already linked to this joint operation.',
  },
  'CASE.PERSONS_HELD': {
    status: 422,
    meaning: 'A case is not closed while anyone is held in it; `personIds` names them.',
  },
  'CASE.UNKNOWN_DIRECTORATE': { status: 422, meaning: 'Not one of the eight police directorates.' },
  'CASE.UNKNOWN_OFFENCE_PARAGRAPH': {
    status: 422,
    meaning: 'Article 308 KZ-1 has no such paragraph.',
  },
  'CORRECTION.BREAKS_CHRONOLOGY': {
    status: 422,
    meaning:
      'After the correction, a fact would break a history rule; `rule` and `eventId` say which.',
  },
  'CORRECTION.FIELD_NOT_CORRECTABLE': {
    status: 422,
    meaning:
      'The field cannot be corrected (identities never are); `correctable` lists those that can.',
  },
  'CORRECTION.INVALID_REASON': { status: 422, meaning: 'The reason is blank or too long.' },
  'CORRECTION.INVALID_VALUE': { status: 422, meaning: 'A corrected value has the wrong form.' },
  'CORRECTION.NOTHING_TO_CORRECT': { status: 422, meaning: 'The correction changes nothing.' },
  'CORRECTION.OF_WITHDRAWAL': {
    status: 422,
    meaning: 'A withdrawal is not corrected: withdraw it to reinstate the entry.',
  },
  'CORRECTION.OF_WITHDRAWN_ENTRY': {
    status: 422,
    meaning: 'The entry is withdrawn: withdraw the withdrawal first.',
  },
  'CORRECTION.UNKNOWN_EVENT': { status: 422, meaning: 'The case has no entry with this event id.' },
  'CUSTODY.ALREADY_HANDED_OVER': {
    status: 422,
    meaning: 'The person had already been handed over then.',
  },
  'CUSTODY.ALREADY_HELD': {
    status: 422,
    meaning: 'An arrest of a suspect who was held in the case then.',
  },
  'CUSTODY.ALREADY_ON_REMAND': {
    status: 422,
    meaning: 'A remand order while a remand ran: extend it instead.',
  },
  'CUSTODY.APPEAL_PENDING': {
    status: 422,
    meaning: 'An appeal against the same decision was pending then.',
  },
  'CUSTODY.DECISION_ALREADY_ISSUED': {
    status: 422,
    meaning: 'The detention decision on that detention was already issued.',
  },
  'CUSTODY.EXTENSION_BEYOND_CEILING': {
    status: 422,
    meaning:
      "The extension takes the person's remand in the case past its ceiling (`ceilingMonths`, `totalMonths`).",
  },
  'CUSTODY.EXTENSION_TOO_LONG': {
    status: 422,
    meaning: 'More months than one extension by this court may give, or not a whole number.',
  },
  'CUSTODY.HELD_IN_CRIMINAL_CUSTODY': {
    status: 422,
    meaning: 'A handover or a referral to reception of someone held in criminal custody then.',
  },
  'CUSTODY.INVALID_APPEAL': {
    status: 422,
    meaning: 'Appeals are against the `detention-decision` or the `remand-order`.',
  },
  'CUSTODY.INVALID_APPEAL_OUTCOME': {
    status: 422,
    meaning: 'An appeal is `dismissed` or `granted`.',
  },
  'CUSTODY.INVALID_AUTHORITY': {
    status: 422,
    meaning: 'The foreign authority is blank or too long.',
  },
  'CUSTODY.INVALID_COUNTRY': {
    status: 422,
    meaning: 'Not a neighbouring country (HR, HU, AT, IT).',
  },
  'CUSTODY.INVALID_COURT': { status: 422, meaning: 'The court is blank or too long.' },
  'CUSTODY.INVALID_EXTENDER': {
    status: 422,
    meaning: 'Remand is extended by the out-of-trial panel or the Supreme Court.',
  },
  'CUSTODY.INVALID_FACILITY': {
    status: 422,
    meaning: 'The place of detention is empty or longer than 200 characters.',
  },
  'CUSTODY.INVALID_LEGAL_BASIS': {
    status: 422,
    meaning: 'Not the readmission agreement or `other`.',
  },
  'CUSTODY.INVALID_NOTE': { status: 422, meaning: 'The note is too long.' },
  'CUSTODY.INVALID_PROSECUTOR_OFFICE': {
    status: 422,
    meaning: "The prosecutor's office is blank or too long.",
  },
  'CUSTODY.INVALID_REFERENCE': { status: 422, meaning: 'The reference is blank or too long.' },
  'CUSTODY.INVALID_RELEASE_REASON': { status: 422, meaning: 'Not one of the release reasons.' },
  'CUSTODY.INVALID_REMAND_GROUND': { status: 422, meaning: 'Not a ground of ZKP Art. 201.' },
  'CUSTODY.INVALID_STEP': {
    status: 422,
    meaning: 'Police detention from a phase it cannot follow (the judge had taken over).',
  },
  'CUSTODY.NOTHING_TO_APPEAL': {
    status: 422,
    meaning:
      'No detention decision (or remand order) on record was in force then to appeal against.',
  },
  'CUSTODY.NOT_HELD': { status: 422, meaning: 'The person was not held in the case at that time.' },
  'CUSTODY.NOT_IN_POLICE_CUSTODY': {
    status: 422,
    meaning: 'Brought before the judge when the police no longer held the suspect.',
  },
  'CUSTODY.NOT_IN_POLICE_DETENTION': {
    status: 422,
    meaning: 'A detention decision when the suspect was not held by the police.',
  },
  'CUSTODY.NOT_ON_REMAND': {
    status: 422,
    meaning: 'A remand act (service, extension) for someone not held then.',
  },
  'CUSTODY.NO_APPEAL_PENDING': {
    status: 422,
    meaning: 'A decision on an appeal that was not pending then.',
  },
  'CUSTODY.NO_REMAND_GROUNDS': { status: 422, meaning: 'A remand names at least one ground.' },
  'CUSTODY.REMAND_CEILING_REACHED': {
    status: 422,
    meaning: 'With earlier remands in the case, the new remand would pass the ceiling.',
  },
  'CUSTODY.REMAND_EXPIRED': {
    status: 422,
    meaning:
      'The extension is dated after the remand on record ran out (`expiredAt`); if an earlier extension is missing, enter it first.',
  },
  'CUSTODY.REMAND_ORDER_ALREADY_SERVED': {
    status: 422,
    meaning: 'The remand order was already served.',
  },
  'CUSTODY.REMAND_TOO_LONG': {
    status: 422,
    meaning: 'The investigating judge orders remand for at most one month.',
  },
  'CUSTODY.REMAND_WITHOUT_ARREST': {
    status: 422,
    meaning: 'Remand of someone who was not held then.',
  },
  'CUSTODY.SUPREME_COURT_NOT_AVAILABLE': {
    status: 422,
    meaning:
      'The Supreme Court extends remand only for offences punishable by more than five years (ZKP Art. 205(3), _check_); Art. 308(3) carries five.',
  },
  'HISTORY.BREAKS_LATER_FACT': {
    status: 422,
    meaning:
      'The new fact would make a later fact on record unlawful; `rule`, `eventId` and `eventType` say which.',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    status: 422,
    meaning: 'The `Idempotency-Key` was used for a different request.',
  },
  'JOINT_OPERATION.ALREADY_REPORTED': {
    status: 422,
    meaning:
      "The partner's figures for this area of the operation are on record already (`operationCode`, `area`); correcting them is not supported yet.",
  },
  'JOINT_OPERATION.INVALID_AREA': {
    status: 422,
    meaning: 'Not `covered-sections` or `elsewhere`.',
  },
  'JOINT_OPERATION.INVALID_AUTHORITY': {
    status: 422,
    meaning: 'The reporting authority is blank or too long.',
  },
  'JOINT_OPERATION.INVALID_COUNT': {
    status: 422,
    meaning:
      'A reported figure is not a whole number of 0 or more, or the report gives neither migrants nor smugglers.',
  },
  'JOINT_OPERATION.INVALID_SOURCE': {
    status: 422,
    meaning: "The source of the partner's figures is blank or too long.",
  },
  'JOINT_OPERATION.NOT_FOUND': {
    status: 404,
    meaning: 'No case, procedure or partner report names the operation code.',
  },
  'OPERATION.INVALID_CODE': { status: 422, meaning: 'The operation code is blank or too long.' },
  'OPERATION.INVALID_KIND': { status: 422, meaning: 'Not a kind of joint operation.' },
  'OPERATION.INVALID_NAME': { status: 422, meaning: 'The operation name is blank or too long.' },
  'OPERATION.INVALID_PARTNER': {
    status: 422,
    meaning: 'Not a neighbouring country (HR, HU, AT, IT).',
  },
  'OPERATION.INVALID_PERIOD': { status: 422, meaning: 'The operation must end after it starts.' },
  'PERSON.ALREADY_ERASED': {
    status: 409,
    meaning: "The person's personal data was already erased.",
  },
  'PERSON.DATA_ERASED': { status: 410, meaning: 'The personal data asked for was erased.' },
  'PERSON.DUPLICATE_IN_GROUP': {
    status: 422,
    meaning: 'The same person is listed twice in a group.',
  },
  'PERSON.ERASED': {
    status: 422,
    meaning: "The person's data key is destroyed: their data cannot be sealed or read.",
  },
  'PERSON.HANDED_OVER': {
    status: 422,
    meaning: "A protection act at or after the person's handover.",
  },
  'PERSON.IDENTITY_CONFLICT': {
    status: 409,
    meaning: 'The documents given belong to different registered persons.',
  },
  'PERSON.INCONSISTENT_CITIZENSHIP': {
    status: 422,
    meaning: 'A person of Slovenian nationality recorded as not a Slovenian citizen.',
  },
  'PERSON.INVALID_GROUP_SIZE': { status: 422, meaning: 'A group has 1 to 200 people.' },
  'PERSON.INVALID_IDENTIFICATION_METHOD': {
    status: 422,
    meaning: 'Not one of the ways an identity is established.',
  },
  'PERSON.INVALID_NATIONALITY': { status: 422, meaning: 'Not an ISO 3166-1 alpha-2 code.' },
  'PERSON.INVALID_PLACE': { status: 422, meaning: 'The place is blank or too long.' },
  'PERSON.NOTHING_ESTABLISHED': {
    status: 422,
    meaning: 'An identity establishes a nationality or personal data.',
  },
  'PERSON.NOT_A_SUSPECT': {
    status: 422,
    meaning: 'Criminal custody and charges apply to suspects, not to apprehended migrants.',
  },
  'PERSON.NOT_FOUND': { status: 404, meaning: 'No such person.' },
  'PERSON.NOT_IN_CASE': {
    status: 404,
    meaning:
      'The person is not in the case, or a withdrawal would leave their facts with no arrest or apprehension (404 for a command naming them); a procedure linked to a case whose migrant the person is not (`person` names the line of a group).',
  },
  'PERSON.ROLE_CONFLICT': {
    status: 422,
    meaning: 'The person is in the case in the other role (suspect or migrant).',
  },
  'PERSON.SAME_DOCUMENT_TWICE': {
    status: 422,
    meaning: 'One document given for two persons in one request.',
  },
  'PERSON.SLOVENIAN_CITIZEN': {
    status: 422,
    meaning:
      'A Slovenian citizen is not handed over under readmission and does not apply for protection.',
  },
  'PERSON.SLOVENIAN_NOT_MIGRANT': {
    status: 422,
    meaning: 'A Slovenian national is not an apprehended migrant.',
  },
  'PROCEDURE.ALREADY_IN_BORDER_DETENTION': {
    status: 422,
    meaning: 'The border detention of this procedure is already on record.',
  },
  'PROCEDURE.ALREADY_LEFT': {
    status: 422,
    meaning: "The person's departure from the asylum home is already on record in this procedure.",
  },
  'PROCEDURE.ALREADY_LINKED': {
    status: 422,
    meaning: 'The procedure is linked to a smuggling case already (`caseId` names it).',
  },
  'PROCEDURE.BEFORE_APPREHENSION': {
    status: 422,
    meaning: 'A fact of a procedure dated before the person was apprehended.',
  },
  'PROCEDURE.CONCLUDED': {
    status: 422,
    meaning:
      'The procedure already ended in a referral, a handover or a release (a procedure ends once), or the person was gone by then.',
  },
  'PROCEDURE.INTENT_ALREADY_RECORDED': {
    status: 422,
    meaning:
      'The intent of this procedure is on record; caught again, a person says it again in a new procedure.',
  },
  'PROCEDURE.INVALID_COUNTRY': {
    status: 422,
    meaning: 'Not a neighbouring country (HR, HU, AT, IT).',
  },
  'PROCEDURE.INVALID_DESTINATION': {
    status: 422,
    meaning: 'Not the Asylum Home (Ljubljana), its Logatec branch or the Aliens Centre.',
  },
  'PROCEDURE.INVALID_JOINT_OPERATION': {
    status: 422,
    meaning: 'The joint operation code is too long.',
  },
  'PROCEDURE.INVALID_REASON': {
    status: 422,
    meaning: 'The reason for a release is blank or too long.',
  },
  'PROCEDURE.NOT_FOUND': {
    status: 404,
    meaning: "No such procedure, or one outside the caller's directorate.",
  },
  'SAFEGUARD.AUTHORISATION_REQUIRED': {
    status: 422,
    meaning: 'A delayed safeguard names who authorised the delay.',
  },
  'SAFEGUARD.INVALID_DETAIL': {
    status: 422,
    meaning: 'The detail of a safeguard given is longer than 200 characters.',
  },
  'SAFEGUARD.INVALID_STEP': {
    status: 422,
    meaning: 'The step is not `requested`, `provided` or `delayed`.',
  },
  'SAFEGUARD.PROVIDER_REQUIRED': { status: 422, meaning: 'A safeguard given names who gave it.' },
  'SAFEGUARD.REASON_REQUIRED': {
    status: 422,
    meaning: 'A delayed safeguard says why it was delayed.',
  },
  'SAFEGUARD.UNKNOWN': {
    status: 422,
    meaning: 'The safeguard is not one of those the board tracks.',
  },
  'STREAM.VERSION_CONFLICT': {
    status: 409,
    meaning: 'Another write came first, or `If-Match` is stale.',
  },
  'TIME.BEFORE_ARREST_OR_APPREHENSION': {
    status: 422,
    meaning: 'A fact about a person dated before they were arrested or apprehended in the case.',
  },
  'TIME.BEFORE_COMPLAINT': {
    status: 422,
    meaning: 'A referral to prosecution dated before the earliest criminal complaint.',
  },
  'TIME.BEFORE_LAST_RECORDED_ACT': {
    status: 422,
    meaning: 'A closure dated before a fact on record.',
  },
  'TIME.BEFORE_PREVIOUS_CUSTODY_ACT': {
    status: 422,
    meaning:
      'A custody act dated before one on record that the law puts after it (a hearing dated before the detention decision it follows); `before` names it.',
  },
  'TIME.BEFORE_REFERRAL': {
    status: 422,
    meaning: 'An indictment dated before the referral to prosecution.',
  },
  'TIME.INVALID': { status: 422, meaning: 'The time is not a valid instant.' },
  'TIME.IN_FUTURE': {
    status: 422,
    meaning: 'The time lies in the future (beyond a two-minute tolerance).',
  },
  'WITHDRAWAL.ALREADY_WITHDRAWN': { status: 422, meaning: 'The entry is already withdrawn.' },
  'WITHDRAWAL.BREAKS_CHRONOLOGY': {
    status: 422,
    meaning:
      'Without the entry, a fact would break a history rule; `rule` and `eventId` say which.',
  },
  'WITHDRAWAL.CASE_OPENING': {
    status: 422,
    meaning: 'The opening of a case is not withdrawn: correct it, or close the case.',
  },
  'WITHDRAWAL.INVALID_REASON': { status: 422, meaning: 'The reason is blank or too long.' },
  'WITHDRAWAL.UNKNOWN_EVENT': { status: 422, meaning: 'The case has no entry with this event id.' },
} as const satisfies Readonly<Record<string, RefusalEntry>>;

export type RefusalCode = keyof typeof REFUSALS;
