// The form that starts a quiz: the kind of cell, the sizes, the decimals, what is asked, a time
// limit, and a seed (a fresh one unless the instructor gives one). Starting it opens its link.
import {
  QUIZ_LIMITS,
  quizMatrices,
  quizMinDecimals,
  quizMatrix,
  type QuizAsk,
  type QuizSettings,
} from '../../core/practice/quiz';
import { isSeed } from '../../core/practice/random';
import type { CellKind } from '../../core/format/worksheet';
import { messages } from '../messages/messages';
import { useWorksheet } from '../common/storeContext';
import { freshSeed, quizHash } from './quizLink';
import './NewQuiz.css';

type NumberSetting = 'H' | 'I' | 'T' | 'decimals' | 'step';

export function NewQuiz() {
  // in the store, not the form: a student who looks at a worksheet and comes back finds the form as left
  const { settings, limit, seed } = useWorksheet((s) => s.newQuizForm);
  const setForm = useWorksheet((s) => s.setNewQuizForm);
  const setLimit = (limit: string) => setForm({ limit });
  const setSeed = (seed: string) => setForm({ seed });
  const update = (change: Partial<QuizSettings>) =>
    setForm({
      settings: (() => {
        const next = { ...settings, ...change };
        // a matrix this quiz cannot ask (another cell's, a recurrent one with T = 1): back to the first it can
        const { matrix, ...rest } = next;
        const kept = matrix !== undefined && quizMatrices(next.cell, next.T).includes(matrix) ? matrix : undefined;
        // and the fewest decimals it takes (the gradients of a gated cell take 1 or more)
        const decimals = Math.max(next.decimals, quizMinDecimals(next.cell, next.ask));
        return {
          ...rest,
          decimals,
          ...(kept === undefined ? {} : { matrix: kept }),
          step: Math.min(next.step, next.T),
        };
      })(),
    });
  // whole minutes as people write them: digits only (Number() would also take 0x10, 1e1 and 0b11)
  const limitValue = /^\d{1,3}$/.test(limit.trim()) ? Number(limit.trim()) : limit.trim() === '' ? 0 : NaN;
  const limitOk = limitValue >= QUIZ_LIMITS.limit.min && limitValue <= QUIZ_LIMITS.limit.max;
  const seedOk = seed.trim() === '' || isSeed(seed.trim());
  const numberField = (
    key: NumberSetting,
    label: string,
    max: number = QUIZ_LIMITS[key].max,
    min: number = QUIZ_LIMITS[key].min,
  ) => (
    <label>
      {label}{' '}
      <select value={settings[key]} onChange={(e) => update({ [key]: Number(e.target.value) })}>
        {Array.from({ length: max - min + 1 }, (_v, k) => min + k).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="new-quiz" aria-labelledby="new-quiz-title">
      <h2 id="new-quiz-title">{messages.newQuiz}</h2>
      <p>{messages.quizIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!limitOk || !seedOk) return;
          window.location.hash = quizHash({ ...settings, limit: limitValue }, seed.trim() || freshSeed());
        }}
      >
        <label>
          {messages.quizCell}{' '}
          <select value={settings.cell} onChange={(e) => update({ cell: e.target.value as CellKind })}>
            {QUIZ_LIMITS.cell.map((c) => (
              <option key={c} value={c}>
                {messages.quizCellNames[c] ?? c}
              </option>
            ))}
          </select>
        </label>
        {numberField('H', messages.quizHidden)}
        {numberField('I', messages.quizInput)}
        {numberField('T', messages.quizSteps)}
        {numberField(
          'decimals',
          messages.quizDecimals,
          QUIZ_LIMITS.decimals.max,
          quizMinDecimals(settings.cell, settings.ask),
        )}
        <label>
          {messages.quizAsk}{' '}
          <select value={settings.ask} onChange={(e) => update({ ask: e.target.value as QuizAsk })}>
            {QUIZ_LIMITS.ask.map((a) => (
              <option key={a} value={a}>
                {askName(a)}
              </option>
            ))}
          </select>
        </label>
        {settings.ask === 'step' && numberField('step', messages.quizStep, settings.T)}
        {settings.ask === 'gradients' && (
          <>
            <label>
              {messages.quizMatrix}{' '}
              <select value={quizMatrix(settings)} onChange={(e) => update({ matrix: e.target.value })}>
                {quizMatrices(settings.cell, settings.T).map((W) => (
                  <option key={W} value={W}>
                    {`∂L/∂${W}`}
                  </option>
                ))}
              </select>
            </label>
            <p className="field-help">{messages.quizGradientNote}</p>
          </>
        )}
        <label>
          {messages.quizLimit}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={limit}
            aria-invalid={limitOk ? undefined : true}
            aria-describedby={limitOk ? undefined : 'quiz-limit-problem'}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        {!limitOk && (
          <p className="field-problem" id="quiz-limit-problem" role="alert">
            {messages.quizLimitProblem(QUIZ_LIMITS.limit.max)}
          </p>
        )}
        <label>
          {messages.quizSeed}{' '}
          <input
            type="text"
            size={12}
            value={seed}
            aria-invalid={seedOk ? undefined : true}
            aria-describedby="quiz-seed-help"
            onChange={(e) => setSeed(e.target.value)}
          />
        </label>
        <p className={seedOk ? 'field-help' : 'field-problem'} id="quiz-seed-help" role={seedOk ? undefined : 'alert'}>
          {seedOk ? messages.quizSeedHelp : messages.quizSeedProblem(seed.trim())}
        </p>
        <button type="submit" disabled={!limitOk || !seedOk}>
          {messages.quizStart}
        </button>
      </form>
    </section>
  );
}

function askName(ask: QuizAsk): string {
  return ask === 'gradients' ? messages.quizAskGradients : (messages.quizAskNames[ask] ?? ask);
}
