import 'reflect-metadata';
import { Command } from 'commander';
import { rebuildCommand } from './rebuild/rebuild.command';
import { seedCommand } from './seed/seed.command';
import { tokenCommand } from './token/token.command';
import { upCommand } from './up/up.command';
import { verifyCommand } from './verify/verify.command';

const program = new Command('smuggling-cases')
  .description('Operator and auditor tasks for the smuggling-cases backend')
  .addCommand(upCommand())
  .addCommand(tokenCommand())
  .addCommand(seedCommand())
  .addCommand(rebuildCommand())
  .addCommand(verifyCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
