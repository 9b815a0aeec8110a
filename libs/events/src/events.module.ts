import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntryEntity } from './outbox-entry.entity.js';
import { OutboxService } from './outbox.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntryEntity])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class EventsModule {}
