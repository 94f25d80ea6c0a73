import { Module } from '@nestjs/common';
import { ConsoleSettingsController } from './console-settings.controller';
import { LocalSignInController } from './local-sign-in.controller';

/** The console's own routes: how it signs in; its pages are static files (console-files.ts). */
@Module({ controllers: [ConsoleSettingsController, LocalSignInController] })
export class ConsoleModule {}
