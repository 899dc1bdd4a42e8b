import { openOptionsPage } from '../utils/ui/open-options';
import { PromptBox } from './PromptBox';

interface ResultEditDialogProps {
  jobId: string;
  onClose: () => void;
  /** "Edit an earlier version" (after a long chain): the page points at its version tree. */
  onEditEarlier: () => void;
}

/** The prompt box over the result page, editing the version shown ("Edit again"). */
export function ResultEditDialog({ jobId, onClose, onEditEarlier }: ResultEditDialogProps) {
  return (
    <div className="modal-layer">
      <PromptBox source={{ kind: 'job', jobId }} onClose={onClose} onOpenSettings={openOptionsPage} onEditEarlier={onEditEarlier} />
    </div>
  );
}
