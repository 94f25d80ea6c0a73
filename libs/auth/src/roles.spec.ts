import { DIRECTORATES, Directorate } from '@app/domain';
import {
  Actor,
  PERMISSIONS,
  Permission,
  ROLES,
  ROLE_PERMISSIONS,
  Role,
  hasPermission,
  mayAccessDirectorate,
} from './roles';

const actor = (role: Role, directorate: Directorate | null = null): Actor => ({
  id: `u-${role}`,
  role,
  directorate,
});

describe('roles and permissions', () => {
  // Written out in full so that widening a role shows up as a failing test to review.
  it('grants exactly these permissions', () => {
    expect(ROLES).toEqual([
      'investigator',
      'border-officer',
      'supervisor',
      'prosecutor-liaison',
      'auditor',
    ]);
    expect(PERMISSIONS).toEqual([
      'case.read',
      'case.write',
      'person.read',
      'person.erase',
      'audit.read',
      'breach.read',
      'procedure.read',
      'procedure.write',
    ]);
    expect(ROLE_PERMISSIONS).toEqual({
      investigator: ['case.read', 'case.write', 'person.read', 'procedure.read', 'procedure.write'],
      'border-officer': ['procedure.read', 'procedure.write'],
      supervisor: [
        'case.read',
        'case.write',
        'person.read',
        'person.erase',
        'breach.read',
        'procedure.read',
        'procedure.write',
      ],
      'prosecutor-liaison': ['case.read', 'person.read', 'procedure.read'],
      auditor: ['case.read', 'person.read', 'audit.read', 'breach.read', 'procedure.read'],
    });
  });

  it.each<[Role, Permission, boolean]>([
    ['investigator', 'case.read', true],
    ['investigator', 'case.write', true],
    ['supervisor', 'case.read', true],
    ['supervisor', 'case.write', true],
    ['prosecutor-liaison', 'case.read', true],
    ['prosecutor-liaison', 'case.write', false],
    ['auditor', 'case.read', true],
    ['auditor', 'case.write', false],
    ['auditor', 'audit.read', true],
    ['supervisor', 'audit.read', false],
    ['supervisor', 'person.erase', true],
    ['investigator', 'person.erase', false],
    ['auditor', 'person.erase', false],
    ['supervisor', 'breach.read', true],
    ['auditor', 'breach.read', true],
    ['investigator', 'breach.read', false],
    ['prosecutor-liaison', 'breach.read', false],
    ['border-officer', 'procedure.write', true],
    ['border-officer', 'case.read', false],
    ['border-officer', 'person.read', false],
    ['prosecutor-liaison', 'procedure.write', false],
    ['auditor', 'procedure.read', true],
  ])('%s has %s: %s', (role, permission, expected) => {
    expect(hasPermission(actor(role, 'ljubljana'), permission)).toBe(expected);
  });
});

describe('directorate scope', () => {
  const others = DIRECTORATES.filter((d) => d !== 'novo-mesto');

  it('lets an investigator reach their own directorate', () => {
    expect(mayAccessDirectorate(actor('investigator', 'novo-mesto'), 'novo-mesto')).toBe(true);
  });

  it.each(others)('keeps an investigator of novo-mesto out of %s', (directorate) => {
    expect(mayAccessDirectorate(actor('investigator', 'novo-mesto'), directorate)).toBe(false);
  });

  it.each(others)('keeps a border officer of novo-mesto out of %s', (directorate) => {
    expect(mayAccessDirectorate(actor('border-officer', 'novo-mesto'), directorate)).toBe(false);
    expect(mayAccessDirectorate(actor('border-officer', 'novo-mesto'), 'novo-mesto')).toBe(true);
  });

  // Defence in depth: such an actor cannot come from a verified token, but if one is built
  // by mistake it must reach nothing rather than everything.
  it.each(DIRECTORATES)('keeps an investigator without a directorate out of %s', (directorate) => {
    expect(mayAccessDirectorate(actor('investigator'), directorate)).toBe(false);
  });

  it('does not treat an unknown directorate name as a match', () => {
    expect(mayAccessDirectorate(actor('investigator', 'novo-mesto'), 'Novo-Mesto')).toBe(false);
    expect(mayAccessDirectorate(actor('investigator', 'novo-mesto'), '')).toBe(false);
  });

  const national: Role[] = ['supervisor', 'prosecutor-liaison', 'auditor'];
  const nationalCases = national.flatMap((role) =>
    DIRECTORATES.map((directorate): [Role, Directorate] => [role, directorate]),
  );

  it.each(nationalCases)('lets a %s without a directorate reach %s', (role, directorate) => {
    expect(mayAccessDirectorate(actor(role), directorate)).toBe(true);
  });

  it.each(national)('lets a %s who belongs to a directorate reach the others', (role) => {
    for (const directorate of others) {
      expect(mayAccessDirectorate(actor(role, 'novo-mesto'), directorate)).toBe(true);
    }
  });
});
