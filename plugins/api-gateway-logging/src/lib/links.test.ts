import { formatAround, parseAround } from './around';
import { fullEntityRef, shortEntityRef } from './entityRefs';
import { readFailureFilters, writeFailureFilters } from './failureFilters';
import { mergeStages, resolveStage, stageLabel, stageParam } from './stages';
import { traceSearch } from '../hooks/useTraceLink';

const PROD_ARN = 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod';
const STAGING_ARN = 'arn:aws:apigateway:us-east-1::/restapis/a1/stages/staging';
const PROD = { arn: PROD_ARN, stageName: 'prod', apiId: 'a1' };
const STAGING = { arn: STAGING_ARN, stageName: 'staging', apiId: 'a1' };
const OTHER_PROD = {
  arn: 'arn:aws:apigateway:us-east-1::/apis/b2/stages/prod',
  stageName: 'prod',
  apiId: 'b2',
};

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
    expect(stageParam(PROD, [PROD, OTHER_PROD])).toBe(PROD_ARN);
    expect(resolveStage('prod', [PROD, STAGING])).toBe(PROD);
    expect(resolveStage('b2/prod', [PROD, OTHER_PROD])).toBe(OTHER_PROD);
    expect(resolveStage('prod', [PROD, OTHER_PROD])).toBeUndefined();
    expect(resolveStage(STAGING_ARN, [PROD, STAGING])).toBe(STAGING);
  });

  it('labels a stage by the fields the backend gives, never by its ARN', () => {
    expect(stageLabel(PROD, [PROD, STAGING])).toBe('prod');
    expect(stageLabel(OTHER_PROD, [PROD, OTHER_PROD])).toBe('b2/prod');
    // A stage only searched (no API id): its ARN when its name is shared.
    const searched = { arn: OTHER_PROD.arn, stageName: 'prod' };
    expect(stageLabel(searched, [PROD, searched])).toBe(OTHER_PROD.arn);
    // The API id learnt from another answer is kept.
    expect(mergeStages([OTHER_PROD], [searched])).toEqual([OTHER_PROD]);
    // A name that is not an ARN's last part still labels the stage.
    const odd = {
      arn: 'arn:aws:apigateway:us-east-1::/apis/c3/stages/%24default',
      stageName: '$default',
      apiId: 'c3',
    };
    expect(stageLabel(odd, [odd])).toBe('$default');
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
        stage: PROD_ARN,
        stages: [PROD, STAGING],
        around: Date.parse('2025-11-30T01:17:42Z'),
      }),
    ).toBe('?entity=payments-api&stage=prod&around=2025-11-30T01:17Z');
    // Without the entity's stages, an ARN stays an ARN (it may be ambiguous).
    expect(
      traceSearch({ entityRef: 'api:default/payments-api', stage: PROD_ARN }),
    ).toBe(`?entity=payments-api&stage=${PROD_ARN}`);
  });
});

describe('failure filters in the URL', () => {
  it('reads known values and ignores the rest', () => {
    expect(
      readFailureFilters(
        new URLSearchParams('range=6h&category=throttled&stage=staging'),
        [PROD, STAGING],
      ),
    ).toEqual({ range: '6h', category: 'throttled', stage: STAGING_ARN });
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
      { range: '1h', stage: PROD_ARN },
      [PROD, STAGING],
    );
    expect(next.toString()).toBe('tab=x&stage=prod');
  });
});
