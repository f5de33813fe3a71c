import { Fragment } from 'react';
import { breakPoints } from '../../lib/text';

/**
 * An identifier (ARN, log group, request id) that wraps only between its
 * parts: after `/`, `:`, `-` and the like, never in the middle of a word.
 * Wrap it in an element with `overflow-wrap: anywhere` only as a last resort.
 */
export function Breakable(props: { text: string }) {
  const parts = breakPoints(props.text);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
