import { useEffect, useState } from 'react';
import { getJobImage, type ImageRole } from '../image-store';

/**
 * An object URL for the first stored picture of a job among `roles` (e.g. a thumbnail, else the
 * full image). Looks again when `version` changes (the job moved on and may have stored more), and
 * revokes every URL it made when it no longer needs it.
 */
export function useJobImageUrl(jobId: string, roles: readonly ImageRole[], version: unknown): string | undefined {
  const [url, setUrl] = useState<string>();
  const rolesKey = roles.join(',');

  useEffect(() => {
    let live = true;
    let made: string | undefined;
    void (async () => {
      for (const role of rolesKey.split(',') as ImageRole[]) {
        const blob = await getJobImage(jobId, role).catch(() => undefined);
        if (!blob) continue;
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
        return;
      }
    })();
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [jobId, rolesKey, version]);

  return url;
}
