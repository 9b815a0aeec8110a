import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor } from '@lib/auth';
import { AlertGroupListView, AlertGroupQuery, AlertListQuery, AlertListView, AlertService } from '@lib/targets';
import { CurrentActor } from '../common/access.guard.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertService) {}

  /** The caller's alerts: an operator's facilities; a regulator's region and agency; all for the admin. */
  @Get()
  @ApiOperation({ summary: '预警列表 · List alerts' })
  @Access.signedIn()
  @ApiOkResponse({ type: AlertListView })
  list(@CurrentActor() actor: Actor, @Query() query: AlertListQuery): Promise<AlertListView> {
    return this.alerts.list(actor, query);
  }

  /** The caller's open alerts grouped by facility (and by unit for those about no facility), the most first. */
  @Get('groups')
  @ApiOperation({ summary: '按机构分组的预警 · Open alerts grouped by facility' })
  @Access.signedIn()
  @ApiOkResponse({ type: AlertGroupListView })
  groups(@CurrentActor() actor: Actor, @Query() query: AlertGroupQuery): Promise<AlertGroupListView> {
    return this.alerts.groups(actor, query);
  }
}
