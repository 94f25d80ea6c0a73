import { ASYLUM_FACILITIES, INTENT_STATEMENTS } from '@app/domain';
import { choice, nullable, text } from '../json-schema';
import { EventSchemaTable, personFact } from './common.schemas';

export const PROTECTION_EVENT_SCHEMAS: EventSchemaTable = {
  'protection.asylum-intent-expressed': {
    1: personFact({
      expressedTo: choice(['police', 'other-authority']),
      authority: nullable(text),
      statement: choice(INTENT_STATEMENTS),
    }),
  },
  'protection.referred-to-asylum-centre': {
    1: personFact({ facility: choice(ASYLUM_FACILITIES) }),
  },
  'protection.left-reception': { 1: personFact({ facility: choice(ASYLUM_FACILITIES) }) },
};
