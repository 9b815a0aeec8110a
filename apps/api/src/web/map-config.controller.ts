import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { mapConfig, type MapConfig } from '@lib/core';
import { Access } from '@lib/auth';

/** The map's tile layer is configuration; without one the map draws boundaries only. */
@ApiTags('public')
@Controller('api/v1/public/map-config')
export class MapConfigController {
  constructor(@Inject(mapConfig.KEY) private readonly config: MapConfig) {}

  @Get()
  @Access.public()
  @ApiOkResponse({ description: '{ tileUrl: string | null, attribution, tileCrs: "wgs84" | "gcj02", subdomains: string[] }' })
  get(): MapConfig {
    return this.config;
  }
}
