import { Module } from '@nestjs/common';
import { PersonIntake } from './person-intake';
import { PersonRegister } from './person-register';
import { PersonalDataVault } from './personal-data-vault';
import { PostgresPersonRegister } from './postgres-person-register';
import { PostgresPersonalDataVault } from './postgres-personal-data-vault';

/** Binds the person register and the vault to Postgres. Expects APP_CONFIG and a DataSource. */
@Module({
  providers: [
    { provide: PersonRegister, useClass: PostgresPersonRegister },
    { provide: PersonalDataVault, useClass: PostgresPersonalDataVault },
    PersonIntake,
  ],
  exports: [PersonRegister, PersonalDataVault, PersonIntake],
})
export class PersonalDataModule {}
