import {
  ANNOTATION_ACCOUNT_ID,
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from './annotations';
import {
  AnnotationError,
  hasStageAnnotation,
  parseStageArn,
  parseTagQuery,
  readStageSelector,
} from './stageRef';

const entity = (annotations: Record<string, string>) => ({
  metadata: { annotations },
});

describe('parseStageArn', () => {
  it.each([
    [
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
      {
        region: 'us-east-1',
        apiId: 'a1b2c3d4e5',
        apiFamily: 'v1',
        stageName: 'prod',
      },
    ],
    [
      'arn:aws:apigateway:eu-west-1::/apis/f6g7h8i9j0/stages/$default',
      {
        region: 'eu-west-1',
        apiId: 'f6g7h8i9j0',
        apiFamily: 'v2',
        stageName: '$default',
      },
    ],
    [
      ' arn:aws-us-gov:apigateway:us-gov-west-1:123456789012:/apis/f6g7h8i9j0/stages/live ',
      { partition: 'aws-us-gov', accountId: '123456789012', apiFamily: 'v2' },
    ],
  ])('parses %s', (arn, expected) => {
    expect(parseStageArn(arn)).toMatchObject(expected);
  });

  it('writes the ARN back without the account, as AWS does', () => {
    expect(
      parseStageArn(
        'arn:aws:apigateway:us-east-1:123456789012:/restapis/a1b2c3d4e5/stages/prod',
      ).arn,
    ).toBe('arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod');
  });

  it('takes the default account when the ARN has none', () => {
    expect(
      parseStageArn(
        'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
        '111122223333',
      ).accountId,
    ).toBe('111122223333');
  });

  it.each([
    ['not-an-arn', 'not an ARN'],
    [
      'arn:aws:lambda:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
      'service is "lambda"',
    ],
    [
      'arn:aws:apigateway:moon-1::/restapis/a1b2c3d4e5/stages/prod',
      'region "moon-1"',
    ],
    [
      'arn:aws:apigateway:us-east-1:12:/restapis/a1b2c3d4e5/stages/prod',
      'account "12"',
    ],
    ['arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5', 'resource is not'],
    ['arn:aws:apigateway:us-east-1::/restapis/ABC/stages/prod', 'API id "ABC"'],
    [
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/p*d',
      'stage name "p*d"',
    ],
  ])('rejects %s with a reason and an example', (arn, reason) => {
    expect(() => parseStageArn(arn)).toThrow(AnnotationError);
    expect(() => parseStageArn(arn)).toThrow(reason);
    expect(() => parseStageArn(arn)).toThrow(/Example of a correct value/);
  });
});

describe('parseTagQuery', () => {
  it('parses key=value pairs', () => {
    expect(parseTagQuery('service=payments, environment=production')).toEqual({
      service: 'payments',
      environment: 'production',
    });
  });
  it.each(['', 'novalue', '=x', 'a=1,a=2'])('rejects %j', value => {
    expect(() => parseTagQuery(value)).toThrow(AnnotationError);
  });
});

describe('readStageSelector', () => {
  it('returns undefined without annotations', () => {
    expect(readStageSelector(entity({}))).toBeUndefined();
    expect(hasStageAnnotation(entity({}))).toBe(false);
  });

  it('reads several ARNs and applies the account annotation', () => {
    const selector = readStageSelector(
      entity({
        [ANNOTATION_STAGE_ARN]:
          'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod,arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/dev',
        [ANNOTATION_ACCOUNT_ID]: '111122223333',
      }),
    );
    expect(selector).toMatchObject({ kind: 'arns' });
    expect(selector?.kind === 'arns' && selector.stages).toEqual([
      expect.objectContaining({ stageName: 'prod', accountId: '111122223333' }),
      expect.objectContaining({ stageName: 'dev', accountId: '111122223333' }),
    ]);
  });

  it('reads a tag query', () => {
    expect(
      readStageSelector(entity({ [ANNOTATION_STAGE_TAGS]: 'team=payments' })),
    ).toEqual({ kind: 'tags', tags: { team: 'payments' } });
  });

  it('refuses both annotations at once', () => {
    expect(() =>
      readStageSelector(
        entity({
          [ANNOTATION_STAGE_TAGS]: 'team=payments',
          [ANNOTATION_STAGE_ARN]:
            'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
        }),
      ),
    ).toThrow(/both set/);
  });

  it('refuses a malformed account annotation', () => {
    expect(() =>
      readStageSelector(
        entity({
          [ANNOTATION_STAGE_TAGS]: 'team=payments',
          [ANNOTATION_ACCOUNT_ID]: 'prod-account',
        }),
      ),
    ).toThrow(ANNOTATION_ACCOUNT_ID);
  });
});
