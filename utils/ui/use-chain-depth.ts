import { useEffect, useState } from 'react';
import type { EditSource } from '../messages';
import { chainDepthOf } from './chain-depth';

/**
 * The chain depth of the result an "Edit again" box edits (chain-depth.ts); undefined for a picture on a
 * page (the box over web pages never edits results, and must not open the extension's database there).
 */
export function useChainDepth(source: EditSource): number | undefined {
  const jobId = source.kind === 'job' ? source.jobId : undefined;
  const [depth, setDepth] = useState<{ jobId: string; depth: number }>();

  useEffect(() => {
    if (jobId === undefined) return;
    let live = true;
    chainDepthOf(jobId).then(
      (found) => live && setDepth({ jobId, depth: found }),
      (error: unknown) => console.warn('Edit with Kontext: could not read the chain of edits.', error),
    );
    return () => {
      live = false;
    };
  }, [jobId]);

  return depth?.jobId === jobId ? depth?.depth : undefined;
}
