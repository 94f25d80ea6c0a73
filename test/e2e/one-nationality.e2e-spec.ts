import { validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';
import { eventually } from '../harness/test-env';

interface Figures {
  migrants: number;
  byNationality: { migrants: { nationality: string; count: number }[] };
}

/**
 * One person, one nationality: the one established last, in any case. A migrant apprehended as
 * AF in a Celje case of March 2019 and established as PK in a later case counts as PK in
 * March 2019 too, and the people route says PK.
 */
describe('one nationality per person', () => {
  const sut = useSystem();
  const passport = { type: 'passport', number: `PK${Date.now()}`, issuingCountry: 'PK' };

  const post = async (path: string, json: object) => {
    const answer = await http<{ caseId: string; persons?: { personId: string }[] }>(
      sut.system.baseUrl,
      'POST',
      path,
      { json },
    );
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const openCase = (openedAt: string) =>
    post('/cases', validBody('POST /cases', {}, { directorate: 'celje', openedAt })).then(
      (b) => b.caseId,
    );
  const apprehend = (caseId: string, occurredAt: string, nationality: string) =>
    post(`/cases/${caseId}/apprehensions`, {
      occurredAt,
      nationality,
      minor: false,
      place: 'Rogatec',
      person: { givenName: 'Imran', familyName: 'Khan', documents: [passport] },
    }).then((b) => b.persons![0].personId);

  it('counts the nationality established last, in the statistics and in /people alike', async () => {
    const march = await openCase('2019-03-10T08:00:00Z');
    const personId = await apprehend(march, '2019-03-10T07:30:00Z', 'AF');
    const july = await openCase('2019-07-02T08:00:00Z');
    expect(await apprehend(july, '2019-07-02T07:00:00Z', 'AF')).toBe(personId);
    await post(`/cases/${july}/persons/${personId}/identity`, {
      occurredAt: '2019-07-03T10:00:00Z',
      method: 'document',
      nationality: 'PK',
    });

    const figures = await eventually(
      async () => {
        const answer = await http<Figures>(
          sut.system.baseUrl,
          'GET',
          '/statistics?from=2019-03-01&to=2019-03-31&directorate=celje',
        );
        const counts = answer.body.byNationality?.migrants ?? [];
        return counts.some((c) => c.nationality === 'PK') ? answer.body : undefined;
      },
      { what: 'the March figures to count the migrant as PK' },
    );
    expect(figures.migrants).toBe(1);
    expect(figures.byNationality.migrants).toEqual([{ nationality: 'PK', count: 1 }]);

    const people = await http<{ items: { personId: string; nationality: string | null }[] }>(
      sut.system.baseUrl,
      'GET',
      '/people?directorate=celje&nationality=PK',
    );
    expect(people.body.items.map((p) => [p.personId, p.nationality])).toEqual([[personId, 'PK']]);
  });
});
