import {
  pageSizeOptions,
  readCoverageQuery,
  readPage,
  readUnclaimedQuery,
  writeCoverageQuery,
} from './coverageQuery';

describe('the coverage query in the URL', () => {
  it('reads filters, search, sort and page, ignoring unknown values', () => {
    expect(
      readCoverageQuery(
        new URLSearchParams(
          'owner=group:default/team-a&search=%20pay%20&sort=name&page=3&size=100&status=nope&check=Bad!',
        ),
      ),
    ).toEqual({
      owner: 'group:default/team-a',
      search: 'pay',
      sort: 'name',
      order: 'asc',
      offset: 200,
      limit: 100,
    });
    expect(readCoverageQuery(new URLSearchParams('page=0&size=700'))).toEqual({
      sort: 'failing',
      order: 'desc',
      offset: 0,
      limit: 50,
    });
  });

  it('writes it back with defaults left out and other parameters kept', () => {
    const params = writeCoverageQuery(new URLSearchParams('tab=entities'), {
      status: 'fail',
      search: 'orders',
      sort: 'failing',
      order: 'desc',
      offset: 100,
      limit: 50,
    });
    expect(params.toString()).toBe(
      'tab=entities&status=fail&search=orders&page=3',
    );
    expect(
      writeCoverageQuery(new URLSearchParams('page=4&search=x'), {
        sort: 'coverage',
        order: 'asc',
        offset: 0,
        limit: 200,
      }).toString(),
    ).toBe('sort=coverage&order=asc&size=200');
  });

  it('keeps any page size the backend takes, and offers it', () => {
    expect(readPage(new URLSearchParams('size=4&page=2'))).toEqual({
      page: 1,
      size: 4,
    });
    expect(pageSizeOptions(4)).toEqual([4, 10, 25, 50, 100, 200]);
    expect(pageSizeOptions(50)).toEqual([10, 25, 50, 100, 200]);
  });

  it('round-trips', () => {
    const query = readCoverageQuery(
      new URLSearchParams(
        'system=system:default/pay&sort=owner&order=desc&page=2&size=25',
      ),
    );
    expect(
      readCoverageQuery(writeCoverageQuery(new URLSearchParams(), query)),
    ).toEqual(query);
  });

  it('reads the unclaimed stages query', () => {
    expect(
      readUnclaimedQuery(
        new URLSearchParams(
          'tab=unclaimed&search=orders&status=unreadable&page=2',
        ),
      ),
    ).toEqual({
      search: 'orders',
      status: 'unreadable',
      offset: 50,
      limit: 50,
    });
    expect(readUnclaimedQuery(new URLSearchParams('status=nope'))).toEqual({
      search: undefined,
      status: undefined,
      offset: 0,
      limit: 50,
    });
  });
});
