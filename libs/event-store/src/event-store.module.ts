import { Module } from '@nestjs/common';
import { CommandExecutor } from './command-executor';
import { EventStore } from './event-store';
import { PostgresEventStore } from './postgres-event-store';

/** Binds the EventStore port to Postgres. Expects a TypeORM DataSource in the container. */
@Module({
  providers: [{ provide: EventStore, useClass: PostgresEventStore }, CommandExecutor],
  exports: [EventStore, CommandExecutor],
})
export class EventStoreModule {}
