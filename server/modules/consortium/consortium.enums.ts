// The closed vocabularies of consortia and member units, shared by the database schema, the API schemas
// and the web app (so this file imports nothing).
export const consortiumLevels = ['national', 'provincial', 'municipal'] as const;
export const consortiumStatuses = ['preparing', 'building', 'monitored', 'removed'] as const;
export const unitTypes = [
  'government',
  'park',
  'enterprise',
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'research_institute',
  'industry_association',
  'training_institution',
] as const;
export const unitRoles = ['lead', 'council', 'member'] as const;
export const parkKinds = [
  'national_etdz',
  'national_hitech',
  'provincial_etdz',
  'provincial_hitech',
  'industrial_park',
  'other',
] as const;
