import {
  breakPoints,
  formatCliCommand,
  plural,
  prettyJson,
  shortenMasks,
  splitJsonExample,
} from './text';

describe('text', () => {
  it('shows masked keys short', () => {
    expect(
      shortenMasks('API key ****************************abc123 exceeded'),
    ).toBe('API key ••••abc123 exceeded');
    expect(shortenMasks('a ** b')).toBe('a ** b');
  });

  it('breaks identifiers between their parts only', () => {
    expect(
      breakPoints('arn:aws:apigateway:us-east-1::/restapis/a1/stages/prod'),
    ).toEqual([
      'arn:',
      'aws:',
      'apigateway:',
      'us-',
      'east-',
      '1:',
      ':',
      '/',
      'restapis/',
      'a1/',
      'stages/',
      'prod',
    ]);
  });

  it.each([
    [1, 'stage', undefined, '1 stage'],
    [2, 'warning', undefined, '2 warnings'],
    [1, 'entity', 'entities', '1 entity'],
    [3, 'entity', 'entities', '3 entities'],
  ])('plural(%i, %s)', (n, one, many, expected) => {
    expect(plural(n, one, many)).toBe(expected);
  });

  it('lays a CLI command out one option per line, quotes kept whole', () => {
    expect(
      formatCliCommand(
        "aws apigateway update-stage --rest-api-id a1 --patch-operations 'op=replace,path=/a --b,value=1' --region us-east-1",
      ),
    ).toBe(
      [
        'aws apigateway update-stage \\',
        '  --rest-api-id a1 \\',
        "  --patch-operations 'op=replace,path=/a --b,value=1' \\",
        '  --region us-east-1',
      ].join('\n'),
    );
  });

  it('cuts a JSON example out of a sentence', () => {
    expect(
      splitJsonExample('Use a format with status; for example {"a":"$s"}'),
    ).toEqual({
      prose: 'Use a format with status; for example:',
      json: '{\n  "a": "$s"\n}',
    });
    expect(splitJsonExample('No example {here')).toEqual({
      prose: 'No example {here',
    });
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('plain')).toBeUndefined();
  });
});
