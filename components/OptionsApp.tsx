import { useEffect, useState } from 'react';
import { getApiKeys } from '../utils/secret-store';
import type { Provider } from '../utils/settings';
import { getSettings } from '../utils/settings-store';
import { browserOptionsDeps, type OptionsDeps } from '../utils/ui/options-actions';
import { formValuesFrom, type SettingsFormValues } from '../utils/ui/settings-form';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { HistoryStoragePanel } from './HistoryStoragePanel';
import { PresetsPanel } from './PresetsPanel';
import { KeySessionOption } from './KeySessionOption';
import { SettingsForm } from './SettingsForm';
import { SiteAccessPanel } from './SiteAccessPanel';
import { SpendPanel } from './SpendPanel';

interface OptionsAppProps {
  deps?: OptionsDeps;
}

/** The options page: loads the saved settings and key, then hands them to the form. */
export function OptionsApp({ deps = browserOptionsDeps }: OptionsAppProps) {
  const [initial, setInitial] = useState<SettingsFormValues>();
  const [savedKeys, setSavedKeys] = useState<Partial<Record<Provider, string>>>({});
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    Promise.all([getSettings(), getApiKeys()]).then(
      ([settings, keys]) => {
        setSavedKeys(keys);
        setInitial(formValuesFrom(settings, keys[settings.provider]));
      },
      () => setLoadError('The saved settings could not be read. Reload this page to try again.'),
    );
  }, []);

  return (
    <main className="options">
      <h1>Edit with Kontext — Settings</h1>
      {loadError && <p className="alert" role="alert">{loadError}</p>}
      {!initial && !loadError && <p className="muted">Loading…</p>}
      {initial && <SettingsForm initial={initial} deps={deps} savedKeys={savedKeys} />}
      <PresetsPanel />
      <KeySessionOption />
      <SpendPanel />
      <SiteAccessPanel />
      <HistoryStoragePanel />
      <DiagnosticsPanel />
    </main>
  );
}
