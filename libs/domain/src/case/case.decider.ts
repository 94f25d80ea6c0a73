import { CaseEvent } from './events';
import { CaseState } from './state/case.state';
import { assertLawfulAddition } from './state/chronology';
import { BringBeforeJudge } from './custody/bring-before-judge/bring-before-judge.command';
import { bringBeforeJudge } from './custody/bring-before-judge/bring-before-judge.decision';
import { DecideAppeal } from './custody/decide-appeal/decide-appeal.command';
import { decideAppeal } from './custody/decide-appeal/decide-appeal.decision';
import { LodgeAppeal } from './custody/lodge-appeal/lodge-appeal.command';
import { lodgeAppeal } from './custody/lodge-appeal/lodge-appeal.decision';
import { ExtendRemand } from './custody/extend-remand/extend-remand.command';
import { extendRemand } from './custody/extend-remand/extend-remand.decision';
import { HandOverToForeignAuthorities } from './custody/hand-over-to-foreign-authorities/hand-over-to-foreign-authorities.command';
import { handOverToForeignAuthorities } from './custody/hand-over-to-foreign-authorities/hand-over-to-foreign-authorities.decision';
import { IssueDetentionDecision } from './custody/issue-detention-decision/issue-detention-decision.command';
import { issueDetentionDecision } from './custody/issue-detention-decision/issue-detention-decision.decision';
import { OrderRemand } from './custody/order-remand/order-remand.command';
import { orderRemand } from './custody/order-remand/order-remand.decision';
import { ReleaseFromCustody } from './custody/release-from-custody/release-from-custody.command';
import { releaseFromCustody } from './custody/release-from-custody/release-from-custody.decision';
import { RecordDetentionPlace } from './custody/record-detention-place/record-detention-place.command';
import { recordDetentionPlace } from './custody/record-detention-place/record-detention-place.decision';
import { RecordSafeguard } from './custody/record-safeguard/record-safeguard.command';
import { recordSafeguard } from './custody/record-safeguard/record-safeguard.decision';
import { ServeRemandOrder } from './custody/serve-remand-order/serve-remand-order.command';
import { serveRemandOrder } from './custody/serve-remand-order/serve-remand-order.decision';
import { StartPoliceDetention } from './custody/start-police-detention/start-police-detention.command';
import { startPoliceDetention } from './custody/start-police-detention/start-police-detention.decision';
import { AmendCaseDetails } from './lifecycle/amend-case-details/amend-case-details.command';
import { amendCaseDetails } from './lifecycle/amend-case-details/amend-case-details.decision';
import { CloseCase } from './lifecycle/close-case/close-case.command';
import { closeCase } from './lifecycle/close-case/close-case.decision';
import { FileCriminalComplaint } from './lifecycle/file-criminal-complaint/file-criminal-complaint.command';
import { fileCriminalComplaint } from './lifecycle/file-criminal-complaint/file-criminal-complaint.decision';
import { LinkJointOperation } from './lifecycle/link-joint-operation/link-joint-operation.command';
import { linkJointOperation } from './lifecycle/link-joint-operation/link-joint-operation.decision';
import { OpenCase } from './lifecycle/open-case/open-case.command';
import { openCase } from './lifecycle/open-case/open-case.decision';
import { RecordCorrection } from './lifecycle/record-correction/record-correction.command';
import { recordCorrection } from './lifecycle/record-correction/record-correction.decision';
import { WithdrawEntry } from './lifecycle/withdraw-entry/withdraw-entry.command';
import { withdrawEntry } from './lifecycle/withdraw-entry/withdraw-entry.decision';
import { RecordIndictment } from './lifecycle/record-indictment/record-indictment.command';
import { recordIndictment } from './lifecycle/record-indictment/record-indictment.decision';
import { ReferToProsecution } from './lifecycle/refer-to-prosecution/refer-to-prosecution.command';
import { referToProsecution } from './lifecycle/refer-to-prosecution/refer-to-prosecution.decision';
import { ApprehendMigrantGroup } from './people/apprehend-migrant-group/apprehend-migrant-group.command';
import { apprehendMigrantGroup } from './people/apprehend-migrant-group/apprehend-migrant-group.decision';
import { ApprehendMigrant } from './people/apprehend-migrant/apprehend-migrant.command';
import { apprehendMigrant } from './people/apprehend-migrant/apprehend-migrant.decision';
import { ArrestSuspect } from './people/arrest-suspect/arrest-suspect.command';
import { arrestSuspect } from './people/arrest-suspect/arrest-suspect.decision';
import { EstablishIdentity } from './people/establish-identity/establish-identity.command';
import { establishIdentity } from './people/establish-identity/establish-identity.decision';
import { ExpressAsylumIntent } from './protection/express-asylum-intent/express-asylum-intent.command';
import { expressAsylumIntent } from './protection/express-asylum-intent/express-asylum-intent.decision';
import { RecordLeftReception } from './protection/record-left-reception/record-left-reception.command';
import { recordLeftReception } from './protection/record-left-reception/record-left-reception.decision';
import { ReferToAsylumCentre } from './protection/refer-to-asylum-centre/refer-to-asylum-centre.command';
import { referToAsylumCentre } from './protection/refer-to-asylum-centre/refer-to-asylum-centre.decision';

