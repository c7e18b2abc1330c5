// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Container, Registration, Worker } from './registerOffline';

class FakeWorker extends EventTarget implements Worker {
  state = 'installing';
  messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  become(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget implements Registration {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  /** A new version is found and installs. */
  update(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    return worker;
  }
}

class FakeContainer extends EventTarget implements Container {
  calls: [string, { scope: string }][] = [];
  constructor(
    public controller: unknown,
    readonly registration: FakeRegistration | Error,
  ) {
    super();
  }
  register(url: string, options: { scope: string }): Promise<Registration> {
    this.calls.push([url, options]);
    return this.registration instanceof Error
      ? Promise.reject(this.registration)
      : Promise.resolve(this.registration);
  }
}

// Each test gets a fresh module (it registers once per page) and a fresh store.
async function load() {
  vi.resetModules();
  const offline = await import('./registerOffline');
  const { useApp } = await import('../store');
  return { ...offline, notices: () => useApp.getState().notices };
}

describe('registerOffline', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.restoreAllMocks());

  it('registers ./sw.js with the scope ./ (relative: any sub-path), once', async () => {
    const { registerOffline } = await load();
    const container = new FakeContainer(null, new FakeRegistration());
    await registerOffline(container);
    await registerOffline(container);
    expect(container.calls).toEqual([['./sw.js', { scope: './' }]]);
  });

  it('says nothing on the first install (nothing to replace)', async () => {
    const { registerOffline, notices } = await load();
    const registration = new FakeRegistration();
    await registerOffline(new FakeContainer(null, registration));
    registration.update().become('installed');
    expect(notices()).toEqual([]);
  });

  it('offers a new version once it waits, once, and Reload hands over to it', async () => {
    const { registerOffline, applyUpdate, notices, UPDATE_TEXT } = await load();
    const registration = new FakeRegistration();
    const container = new FakeContainer({}, registration);
    await registerOffline(container);
    const worker = registration.update();
    expect(notices()).toEqual([]);
    worker.become('installed');
    worker.become('installed');
    expect(notices()).toMatchObject([{ text: UPDATE_TEXT, tone: 'info', actions: [{ kind: 'update' }] }]);
    expect(UPDATE_TEXT).toBe('A new version of the simulator is ready.');
    // Nothing is swapped until the user says so.
    expect(worker.messages).toEqual([]);
    applyUpdate(container);
    expect(worker.messages).toEqual([{ type: 'SKIP_WAITING' }]);
  });

  it('offers a version that was already waiting when the page opened', async () => {
    const { registerOffline, notices } = await load();
    const registration = new FakeRegistration();
    registration.waiting = new FakeWorker();
    await registerOffline(new FakeContainer({}, registration));
    expect(notices()).toHaveLength(1);
  });

  it('stays quiet when the browser refuses the worker (the page works online)', async () => {
    const { registerOffline, notices } = await load();
    await expect(registerOffline(new FakeContainer(null, new Error('refused')))).resolves.toBeUndefined();
    await expect(registerOffline(undefined)).resolves.toBeUndefined();
    expect(notices()).toEqual([]);
  });
});
