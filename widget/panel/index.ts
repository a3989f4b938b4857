/**
 * Entry of the lazily loaded panel script (`widget-panel.js`): registers the panel for the initial script.
 */
import { registerChunk } from '../chunk-loader.ts';
import { adoptStyles } from '../styles.ts';
import { PANEL_CHUNK, type MountPanel } from './contract.ts';
import { mountPanel } from './panel.ts';
import { panelStyles } from './styles.ts';

const styled = new WeakSet<ShadowRoot>();

const mount: MountPanel = (options) => {
  if (!styled.has(options.root)) {
    styled.add(options.root);
    adoptStyles(options.root, panelStyles);
  }
  return mountPanel(options);
};

registerChunk(PANEL_CHUNK, mount);
