import { LogGroupInfo } from '../../audit/types';
import { Memo } from '../../lib/Memo';
import { AwsTarget, targetKey } from '../aws/types';
import { LogGroupReader } from './types';

/** A {@link LogGroupReader} whose listings are cached and coalesced by prefix. */
export class CachedLogGroupReader implements LogGroupReader {
  constructor(
    private readonly inner: LogGroupReader,
    private readonly memo: Memo,
  ) {}

  listByPrefix(target: AwsTarget, prefix: string): Promise<LogGroupInfo[]> {
    return this.memo.get(`loggroups:${targetKey(target)}:${prefix}`, () =>
      this.inner.listByPrefix(target, prefix),
    );
  }
}
