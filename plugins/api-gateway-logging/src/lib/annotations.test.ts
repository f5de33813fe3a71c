import { annotationsYaml, splitAnnotationExample } from './annotations';

describe('annotation examples', () => {
  it('writes ARNs one per line, other values on one line, ids quoted', () => {
    expect(
      annotationsYaml([
        ['aws.amazon.com/api-gateway-stage-arn', 'arn:a,arn:b'],
        ['aws.amazon.com/api-gateway-tags', 'a=1,b=2'],
        ['aws.amazon.com/api-gateway-account-id', '123456789012', 'optional'],
      ]),
    ).toBe(
      [
        'metadata:',
        '  annotations:',
        '    aws.amazon.com/api-gateway-stage-arn: >-',
        '      arn:a,',
        '      arn:b',
        '    aws.amazon.com/api-gateway-tags: a=1,b=2',
        '    # optional',
        "    aws.amazon.com/api-gateway-account-id: '123456789012'",
      ].join('\n'),
    );
  });

  it("splits the backend's example off its message", () => {
    expect(
      splitAnnotationExample(
        'Bad id. Example of a correct value: aws.amazon.com/api-gateway-tags: a=1',
      ),
    ).toEqual({
      prose: 'Bad id.',
      yaml: 'metadata:\n  annotations:\n    aws.amazon.com/api-gateway-tags: a=1',
    });
    expect(splitAnnotationExample('Something else')).toEqual({
      prose: 'Something else',
    });
  });
});
