import { Readable } from 'node:stream';
import { Controller, Get, Header, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '@lib/auth';
import { MapQuery, MapView, NearbyListView, NearbyQuery, PublicFacilityView, RegisterView, SearchService, parseBbox } from '@lib/search';
import { languageOf } from '../common/language.js';
import { notFoundUuid } from '../common/params.js';

/** The search and the map answer JSON text that PostgreSQL wrote (libs/search: nearby-sql.ts, map-sql.ts). */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Parents' search and the open register (docs/api.md "Public"): anonymous, rate-limited per client by the public hook. */
@ApiTags('public')
@ApiExtraModels(RegisterView)
@Controller('api/v1/public')
export class PublicFacilitiesController {
  constructor(private readonly search: SearchService) {}

  @Get('facilities/nearby')
  @ApiOperation({ summary: '附近的托育机构 · Facilities nearby' })
  @Access.public()
  @Header('Content-Type', JSON_TYPE)
  @ApiOkResponse({ type: NearbyListView })
  nearby(@Query() query: NearbyQuery, @Headers('accept-language') acceptLanguage?: string): Promise<string> {
    return this.search.nearby(query, languageOf(acceptLanguage));
  }

  @Get('facilities/:id')
  @ApiOperation({ summary: "机构公开信息 · A facility's public page" })
  @Access.public()
  @ApiOkResponse({ type: PublicFacilityView })
  facility(@Param('id', notFoundUuid()) id: string, @Headers('accept-language') acceptLanguage?: string): Promise<PublicFacilityView> {
    return this.search.facility(id, languageOf(acceptLanguage));
  }

  @Get('map')
  @ApiOperation({ summary: '地图要素（聚合或单点） · Map features (clusters or points)' })
  @Access.public()
  @Header('Content-Type', JSON_TYPE)
  @ApiOkResponse({
    type: MapView,
    description:
      'GeoJSON FeatureCollection (at most 500 features): properties { cluster: true, count } through zoom 12 and wherever ' +
      'more than 500 facilities would be answered, else { cluster: false, id, name, kind, vacancies, affordable }',
  })
  map(@Query() query: MapQuery): Promise<string> {
    return this.search.map(parseBbox(query.bbox)!, query.zoom);
  }

  @Get('register.csv')
  @ApiOperation({ summary: '公开名录（CSV） · The public register (CSV)' })
  @Access.public()
  @ApiOkResponse({
    description: 'The public register (registered and suspended facilities), UTF-8 CSV with a BOM',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  registerCsv(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): FastifyReply {
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="childcare-register.csv"')
      .send(Readable.from(this.search.registerCsv(languageOf(acceptLanguage), pageBase(request))));
  }

  @Get('register.geojson')
  @ApiOperation({ summary: '公开名录（GeoJSON） · The public register (GeoJSON)' })
  @Access.public()
  @ApiOkResponse({
    description: 'The public register as a GeoJSON FeatureCollection (public locations)',
    content: { 'application/geo+json': { schema: { $ref: getSchemaPath(RegisterView) } } },
  })
  registerGeoJson(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): FastifyReply {
    return reply
      .header('Content-Type', 'application/geo+json; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="childcare-register.geojson"')
      .send(Readable.from(this.search.registerGeoJson(languageOf(acceptLanguage), pageBase(request))));
  }
}

/** Where the web app's public pages are, as the client reached this API (the proxy's scheme when TRUST_PROXY says so). */
function pageBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
