import 'reflect-metadata';
import { Command } from 'commander';
import { deadLettersCommand } from './dead-letters/dead-letters.command';
import { DIFFERENCES_FOUND, rebuildCommand } from './rebuild/rebuild.command';
import { seedCommand } from './seed/seed.command';
import { tokenCommand } from './token/token.command';
import { upCommand } from './up/up.command';
import { TAMPERING_FOUND, verifyCommand } from './verify/verify.command';

const program = new Command('smuggling-cases')
  .description('Operator and auditor tasks for the smuggling-cases backend')
  .addCommand(upCommand())
  .addCommand(tokenCommand())
  .addCommand(seedCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand())
  .addCommand(deadLettersCommand())
  // What scripts may rely on; the same list is in the README.
  .addHelpText(
    'after',
    `\nExit codes: 0 done; 1 failed or wrong usage; ${DIFFERENCES_FOUND} rebuild found the read ` +
      `models differ; ${TAMPERING_FOUND} verify found the history altered.`,
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
