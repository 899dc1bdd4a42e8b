import { defineConfig } from 'wxt';

// The production manifest. Every permission is listed in the README with the reason it is needed.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Edit with Kontext',
    description: 'Right-click any image and edit it by describing the change, with FLUX.1 Kontext.',
    permissions: [
      'contextMenus',
      'activeTab',
      'scripting',
      'storage',
      'alarms',
      'downloads',
      'clipboardWrite',
      'unlimitedStorage',
      'notifications',
      // Chrome only: SVG drawing and reduced-size decoding of huge photos need a DOM the worker lacks.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: [
      'https://api.replicate.com/*',
      'https://replicate.delivery/*',
      'https://*.replicate.delivery/*',
      // Black Forest Labs: api.bfl.ai, the regional hosts its polling URLs point at (api.us1.bfl.ai…)
      // and the delivery hosts of its results (delivery-eu1.bfl.ai…), whose names BFL says may change.
      // With it the worker downloads results whatever CORS headers those hosts send (README: Permissions).
      'https://*.bfl.ai/*',
    ],
    // Granted one origin at a time: a custom API base URL when the user saves it. MV2 (Firefox's
    // default) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Edit with Kontext' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'edit-with-kontext@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.tmp/**', 'demo-output/**', 'test-results/**', 'playwright-report/**'],
  },
});
