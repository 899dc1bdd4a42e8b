/** What the popup says before the first edit. */
export function EmptyState() {
  return (
    <div className="empty">
      <p className="empty-title">No edits yet</p>
      <p>Right-click any image on a web page and choose Edit with Kontext.</p>
      <p className="muted">Describe the change, press Enter, and follow the edit here. Model, output format and API key are in Settings.</p>
    </div>
  );
}
