import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor } from '@lib/auth';
import { RegionService, SetPopulationDto } from '@lib/regions';
import { BoundariesView, FiguresService, HistoryQuery, RegionHistoryView, RegionListView, RegionView } from '@lib/targets';
import { addDays, todayInShanghai } from '@lib/standards';
import { CurrentActor } from '../common/access.guard.js';

/** Region figures are public data: the signed-in and the public routes answer alike. */
@ApiTags('regions')
@Controller('api/v1')
export class RegionsController {
  constructor(
    private readonly figures: FiguresService,
    private readonly regions: RegionService,
  ) {}

  @Get('public/regions')
  @ApiOperation({ summary: "全市及各监管单元指标 · The city and its units' figures" })
  @Access.public()
  @ApiOkResponse({ type: RegionListView })
  async publicList(): Promise<RegionListView> {
    return { items: await this.figures.list() };
  }

  @Get('public/regions/boundaries')
  @ApiOperation({ summary: '监管单元边界（GeoJSON） · Unit boundaries (GeoJSON)' })
  @Access.public()
  @ApiOkResponse({ type: BoundariesView, description: 'GeoJSON FeatureCollection of the units; properties as RegionView' })
  boundaries() {
    return this.figures.boundaries();
  }

  @Get('public/regions/:code')
  @ApiOperation({ summary: "单元指标 · A unit's figures" })
  @Access.public()
  @ApiOkResponse({ type: RegionView })
  publicGet(@Param('code') code: string): Promise<RegionView> {
    return this.figures.get(code);
  }

  @Get('regions')
  @ApiOperation({ summary: "单元指标（登录） · Units' figures (signed in)" })
  @Access.signedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegionListView })
  async list(): Promise<RegionListView> {
    return { items: await this.figures.list() };
  }

  @Get('regions/:code')
  @ApiOperation({ summary: "单元指标（登录） · A unit's figures (signed in)" })
  @Access.signedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegionView })
  get(@Param('code') code: string): Promise<RegionView> {
    return this.figures.get(code);
  }

  /** Daily figures with the year's target, for trend charts (observed snapshots and derived history). */
  @Get('regions/:code/history')
  @ApiOperation({ summary: '指标历史 · Figures over time' })
  @Access.signedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegionHistoryView })
  history(@Param('code') code: string, @Query() query: HistoryQuery): Promise<RegionHistoryView> {
    const today = todayInShanghai();
    return this.figures.history(code, query.from ?? addDays(today, -3 * 365), query.to ?? today);
  }

  @Put('regions/:code/population')
  @ApiOperation({ summary: '设置常住人口 · Set the population' })
  @Access.grants({ role: 'admin' }, { role: 'regulator', agencies: ['health'], cityLevel: true })
  @ApiBearerAuth()
  @ApiOkResponse({ type: RegionView })
  async setPopulation(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: SetPopulationDto): Promise<RegionView> {
    await this.regions.setPopulation({ id: actor.id, role: actor.role }, code, dto.year, dto.population, dto.confirm === true);
    // The answer shows the new population and the figures derived from it (the worker's job stores them).
    return this.figures.withPopulation(code, dto.year, dto.population);
  }
}
