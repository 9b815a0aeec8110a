import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions, isUnavailable } from './database.js';
import { databaseConfig, type DatabaseConfig } from './env.js';

export type ReadSource = 'replica' | 'primary';

/**
 * Where the public reads (nearby search, map, public facility page, register) run: the streaming replica of
 * DATABASE_READ_URL while it answers, else the primary (docs/deployment.md "Read replica"). Everything else, writes
 * and the consoles' reads, always uses the primary's DataSource directly.
 *
 * The replica's state is one flag. A read that finds the replica unreachable marks it down and is run again on the
 * primary; while it is down, reads go straight to the primary (none waits on a connect timeout) and a background probe
 * tries the replica every DATABASE_READ_RECHECK_MS. The path never touches the primary while the replica is up, so
 * public reads go on from the replica while the primary is down. The replica's DataSource connects lazily, in that
 * probe: the API starts (and answers from the primary) whatever the replica's state.
 */
@Injectable()
export class PublicReads implements OnApplicationShutdown {
  private readonly logger = new Logger(PublicReads.name);
  private readonly replica: DataSource | null;
  private up = false;
  private probing: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Reads served by each side since start (tests and logs). */
  readonly served: Record<ReadSource, number> = { replica: 0, primary: 0 };

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(databaseConfig.KEY) private readonly config: DatabaseConfig,
  ) {
    this.replica = config.readUrl
      ? new DataSource({
          ...dataSourceOptions({ ...config, url: config.readUrl }, primary.options.entities),
          // Read-only: nothing to install, and the replica could not anyway.
          installExtensions: false,
          applicationName: 'public reads',
        })
      : null;
    if (this.replica) this.probe(0);
  }

  /** Whether DATABASE_READ_URL names a replica. */
  get configured(): boolean {
    return this.replica !== null;
  }

  /** Which side public reads go to now. */
  get source(): ReadSource {
    return this.replica && this.up ? 'replica' : 'primary';
  }

  /** Runs `read` on the replica when it is up (again on the primary if it turns out unreachable), else on the primary. */
  async run<T>(read: (m: EntityManager) => Promise<T>): Promise<T> {
    if (this.replica && this.up) {
      try {
        const result = await read(this.replica.manager);
        this.served.replica++;
        return result;
      } catch (error) {
        // A standby cancels a read that conflicts with replaying WAL: that read alone goes to the primary.
        if (recoveryConflict(error)) this.logger.debug?.('public read cancelled by the replica (recovery conflict): run on the primary');
        else if (isUnavailable(error)) this.markDown(error);
        else throw error;
      }
    }
    const result = await read(this.primary.manager);
    this.served.primary++;
    return result;
  }

  private markDown(error: unknown): void {
    if (!this.up) return;
    this.up = false;
    this.logger.warn(`read replica unreachable (${(error as Error).message}): public reads use the primary until it answers again`);
    this.probe(this.config.readRecheckMs);
  }

  private probe(afterMs: number): void {
    if (this.stopped || this.probing) return;
    this.probing = setTimeout(() => {
      void this.check().then((ok) => {
        this.probing = null;
        if (ok) {
          if (!this.up) this.logger.log('read replica answers: public reads use it');
          this.up = true;
        } else this.probe(this.config.readRecheckMs);
      });
    }, afterMs);
    this.probing.unref();
  }

  private async check(): Promise<boolean> {
    const replica = this.replica!;
    try {
      if (!replica.isInitialized) await replica.initialize();
      await replica.query('SELECT 1');
      return !this.stopped;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.probing) clearTimeout(this.probing);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }
}

function recoveryConflict(error: unknown): boolean {
  const e = (error as { driverError?: unknown })?.driverError ?? error;
  return (e as { code?: unknown })?.code === '40001' && /conflict with recovery/.test(String((e as { message?: unknown })?.message));
}
