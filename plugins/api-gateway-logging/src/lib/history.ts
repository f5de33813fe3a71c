import { StageChange } from '@apigw-logging/plugin-api-gateway-logging-common';

/** `Execution logging ERROR → OFF`: one change, `none` for a missing side. */
export function changeText(change: StageChange['changes'][number]): string {
  return `${change.what} ${change.from ?? 'none'} → ${change.to ?? 'none'}`;
}

/**
 * What a version changed, in a line: its first change and how many more
 * (`Execution logging ERROR → OFF, and 1 more`); `First seen` for the first
 * version. Built from `changes` rather than the backend's `summary`, whose
 * times would be in the backend's zone: the timeline says when, in the
 * viewer's.
 */
export function changeHeadline(version: StageChange): string {
  const [first, ...rest] = version.changes;
  if (!first) return version.previousSeenAt ? 'Changed' : 'First seen';
  const text = changeText(first);
  return rest.length > 0 ? `${text}, and ${rest.length} more` : text;
}
