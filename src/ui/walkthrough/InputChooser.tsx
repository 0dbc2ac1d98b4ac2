// The input sequence is the student's to change where a worksheet allows it: one of its preset
// inputs (the three reviews), or a word typed over a vocabulary of letters (the Elman "ciao").
// A word with a letter outside the vocabulary is kept as typed, with a message; the sheet keeps
// the last word that was valid. The address carries the word (see app/url.ts), and may set it.
import { useState } from 'react';
import type { WorksheetFile } from '../../core/format/worksheet';
import { findBuiltIn, type BuiltInWorksheet } from '../../worksheets';
import { messages } from '../messages/messages';
import { useWorksheet, useWorksheetStore } from '../common/storeContext';
import './InputChooser.css';

export function InputChooser() {
  const builtIn = useWorksheet((s) => findBuiltIn(s.worksheetId ?? ''));
  if (builtIn?.variants) return <VariantPicker builtIn={builtIn} />;
  if (builtIn?.editableWord) return <WordInput key={builtIn.id} builtIn={builtIn} />;
  return null;
}

function currentTokens(file: unknown): readonly string[] {
  return (file as WorksheetFile | null)?.tokens ?? [];
}

function VariantPicker({ builtIn }: { builtIn: BuiltInWorksheet }) {
  const store = useWorksheetStore();
  const tokens = useWorksheet((s) => currentTokens(s.file).join(' '));
  const variants = builtIn.variants ?? [];
  const selected = variants.findIndex((v) => v.tokens.join(' ') === tokens);
  return (
    <label className="input-chooser">
      {messages.variantLabel}{' '}
      <select
        value={selected}
        onChange={(e) => {
          const v = variants[Number(e.target.value)];
          if (v) store.getState().setInput(v.tokens, v.targets);
        }}
      >
        {variants.map((v, k) => (
          <option key={k} value={k}>
            {messages.variantOption(v.tokens.join(' '), (v.targets?.[0] ?? []).join(', '))}
          </option>
        ))}
      </select>
    </label>
  );
}

function WordInput({ builtIn }: { builtIn: BuiltInWorksheet }) {
  const store = useWorksheetStore();
  const word = useWorksheet((s) => currentTokens(s.file).join(''));
  const asked = useWorksheet((s) => (s.addressWord?.worksheetId === builtIn.id ? s.addressWord : null));
  const [text, setText] = useState(() => asked?.text ?? word);
  // the address may change the word (back, forward, a link): the field shows the word it gives, or
  // the word it asked for that the sheet cannot take, as typed; a word typed here is left alone
  const [seen, setSeen] = useState({ word, asked });
  if (seen.word !== word || seen.asked !== asked) {
    setSeen({ word, asked });
    setText(asked && asked !== seen.asked ? asked.text : word);
  }
  const vocabulary = Object.keys((builtIn.file as WorksheetFile).vocabulary ?? {});
  const listed = vocabulary.join(', ');
  const bad = [...new Set([...text].filter((ch) => !vocabulary.includes(ch)))];
  const problem = text === '' ? messages.wordEmpty : bad.length > 0 ? messages.wordProblem(bad, listed) : null;
  return (
    <div className="input-chooser">
      <label>
        {messages.wordLabel}{' '}
        <input
          type="text"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby="word-help"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            const letters = [...next];
            if (letters.length > 0 && letters.every((ch) => vocabulary.includes(ch))) {
              // the word the address asked for is answered by this one
              if (store.getState().addressWord) store.getState().setAddressWord(null);
              store.getState().setInput(letters);
            }
          }}
        />
      </label>
      <span id="word-help" className={problem ? 'problem' : 'help'} role={problem ? 'alert' : undefined}>
        {problem ?? messages.wordHelp(listed)}
      </span>
    </div>
  );
}
