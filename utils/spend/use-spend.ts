import { useEffect, useState } from 'react';
import type { Ledger } from './ledger';
import { getLedger, watchLedger } from './ledger-store';
import { getSpendSettings, watchSpendSettings, type SpendSettings } from './spend-settings';

/** The ledger and the spend settings as stored, live (undefined while reading). */
export function useSpend(): { ledger?: Ledger; settings?: SpendSettings } {
  const [ledger, setLedger] = useState<Ledger>();
  const [settings, setSettings] = useState<SpendSettings>();
  useEffect(() => {
    let live = true;
    getLedger().then((value) => live && setLedger(value), () => undefined);
    getSpendSettings().then((value) => live && setSettings(value), () => undefined);
    const stopLedger = watchLedger(setLedger);
    const stopSettings = watchSpendSettings(setSettings);
    return () => {
      live = false;
      stopLedger();
      stopSettings();
    };
  }, []);
  return { ledger, settings };
}
