import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per job an event causes, written in the writer's transaction. It stays pending until
 * its job has completed (`doneAt`); rows sent but not done after a timeout are sent again.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['id'], { where: 'done_at IS NULL' })
@Index('outbox_job_pending_idx', ['queue', 'jobId'], { where: 'done_at IS NULL' })
export class OutboxEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'text' }) eventType: string;
  @Column({ type: 'jsonb' }) event: Record<string, unknown>;
  @Column({ type: 'text' }) queue: string;
  @Column({ type: 'text' }) jobName: string;
  @Column({ type: 'text' }) jobId: string;
  @Column({ type: 'jsonb' }) jobData: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', nullable: true }) doneAt: Date | null;
}
