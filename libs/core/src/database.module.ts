import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './database.js';
import { databaseConfig, type DatabaseConfig } from './env.js';

/** The one DataSource of a process; each library registers its own entities with forFeature. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(databaseConfig)],
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({ ...dataSourceOptions(config, []), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
