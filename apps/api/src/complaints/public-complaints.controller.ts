import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Access } from '@lib/auth';
import { ComplaintReceiptView, ComplaintService, CreateComplaintDto, PublicComplaintView } from '@lib/complaints';

/** Anonymous complaints and reports (docs/api.md "Complaints (投诉举报)"): rate-limited per client by the public hook. */
@ApiTags('public')
@Controller('api/v1/public/complaints')
export class PublicComplaintsController {
  constructor(private readonly complaints: ComplaintService) {}

  @Post()
  @ApiOperation({ summary: '投诉或举报 · Complain or report' })
  @Access.public()
  @ApiCreatedResponse({ type: ComplaintReceiptView })
  submit(@Body() dto: CreateComplaintDto): Promise<ComplaintReceiptView> {
    return this.complaints.submit(dto);
  }

  @Get(':receiptCode')
  @ApiOperation({ summary: '按回执码查询投诉 · Follow a complaint by receipt code' })
  @Access.public()
  @ApiOkResponse({ type: PublicComplaintView })
  status(@Param('receiptCode') receiptCode: string): Promise<PublicComplaintView> {
    return this.complaints.publicStatus(receiptCode);
  }
}
