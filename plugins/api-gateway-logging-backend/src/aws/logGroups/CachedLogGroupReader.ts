import {
  AwsTarget,
  LogGroupInfo,
  targetKey,
} from '@apigw-logging/plugin-api-gateway-logging-node';
import { Listing } from '../apiGateway/types';
import { Memo } from '../Memo';
import { LogGroupReader } from './types';

/** A {@link LogGroupReader} whose listings are cached and coalesced by prefix. */
export class CachedLogGroupReader implements LogGroupReader {
  constructor(
    private readonly inner: LogGroupReader,
    private readonly memo: Memo,
  ) {}

  listByPrefix(
    target: AwsTarget,
    prefix: string,
  ): Promise<Listing<LogGroupInfo>> {
    return this.memo.get(`loggroups:${targetKey(target)}:${prefix}`, () =>
      this.inner.listByPrefix(target, prefix),
    );
  }
}
