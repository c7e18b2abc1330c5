/** Defined by vite.config.ts (scripts/buildId.ts): the same for one source, another for any change to it. */
declare const __MCX_BUILD__: string | undefined;

/** This build's id; what the page keeps for a later visit is used by the same build only (player/earlyView.ts). */
export const BUILD_ID: string = typeof __MCX_BUILD__ === 'string' ? __MCX_BUILD__ : 'unbuilt';
