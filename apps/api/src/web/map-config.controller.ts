import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MapConfigView, mapConfig, type MapConfig } from '@lib/core';
import { Access } from '@lib/auth';

/** The map's tile layer is configuration; without one the map draws boundaries only. */
@ApiTags('public')
@Controller('api/v1/public/map-config')
export class MapConfigController {
  constructor(@Inject(mapConfig.KEY) private readonly config: MapConfig) {}

  @Get()
  @ApiOperation({ summary: '底图配置 · Base map configuration' })
  @Access.public()
  @ApiOkResponse({ type: MapConfigView })
  get(): MapConfig {
    return this.config;
  }
}
