import { Module } from '@nestjs/common';
import { LocalSignInController } from './local-sign-in.controller';

/** The console's own route; its pages are static files (console-files.ts). */
@Module({ controllers: [LocalSignInController] })
export class ConsoleModule {}
