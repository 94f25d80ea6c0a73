import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * A reader follows a command route by imports alone: the controller imports its domain command
 * type from '@app/domain' (go to definition: `<use-case>.command.ts`, with the decision and its
 * spec beside it) and its message from the handler's file. A command type is a PascalCase
 * `type: '...'` literal (event types are dotted and lowercase).
 */

const API = join(__dirname, '..', '..', 'apps', 'api', 'src');

/** What a controller's source lacks for a reader to follow it; empty when nothing. */
function commandRouteFaults(source: string): string[] {
  const named = [...new Set([...source.matchAll(/\btype: '([A-Z][A-Za-z]*)'/g)].map((m) => m[1]))];
  const fromDomain = [
    ...source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@app\/domain'/g),
  ]
    .flatMap((m) => m[1].split(','))
    .map(
      (specifier) =>
        specifier
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0],
    )
    .filter(Boolean);
  // The command type must be used as a type, not merely appear in its own literal.
  const code = source.replace(/^import[^;]*;/gm, '').replace(/'[^'\n]*'/g, "''");
  const faults: string[] = [];
  if (/\bCommandBus\b/.test(source)) {
    if (named.length === 0) faults.push('sends on the command bus but names no command type');
    if (!/from '(?:\.\.?\/)+[\w./-]*\.handler'/.test(source)) {
      faults.push("imports no message from a handler's file");
    }
  }
  for (const name of named) {
    if (!fromDomain.includes(name)) faults.push(`${name} is not imported from '@app/domain'`);
    else if (!new RegExp(`\\b${name}\\b`).test(code)) {
      faults.push(`${name} is imported but the command is not checked against it`);
    }
  }
  return faults;
}

const controllers = (readdirSync(API, { recursive: true }) as string[])
  .filter((path) => path.endsWith('.controller.ts'))
  .sort();
const commandControllers = controllers.filter((path) =>
  /\bCommandBus\b|\btype: '[A-Z]/.test(readFileSync(join(API, path), 'utf8')),
);

describe('every command route', () => {
  it.each(commandControllers)('%s names its domain command type and its handler', (path) => {
    expect(commandRouteFaults(readFileSync(join(API, path), 'utf8'))).toEqual([]);
  });

  it('is among the controllers read: cases, procedures and joint operations', () => {
    expect(commandControllers).toEqual(
      expect.arrayContaining([
        join('cases', 'people', 'arrest-suspect', 'arrest-suspect.controller.ts'),
        join('procedures', 'link-to-case', 'link-to-case.controller.ts'),
        join('joint-operations', 'report-partner-figures', 'report-partner-figures.controller.ts'),
      ]),
    );
  });
});

describe('the check of a command route', () => {
  const sends = (imports: string, command: string) => `${imports}
import { CommandBus } from '@nestjs/cqrs';
import { send } from '../../case-command';
import { CaseCommandMessage } from '../../case-command.handler';
export class C {
  constructor(private readonly commands: CommandBus) {}
  close(caseId: string) {
    return send(this.commands, new CaseCommandMessage(${command}, context, body), res);
  }
}`;

  it('passes a controller that imports its command type and checks the command against it', () => {
    const source = sends(
      "import type { CloseCase } from '@app/domain';",
      "{ type: 'CloseCase', caseId } satisfies CloseCase",
    );
    expect(commandRouteFaults(source)).toEqual([]);
  });

  it('reports a command type not imported from the domain', () => {
    expect(commandRouteFaults(sends('', "{ type: 'CloseCase', caseId }"))).toEqual([
      "CloseCase is not imported from '@app/domain'",
    ]);
  });

  it('reports a command type imported but not used', () => {
    const source = sends(
      "import { CloseCase, type OpenCase } from '@app/domain';",
      "{ type: 'CloseCase', caseId }",
    );
    expect(commandRouteFaults(source)).toEqual([
      'CloseCase is imported but the command is not checked against it',
    ]);
  });

  it('reports a controller on the command bus that names no command, or no handler', () => {
    const source = sends('', 'command').replace(
      "'../../case-command.handler'",
      "'../../case-command'",
    );
    expect(commandRouteFaults(source)).toEqual([
      'sends on the command bus but names no command type',
      "imports no message from a handler's file",
    ]);
  });

  it('leaves a controller off the command bus to its own imports (a query, an erasure)', () => {
    expect(commandRouteFaults("import { QueryBus } from '@nestjs/cqrs';")).toEqual([]);
  });
});
