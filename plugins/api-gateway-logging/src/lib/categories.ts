import {
  FAILURE_CATEGORIES,
  FailureCategory,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/** A person's name for each failure category. */
export const CATEGORY_LABELS: Record<FailureCategory, string> = {
  'authorizer-denied': 'Authorizer denied',
  'authorizer-error': 'Authorizer error',
  throttled: 'Throttled',
  'quota-exceeded': 'Quota exceeded',
  'api-key-rejected': 'API key rejected',
  'integration-timeout': 'Integration timeout',
  'integration-error': 'Integration error',
  'client-error': 'Other client error (4xx)',
  'server-error': 'Other server error (5xx)',
};

/**
 * One colour per category from the Okabe–Ito palette (eight colours made to
 * stay apart for every common colour-vision deficiency) and its grey: no two
 * categories share a hue family, related categories (the two authorizer
 * ones, throttled and quota) get the most different pairs. Black becomes
 * near-white on a dark theme, see {@link categoryColor}.
 */
export const CATEGORY_COLORS: Record<FailureCategory, string> = {
  'authorizer-denied': '#0072B2',
  'authorizer-error': '#CC79A7',
  throttled: '#E69F00',
  'quota-exceeded': '#F0E442',
  'api-key-rejected': '#56B4E9',
  'integration-timeout': '#D55E00',
  'integration-error': '#000000',
  'client-error': '#009E73',
  'server-error': '#999999',
};

/** A category's colour on a light or dark theme. */
export function categoryColor(
  category: FailureCategory,
  paletteType: 'light' | 'dark' = 'light',
): string {
  const color = CATEGORY_COLORS[category] ?? '#999999';
  return paletteType === 'dark' && color === '#000000' ? '#F5F5F5' : color;
}

/** Every category, in display order. */
export const CATEGORIES: readonly FailureCategory[] = FAILURE_CATEGORIES;

/** Whether a string from the URL is a known category. */
export function isFailureCategory(value: unknown): value is FailureCategory {
  return (FAILURE_CATEGORIES as readonly unknown[]).includes(value);
}
