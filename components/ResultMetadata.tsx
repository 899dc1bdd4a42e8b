import { Fragment } from 'react';
import type { MetadataRow } from '../utils/ui/result-metadata';

/** The facts of one version as a description list. */
export function ResultMetadata({ rows }: { rows: readonly MetadataRow[] }) {
  return (
    <dl className="result-facts">
      {rows.map((row) => (
        <Fragment key={row.term}>
          <dt>{row.term}</dt>
          <dd>{row.href ? <a href={row.href} target="_blank" rel="noopener noreferrer">{row.value}</a> : row.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
