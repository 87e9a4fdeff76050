// Evidence-based supervision of internships: pure detectors (near-duplicate logs, shared devices,
// missing and never co-signed logs), assessment arithmetic and alert arithmetic. No I/O.
export * from './alerts.ts';
export * from './cadence.ts';
export * from './dates.ts';
export * from './devices.ts';
export * from './grade.ts';
export * from './minhash.ts';
export * from './text.ts';
