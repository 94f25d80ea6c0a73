import { problemDescription } from './operation-docs';

describe('the OpenAPI descriptions of problem answers', () => {
  it("gives a status with one code that code's meaning", () => {
    expect(problemDescription(410)).toBe(
      'Gone. `code` is `PERSON.DATA_ERASED`: The personal data asked for was erased.',
    );
  });

  it('names every code of a status with a few', () => {
    expect(problemDescription(503)).toBe(
      'Service Unavailable. `code` is one of `READ_MODEL.BEHIND`, `SERVICE.UNAVAILABLE`; ' +
        'docs/problems.md says what each means.',
    );
  });

  it('points to docs/problems.md for a status with more codes than a description can name', () => {
    expect(problemDescription(422)).toBe(
      'Unprocessable Entity. `code` is one of those docs/problems.md lists with status 422.',
    );
  });
});
