import { DomainError } from '@lib/core';

export enum RegionErrorCode {
  NotFound = 'region_not_found',
  DerivedPopulation = 'derived_population',
  ImplausiblePopulation = 'implausible_population',
}

export class RegionError extends DomainError<RegionErrorCode> {
  readonly context = 'regions';
}

export const regionNotFound = () => new RegionError(RegionErrorCode.NotFound, { zh: '没有这个区域', en: 'No such region' });
