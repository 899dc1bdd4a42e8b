interface HistoryToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  /** Finished edits kept; "Clear history" shows only when there are some. */
  historyCount: number;
  onClear: () => void;
}

/** Search over every edit, and the way to delete the whole history. */
export function HistoryToolbar({ query, onQuery, historyCount, onClear }: HistoryToolbarProps) {
  return (
    <div className="history-toolbar" role="search">
      <input
        type="search"
        className="history-search"
        aria-label="Search history"
        placeholder="Search by instruction or site"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      {historyCount > 0 && (
        <button type="button" className="history-clear" onClick={onClear}>Clear history</button>
      )}
    </div>
  );
}
