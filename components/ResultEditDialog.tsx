import { openOptionsPage } from '../utils/ui/open-options';
import { useChainDepth } from '../utils/ui/use-chain-depth';
import { PromptBox } from './PromptBox';

interface ResultEditDialogProps {
  jobId: string;
  onClose: () => void;
  /** "Edit an earlier version" (after a long chain): the page points at its version tree. */
  onEditEarlier: () => void;
}

/** The prompt box over the result page, editing the version shown ("Edit again"). */
export function ResultEditDialog({ jobId, onClose, onEditEarlier }: ResultEditDialogProps) {
  const source = { kind: 'job', jobId } as const;
  const chainDepth = useChainDepth(source);
  return (
    <div className="modal-layer">
      <PromptBox source={source} onClose={onClose} onOpenSettings={openOptionsPage} onEditEarlier={onEditEarlier} chainDepth={chainDepth} />
    </div>
  );
}
