import { IDENTIFICATION_METHODS } from '@app/domain';
import { JsonSchema, choice, nullable, text, uuid } from '../json-schema';
import { EventSchemaTable, nationality, personFact, sealedPersonalData } from './common.schemas';

const suspectArrested = (citizenship: 'required' | 'optional'): JsonSchema => {
  const common = {
    recognised: { type: 'boolean' },
    nationality,
    place: text,
    personalData: sealedPersonalData,
  };
  const slovenianCitizen = { slovenianCitizen: { type: 'boolean' } };
  return citizenship === 'required'
    ? personFact({ ...common, ...slovenianCitizen })
    : personFact(common, slovenianCitizen);
};

export const PEOPLE_EVENT_SCHEMAS: EventSchemaTable = {
  'person.suspect-arrested': {
    // v1 left slovenianCitizen optional (without it, citizenship follows nationality when read).
    1: suspectArrested('optional'),
    // v2 records citizenship apart from nationality (a dual national).
    2: suspectArrested('required'),
  },
  'person.migrant-apprehended': {
    1: personFact({
      recognised: { type: 'boolean' },
      nationality,
      minor: { type: 'boolean' },
      place: text,
      groupId: nullable(uuid),
      personalData: sealedPersonalData,
    }),
  },
  'person.identity-established': {
    1: personFact({
      method: choice(IDENTIFICATION_METHODS),
      nationality,
      personalData: sealedPersonalData,
    }),
  },
};
