import { defineContentScript } from 'wxt/utils/define-content-script';
import pickerCss from '../../components/image-picker.css?inline';
import boxCss from '../../components/prompt-box.css?inline';
import { registerPromptScript } from '../../utils/ui/prompt-host';
import layerCss from './style.css?inline';

/**
 * The prompt box over a web page. Never registered in the manifest: the background injects it into
 * the tab the menu was clicked in (scripting.executeScript with files ['content-scripts/prompt.js'])
 * and then sends `page:open-prompt`. No `matches`: WXT would add them to host_permissions.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    registerPromptScript(ctx, `${layerCss}\n${boxCss}`, pickerCss);
  },
});
