export * from './reference.ts';
export * from './consortium.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './catalog.ts';
export * from './talent.ts';
export * from './matching.ts';
export * from './internships.ts';
