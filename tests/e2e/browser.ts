import { chromium } from '@playwright/test';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testDisplayEnv } from './x-display';

/** The production build the tests load (`npm run build`); E2E_EXTENSION_DIR overrides it. */
export const EXTENSION_DIR = path.resolve(process.env.E2E_EXTENSION_DIR ?? path.join(import.meta.dirname, '../../.output/chrome-mv3'));

/** Window size of the test browser; the test pages are laid out to fit it. */
export const WINDOW_SIZE = { width: 1280, height: 960 } as const;

/** Debian's Chromium (Playwright's own browsers cannot be downloaded here); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return explicit;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: run `bash scripts/ensure-system-deps.sh` or set CHROMIUM_PATH.');
  }
}

/** Where the double listens; Chromium sends the production hosts there. */
export interface HostPorts {
  apiPort: number;
  filesPort: number;
  /** The Black Forest Labs double's ports (bfl-fixtures.ts), when a test runs one. */
  bfl?: { apiPort: number; deliveryPort: number };
}

/** The Black Forest Labs hosts the BFL double answers for: the global API, a regional one its polling URLs name, a delivery host. */
export const BFL_HOSTS = { api: 'api.bfl.ai', polling: 'api.us1.bfl.ai', delivery: 'delivery-us1.bfl.ai' } as const;

/** Chromium flags that route api.replicate.com and replicate.delivery (+ subdomains) to the local double. */
export function hostMappingArgs({ apiPort, filesPort, bfl }: HostPorts): string[] {
  const rules = [
    `MAP api.replicate.com 127.0.0.1:${apiPort}`,
    `MAP replicate.delivery 127.0.0.1:${filesPort}`,
    `MAP *.replicate.delivery 127.0.0.1:${filesPort}`,
    ...(bfl
      ? [
          `MAP ${BFL_HOSTS.api} 127.0.0.1:${bfl.apiPort}`,
          `MAP ${BFL_HOSTS.polling} 127.0.0.1:${bfl.apiPort}`,
          `MAP ${BFL_HOSTS.delivery} 127.0.0.1:${bfl.deliveryPort}`,
        ]
      : []),
  ];
  // The double's certificate is self-signed: the extension keeps its real https URLs and host permissions.
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

/** A headed Chromium with the extension loaded in a fresh profile; `close()` also deletes the profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** Folder the browser saves downloads into, under the names the extension gives them. */
  downloadsDir: string;
  /** The Chromium profile (user data dir). */
  profileDir: string;
  /** Closes the browser and deletes its profile and downloads. */
  close(): Promise<void>;
  /** Quits the browser like a person does, keeping the profile, and starts it again on the same profile. */
  restart(): Promise<ExtensionBrowser>;
}

/** Where an existing profile lives, to start the browser again on it. */
export interface ReusedProfile {
  profileDir: string;
  downloadsDir: string;
}

/**
 * Launches Chromium (headed, on this worker's X display: see x-display.ts) with the extension loaded.
 * `ports` routes the production hosts to the local double; null leaves them real (the demo with a real token).
 */
export async function launchExtensionBrowser(
  ports: HostPorts | null,
  extensionDir = EXTENSION_DIR,
  reuse?: ReusedProfile,
): Promise<ExtensionBrowser> {
  // A missing folder makes headed Chromium show a modal error and hang the launch: fail fast instead.
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` (scripts/test-e2e.sh does).`);
  }
  const profileDir = reuse?.profileDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ewk-profile-')));
  const downloadsDir = reuse?.downloadsDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ewk-downloads-')));
  try {
    if (!reuse) await writeDownloadPreferences(profileDir, downloadsDir);
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      // Headed: only a real window gets Chromium's native context menu (opened with xdotool).
      headless: false,
      // The display xdotool clicks on (each Playwright worker has its own Xvfb).
      env: testDisplayEnv(),
      viewport: null,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(ports ? hostMappingArgs(ports) : []),
        '--window-position=0,0',
        `--window-size=${WINDOW_SIZE.width},${WINDOW_SIZE.height}`,
        // Hides the "unsupported command-line flag: --no-sandbox" bar, which would shift the page.
        '--test-type',
      ],
    });
    // Without an origin: Playwright refuses chrome-extension:// origins here.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await useBrowserDownloadBehavior(context);
    const removeDirs = () => Promise.all([profileDir, downloadsDir].map((dir) => rm(dir, { recursive: true, force: true })));
    return {
      context,
      downloadsDir,
      profileDir,
      close: async () => {
        await context.close();
        await removeDirs();
      },
      restart: async () => {
        await context.close();
        return launchExtensionBrowser(ports, extensionDir, { profileDir, downloadsDir });
      },
    };
  } catch (error) {
    await Promise.all([profileDir, downloadsDir].map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
}

/** Chrome's own download settings for the fresh profile: save into `downloadsDir`, never ask. */
async function writeDownloadPreferences(profileDir: string, downloadsDir: string): Promise<void> {
  await mkdir(path.join(profileDir, 'Default'), { recursive: true });
  const preferences = { download: { default_directory: downloadsDir, prompt_for_download: false } };
  await writeFile(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

/**
 * Playwright makes Chromium save downloads under GUID names, which hides the file name the extension
 * chose (`downloads.download({ filename })`). Restore Chrome's own behaviour, driven by the preferences.
 */
async function useBrowserDownloadBehavior(context: BrowserContext): Promise<void> {
  const cdp = await openBrowserCdp(context);
  try {
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  } finally {
    await cdp.detach();
  }
}

/** A CDP session for Target and Browser commands: on the browser, or on a page when there is no Browser object. */
export async function openBrowserCdp(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (browser) return browser.newBrowserCDPSession();
  return context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
}
