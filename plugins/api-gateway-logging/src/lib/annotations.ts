import {
  ANNOTATION_STAGE_ARN,
  ANNOTATION_STAGE_TAGS,
} from '@apigw-logging/plugin-api-gateway-logging-common';

/**
 * Catalog-info YAML setting some annotations. A comma-separated list of
 * ARNs is written one ARN per line (a folded scalar, which YAML
 * joins back with spaces; the plugin trims them), so each can be read.
 */
export function annotationsYaml(
  entries: Array<[annotation: string, value: string, comment?: string]>,
): string {
  const lines = ['metadata:', '  annotations:'];
  for (const [annotation, value, comment] of entries) {
    if (comment) lines.push(`    # ${comment}`);
    const items = value
      .split(',')
      .map(v => v.trim())
      .filter(Boolean);
    if (items.length > 1 && items.every(item => item.startsWith('arn:'))) {
      lines.push(`    ${annotation}: >-`);
      items.forEach((item, i) =>
        lines.push(`      ${item}${i < items.length - 1 ? ',' : ''}`),
      );
    } else {
      // Quoted when YAML would read it as something else (an account id
      // as a number, `$default` is fine).
      const quoted = /^\d+$/.test(value) ? `'${value}'` : value;
      lines.push(`    ${annotation}: ${quoted}`);
    }
  }
  return lines.join('\n');
}

/**
 * The backend's message for an annotation it cannot use ends with
 * `Example of a correct value: <annotation>: <value>`: the sentence before
 * it, and the example as catalog-info YAML.
 */
export function splitAnnotationExample(message: string): {
  prose: string;
  yaml?: string;
} {
  const match =
    /^([\s\S]*?)\s*Example of a correct value: ([\w./-]+): (\S[\s\S]*)$/.exec(
      message,
    );
  if (
    !match ||
    ![ANNOTATION_STAGE_ARN, ANNOTATION_STAGE_TAGS].includes(match[2])
  ) {
    return { prose: message };
  }
  return {
    prose: match[1],
    yaml: annotationsYaml([[match[2], match[3].trim()]]),
  };
}
