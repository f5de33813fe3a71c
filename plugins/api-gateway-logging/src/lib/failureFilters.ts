import { FailureCategory } from '@apigw-logging/plugin-api-gateway-logging-common';
import { isFailureCategory } from './categories';
import { resolveStage, StageInfo, stageParam } from './stages';
import { isTimeRange, TimeRangeId } from './time';

/** The failures view's filters, as chosen. */
export interface FailuresFilterValue {
  range: TimeRangeId;
  category?: FailureCategory;
  /** A stage ARN of the entity. */
  stage?: string;
}

/** The default range, left out of URLs. */
export const DEFAULT_RANGE: TimeRangeId = '1h';

/**
 * The failures filters from the tab's URL (`?range=6h&category=throttled&
 * stage=prod`), so a filtered view can be shared; unknown values are ignored.
 */
export function readFailureFilters(
  params: URLSearchParams,
  stages: StageInfo[],
): FailuresFilterValue {
  const range = params.get('range');
  const category = params.get('category');
  const stage = resolveStage(params.get('stage'), stages)?.arn;
  return {
    range: isTimeRange(range) ? range : DEFAULT_RANGE,
    ...(isFailureCategory(category) ? { category } : {}),
    ...(stage ? { stage } : {}),
  };
}

/**
 * The tab's URL parameters with these filters, other parameters kept;
 * defaults are left out so an unfiltered tab keeps a clean URL.
 */
export function writeFailureFilters(
  params: URLSearchParams,
  filters: FailuresFilterValue,
  stages: StageInfo[],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) =>
    value ? next.set(key, value) : next.delete(key);
  set('range', filters.range === DEFAULT_RANGE ? undefined : filters.range);
  set('category', filters.category);
  const stage = stages.find(s => s.arn === filters.stage);
  set('stage', stage ? stageParam(stage, stages) : filters.stage);
  return next;
}
