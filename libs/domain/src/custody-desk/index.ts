export * from './desk-entry';
