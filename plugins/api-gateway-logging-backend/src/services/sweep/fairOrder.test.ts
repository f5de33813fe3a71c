import { interleaveBy } from './fairOrder';

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
