import { CoverageResponse } from '@apigw-logging/plugin-api-gateway-logging-common';

const COLUMNS = [
  'entityRef',
  'kind',
  'owner',
  'system',
  'linked',
  'entityError',
  'stageArn',
  'apiType',
  'accountId',
  'region',
  'stageStatus',
  'stageError',
  'whoCanFix',
  'check',
  'checkTitle',
  'status',
  'severity',
  'message',
] as const;

/**
 * One CSV cell (RFC 4180). Cells that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe: catalog authors
 * choose entity names and annotation values.
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The coverage report as CSV: one row per entity, stage and check (one row
 * for a stage that could not be read, with who can fix it).
 */
export function coverageToCsv(report: CoverageResponse): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const entity of report.entities) {
    const e = [
      entity.entityRef,
      entity.kind,
      entity.owner ?? '',
      entity.system ?? '',
      String(entity.linked),
      entity.error ?? entity.discoveryErrors.map(d => d.message).join('; '),
    ];
    if (entity.stages.length === 0) {
      rows.push([...e, ...new Array(COLUMNS.length - e.length).fill('')]);
      continue;
    }
    for (const stage of entity.stages) {
      const s = [
        stage.arn,
        stage.apiType ?? '',
        stage.accountId ?? '',
        stage.region,
        stage.status,
        stage.problem?.message ?? stage.error ?? '',
        stage.problem?.whoCanFix ?? '',
      ];
      if (stage.checks.length === 0) {
        // An unreadable stage: one row, counted apart, no check results.
        rows.push([...e, ...s, '', '', '', '', '']);
        continue;
      }
      for (const check of stage.checks) {
        rows.push([
          ...e,
          ...s,
          check.id,
          check.title,
          check.status,
          check.severity,
          check.message,
        ]);
      }
    }
  }
  return `${rows.map(r => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
