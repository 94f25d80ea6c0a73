import { JointOperationLinked, caseEvent } from '../../events';
import { CASE_ID, at, closed, given, opened } from '../../testing/case-scenario';
import { linkJointOperation } from '../../testing/case-commands';

const linked = (code: string, occurredAt = at('09:00')) =>
  caseEvent<JointOperationLinked>('case.joint-operation-linked', occurredAt, {
    caseId: CASE_ID,
    operation: {
      code,
      name: 'Mixed patrols Dolenjska',
      partnerCountry: 'HR',
      kind: 'mixed-patrol',
      from: at('00:00', 13).toISOString(),
      to: at('23:59', 15).toISOString(),
    },
  });

describe('link joint operation', () => {
  it('links the case to the operation, with its period as ISO instants', () => {
    expect(given(opened()).when(linkJointOperation()).events()).toEqual([
      {
        type: 'case.joint-operation-linked',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: {
          caseId: CASE_ID,
          operation: {
            code: 'SI-HR-2024-03',
            name: 'Mixed patrols Dolenjska',
            partnerCountry: 'HR',
            kind: 'mixed-patrol',
            from: '2024-03-13T00:00:00.000Z',
            to: '2024-03-15T23:59:00.000Z',
          },
        },
      },
    ]);
  });

  it('links a second, different operation and accepts a one-instant period', () => {
    const command = linkJointOperation({
      code: 'SI-HU-7',
      partnerCountry: 'HU',
      from: at('06:00'),
      to: at('06:00'),
    });
    const [event] = given(opened(), linked('SI-HR-2024-03')).when(command).events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      operation: {
        code: 'SI-HU-7',
        name: 'Mixed patrols Dolenjska',
        partnerCountry: 'HU',
        kind: 'mixed-patrol',
        from: '2024-03-14T06:00:00.000Z',
        to: '2024-03-14T06:00:00.000Z',
      },
    });
  });

  // A problem response has its own `code`: the operation's is named apart from it.
  it('names the operation already linked by its code', () => {
    const refusal = given(opened(), linked('SI-HR-2024-03')).when(linkJointOperation()).refusal();
    expect(refusal.code).toBe('CASE.OPERATION_ALREADY_LINKED');
    expect(refusal.details).toEqual({ operationCode: 'SI-HR-2024-03' });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], {}, 'CASE.CLOSED'],
    ['a blank code', [opened()], { code: '   ' }, 'OPERATION.INVALID_CODE'],
    ['an overlong code', [opened()], { code: 'x'.repeat(201) }, 'OPERATION.INVALID_CODE'],
    [
      'an operation already linked (same code once trimmed)',
      [opened(), linked('SI-HR-2024-03')],
      {},
      'CASE.OPERATION_ALREADY_LINKED',
    ],
    [
      'a period that ends before it starts',
      [opened()],
      { from: at('12:00'), to: at('11:59') },
      'OPERATION.INVALID_PERIOD',
    ],
    [
      'a period with an invalid start',
      [opened()],
      { from: new Date('not a date') },
      'OPERATION.INVALID_PERIOD',
    ],
    [
      'a period with an invalid end',
      [opened()],
      { to: new Date('not a date') },
      'OPERATION.INVALID_PERIOD',
    ],
    ['a blank name', [opened()], { name: '' }, 'OPERATION.INVALID_NAME'],
    [
      'a partner country not on the list',
      [opened()],
      { partnerCountry: 'RS' },
      'OPERATION.INVALID_PARTNER',
    ],
    ['an unknown kind of operation', [opened()], { kind: 'raid' }, 'OPERATION.INVALID_KIND'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(linkJointOperation(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
