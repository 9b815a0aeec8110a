import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { RegionEntity, RegionPopulationEntity } from './region.entity.js';
import { RegionError, RegionErrorCode, regionNotFound } from './regions.errors.js';

@Injectable()
export class RegionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async get(code: string): Promise<RegionEntity> {
    const region = await this.dataSource.getRepository(RegionEntity).findOneBy({ code });
    if (!region) throw regionNotFound();
    return region;
  }

  /** The unit whose boundary covers a WGS84 point, or null outside every unit (uses regions_boundary_gist). */
  async unitAt(lat: number, lng: number, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: { code: string }[] = await manager.query(
      `SELECT code FROM regions
        WHERE level <> 'city' AND ST_Covers(boundary, ST_SetSRID(ST_MakePoint($2, $1), 4326))
        ORDER BY code LIMIT 1`,
      [lat, lng],
    );
    return rows[0]?.code ?? null;
  }

  /**
   * Sets a unit's population for a year, audited and announced in one transaction so the figures
   * job recomputes the unit and the city. The city's population is derived: 422.
   */
  async setPopulation(actor: AuditActor, code: string, year: number, population: number, confirmed = false): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const region = await manager.getRepository(RegionEntity).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!region) throw regionNotFound();
      if (region.level === 'city') {
        throw new RegionError(
          RegionErrorCode.DerivedPopulation,
          {
            zh: '全市人口是各区人口之和，不能直接修改',
            en: "The city's population is the sum of its units' and cannot be set",
          },
          [{ field: 'population', code: 'derived_population', message: { zh: '全市人口由各区汇总', en: 'derived from the units' } }],
        );
      }
      const repo = manager.getRepository(RegionPopulationEntity);
      const before = await repo.findOneBy({ regionCode: code, year });
      // Compared with the same year's figure, or else the latest one: a unit does not gain or lose half its people.
      const reference = before ?? (await repo.findOne({ where: { regionCode: code }, order: { year: 'DESC' } }));
      if (!confirmed && reference && implausibleChange(reference.population, population)) {
        throw new RegionError(
          RegionErrorCode.ImplausiblePopulation,
          {
            zh: `人口由${reference.population}变为${population}，变化超过一半；确认无误请同时发送 confirm: true`,
            en: `The population would change from ${reference.population} to ${population}, by more than half; send confirm: true if it is right`,
          },
          [
            {
              field: 'population',
              code: 'implausible_population',
              message: {
                zh: `与${reference.year}年的${reference.population}相差超过一半`,
                en: `more than half away from ${reference.population} (${reference.year})`,
              },
            },
          ],
        );
      }
      await repo.upsert({ regionCode: code, year, population, source: 'admin', updatedAt: new Date() }, ['regionCode', 'year']);
      await this.audit.record(manager, {
        subjectType: 'region',
        subjectId: code,
        actor,
        action: 'population.set',
        changes: { year, population: { from: before?.population ?? null, to: population } },
      });
      await this.outbox.record(manager, { type: 'region.population_changed', regionCode: code, year, population });
    });
  }
}

/** A change of more than half up or down (the guard against a mistyped population, issue #13). Pure. */
export function implausibleChange(from: number, to: number): boolean {
  return from > 0 && (to > from * 1.5 || to < from * 0.5);
}
