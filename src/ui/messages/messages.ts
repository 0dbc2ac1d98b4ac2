// Every word the user reads, in one catalogue per language: this file is the English one and
// sets the shape (Messages); each other language is a file beside it of that shape (zh.ts), found by
// language.ts. Components read the live binding `messages`, which switchCatalogue points at the
// language chosen; the App renders its tree afresh when it changes (see App.tsx).
import { wording } from './intl';

/** Counts, plurals and lists as English writes them (Intl, so that each catalogue agrees its own way). */
const EN = wording('en');
const DECIMALS = { one: 'decimal', other: 'decimals' };

export const en = {
  appTitle: 'RNN by Hand',
  worksheetPicker: 'Worksheet',
  invalidWorksheet: 'This worksheet cannot be computed:',
  home: 'All worksheets',
  homeIntro:
    'Pick a worksheet. Then press → to fill it in one number at a time, or use the buttons below the equation.',
  worksheetDescriptions: {
    'rnn-by-hand': 'Tom Yeh’s ReLU RNN on the sequence 3, 4, 5, 6: watch ReLU cut −11 to 0 and read y = 3, 16, 28, 40.',
    'lstm-2-decimals': 'Guo & Boyd-Graber’s LSTM on A, A, B, every gate at 2 decimals, carrying exact values.',
    'lstm-1-decimal-rounded': 'The same LSTM worked as on paper: every value rounded to 1 decimal and carried.',
    'elman-ciao': 'A scalar Elman RNN reads “ciao”; the loss y² and why its gradient on h₀ explodes as W_h⁴.',
    'sentiment-many-to-one':
      'A many-to-one RNN reads a 3-word review, one-hot words, and gives its sentiment after the last word.',
    'gru-by-hand':
      'A 2-unit GRU on A, B, A: reset and update gates and the candidate, in small whole numbers; a squared-error loss against 1 at each step, and its gradients back to h₀.',
    'kinds-one-to-one':
      'The kinds of RNN, 1 of 5: one input, one output, as in classifying an image: no recurrence needed.',
    'kinds-one-to-many':
      'The kinds of RNN, 2 of 5: one input at t = 1, zeros after, an output at every step, as in captioning.',
    'kinds-many-to-one': 'The kinds of RNN, 3 of 5: a whole sequence in, one answer at the end, as in sentiment.',
    'kinds-many-to-many':
      'The kinds of RNN, 4 of 5: an output for every input, as in tagging parts of speech; this one repeats its input one step late.',
    'kinds-encoder': 'The kinds of RNN, 5 of 5, first half: the encoder reads 2, 3 into its state [5, 2].',
    'kinds-decoder':
      'The kinds of RNN, 5 of 5, second half: the decoder starts from the encoder’s last state and writes 3, 1, as in translation.',
  } as Record<string, string>,
  openWorksheet: (title: string) => `Open ${title}`,
  openFile: 'Open a worksheet file (.json)',
  fileProblems: (name: string, count: number) =>
    `${name} is not a worksheet this app can open (${EN.counted(count, { one: 'problem', other: 'problems' })}):`,
  fileUnreadable: (name: string) => `${name} could not be read.`,
  computingFile: (name: string) => `Computing ${name}…`,
  // kept worksheets, files and drops
  fileTooLarge: (name: string, mib: string, limit: string) =>
    `${name} is ${mib} MiB; a worksheet file is at most ${limit} MiB, so it was not read.`,
  dropHint: 'Drop a worksheet file (.json) to open it',
  dropOneFile: (count: number) => `${count} files were dropped; drop one worksheet file at a time.`,
  droppedProblemsClose: 'Close',
  keptHeading: 'Your worksheets',
  keptIntro: 'Kept in this browser: worksheets you opened from a file or made in the editor.',
  keptSavedAt: (when: string) => `kept ${when}`,
  keptRename: 'Rename',
  keptRenameLabel: (name: string) => `New name for ${name}`,
  keptRenameSave: 'Save name',
  keptRenameCancel: 'Cancel',
  keptNameEmpty: 'A name needs at least one letter or digit; the old name is kept until then.',
  keptDuplicate: 'Duplicate',
  keptDuplicateLabel: (name: string) => `Duplicate ${name}`,
  keptDelete: 'Delete',
  keptDeleteLabel: (name: string) => `Delete ${name}`,
  keptExport: 'Export .json',
  keptExportLabel: (name: string) => `Export ${name} as a .json file`,
  keptDeleted: (name: string) => `Deleted “${name}”.`,
  keptUndoDelete: 'Undo',
  keptNotSaved: 'The browser’s storage is full or off: this change is kept in this page only.',
  keptSetAside: (reason: 'unreadable' | 'future') =>
    reason === 'future'
      ? 'A kept worksheet comes from a newer version of the app and cannot be read here. It has been kept aside, untouched.'
      : 'A kept worksheet could not be read (its stored data is damaged). It has been kept aside, untouched.',
  exportWorksheet: 'Export .json',
  exportWorksheetLabel: 'Export this worksheet as a .json file, to keep, share or open elsewhere',
  presentation: 'Present (P)',
  leavePresentation: 'Leave presentation (Esc)',
  presentSmaller: 'A−',
  presentSmallerTitle: 'Smaller type for this room (−)',
  presentLarger: 'A+',
  presentLargerTitle: 'Larger type for this room (+)',
  darkTheme: 'Dark theme',
  lightTheme: 'Light theme',
  worksheetNotes: {
    'lstm-2-decimals': {
      story:
        'The network was trained, with cross-entropy summed over the three steps, to answer one question: have we seen more than one A so far? The targets say no, yes, yes: [1, 0], [0, 1], [0, 1].',
      questions: [
        'What is the classification at each step, and is it right?',
        'Which inputs matter, and through which gates?',
        'When can the network afford to forget?',
        'How would it classify A, B, B? B, A, A?',
      ],
    },
    'elman-ciao': {
      story:
        'What is the gradient of the loss on h₀? Each step back through time multiplies it by W_h = −5: with |W_h| > 1 it explodes, with |W_h| < 1 it vanishes. Change the word and watch.',
      questions: [],
    },
  } as Record<string, { story: string; questions: readonly string[] }>,
  questionsHeading: 'Questions to think about',
  compareHeading: (other: string) => `Beside ${other}: how rounding while working by hand drifts`,
  compareStep: 'Step',
  compareThis: (q: string) => `${q}, this sheet`,
  compareOther: (q: string) => `${q}, exact`,
  variantLabel: 'Input',
  variantOption: (tokens: string, target: string) => `${tokens} (label ${target})`,
  wordLabel: 'Word',
  wordHelp: (vocabulary: string) => `Letters from the vocabulary: ${vocabulary}`,
  wordProblem: (bad: readonly string[], vocabulary: string) =>
    `${EN.and(bad.map((b) => `“${b}”`))} ${EN.agree(bad.length, { one: 'is', other: 'are' })} not in the vocabulary (${vocabulary}); the sheet keeps the last word that was.`,
  wordEmpty: 'Type at least one letter.',
  diagramLabel: 'The network unrolled through time',
  diagramEncoder: 'encoder',
  diagramDecoder: 'decoder',
  emptyCell: 'not worked out yet',
  copyOfWrong: (text: string) => `${text}: your answer, copied here, and not right yet`,
  inputsLabel: 'The input sequence',
  stepLabel: (t: number) => `t = ${t}`,
  totalLoss: 'Total loss',
  controlsLabel: 'Step through the worksheet',
  first: 'First frame (Home)',
  previousStep: 'Previous time step (Shift+←)',
  previous: 'Previous frame (←)',
  next: 'Next frame (→)',
  nextStep: 'Next time step (Shift+→)',
  last: 'Last frame (End)',
  frameCounter: (frame: number, count: number) => `Frame ${frame} of ${count}`,
  granularityLabel: 'Step by',
  granularityNumber: 'every number',
  granularityVector: 'every vector',
  directionLabel: 'Pass',
  /** the slope of the activation at step t, e.g. tanh′(a₃) */
  diagramSlope: (fn: string, t: string) => `${fn === 'relu' ? 'ReLU' : fn === 'identity' ? 'id' : fn}′(a${t})`,
  diagramToken: (token: string) => `“${token}” ↑`,
  diagramNorm: (norm: string) => `‖·‖ = ${norm}`,
  /** a gated cell's input-side (i) or hidden-side (h) weights, all gates at once, on the graph's edges */
  diagramGateWeights: (side: 'i' | 'h') => `W_${side}·`,
  directionForward: 'forward',
  directionBackward: 'backward (the gradients)',
  gradientsLabel: 'Gradients',
  stepGradientsLabel: (t: number) => `Gradients at t = ${t}`,
  drawStep: (t: number) => `Show the numbers of t = ${t}`,
  stepSharesLabel: (t: number) => `What t = ${t} adds to each weight's gradient`,
  weightShareLabel: (weight: string, t: number, from: number) =>
    t === from
      ? `∂L/∂${weight}: the share of t = ${t}`
      : `∂L/∂${weight}: the share of t = ${t}, and the shares of t = ${from} down to ${t} added up`,
  captionGradient: {
    squared_error: (result: string, values: string) =>
      `The squared error's slope: 2 times (y − target) gives ${result} = ${values}.`,
    softmax_cross_entropy: (result: string, values: string) =>
      `Softmax and cross-entropy together: their derivatives cancel down to y − target, so ${result} = ${values}.`,
    sigmoid_binary_cross_entropy: (result: string, values: string) =>
      `Sigmoid and binary cross-entropy together: their derivatives cancel down to y − target, so ${result} = ${values}.`,
    backprop_h: (result: string, values: string) =>
      `Everything h feeds sends its gradient back, through the transposed weights: ${result} = ${values}.`,
    backprop_c: (result: string, values: string) =>
      `The memory c gets its gradient through h (times o and tanh′) and from the next step through f: ${result} = ${values}.`,
    sigmoid: (result: string, values: string) => `Back through σ, whose slope is σ(1 − σ): ${result} = ${values}.`,
    tanh: (result: string, values: string) => `Back through tanh, whose slope is 1 − tanh²: ${result} = ${values}.`,
    relu: (result: string, values: string) =>
      `Back through ReLU, which passes the gradient where its input was positive: ${result} = ${values}.`,
    identity: (result: string, values: string) =>
      `The identity passes the gradient on unchanged: ${result} = ${values}.`,
    softmax: (result: string, values: string) => `Back through softmax: ${result} = ${values}.`,
    product: (result: string, values: string) =>
      `A product's gradient on one factor is the gradient times the other factor: ${result} = ${values}.`,
    complement: (result: string, values: string) =>
      `Through the share (1 − z) of the new candidate: ${result} = ${values}.`,
    difference: (result: string, values: string) =>
      `z weighs h against n, so its gradient is the gradient times (h − n): ${result} = ${values}.`,
    sum_over_steps: (result: string, values: string) =>
      `A bias is used at every step: its gradient is the sum of the steps' gradients, ${result} = ${values}.`,
    outer_sum_over_steps: (result: string, values: string) =>
      `A weight is used at every step: its gradient sums each step's gradient times that step's input, ${result} = ${values}.`,
  } as Record<string, (result: string, values: string) => string>,
  overviewLabel: 'Jump to a time step',
  overviewStep: (t: number) => `t = ${t}`,
  equationLabel: 'The equation of this frame',
  moreEquations: (n: number) => `and ${n} more`,
  fullPrecision: (value: string) => `carried as ${value}`,
  captionMatVec: (matrix: string, vector: string, result: string, values: string, row: number | null) =>
    row === null
      ? `${matrix} times ${vector} gives ${result} = ${values}.`
      : `Row ${row} of ${matrix} times ${vector} gives ${result} = ${values}.`,
  captionSum: (terms: readonly string[], result: string, values: string) =>
    `Adding ${EN.and(terms)} gives ${result} = ${values}.`,
  captionActivation: (fn: string, input: string, result: string, values: string) =>
    `${fn} of ${input} gives ${result} = ${values}.`,
  captionReluCut: (cut: readonly string[]) => ` ReLU cuts ${EN.and(cut)} to 0.`,
  captionProduct: (a: string, b: string, result: string, values: string) =>
    `Multiplying ${a} by ${b}, element by element, gives ${result} = ${values}.`,
  captionComplementProduct: (a: string, b: string, result: string, values: string) =>
    `One minus ${a}, times ${b}, gives ${result} = ${values}.`,
  captionLoss: (t: number, value: string) => `The loss at step ${t} compares y with the target: ${value}.`,
  captionTotal: (value: string) => `Adding the losses of the steps gives L = ${value}.`,
  valueOf: (name: string, value: string) => `${name} = ${value}`,
  theActivation: 'the activation',
  functionNames: { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', identity: 'the identity', softmax: 'softmax' } as Record<
    string,
    string
  >,
  modesLabel: 'Mode',
  modeWalkthrough: 'Walkthrough',
  modePractice: 'Practice',
  practiceIntro: 'Work out each empty cell and type it in; Enter checks it. Tab and the arrow keys move between cells.',
  answerLabel: (cell: string) => `${cell}, your answer`,
  cellTitle: (cell: string) => `Cell ${cell}`,
  noCellChosen: 'Click an empty cell to start.',
  statusBlank: 'Not answered yet.',
  statusTyping: 'Press Enter to check.',
  statusAnswered: 'Answered; graded when you hand the quiz in.',
  statusRight: 'Right.',
  statusWrong: 'Not right yet.',
  statusRevealed: 'Shown by the hint ladder, counted as revealed.',
  notANumber: (text: string) => `“${text}” is not a number. Write it like 0.5, −0.5, .5 or 0,5.`,
  mistakes: {
    fromOwnAnswers: (
      cells: readonly string[],
      rounded: boolean,
      carried: readonly string[],
      decimals: number,
      canFollow: boolean,
    ) => {
      const list = EN.and(cells);
      const agree = (one: string, other: string) => EN.agree(cells.length, { one, other });
      if (rounded)
        return `That is what your ${list} ${agree('gives', 'give')}. ${agree('It is', 'They are')} right to ${EN.counted(decimals, DECIMALS)}, but the sheet works on with ${EN.and(carried)}: carry the extra places.`;
      const wrong = `That follows from your ${list}, which ${agree('is', 'are')} not right`;
      return canFollow
        ? `${wrong} yet. Put ${agree('it', 'them')} right first, or tick “Follow my numbers” to be checked against your own numbers.`
        : `${wrong}.`;
    },
    keptInFull: (places: number) =>
      `Right when rounded, but the sheet keeps this value in full: write it with ${places} decimals.`,
    sheetValueWhileFollowing:
      'That is the sheet’s value. With “Follow my numbers” on, this cell is checked against what your own earlier answers give.',
    missingTerm: (cell: string) => `That leaves ${cell} out of the sum.`,
    beforeActivation: (fn: string) => `That is the value inside ${fn}: apply ${fn} to it.`,
    wrongRow: (row: number, wanted: number, alsoTransposed: boolean) =>
      alsoTransposed
        ? `That is row ${row} of the matrix times the vector, which is also column ${wanted}: the matrix read transposed. This cell takes row ${wanted}.`
        : `That is row ${row} of the matrix times the vector; this cell takes row ${wanted}.`,
    transposed: 'That is a column of the matrix times the vector: the matrix was read transposed.',
    signSlip: 'Nearly: a sign slipped somewhere.',
    roundedInsteadOfExact:
      'That is what rounding the earlier values gives. This sheet carries full precision and only shows values rounded.',
    exactInsteadOfRounded:
      'That is the exact value. This sheet rounds every value it writes down and works on with the rounded one, as on paper.',
  },
  hintHeading: 'Hints',
  hintButton: (next: number, of: number) => `Hint ${next} of ${of}`,
  revealButton: 'Show the answer',
  hintKey: (key: string) => `or press ${key} in the cell`,
  hintRungs: [
    'The equation',
    'The values it reads are outlined on the sheet.',
    'With the numbers',
    'The answer',
  ] as readonly string[],
  follow: 'Follow my numbers',
  followOn: 'Checking each cell against your own earlier answers.',
  followOff: 'Checking each cell against the worksheet’s values.',
  progressLabel: 'Progress',
  progressDone: (done: number, total: number) => `${done} of ${total} cells done`,
  progressEnd: '.',
  progressRevealed: (n: number) => ` (${n} revealed)`,
  progressStep: (t: number, done: number, total: number) =>
    t === 0 ? `L: ${done}/${total}` : `t = ${t}: ${done}/${total}`,
  progressStepLabel: (t: number, done: number, total: number) =>
    t === 0
      ? `Total loss, ${done} of ${total} done`
      : `Step ${t}, ${done} of ${total} done; go to its first empty cell`,
  allDone: 'Every cell is done',
  reset: 'Reset this worksheet',
  resetQuiz: 'Start this quiz again',
  resetConfirm: 'Clear every answer and hint on this sheet?',
  resetQuizConfirm: 'Clear every answer of this quiz and start its clock again?',
  resetYes: 'Yes, clear them',
  resetNo: 'Keep them',
  resetDone: 'Cleared.',
  undoReset: 'Undo',
  storagePage: 'This browser does not let the app keep data: your progress lasts only until you leave this page.',
  storageFailed:
    'The browser’s storage is full: your latest answers are kept in this page only, and are lost when you leave it.',
  migrated: (version: number) => `Your saved progress was from an older version (${version}) and has been updated.`,
  setAsideNotice: (reason: 'unreadable' | 'invalid' | 'future' | 'strays') =>
    reason === 'strays'
      ? 'Saved progress for this sheet held answers for cells it does not have. Those were kept aside, untouched; your answers on this sheet are here.'
      : reason === 'future'
        ? 'Saved progress for this sheet comes from a newer version of the app and cannot be read here. It has been kept aside, untouched.'
        : reason === 'invalid'
          ? 'Saved progress for this sheet is damaged and cannot be used. It has been kept aside, untouched.'
          : 'Saved progress for this sheet could not be read (it is not data this app wrote). It has been kept aside, untouched.',
  setAsideDownload: 'Download it',
  setAsideDiscard: 'Delete it',
  newQuiz: 'New quiz',
  quizIntro:
    'A fresh worksheet with its own numbers, from a seed: the same link gives the same quiz in any browser, so one link serves a whole class.',
  quizCell: 'Cell',
  quizCellNames: { rnn: 'RNN (ReLU)', lstm: 'LSTM', gru: 'GRU' } as Record<string, string>,
  quizHidden: 'Hidden size H',
  quizInput: 'Input size I',
  quizSteps: 'Steps T',
  quizDecimals: 'Decimals',
  quizAsk: 'Asked',
  quizAskNames: {
    states: 'every h, c and y',
    step: 'every value of one step',
    all: 'every value',
  } as Record<string, string>,
  quizStep: 'Step',
  quizLimit: 'Time limit (minutes, 0 for none)',
  quizSeed: 'Seed (empty: a new one)',
  quizSeedHelp: 'Letters a–z and digits, up to 32.',
  quizSeedProblem: (seed: string) =>
    `“${seed}” is not a seed: use only small letters a–z and digits, up to 32 of them (no capitals, spaces or signs).`,
  quizLimitProblem: (max: number) => `The time limit is a whole number of minutes from 0 to ${max}.`,
  quizStart: 'Start the quiz',
  quizTitle: (cell: string, H: number, I: number, T: number, seed: string) =>
    `Quiz: ${cell}, H = ${H}, I = ${I}, T = ${T} (seed ${seed})`,
  quizRules: (count: number, decimals: number) =>
    `Answer the ${count} empty cells, ${decimals === 0 ? 'in whole numbers' : `to ${EN.counted(decimals, DECIMALS)}`} (a product kept in full with all its places). Nothing is graded until you hand the quiz in.`,
  quizAnswered: (answered: number, total: number) => `${answered} of ${total} answered`,
  quizSubmit: 'Hand in',
  quizSubmitConfirm: (open: number) =>
    `${EN.counted(open, { one: 'question is', other: 'questions are' })} not answered (or not a number). Hand the quiz in anyway?`,
  quizSubmitYes: 'Yes, hand it in',
  quizSubmitNo: 'Keep working',
  quizSheetShows: 'The sheet shows',
  quizSheetShowsMine: 'your answers',
  quizSheetShowsRight: 'the right answers (✗ marks the ones you missed)',
  quizTimeLeft: (time: string) => `Time left ${time}`,
  quizTimeUp: 'Time is up: the quiz was handed in.',
  quizScore: (right: number, total: number) => `Score: ${right} of ${total}`,
  quizSolutions: 'Worked solutions',
  quizQuestionRight: 'right',
  quizQuestionWrong: (given: string) => (given ? `wrong (you wrote ${given})` : 'not answered'),
  quizTryNew: 'Try a new one',
  quizShareLink: 'Link to this quiz',
  quizLinkProblems: 'This quiz link cannot be opened:',
  // the shape of core's QuizExpected, written out so that the catalogue imports nothing
  quizLinkProblem: (
    param: string,
    got: string | null,
    expected:
      | { readonly kind: 'choice'; readonly choices: readonly string[] }
      | { readonly kind: 'range'; readonly min: number; readonly max: number }
      | { readonly kind: 'seed'; readonly min: number; readonly max: number }
      | { readonly kind: 'once'; readonly times: number },
  ) => {
    const value = got === null ? 'missing' : `“${got}”`;
    switch (expected.kind) {
      case 'choice':
        return `${param}: ${value} is not one of ${expected.choices.join(', ')}`;
      case 'range':
        return `${param}: ${value} is not a whole number from ${expected.min} to ${expected.max}`;
      case 'seed':
        return got === null
          ? `${param}: missing; a seed is ${expected.min} to ${expected.max} letters a–z and digits`
          : `${param}: ${value} is not a seed; a seed is ${expected.min} to ${expected.max} letters a–z and digits`;
      case 'once':
        return `${param}: given ${expected.times === 2 ? 'twice' : `${expected.times} times`} (${got ?? ''}); give it once`;
    }
  },
  // share links
  shareLinkButton: 'Share link',
  shareLinkInclude: 'include the current frame and mode',
  shareLinkField: 'Link to this worksheet',
  shareLinkCopied: 'Copied: paste it anywhere. Opening it shows this worksheet, with no server.',
  shareLinkSelectAndCopy: 'The browser did not let the page copy it: select the link and copy it.',
  shareLinkTooLarge: (kilobytes: number, limit: number) =>
    `This worksheet is too large to share as a link (${kilobytes} KB; a link holds up to ${limit} KB). Export it as a file instead.`,
  shareLinkCannotOpen: 'This share link cannot be opened.',
  shareLinkReasons: {
    corrupt:
      'The link is damaged: some of its characters were changed or added on the way (a mail program does that). Ask for the link again, or copy it in full.',
    truncated:
      'The link is cut short: its end is missing, as when a long link is broken across lines. Copy the whole link and open it again.',
    future:
      'The link was made by a newer version of RNN by Hand, which this page cannot read. Reload the page to get the newest version, or ask for the worksheet as a file.',
    tooLarge:
      'The link is too large to open: a link holds at most 32 KB, and the worksheet in it at most 1 MB. Ask for the worksheet as a file instead.',
    invalid: 'The link holds a worksheet that breaks the rules of the worksheet format:',
  },
  missingWorksheet: (id: string, kind: 'kept' | 'file' | 'unknown') =>
    kind === 'kept'
      ? `The worksheet this link names (${id}) is not kept in this browser: a worksheet you make or open is kept only in the browser that made or opened it. Ask for a share link or the file instead.`
      : kind === 'file'
        ? 'The file this link showed was opened in a page since closed or reloaded, and was not kept: open the file again.'
        : `There is no worksheet “${id}” in RNN by Hand: the link may be mistyped or from another version. Choose one below.`,
  // backward practice
  backwardMistakes: {
    tanhForgotten: (alone: boolean) =>
      alone
        ? 'That is c itself: h = o ⊙ tanh(c) takes tanh of c, then multiplies by o.'
        : 'That is o ⊙ c: tanh is forgotten. h = o ⊙ tanh(c).',
    recurrentLeftOut: 'That leaves out the part that comes back from the next step, through Wᵀ.',
    derivativeLeftOut: (fn: string) =>
      `That passes the gradient straight through ${fn}: multiply by the derivative of ${fn}.`,
    derivativeAtInput: (fn: string) =>
      fn === 'tanh'
        ? 'That takes tanh′ at the value inside tanh: tanh′ = 1 − h², with h the output of tanh, not 1 − a².'
        : 'That takes σ′ at the value inside σ: σ′ = s(1 − s), with s the output of σ, not a(1 − a).',
    derivativeAsFunction: (fn: string) =>
      fn === 'tanh'
        ? 'That multiplies by tanh itself: its derivative is 1 − tanh².'
        : 'That multiplies by σ itself: its derivative is σ(1 − σ).',
    notTransposed:
      'That is W times the gradient: the gradient goes back through the transpose, Wᵀ (column i of W for row i).',
    targetMinusOutput: 'That is target − y: the derivative of (y − target)² is 2(y − target), output minus target.',
  },
  practicePass: 'Practise',
  practicePassForward: 'the forward pass',
  practicePassBackward: 'the backward pass (gradients)',
  progressStepBackward: (t: number, done: number, total: number) =>
    t === 0 ? `h₀ and W: ${done}/${total}` : `t = ${t}: ${done}/${total}`,
  progressStepBackwardLabel: (t: number, done: number, total: number) =>
    t === 0
      ? `∂L/∂h₀ and the parameters’ gradients, ${done} of ${total} done`
      : `Step ${t}’s gradients, ${done} of ${total} done; go to its first empty cell`,
  quizAskGradients: 'every ∂L/∂h and the gradient of one matrix',
  quizMatrix: 'Gradient of',
  quizGradientNote:
    'The gradients are those of L = Σ_t Σₖ (y_t[k])², the squared outputs of every step (a target of 0). An LSTM or GRU takes 1 or 2 decimals here: at 0 its gates are written 0 or 1, where their slope is 0. With one step, h₀ = 0 leaves the recurrent matrix no gradient, so an input matrix is asked.',
  decimalsNote: (decimals: number, carry: 'exact' | 'rounded', cell: string, hasLoss: boolean) =>
    carry === 'rounded'
      ? `Values are rounded to ${EN.counted(decimals, DECIMALS)}, and the rounded values are carried on, as on paper. ${EN.and(['Products that go into a sum', ...(cell === 'lstm' ? ['tanh(c)'] : []), ...(hasLoss ? ['each step’s loss'] : [])])} are kept in full, up to ${decimals + 2} decimals, so that each sum adds up.`
      : `Values are shown with ${EN.counted(decimals, DECIMALS)}; the computation carries full precision.`,
  // training
  trainHeading: 'A training step',
  trainIntro:
    'Gradient descent: each parameter takes a step against its gradient, W ← W − η · ∂L/∂W, with the gradients of the backward pass. The sheet then shows the new numbers.',
  trainRoundedNote: (decimals: number) =>
    `This sheet rounds as it goes: the update uses the gradients as the sheet writes them, rounded to ${EN.counted(decimals, DECIMALS)}, and keeps the new parameters in full. A gradient smaller than half the last place rounds to 0, so training here soon stalls: that is the rounding, not the method.`,
  trainEta: 'Learning rate η',
  trainStepButton: 'Take one step',
  trainSteps: 'Steps N',
  trainButton: 'Train',
  trainCancel: 'Cancel',
  trainUndo: 'Back to the original numbers',
  trainRandomStart: (seed: string) => `Start from small random weights (seed ${seed})`,
  trainRandomStarted: (seed: string) =>
    `The sheet now starts from small random weights (seed ${seed}, each between −0.5 and 0.5): train it and watch the classification.`,
  trainKeep: 'Keep as a new worksheet',
  trainedTitle: (title: string) => `${title} (trained)`,
  trainEtaEmpty: 'Type a learning rate: a number greater than 0, such as 0.1.',
  trainEtaNotANumber: (text: string) => `“${text}” is not a number: type a learning rate such as 0.1.`,
  trainEtaNotPositive: (text: string) => `The learning rate must be greater than 0 (${text} is not).`,
  trainStepsEmpty: (max: number) => `Type how many steps to train: a whole number from 1 to ${max}.`,
  trainStepsBad: (text: string, max: number) => `“${text}” is not a whole number of steps from 1 to ${max}.`,
  trainStepsTooMany: (text: string, max: number) => `${text} steps is too many: at most ${max}.`,
  trainLossWent: (before: string, after: string) => `The loss went from ${before} to ${after}.`,
  trainLossAfter: (steps: number, before: string, after: string) =>
    `After ${EN.counted(steps, { one: 'step', other: 'steps' })} the loss went from ${before} to ${after}.`,
  trainOverflow:
    'The numbers overflowed (the loss or a parameter is no longer finite), so the sheet keeps its numbers: try a smaller learning rate.',
  trainDiverged: (done: number) =>
    `The numbers overflowed at step ${done + 1}: a parameter would go past the largest number there is. The sheet keeps its numbers; try a smaller learning rate.`,
  trainProgress: (done: number, total: number) => `Training: ${done} of ${total} steps`,
  trainCancelled: (done: number) => `Training stopped after ${done} steps; the sheet keeps its numbers.`,
  trainFailed: (message: string) => `Training failed: ${message}`,
  trainUpdatesHeading: 'The updates',
  trainUpdateText: (name: string, before: string, eta: string, grad: string, after: string) =>
    `${name} ← ${before} − ${eta} · ${grad} = ${after}`,
  trainUpdateTooLarge: (name: string, rows: number, cols: number) =>
    `${name} (${rows}×${cols}) is too large to write out here; the sheet shows its new numbers.`,
  trainClassRight: (count: number) =>
    `argmax y_t is right at all ${count} steps: the network classifies the sequence as its targets say.`,
  trainClassWrong: (wrong: readonly number[], count: number) =>
    `argmax y_t is wrong at ${EN.agree(wrong.length, { one: 'step', other: 'steps' })} ${EN.and(wrong.map(EN.count))} of ${count}: not classified yet.`,
  lossCurveLabel: (steps: number, first: string, last: string) =>
    `Loss curve over ${steps} steps, on a log scale, from ${first} to ${last}`,
  lossCurveStep: 'step',
  lossCurveLoss: 'loss (log scale)',
  // gradients over time
  gradientPlotTitle: 'Exploding and vanishing: the gradient on hₜ over time',
  gradientPlotLabel: (norm: boolean) =>
    norm ? 'The size of ∂L/∂hₜ, ‖∂L/∂hₜ‖, against t on a log scale' : '|∂L/∂hₜ| against t on a log scale',
  gradientAxisT: 't',
  gradientAxisValue: (norm: boolean) => (norm ? '‖∂L/∂hₜ‖' : '|∂L/∂hₜ|'),
  gradientPointTitle: (t: string, value: string) => `t = ${t}: ${value}`,
  gradientThisSheet: 'this worksheet',
  gradientCompareLegend: (title: string, factor: string) =>
    factor === '1' ? title : `${title}, its hidden-to-hidden matrices ×${factor}`,
  gradientZeroNote:
    'A gradient of exactly 0 has no place on a log scale (log 0 = −∞): it is drawn as a hollow point on the floor.',
  gradientOverflowNote: 'A gradient too large for a number is drawn as a hollow point at the top.',
  gradientRoundedNote: 'This sheet carries rounded values: the plot is of the carried (rounded) values it writes.',
  gradientCompareRoundedNote: (title: string) => `${title} carries rounded values: its curve is of those.`,
  gradientValueSlider: (name: string) => `${name}: the weight from hₜ₋₁ to hₜ`,
  gradientScaleSlider: 'Scale W_hh: every hidden-to-hidden matrix, times',
  gradientForgetSlider: 'Forget bias: added to the forget gate’s bias',
  /** what the field and its message call the scale and the forget-bias shift */
  gradientScaleName: 'scale',
  gradientForgetName: 'forget-bias shift',
  gradientTyped: (name: string) => `${name}, typed`,
  gradientReset: 'Reset to the worksheet as opened',
  gradientCompare: 'Compare with',
  gradientCompareNone: 'no other worksheet',
  gradientInputEmpty: (min: string, max: string, kept: string) =>
    `Type a number from ${min} to ${max}. The sheet stays at ${kept}.`,
  gradientInputNotANumber: (text: string, min: string, max: string, kept: string) =>
    `“${text}” is not a number: type one from ${min} to ${max}, such as 0.5. The sheet stays at ${kept}.`,
  gradientInputOutOfRange: (text: string, min: string, max: string, kept: string) =>
    `${text} is outside ${min} to ${max}. The sheet stays at ${kept}.`,
  // editor
  editorOpen: 'Edit',
  editorOpenTitle: 'Edit this worksheet: its numbers, sizes and cell kind',
  editorClose: 'Close',
  editorHeading: 'Edit the worksheet',
  editorUndo: 'Undo',
  editorRedo: 'Redo',
  editorUndoTitle: 'Undo (Ctrl+Z)',
  editorRedoTitle: 'Redo (Ctrl+Shift+Z or Ctrl+Y)',
  editorRandomiseAll: 'Randomise all',
  editorRandomiseAllTitle: 'Every weight, bias and plain-number input, with small whole numbers as a quiz draws them',
  editorZeroAll: 'Zero all',
  editorZeroAllTitle: 'Every weight and bias, h₀ and c₀ set to 0',
  editorRandomise: 'Randomise',
  editorZero: 'Zero',
  editorRemove: 'Remove',
  editorAddBias: (name: string) => `Add ${name}`,
  editorBiasesNote: 'A bias left out is zeros, and not shown on the sheet.',
  editorValid: 'The sheet follows your edits.',
  editorInvalid: (count: number) =>
    `${EN.counted(count, { one: 'problem', other: 'problems' })}: the sheet shows the last valid version until ${EN.agree(count, { one: 'it is', other: 'they are' })} fixed.`,
  editorShowingLastValid: 'Showing the last valid version: the worksheet being edited has problems (see the editor).',
  editorTitle: 'Title',
  editorCell: 'Cell',
  editorCellNames: { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' } as Record<string, string>,
  editorActivation: 'Activation',
  editorSizes: 'Sizes',
  editorH: 'H (hidden)',
  editorI: 'I (input)',
  editorO: 'O (output)',
  editorT: 'Steps',
  editorTooLarge: (sizes: string) =>
    `${sizes}: larger than a sheet worked by hand (the editor shows grids up to 8). Choose a smaller size to edit them here.`,
  editorParameters: 'Parameters',
  editorInputs: 'Inputs',
  editorInputsAsNumbers: 'Numbers',
  editorInputsAsTokens: 'Tokens and a vocabulary',
  editorToken: (t: number) => `Token at step ${t}`,
  editorVocabulary: 'Vocabulary',
  editorWord: (k: number) => `Word ${k + 1}`,
  editorAddWord: 'Add a word',
  editorOneHot: 'One-hot vocabulary of the tokens',
  editorOneHotTitle: 'A one-hot vector for each distinct token; I becomes the number of words',
  editorStates: 'Initial state',
  editorReadout: 'Readout y',
  editorReadoutOn: 'Read out y at every step',
  editorWithW_hy: 'With W_hy (else y = ψ(h))',
  editorAddB_y: 'Add b_y',
  editorReadoutActivation: 'Readout activation',
  editorTargets: 'Targets and loss',
  editorTargetsOn: 'Targets',
  editorLoss: 'Loss',
  editorLossNone: 'none',
  editorLossNames: {
    squared_error: 'squared error',
    cross_entropy: 'cross-entropy',
    binary_cross_entropy: 'binary cross-entropy',
  } as Record<string, string>,
  editorLossAt: 'Over',
  editorLossAtNames: { all: 'every step', last: 'the last step' } as Record<string, string>,
  editorPrecision: 'Precision',
  editorDecimals: 'Decimals',
  editorCarry: 'Carry',
  editorCarryNames: { exact: 'exact values', rounded: 'rounded values' } as Record<string, string>,
  editorLabels: 'Display names',
  editorLabelsNote: 'The name the sheet shows for a parameter (empty: its own).',
  editorCellLabel: (grid: string, row: number, col: number, vector: boolean) =>
    vector ? `${grid}, entry ${col + 1}` : `${grid}, row ${row + 1}, column ${col + 1}`,
  editorNotANumber: (text: string) =>
    text.trim() === '' ? 'empty; type a number such as 0.5' : `“${text}” is not a number; type one such as 0.5 or −1`,
  editorDuplicateWord: (word: string) => `“${word}” is in the vocabulary twice; give each word once`,
  editorPasteClipped: (count: number, grid: string) =>
    `${EN.counted(count, { one: 'pasted number', other: 'pasted numbers' })} fell outside ${grid} and ${EN.agree(count, { one: 'was', other: 'were' })} left out.`,
  editorPasteTooLong: 'That paste is far larger than any grid here: nothing was pasted.',
  editorProblemsHeading: 'Problems',
  editorAskCopy: (answers: number) =>
    `This worksheet has ${EN.counted(answers, { one: 'practice answer', other: 'practice answers' })}, worked from its numbers as they are. Your change is kept in the editor; the sheet waits until you choose where it goes.`,
  editorAskNewCopy: 'Edit a new copy (this one keeps its answers)',
  editorAskChangeThis: 'Change this one (its answers come back if you undo to these numbers)',
  // end editor
  gradientClosedFormIntro:
    'With one hidden unit, no activation and the squared error at the last step, each step back multiplies the gradient by the same weight:',
  gradientClosedFormSays: (name: string, size: string, growth: 'explodes' | 'vanishes' | 'holds') =>
    growth === 'explodes'
      ? `|${name}| = ${size} > 1: going back in time, the gradient explodes.`
      : growth === 'vanishes'
        ? `|${name}| = ${size} < 1: going back in time, the gradient vanishes.`
        : `|${name}| = 1: the gradient keeps its size going back in time.`,
  // print & answer key
  printButton: 'Print…',
  printDialogTitle: 'Print a handout',
  printVersionLegend: 'Version',
  printBlank: 'Blank handout: the givens, empty boxes to fill in',
  printKey: 'Answer key: every box filled in',
  printPaperLegend: 'Paper',
  printPaperA4: 'A4 (210 × 297 mm)',
  printPaperLetter: 'Letter (8.5 × 11 in)',
  printConfirm: 'Print',
  printCancel: 'Cancel',
  handoutBlank: 'Worksheet',
  handoutKey: 'Answer key',
  handoutName: 'Name',
  handoutDate: 'Date',
  handoutFillIn: (decimals: number) => `Work out every empty box, by hand, to ${EN.counted(decimals, DECIMALS)}.`,
  handoutEquations: 'At each step t:',
  copyKeyMarkdown: 'Copy answer key (Markdown)',
  copyKeyCsv: 'Copy answer key (CSV)',
  answerKeyHeaders: { step: 'Step', quantity: 'Quantity', value: 'Value' },
  answerKeyCopied: (count: number, format: 'markdown' | 'csv') =>
    `Copied the answer key: ${EN.counted(count, { one: 'value', other: 'values' })}, as ${format === 'csv' ? 'CSV' : 'a Markdown table'}.`,
  answerKeyRefused: 'The browser did not allow copying. The answer key is below: select it and copy it (Ctrl+C).',
  answerKeyText: 'Answer key',
  answerKeyClose: 'Close',
  // offline and embed (issue 12)
  updateReady: 'A new version is ready.',
  updateReload: 'Reload',
  openInFull: 'Open in full',
  // accessibility (issue 12)
  cellAtRow: (quantity: string, row: number) => `${quantity}, row ${row}`,
  cellAtRowColumn: (quantity: string, row: number, column: number) => `${quantity}, row ${row}, column ${column}`,
  /** a number of the sheet as a screen reader names it: where it is, then what it holds */
  cellNamed: (place: string, value: string) => `${place}: ${value}`,
  shareCellPlace: (weight: string, t: number, sum: boolean) =>
    sum ? `∂L/∂${weight} summed from step ${t}` : `step ${t}’s share of ∂L/∂${weight}`,
  sheetHeading: 'The sheet',
  stepsRegionLabel: 'The steps of the sheet, side by side',
  answerCellLabel: (place: string, t: number) => (t > 0 ? `${place}, to fill, step ${t}` : `${place}, to fill`),
  // two languages (issue 12)
  /** the language tag of <html lang> and of Intl */
  locale: 'en',
  /** the language's own name, as the switch offers it */
  languageName: 'English',
  languageLabel: 'Language',
  pageTitle: (worksheet: string | null) => (worksheet === null ? 'RNN by Hand' : `${worksheet} · RNN by Hand`),
  /** the built-in worksheets' titles by id, where this language words them (none here: the files' own English) */
  worksheetTitles: {} as Record<string, string>,
} as const;

/** A catalogue's shape: the English one's keys, each text widened to any string of its kind. */
export type Messages = Widened<typeof en>;

type Widened<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widened<R>
    : T extends readonly (infer E)[]
      ? readonly Widened<E>[]
      : { readonly [K in keyof T]: Widened<T[K]> };

/** The catalogue of the language chosen (English until another is): every component reads this. */
export let messages: Messages = en;

/** Points `messages` at another catalogue; what is drawn after reads its words. */
export function switchCatalogue(catalogue: Messages): void {
  messages = catalogue;
}
