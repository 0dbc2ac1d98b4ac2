// "Share link": the open worksheet (and, if wanted, where in it the student is) as a link that
// opens it in any browser with no server, shown to select and copied to the clipboard.
import { useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { encodeShareLink, SHARE_LINK_LIMITS, type ShareView } from '../../core/format/shareLink';
import type { WorksheetState } from '../../store/worksheetStore';
import { DEFAULT_LANGUAGE, withLanguage } from '../messages/language';
import { messages } from '../messages/messages';
import { useWorksheetStore } from '../common/storeContext';
import './SharePanel.css';

type Built =
  | { readonly kind: 'link'; readonly url: string; readonly copied: boolean | null }
  | { readonly kind: 'tooLarge'; readonly kilobytes: number };

export function SharePanel() {
  const store = useWorksheetStore();
  const [open, setOpen] = useState(false);
  const [withView, setWithView] = useState(true);
  const [built, setBuilt] = useState<Built | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // the last press wins over a link still being built for an earlier one
  const latest = useRef(0);

  const share = async (includeView: boolean) => {
    const mine = ++latest.current;
    const result = await buildLink(store, includeView);
    if (mine !== latest.current) return;
    if (result.kind === 'tooLarge') return setBuilt(result);
    setBuilt({ ...result, copied: null });
    const copied = await copy(result.url);
    if (mine !== latest.current) return;
    setBuilt({ ...result, copied });
    if (!copied) field.current?.select();
  };

  return (
    <div className="share-panel">
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          void share(withView);
        }}
      >
        {messages.shareLinkButton}
      </button>
      {open && (
        <div className="share-panel-body">
          <label className="share-panel-include">
            <input
              type="checkbox"
              checked={withView}
              onChange={(e) => {
                setWithView(e.target.checked);
                void share(e.target.checked);
              }}
            />{' '}
            {messages.shareLinkInclude}
          </label>
          {built?.kind === 'tooLarge' ? (
            <p role="alert" className="share-panel-status problem">
              {messages.shareLinkTooLarge(built.kilobytes, SHARE_LINK_LIMITS.linkChars / 1024)}
            </p>
          ) : (
            <>
              <input
                ref={field}
                className="share-panel-link"
                type="text"
                readOnly
                aria-label={messages.shareLinkField}
                value={built?.url ?? ''}
                onFocus={(e) => e.target.select()}
              />
              <p className="share-panel-status" role="status">
                {built?.copied === true
                  ? messages.shareLinkCopied
                  : built?.copied === false
                    ? messages.shareLinkSelectAndCopy
                    : ''}
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function buildLink(store: StoreApi<WorksheetState>, includeView: boolean): Promise<Built> {
  const s = store.getState();
  const view: ShareView | null = includeView
    ? {
        frame: s.mode === 'walkthrough' ? s.frame : 0,
        direction: s.direction,
        mode: s.mode === 'practice' ? 'practice' : 'walkthrough',
        granularity: s.granularity,
      }
    : null;
  const here = window.location;
  return shareUrl(s.file, view, `${here.origin}${here.pathname}${here.search}`, s.language);
}

/**
 * The address that opens `file` at `view` on the page at `base`, in `language`, or how far over a
 * link's limit it is.
 */
export async function shareUrl(
  file: unknown,
  view: ShareView | null,
  base: string,
  language = DEFAULT_LANGUAGE,
): Promise<Built> {
  const payload = await encodeShareLink(file, view);
  if (payload.length > SHARE_LINK_LIMITS.linkChars)
    return { kind: 'tooLarge', kilobytes: Math.ceil(payload.length / 1024) };
  return { kind: 'link', url: `${base}${withLanguage(`#/share/${payload}`, language)}`, copied: null };
}

/** Whether the clipboard took the text (a browser may refuse it, or have none). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
