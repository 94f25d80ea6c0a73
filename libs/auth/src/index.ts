export * from './auth-refusals';
export * from './roles';
export * from './tokens';
