import { Readable } from 'node:stream';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RouteSchema } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { Access } from '@lib/auth';
import {
  MAP_RESPONSE_SCHEMA,
  MapQuery,
  NEARBY_RESPONSE_SCHEMA,
  NearbyListView,
  NearbyQuery,
  PublicFacilityView,
  SearchService,
  parseBbox,
  type MapAnswer,
} from '@lib/search';
import { languageOf } from '../common/language.js';
import { notFoundUuid } from '../common/params.js';

/** Parents' search and the open register (API.md "Public"): anonymous, rate-limited per client by the public hook. */
@ApiTags('public')
@Controller('api/v1/public')
export class PublicFacilitiesController {
  constructor(private readonly search: SearchService) {}

  @Get('facilities/nearby')
  @Access.public()
  @RouteSchema({ response: { 200: NEARBY_RESPONSE_SCHEMA } })
  @ApiOkResponse({ type: NearbyListView })
  async nearby(@Query() query: NearbyQuery, @Headers('accept-language') acceptLanguage?: string): Promise<NearbyListView> {
    return { items: await this.search.nearby(query, languageOf(acceptLanguage)) };
  }

  @Get('facilities/:id')
  @Access.public()
  @ApiOkResponse({ type: PublicFacilityView })
  facility(@Param('id', notFoundUuid()) id: string, @Headers('accept-language') acceptLanguage?: string): Promise<PublicFacilityView> {
    return this.search.facility(id, languageOf(acceptLanguage));
  }

  @Get('map')
  @Access.public()
  @RouteSchema({ response: { 200: MAP_RESPONSE_SCHEMA } })
  @ApiOkResponse({
    description:
      'GeoJSON FeatureCollection (at most 500 features): properties { cluster: true, count } through zoom 12 and wherever ' +
      'more than 500 facilities would be answered, else { cluster: false, id, name, kind, vacancies, affordable }',
  })
  map(@Query() query: MapQuery): Promise<MapAnswer> {
    return this.search.map(parseBbox(query.bbox)!, query.zoom);
  }

  @Get('register.csv')
  @Access.public()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The public register (registered and suspended facilities), UTF-8 CSV with a BOM' })
  registerCsv(@Res() reply: FastifyReply, @Headers('accept-language') acceptLanguage?: string): FastifyReply {
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="childcare-register.csv"')
      .send(Readable.from(this.search.registerCsv(languageOf(acceptLanguage))));
  }

  @Get('register.geojson')
  @Access.public()
  @ApiProduces('application/geo+json')
  @ApiOkResponse({ description: 'The public register as a GeoJSON FeatureCollection (public locations)' })
  registerGeoJson(@Res() reply: FastifyReply, @Headers('accept-language') acceptLanguage?: string): FastifyReply {
    return reply
      .header('Content-Type', 'application/geo+json; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="childcare-register.geojson"')
      .send(Readable.from(this.search.registerGeoJson(languageOf(acceptLanguage))));
  }
}
