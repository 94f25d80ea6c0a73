import { fromLjubljanaInput, toLjubljanaInput } from './i18n';

describe("Ljubljana's wall clock in the console's time fields", () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(fromLjubljanaInput('2024-03-13T21:40')).toBe('2024-03-13T20:40:00.000Z');
    expect(fromLjubljanaInput('2024-07-01T08:00')).toBe('2024-07-01T06:00:00.000Z');
    expect(fromLjubljanaInput('2024-07-01T08:00:30')).toBe('2024-07-01T06:00:30.000Z');
  });

  it("takes the earlier of autumn's repeated hour and reads spring's skipped hour as winter time", () => {
    expect(fromLjubljanaInput('2024-10-27T02:30')).toBe('2024-10-27T00:30:00.000Z');
    expect(fromLjubljanaInput('2024-03-31T02:30')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('shows an instant as the field shows it, to the minute or the second, and back again', () => {
    const instant = new Date('2024-10-27T01:30:45Z');
    expect(toLjubljanaInput(instant)).toBe('2024-10-27T02:30');
    expect(toLjubljanaInput(instant, true)).toBe('2024-10-27T02:30:45');
    expect(fromLjubljanaInput(toLjubljanaInput(new Date('2024-01-15T11:05:00Z')))).toBe(
      '2024-01-15T11:05:00.000Z',
    );
  });

  it('names no instant for what is no time', () => {
    expect(fromLjubljanaInput('')).toBeNull();
    expect(fromLjubljanaInput('soon')).toBeNull();
  });
});