export type CaseCommand =
  | OpenCase
  | AmendCaseDetails
  | LinkJointOperation
  | FileCriminalComplaint
  | ReferToProsecution
  | RecordIndictment
  | CloseCase
  | RecordCorrection
  | WithdrawEntry
  | ArrestSuspect
  | ApprehendMigrant
  | ApprehendMigrantGroup
  | EstablishIdentity
  | StartPoliceDetention
  | IssueDetentionDecision
  | BringBeforeJudge
  | OrderRemand
  | ServeRemandOrder
  | ExtendRemand
  | ReleaseFromCustody
  | LodgeAppeal
  | DecideAppeal
  | HandOverToForeignAuthorities
  | RecordSafeguard
  | RecordDetentionPlace
  | ExpressAsylumIntent
  | ReferToAsylumCentre
  | RecordLeftReception;

/**
 * The single entry point for every decision on a case stream. A decision checks what the
 * command says; the history rules then judge the chronology its events would make, whatever
 * order the facts were entered in.
 */
export function decideCase(command: CaseCommand, state: CaseState, now: Date): CaseEvent[] {
  const events = decide(command, state, now);
  assertLawfulAddition(state, events);
  return events;
}

function decide(command: CaseCommand, state: CaseState, now: Date): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return openCase(command, state, now);
    case 'AmendCaseDetails':
      return amendCaseDetails(command, state, now);
    case 'LinkJointOperation':
      return linkJointOperation(command, state, now);
    case 'FileCriminalComplaint':
      return fileCriminalComplaint(command, state, now);
    case 'ReferToProsecution':
      return referToProsecution(command, state, now);
    case 'RecordIndictment':
      return recordIndictment(command, state, now);
    case 'CloseCase':
      return closeCase(command, state, now);
    case 'RecordCorrection':
      return recordCorrection(command, state, now);
    case 'WithdrawEntry':
      return withdrawEntry(command, state, now);
    case 'ArrestSuspect':
      return arrestSuspect(command, state, now);
    case 'ApprehendMigrant':
      return apprehendMigrant(command, state, now);
    case 'ApprehendMigrantGroup':
      return apprehendMigrantGroup(command, state, now);
    case 'EstablishIdentity':
      return establishIdentity(command, state, now);
    case 'StartPoliceDetention':
      return startPoliceDetention(command, state, now);
    case 'IssueDetentionDecision':
      return issueDetentionDecision(command, state, now);
    case 'BringBeforeJudge':
      return bringBeforeJudge(command, state, now);
    case 'OrderRemand':
      return orderRemand(command, state, now);
    case 'ServeRemandOrder':
      return serveRemandOrder(command, state, now);
    case 'ExtendRemand':
      return extendRemand(command, state, now);
    case 'ReleaseFromCustody':
      return releaseFromCustody(command, state, now);
    case 'LodgeAppeal':
      return lodgeAppeal(command, state, now);
    case 'DecideAppeal':
      return decideAppeal(command, state, now);
    case 'HandOverToForeignAuthorities':
      return handOverToForeignAuthorities(command, state, now);
    case 'RecordSafeguard':
      return recordSafeguard(command, state, now);
    case 'RecordDetentionPlace':
      return recordDetentionPlace(command, state, now);
    case 'ExpressAsylumIntent':
      return expressAsylumIntent(command, state, now);
    case 'ReferToAsylumCentre':
      return referToAsylumCentre(command, state, now);
    case 'RecordLeftReception':
      return recordLeftReception(command, state, now);
  }
}
