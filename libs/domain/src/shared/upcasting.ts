/**
 * Stored events are never rewritten: when the data of an event type changes shape, its schema
 * version goes up, and events stored in an older version are lifted to the current one when
 * they are read. One upcaster lifts one type from one version to the next; reading an event
 * runs every step from its stored version up to the current one.
 */
export interface Upcaster {
  readonly type: string;
  /** The version it reads; it returns the data of `fromVersion + 1`. */
  readonly fromVersion: number;
  /**
   * Pure. It must leave data that already has the shape of `fromVersion + 1` as it is, so that
   * data whose version is not recorded (a correction's replacement) can be lifted from 1.
   */
  readonly upcast: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The parts of an event that upcasting reads and changes. */
export interface VersionedFact {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** An event stored in a version this code does not know: written by a newer release. */
export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${type} v${schemaVersion} is newer than this release reads (v${currentVersion}); upgrade it.`,
    );
    this.name = 'UnknownSchemaVersionError';
  }
}

export class Upcasting {
  private readonly steps = new Map<string, Upcaster>();

  /**
   * `currentVersions`: the version each type is written in now. Every type above version 1
   * needs one upcaster per older version, checked here, so a missing step fails at start-up
   * rather than when an old event is first read.
   */
  constructor(
    private readonly currentVersions: Readonly<Record<string, number>>,
    upcasters: readonly Upcaster[],
  ) {
    for (const upcaster of upcasters) {
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      const current = currentVersions[upcaster.type];
      if (current === undefined || upcaster.fromVersion < 1 || upcaster.fromVersion >= current) {
        throw new Error(`Upcaster ${key} does not lead to the current version of its type.`);
      }
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${key}.`);
      this.steps.set(key, upcaster);
    }
    for (const [type, current] of Object.entries(currentVersions)) {
      for (let version = 1; version < current; version++) {
        if (!this.steps.has(stepKey(type, version))) {
          throw new Error(`No upcaster for ${stepKey(type, version)} (current is v${current}).`);
        }
      }
    }
  }

  /** The version events of the type are written in; 1 for a type this registry does not know. */
  currentVersion(type: string): number {
    return this.currentVersions[type] ?? 1;
  }

  /**
   * The event with its data in the current version of its type. An event already current,
   * or of a type the registry does not know, is returned as it is.
   */
  upcast<F extends VersionedFact>(fact: F): F {
    const current = this.currentVersions[fact.type];
    if (current === undefined || fact.schemaVersion === current) return fact;
    if (fact.schemaVersion > current) {
      throw new UnknownSchemaVersionError(fact.type, fact.schemaVersion, current);
    }
    return {
      ...fact,
      schemaVersion: current,
      data: this.lift(fact.type, fact.schemaVersion, fact.data),
    };
  }

  /** Data of `type` in version `from`, lifted to the current version. */
  lift(type: string, from: number, data: unknown): unknown {
    const current = this.currentVersions[type] ?? 1;
    if (!Number.isInteger(from) || from < 1) {
      throw new Error(`${type} has no schema version ${from}.`);
    }
    let lifted = data as Readonly<Record<string, unknown>>;
    for (let version = from; version < current; version++) {
      lifted = this.steps.get(stepKey(type, version))!.upcast(lifted);
    }
    return lifted;
  }
}

const stepKey = (type: string, version: number) => `${type}@v${version}`;
