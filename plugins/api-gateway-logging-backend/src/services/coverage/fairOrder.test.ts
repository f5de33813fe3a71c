import { auditTarget, interleaveBy } from './fairOrder';

function api(annotations: Record<string, string>) {
  return { metadata: { annotations } };
}

const ARN = 'aws.amazon.com/api-gateway-stage-arn';

describe('auditTarget', () => {
  it('is the account and region of the first stage an entity names', () => {
    expect(
      auditTarget(
        api({
          [ARN]:
            'arn:aws:apigateway:eu-west-1:222222222222:/restapis/a1b2c3/stages/prod,arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/dev',
        }),
      ),
    ).toBe('222222222222|eu-west-1');
    expect(
      auditTarget(
        api({
          [ARN]: 'arn:aws:apigateway:us-east-1::/apis/x9y8z7/stages/$default',
        }),
      ),
    ).toBe('|us-east-1');
  });

  it('groups tag selectors by account, and unknowns together', () => {
    expect(
      auditTarget(
        api({
          'aws.amazon.com/api-gateway-tags': 'team=payments',
          'aws.amazon.com/api-gateway-account-id': '222222222222',
        }),
      ),
    ).toBe('222222222222|tags');
    expect(auditTarget(api({}))).toBe('');
    expect(auditTarget(api({ [ARN]: 'not an arn' }))).toBe('');
  });
});

describe('interleaveBy', () => {
  it('takes items round-robin across groups, keeping order within each', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'c2'];
    expect(interleaveBy(items, i => i[0])).toEqual([
      'a1',
      'b1',
      'c1',
      'a2',
      'c2',
      'a3',
    ]);
  });

  it('keeps every item of a single group or an empty list', () => {
    expect(interleaveBy(['x', 'y'], () => 'k')).toEqual(['x', 'y']);
    expect(interleaveBy([], () => 'k')).toEqual([]);
  });
});
