import {
  APPEALABLE,
  APPEAL_OUTCOMES,
  PARTNER_COUNTRIES,
  RELEASE_REASONS,
  REMAND_EXTENDERS,
  REMAND_GROUNDS,
  SAFEGUARDS,
} from '@app/domain';
import { choice, closedObject, nullable, text } from '../json-schema';
import { EventSchemaTable, personFact } from './common.schemas';

/** Months are whole calendar months; their ceilings are rules of the day, not the contract. */
const months = { type: 'integer', minimum: 1 };

export const CUSTODY_EVENT_SCHEMAS: EventSchemaTable = {
  'custody.police-detention-started': { 1: personFact() },
  'custody.detention-decision-issued': { 1: personFact({ reference: text }) },
  'custody.brought-before-judge': { 1: personFact({ court: text }) },
  'custody.remand-ordered': {
    1: personFact({
      court: text,
      grounds: { type: 'array', items: choice(REMAND_GROUNDS), minItems: 1, uniqueItems: true },
      proposal: closedObject({ prosecutorOffice: text, reference: text }),
      months,
    }),
  },
  'custody.remand-order-served': { 1: personFact() },
  'custody.remand-extended': {
    1: personFact({ by: choice(REMAND_EXTENDERS), months, reference: text }),
  },
  'custody.released': {
    1: personFact({ reason: choice(RELEASE_REASONS), note: nullable(text) }),
  },
  'custody.appeal-lodged': {
    1: personFact({ against: choice(APPEALABLE) }),
  },
  'custody.appeal-decided': {
    1: personFact({ against: choice(APPEALABLE), outcome: choice(APPEAL_OUTCOMES), court: text }),
  },
  'custody.handed-over': {
    1: personFact({
      country: choice(PARTNER_COUNTRIES),
      authority: text,
      legalBasis: choice(['readmission-agreement', 'other']),
    }),
  },
  'custody.safeguard-requested': { 1: personFact({ safeguard: choice(SAFEGUARDS) }) },
  'custody.safeguard-provided': {
    1: personFact({ safeguard: choice(SAFEGUARDS), by: text, detail: nullable(text) }),
  },
  'custody.safeguard-delayed': {
    1: personFact({ safeguard: choice(SAFEGUARDS), reason: text, authorisedBy: text }),
  },
  'custody.detention-place-recorded': { 1: personFact({ facility: text }) },
};
