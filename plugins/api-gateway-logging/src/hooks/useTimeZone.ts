import { useCallback, useEffect, useState } from 'react';
import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import { TimeZoneChoice, zoneLabel } from '../lib/time';

const BUCKET = 'api-gateway-logging';
const KEY = 'timeZone';

const parse = (value: unknown): TimeZoneChoice =>
  value === 'utc' ? 'utc' : 'local';

/**
 * The zone every time of the plugin is shown in, and a setter. Kept in the
 * app's storage API (the browser's localStorage in a default app), so the
 * choice holds across screens, tabs and visits; every screen follows a
 * change at once.
 */
export function useTimeZone(): {
  zone: TimeZoneChoice;
  label: string;
  setZone: (zone: TimeZoneChoice) => void;
} {
  const storage = useApi(storageApiRef);
  const bucket = storage.forBucket(BUCKET);
  const [zone, setState] = useState<TimeZoneChoice>(() =>
    parse(bucket.snapshot(KEY).value),
  );
  useEffect(() => {
    const subscription = storage
      .forBucket(BUCKET)
      .observe$<string>(KEY)
      .subscribe({ next: snapshot => setState(parse(snapshot.value)) });
    return () => subscription.unsubscribe();
  }, [storage]);
  const setZone = useCallback(
    (next: TimeZoneChoice) => {
      setState(next);
      storage.forBucket(BUCKET).set(KEY, next);
    },
    [storage],
  );
  return { zone, label: zoneLabel(zone), setZone };
}
