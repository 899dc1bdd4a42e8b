import { openOptionsPage } from '../utils/ui/open-options';
import { useChainDepth } from '../utils/ui/use-chain-depth';
import { PromptBox } from './PromptBox';

interface EditAgainDialogProps {
  jobId: string;
  onClose: () => void;
}

/** The prompt box over the popup, editing a finished job's result. */
export function EditAgainDialog({ jobId, onClose }: EditAgainDialogProps) {
  const source = { kind: 'job', jobId } as const;
  const chainDepth = useChainDepth(source);
  return (
    <div className="modal-layer">
      <PromptBox source={source} onClose={onClose} onOpenSettings={openOptionsPage} chainDepth={chainDepth} />
    </div>
  );
}
