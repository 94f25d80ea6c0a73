export * from './personal-data';
export * from './person-register';
export * from './personal-data-vault';
export * from './identity-hash';
export * from './postgres-person-register';
export * from './postgres-personal-data-vault';
export * from './person-intake';
export * from './personal-data.module';
