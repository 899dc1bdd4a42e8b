interface LongChainNoteProps {
  /** Chained edits behind the result being edited. */
  depth: number;
  onEditEarlier: () => void;
}

/** Warns that quality drifts along long chains of edits, and offers to branch from an earlier version. */
export function LongChainNote({ depth, onEditEarlier }: LongChainNoteProps) {
  return (
    <div className="kx-notice kx-chain-note" role="note" aria-label="Long chain of edits">
      <p>
        This result is {depth} edits away from the original picture. Quality drifts with long chains of
        edits (colours shift, details soften); an earlier version often gives a cleaner result.
      </p>
      <button type="button" className="kx-secondary" onClick={onEditEarlier}>Edit an earlier version</button>
    </div>
  );
}
