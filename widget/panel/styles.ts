/** Styles of the conversation panel (panel.css; minified by the build), adopted when the panel first loads. */
export { default as panelStyles } from './panel.css?raw';
