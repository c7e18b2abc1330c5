/**
 * Offline use (CONTRACT.md §9): the service worker that vite-plugin-pwa builds (Workbox's generateSW, every file of
 * the build precached) is registered here, once the first view is on screen (App.tsx), never in development. A new
 * version waits until the user takes it: a notice says it is ready, and its Reload button lets it take over (the
 * generated worker's `SKIP_WAITING` message) and reloads the page on it. Nothing swaps the simulator under a lesson.
 * A chunk of its own, loaded on demand, with no library: the page's first view does not carry it.
 */
import { useApp } from '../store';

export const UPDATE_TEXT = 'A new version of the simulator is ready.';
/** The worker and its scope, relative to the page: the build works from any sub-path (vite.config.ts). */
export const SW_URL = './sw.js';
export const SW_SCOPE = './';

/** What is used of the browser's ServiceWorker, ServiceWorkerRegistration and ServiceWorkerContainer. */
export interface Worker extends EventTarget {
  readonly state: string;
  postMessage(message: unknown): void;
}
export interface Registration extends EventTarget {
  readonly installing: Worker | null;
  readonly waiting: Worker | null;
}
export interface Container extends EventTarget {
  readonly controller: unknown;
  register(url: string, options: { scope: string }): Promise<Registration>;
}

let waiting: Worker | null = null;
let registered = false;

/** A new version is installed and waits: say so, once. */
function offer(worker: Worker): void {
  waiting = worker;
  const s = useApp.getState();
  if (s.notices.some((n) => n.actions?.some((a) => a.kind === 'update'))) return;
  s.notify(UPDATE_TEXT, { tone: 'info', actions: [{ kind: 'update' }] });
}

/** Registers the service worker where the browser has them; without one, the page works online as before. */
export async function registerOffline(
  container: Container | undefined = navigator.serviceWorker,
): Promise<void> {
  if (registered || !container) return;
  registered = true;
  let registration: Registration;
  try {
    registration = await container.register(SW_URL, { scope: SW_SCOPE });
  } catch {
    return; // refused (a private window, a blocked origin): online only
  }
  // The first install has nothing to replace: only a worker that comes while one controls the page is an update.
  if (registration.waiting && container.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) offer(worker);
    });
  });
}

/** The notice's Reload: the waiting version takes over, and the page reloads on it. */
export function applyUpdate(container: Container | undefined = navigator.serviceWorker): void {
  if (!waiting || !container) return;
  container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
