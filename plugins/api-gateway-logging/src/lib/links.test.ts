import { formatAround, parseAround } from './around';
import { fullEntityRef, shortEntityRef } from './entityRefs';
import { readFailureFilters, writeFailureFilters } from './failureFilters';
import { resolveStage, stageParam } from './stages';
import { traceSearch } from '../hooks/useTraceLink';

const PROD = 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod';
const STAGING = 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/staging';
const OTHER_PROD = 'arn:aws:apigateway:us-east-1::/apis/b2/stages/prod';

describe('short links', () => {
  it.each([
    ['api:default/payments-api', 'payments-api'],
    ['component:default/orders', 'component:orders'],
    ['api:team-a/payments-api', 'api:team-a/payments-api'],
  ])('names %s as %s', (ref, short) => {
    expect(shortEntityRef(ref)).toBe(short);
    expect(fullEntityRef(short)).toBe(ref);
  });

  it('names a stage by name unless another stage shares it', () => {
    expect(stageParam(PROD, [PROD, STAGING])).toBe('prod');
    expect(stageParam(PROD, [PROD, OTHER_PROD])).toBe(PROD);
    expect(resolveStage('prod', [PROD, STAGING])).toBe(PROD);
    expect(resolveStage('b2/prod', [PROD, OTHER_PROD])).toBe(OTHER_PROD);
    expect(resolveStage('prod', [PROD, OTHER_PROD])).toBeUndefined();
    expect(resolveStage(STAGING, [PROD, STAGING])).toBe(STAGING);
  });

  it('writes the time to the minute in UTC, and reads it back', () => {
    const around = formatAround(Date.parse('2025-11-30T01:17:42Z'));
    expect(around).toBe('2025-11-30T01:17Z');
    expect(parseAround(around)).toBe(Date.parse('2025-11-30T01:17:00Z'));
    expect(parseAround('1764465462000')).toBe(1764465462000);
    expect(parseAround('yesterday')).toBeUndefined();
  });

  it('builds a query short enough for a ticket', () => {
    expect(
      traceSearch({
        entityRef: 'api:default/payments-api',
        stage: PROD,
        stageArns: [PROD, STAGING],
        around: Date.parse('2025-11-30T01:17:42Z'),
      }),
    ).toBe('?entity=payments-api&stage=prod&around=2025-11-30T01:17Z');
    // Without the entity's stages, an ARN stays an ARN (it may be ambiguous).
    expect(
      traceSearch({ entityRef: 'api:default/payments-api', stage: PROD }),
    ).toBe(`?entity=payments-api&stage=${PROD}`);
  });
});

describe('failure filters in the URL', () => {
  it('reads known values and ignores the rest', () => {
    expect(
      readFailureFilters(
        new URLSearchParams('range=6h&category=throttled&stage=staging'),
        [PROD, STAGING],
      ),
    ).toEqual({ range: '6h', category: 'throttled', stage: STAGING });
    expect(
      readFailureFilters(
        new URLSearchParams('range=2y&category=nope&stage=dev'),
        [PROD],
      ),
    ).toEqual({ range: '1h' });
  });

  it('writes them back, defaults left out, other parameters kept', () => {
    const next = writeFailureFilters(
      new URLSearchParams('tab=x&category=throttled'),
      { range: '1h', stage: PROD },
      [PROD, STAGING],
    );
    expect(next.toString()).toBe('tab=x&stage=prod');
  });
});
