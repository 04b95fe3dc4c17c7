import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Database } from '../database/database';
import { MayDo } from '../auth/may-do';
import { Scope } from '../auth/scope';
import { AuditEntryView, listAuditEntries } from './audit-log.queries';
import { AuditRead } from './audit-read';
import type { ServiceDescriptor } from '../service-descriptor';
import { SERVICE_DESCRIPTOR } from '../tokens';

export class AuditLogQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiPropertyOptional({ description: 'Only entries about this resource (a client, an invoice, a billing run …).', example: '0b6f4f9e-3f7c-4a57-9a43-0d1f7a3e9c11' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'Only what this user or system did.', example: 'officer-aino' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Entries from this instant on.', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/**
 * The audit log of this service (ADR 0012), newest first: who read personal data or changed
 * what, for which organisation, with the grounds they gave and the values their request
 * overwrote. The log itself refuses every UPDATE and DELETE in the database.
 */
@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(
    private readonly db: Database,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
  ) {}

  @Get()
  @MayDo('audit-log.read')
  @Scope.organisationFromQuery()
  @AuditRead('audit-log')
  @ApiOperation({
    summary: 'Who read personal data or changed what in an organisation, newest first (with the overwritten values).',
    description: 'Overwritten values are shown as the service’s rules allow at the time of reading: in invoicing, a client’s address a security ban now protects is masked in billing settings and invoices (null address, the invoice’s marker), as everywhere else.',
  })
  @ApiOkResponse({
    description: 'Audit entries.',
    schema: {
      example: [
        {
          id: 42,
          at: '2026-12-03T09:15:02.113Z',
          requestId: '6a0f…',
          actor: 'officer-aino',
          roles: ['client-fee-officer'],
          organisationId: 'fi-demo',
          action: 'registration.record',
          route: 'PATCH /clients/:id/registrations/:registrationId',
          resourceKind: 'client',
          resourceId: '0b6f4f9e-3f7c-4a57-9a43-0d1f7a3e9c11',
          personalData: null,
          records: null,
          status: 200,
          outcome: 'done',
          grounds: null,
          refusal: null,
          changes: [{ table: 'registration', rowId: '9d1…', operation: 'UPDATE', before: { quantity: '2.00' }, after: { quantity: '1.50' }, changedAt: '2026-12-03T09:15:02.101Z' }],
        },
      ],
    },
  })
  list(@Query() query: AuditLogQuery): Promise<AuditEntryView[]> {
    return this.db.read(async (tx) => {
      const entries = await listAuditEntries(tx, { ...query, limit: query.limit ?? 100 });
      const mask = this.descriptor.maskAuditChanges;
      if (!mask) return entries;
      const shown = await mask(tx, entries.flatMap((entry) => entry.changes));
      let next = 0;
      return entries.map((entry) => ({ ...entry, changes: entry.changes.map(() => shown[next++]) }));
    });
  }
}
