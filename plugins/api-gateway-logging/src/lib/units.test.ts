import { formatBytes, formatUsd } from './units';

describe('units', () => {
  it.each([
    [0, '0 bytes'],
    [900, '900 bytes'],
    [1536, '1.5 KB'],
    [250 * 1024 * 1024, '250 MB'],
    [1.25 * 1024 ** 3, '1.3 GB'],
    [42 * 1024 ** 4, '42 TB'],
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, '$0.00'],
    [0.001, '< $0.01'],
    [12.4, '$12.40'],
    [1234.567, '$1,234.57'],
  ])('$%d reads %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});
