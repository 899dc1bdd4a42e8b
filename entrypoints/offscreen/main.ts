// Chrome's offscreen document: draws SVGs and decodes huge JPEGs at a reduced scale for the service worker,
// which has neither a DOM nor ImageDecoder. See utils/image/offscreen-client.ts for the other side.
import { createDomImageTools } from '@/utils/image/dom-image-tools';
import { registerOffscreenHandler } from '@/utils/image/offscreen-handler';

registerOffscreenHandler(navigator.serviceWorker, createDomImageTools(window));
