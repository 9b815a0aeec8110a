import { OutboxEntryEntity } from './outbox-entry.entity.js';

export { EventsModule } from './events.module.js';
export { OutboxService, type PendingJob } from './outbox.service.js';
export { OutboxEntryEntity } from './outbox-entry.entity.js';
export { jobsFor, type DomainEvent, type PlannedJob } from './domain-events.js';
export { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, QueueName, SCHEDULES, SCHEDULE_TZ, jobId, type JobData } from './queues.js';
export const eventsEntities = [OutboxEntryEntity];
