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
 * Chart colours: distinct hues, readable on light and dark themes, and in
 * the same order as FAILURE_CATEGORIES so the stack is stable.
 */
export const CATEGORY_COLORS: Record<FailureCategory, string> = {
  'authorizer-denied': '#7e57c2',
  'authorizer-error': '#ab47bc',
  throttled: '#ffa726',
  'quota-exceeded': '#fb8c00',
  'api-key-rejected': '#8d6e63',
  'integration-timeout': '#e53935',
  'integration-error': '#c62828',
  'client-error': '#42a5f5',
  'server-error': '#78909c',
};

/** Every category, in display order. */
export const CATEGORIES: readonly FailureCategory[] = FAILURE_CATEGORIES;

/** Whether a string from the URL is a known category. */
export function isFailureCategory(value: unknown): value is FailureCategory {
  return (FAILURE_CATEGORIES as readonly unknown[]).includes(value);
}
