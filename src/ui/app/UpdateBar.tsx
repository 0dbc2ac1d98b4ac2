// "A new version is ready": a small bar at the foot of the page, with the button that reloads
// into it. Never during a quiz being taken: the bar waits for it to be handed in or left.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useWorksheet } from '../common/storeContext';
import { messages } from '../messages/messages';
import { updateMayBeOffered, type AppUpdate } from './appUpdate';
import './UpdateBar.css';

export function UpdateBar({ update }: { update: StoreApi<AppUpdate> }) {
  const ready = useStore(update, (u) => u.ready);
  const mayOffer = useWorksheet(updateMayBeOffered);
  if (!ready || !mayOffer) return null;
  return (
    <div className="update-bar" role="status">
      <span>{messages.updateReady}</span>
      <button type="button" onClick={() => update.getState().take()}>
        {messages.updateReload}
      </button>
    </div>
  );
}
