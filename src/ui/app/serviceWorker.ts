// Registers the service worker (vite-plugin-pwa's, see vite.config.ts) and tells the app when a
// new version waits. Imported by main.tsx only: the unit tests render the app without it.
import { registerSW } from 'virtual:pwa-register';
import type { StoreApi } from 'zustand/vanilla';
import type { AppUpdate } from './appUpdate';

/** A page left open all week (a course's tab) still hears of a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function registerServiceWorker(update: StoreApi<AppUpdate>, reload = () => window.location.reload()): void {
  // the student asked for the new version here, rather than another tab of the app taking it
  let asked = false;
  const takeWaiting = registerSW({
    onNeedRefresh() {
      update.setState({
        ready: true,
        take: () => {
          asked = true;
          void takeWaiting();
        },
      });
    },
    // the new version has taken over this page: reload into it if asked for here; if another tab
    // took it, this one (perhaps mid-quiz) is offered the reload like any new version
    onNeedReload() {
      if (asked) reload();
      else update.setState({ ready: true, take: reload });
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // offline the check fails; the next one tries again
      setInterval(() => registration.update().catch(() => {}), CHECK_EVERY_MS);
    },
  });
}
