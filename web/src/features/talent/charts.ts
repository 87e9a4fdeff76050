// The palette of the talent charts: demand warm, supply cool, rates distinct.
export const colors = {
  demand: '#c98a1b',
  supply: '#1f6f8b',
  employment: '#3a8f5c',
  local: '#1f6f8b',
  related: '#7a5ea8',
  applications: '#5b7bd5',
};
