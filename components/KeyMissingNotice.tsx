interface KeyMissingNoticeProps {
  onOpenSettings: () => void;
}

/** Tells the user why nothing can start yet, with the way to fix it. */
export function KeyMissingNotice({ onOpenSettings }: KeyMissingNoticeProps) {
  return (
    <div className="kx-notice" role="alert">
      <p>Add your API key to start editing.</p>
      <button type="button" className="kx-secondary" onClick={onOpenSettings}>Open settings</button>
    </div>
  );
}
