import { openOptionsPage } from '../utils/ui/open-options';
import { PromptBox } from './PromptBox';

interface EditAgainDialogProps {
  jobId: string;
  onClose: () => void;
}

/** The prompt box over the popup, editing a finished job's result. */
export function EditAgainDialog({ jobId, onClose }: EditAgainDialogProps) {
  return (
    <div className="modal-layer">
      <PromptBox source={{ kind: 'job', jobId }} onClose={onClose} onOpenSettings={openOptionsPage} />
    </div>
  );
}
