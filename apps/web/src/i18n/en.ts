// English strings. Typed as `Messages` (from zh-CN.ts), so the keys must match exactly.
import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    title: 'Changchun Childcare Map',
    skipToUnits: 'Skip to the list of units',
    loading: 'Loading…',
    retry: 'Retry',
    notFoundTitle: 'Page not found',
    notFoundBody: 'There is no page at this address.',
    backHome: 'Back to the map',
  },
  language: {
    switchTo: '中文',
  },
  errors: {
    network: 'Cannot reach the server. Check the connection and try again.',
    loadRegions: 'Could not load the region data.',
  },
  map: {
    ariaLabel: 'Map of childcare places per 1,000 residents in the districts and development zones of Changchun',
    tilesUnavailable: 'Base map unavailable; showing boundaries only.',
    showUnits: 'Units',
  },
  legend: {
    title: 'Places per 1,000 residents',
    target2025: '2025 target',
    target2035: '2035 target',
    belowTarget: 'Below the 2025 target',
  },
  region: {
    level: { district: 'District or county', zone: 'Development zone', city: 'Whole city' },
    population: 'Residents',
    places: 'Places',
    placesPer1000: 'Places per 1,000',
    shortfall2025: 'Short of 2025 target',
    shortfall2035: 'Short of 2035 target',
    targetMet: 'Target met',
  },
  units: {
    title: 'Units',
    intro: (populationYear: number | null) =>
      `Places in registered childcare facilities against the targets, for the 15 supervisory units (11 districts and counties, 4 development zones).${populationYear ? ` Residents as of ${populationYear}.` : ''}`,
    unit: 'Unit',
    colPopulation: 'Residents',
    colPlaces: 'Places',
    colPer1000: 'Per 1,000',
    colShortfall2025: 'Short of 2025 target',
    cityTotal: 'City total',
    updatedAt: (when: string) => `Figures updated ${when}`,
    showOnMap: (name: string) => `Show ${name} on the map`,
    close: 'Close the list',
  },
};
