// 简体中文：与英文目录（messages.ts）同一形状，键缺一个或多一个都过不了 npm run typecheck。
// 数字、符号、TeX 和练习单里的名字（A、B、W_hh、h₀ …）照原样写。
import type { Messages } from './messages';
import { wording } from './intl';

/** 中文的计数与列举（Intl）：没有复数形式，列举用“、”和“和”。 */
const ZH = wording('zh');

/** “2 位小数” */
const places = (decimals: number) => `${ZH.count(decimals)} 位小数`;

const zh: Messages = {
  appTitle: '手算 RNN',
  worksheetPicker: '练习单',
  invalidWorksheet: '这张练习单无法计算：',
  home: '全部练习单',
  homeIntro: '先选一张练习单，然后按 → 一次填一个数，也可以用公式下面的按钮。',
  worksheetDescriptions: {
    'rnn-by-hand': 'Tom Yeh 的 ReLU RNN，输入序列 3, 4, 5, 6：看 ReLU 把 −11 截成 0，读出 y = 3, 16, 28, 40。',
    'lstm-2-decimals': 'Guo & Boyd-Graber 的 LSTM，输入 A, A, B，每个门保留 2 位小数，按精确值往下算。',
    'lstm-1-decimal-rounded': '同一个 LSTM，像在纸上那样算：每个值都四舍五入到 1 位小数，再用舍入后的值往下算。',
    'elman-ciao': '一个标量 Elman RNN 读入 “ciao”；损失 y²，以及它对 h₀ 的梯度为什么像 W_h⁴ 那样爆炸。',
    'sentiment-many-to-one': '多对一 RNN 读入一条 3 个词的评论（词用独热向量表示），读完最后一个词后给出情感。',
    'gru-by-hand':
      '2 个单元的 GRU，输入 A, B, A：重置门、更新门和候选状态，全用小整数；每一步对目标 1 取平方误差损失，梯度一路传回 h₀。',
    'kinds-one-to-one': 'RNN 的几种结构（1/5）：一个输入、一个输出，比如图像分类——用不着循环。',
    'kinds-one-to-many': 'RNN 的几种结构（2/5）：t = 1 时一个输入，之后全是 0，每一步都有输出，比如看图说话。',
    'kinds-many-to-one': 'RNN 的几种结构（3/5）：读入整个序列，最后给出一个答案，比如情感分析。',
    'kinds-many-to-many': 'RNN 的几种结构（4/5）：每个输入对应一个输出，比如词性标注；这一张把输入晚一步原样输出。',
    'kinds-encoder': 'RNN 的几种结构（5/5，前半）：编码器读入 2, 3，得到状态 [5, 2]。',
    'kinds-decoder': 'RNN 的几种结构（5/5，后半）：解码器从编码器的最后状态出发，写出 3, 1，比如机器翻译。',
  },
  openWorksheet: (title) => `打开 ${title}`,
  openFile: '打开练习单文件（.json）',
  fileProblems: (name, count) => `${name} 不是本应用能打开的练习单（${ZH.count(count)} 个问题）：`,
  fileUnreadable: (name) => `无法读取 ${name}。`,
  computingFile: (name) => `正在计算 ${name}…`,
  fileTooLarge: (name, mib, limit) => `${name} 有 ${mib} MiB；练习单文件最多 ${limit} MiB，所以没有读取。`,
  dropHint: '把练习单文件（.json）拖到这里打开',
  dropOneFile: (count) => `拖进来 ${ZH.count(count)} 个文件；一次只能拖一个练习单文件。`,
  droppedProblemsClose: '关闭',
  keptHeading: '我的练习单',
  keptIntro: '保存在这个浏览器里：你从文件打开的或在编辑器里做的练习单。',
  keptSavedAt: (when) => `保存于 ${when}`,
  keptRename: '重命名',
  keptRenameLabel: (name) => `${name} 的新名字`,
  keptRenameSave: '保存名字',
  keptRenameCancel: '取消',
  keptNameEmpty: '名字里至少要有一个字母、数字或汉字；在此之前保留原来的名字。',
  keptDuplicate: '复制一份',
  keptDuplicateLabel: (name) => `复制 ${name}`,
  keptDelete: '删除',
  keptDeleteLabel: (name) => `删除 ${name}`,
  keptExport: '导出 .json',
  keptExportLabel: (name) => `把 ${name} 导出为 .json 文件`,
  keptDeleted: (name) => `已删除“${name}”。`,
  keptUndoDelete: '撤销',
  keptNotSaved: '浏览器的存储已满或被关闭：这次改动只保留在当前页面里。',
  keptSetAside: (reason) =>
    reason === 'future'
      ? '有一张保存的练习单来自更新版本的应用，这里读不了。它已被原样另存，没有改动。'
      : '有一张保存的练习单读不出来（存储的数据已损坏）。它已被原样另存，没有改动。',
  exportWorksheet: '导出 .json',
  exportWorksheetLabel: '把这张练习单导出为 .json 文件，方便保存、分享或在别处打开',
  presentation: '演示（P）',
  leavePresentation: '退出演示（Esc）',
  presentSmaller: 'A−',
  presentSmallerTitle: '为这间教室把字调小（−）',
  presentLarger: 'A+',
  presentLargerTitle: '为这间教室把字调大（+）',
  darkTheme: '深色主题',
  lightTheme: '浅色主题',
  worksheetNotes: {
    'lstm-2-decimals': {
      story:
        '这个网络用三步交叉熵之和训练过，只回答一个问题：到目前为止见过不止一个 A 吗？目标依次是否、是、是：[1, 0], [0, 1], [0, 1]。',
      questions: [
        '每一步的分类结果是什么？对不对？',
        '哪些输入起作用？通过哪些门？',
        '网络什么时候可以放心地遗忘？',
        '它会怎样分类 A, B, B？B, A, A 呢？',
      ],
    },
    'elman-ciao': {
      story:
        '损失对 h₀ 的梯度是多少？每沿时间往回走一步，梯度就乘上 W_h = −5：|W_h| > 1 时梯度爆炸，|W_h| < 1 时梯度消失。换个词试试看。',
      questions: [],
    },
  },
  questionsHeading: '思考题',
  compareHeading: (other) => `对照 ${other}：手算时的舍入误差怎样累积`,
  compareStep: '时间步',
  compareThis: (q) => `${q}（本练习单）`,
  compareOther: (q) => `${q}（精确值）`,
  variantLabel: '输入',
  variantOption: (tokens, target) => `${tokens}（标签 ${target}）`,
  wordLabel: '单词',
  wordHelp: (vocabulary) => `可用词表里的字母：${vocabulary}`,
  wordProblem: (bad, vocabulary) =>
    `${ZH.and(bad.map((b) => `“${b}”`))} 不在词表（${vocabulary}）里；练习单保留上一个合法的单词。`,
  wordEmpty: '请至少输入一个字母。',
  diagramLabel: '沿时间展开的网络',
  diagramEncoder: '编码器',
  diagramDecoder: '解码器',
  emptyCell: '还没算出来',
  copyOfWrong: (text) => `${text}：抄到这里的你的答案，还不对`,
  inputsLabel: '输入序列',
  stepLabel: (t) => `t = ${t}`,
  totalLoss: '总损失',
  controlsLabel: '逐步查看练习单',
  first: '第一帧（Home）',
  previousStep: '上一个时间步（Shift+←）',
  previous: '上一帧（←）',
  next: '下一帧（→）',
  nextStep: '下一个时间步（Shift+→）',
  last: '最后一帧（End）',
  frameCounter: (frame, count) => `第 ${frame} 帧，共 ${count} 帧`,
  granularityLabel: '每次走',
  granularityNumber: '一个数',
  granularityVector: '一个向量',
  directionLabel: '传播',
  diagramSlope: (fn, t) => `${fn === 'relu' ? 'ReLU' : fn === 'identity' ? 'id' : fn}′(a${t})`,
  diagramToken: (token) => `“${token}” ↑`,
  diagramNorm: (norm) => `‖·‖ = ${norm}`,
  diagramGateWeights: (side) => `W_${side}·`,
  directionForward: '前向',
  directionBackward: '反向（梯度）',
  gradientsLabel: '梯度',
  stepGradientsLabel: (t) => `t = ${t} 的梯度`,
  drawStep: (t) => `显示 t = ${t} 的数`,
  stepSharesLabel: (t) => `t = ${t} 给每个权重的梯度贡献了多少`,
  weightShareLabel: (weight, t, from) =>
    t === from
      ? `∂L/∂${weight}：t = ${t} 的贡献`
      : `∂L/∂${weight}：t = ${t} 的贡献，以及 t = ${from} 到 ${t} 的贡献之和`,
  captionGradient: {
    squared_error: (result, values) => `平方误差的斜率：2 乘以 (y − 目标)，得到 ${result} = ${values}。`,
    softmax_cross_entropy: (result, values) =>
      `softmax 和交叉熵合在一起求导，约掉后只剩 y − 目标，所以 ${result} = ${values}。`,
    sigmoid_binary_cross_entropy: (result, values) =>
      `σ 和二元交叉熵合在一起求导，约掉后只剩 y − 目标，所以 ${result} = ${values}。`,
    backprop_h: (result, values) => `h 输出到的每一处都把梯度经转置的权重传回来：${result} = ${values}。`,
    backprop_c: (result, values) =>
      `记忆 c 的梯度一部分经 h 传来（乘以 o 和 tanh′），一部分经 f 从下一步传来：${result} = ${values}。`,
    sigmoid: (result, values) => `反向经过 σ，它的斜率是 σ(1 − σ)：${result} = ${values}。`,
    tanh: (result, values) => `反向经过 tanh，它的斜率是 1 − tanh²：${result} = ${values}。`,
    relu: (result, values) => `反向经过 ReLU：输入为正的地方梯度照传，其余为 0：${result} = ${values}。`,
    identity: (result, values) => `恒等函数把梯度原样传下去：${result} = ${values}。`,
    softmax: (result, values) => `反向经过 softmax：${result} = ${values}。`,
    product: (result, values) => `乘积对其中一个因子的梯度，等于梯度乘以另一个因子：${result} = ${values}。`,
    complement: (result, values) => `经过新候选状态所占的份额 (1 − z)：${result} = ${values}。`,
    difference: (result, values) => `z 在 h 和 n 之间加权，所以它的梯度是梯度乘以 (h − n)：${result} = ${values}。`,
    sum_over_steps: (result, values) => `偏置在每一步都用到：它的梯度是各步梯度之和，${result} = ${values}。`,
    outer_sum_over_steps: (result, values) =>
      `权重在每一步都用到：它的梯度是各步的梯度乘以该步的输入再相加，${result} = ${values}。`,
  },
  overviewLabel: '跳到某个时间步',
  overviewStep: (t) => `t = ${t}`,
  equationLabel: '这一帧的公式',
  moreEquations: (n) => `另有 ${ZH.count(n)} 个`,
  fullPrecision: (value) => `按 ${value} 往下算`,
  captionMatVec: (matrix, vector, result, values, row) =>
    row === null
      ? `${matrix} 乘以 ${vector}，得到 ${result} = ${values}。`
      : `${matrix} 的第 ${row} 行乘以 ${vector}，得到 ${result} = ${values}。`,
  captionSum: (terms, result, values) => `把 ${ZH.and(terms)} 相加，得到 ${result} = ${values}。`,
  captionActivation: (fn, input, result, values) => `对 ${input} 取 ${fn}，得到 ${result} = ${values}。`,
  captionReluCut: (cut) => `ReLU 把 ${ZH.and(cut)} 截成 0。`,
  captionProduct: (a, b, result, values) => `${a} 与 ${b} 逐元素相乘，得到 ${result} = ${values}。`,
  captionComplementProduct: (a, b, result, values) => `1 减去 ${a}，再乘以 ${b}，得到 ${result} = ${values}。`,
  captionLoss: (t, value) => `第 ${t} 步的损失把 y 和目标比较：${value}。`,
  captionTotal: (value) => `把各步的损失相加，得到 L = ${value}。`,
  valueOf: (name, value) => `${name} = ${value}`,
  theActivation: '激活函数',
  functionNames: { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', identity: '恒等函数', softmax: 'softmax' },
  modesLabel: '模式',
  modeWalkthrough: '讲解',
  modePractice: '练习',
  practiceIntro: '算出每个空格并填进去，按 Enter 检查。用 Tab 和方向键在格子之间移动。',
  answerLabel: (cell) => `${cell}，你的答案`,
  cellTitle: (cell) => `格子 ${cell}`,
  noCellChosen: '点一个空格开始。',
  statusBlank: '还没作答。',
  statusTyping: '按 Enter 检查。',
  statusAnswered: '已作答；交卷后评分。',
  statusRight: '正确。',
  statusWrong: '还不对。',
  statusRevealed: '由提示阶梯显示，记为“已揭晓”。',
  notANumber: (text) => `“${text}”不是数。可以写成 0.5、−0.5、.5 或 0,5。`,
  mistakes: {
    fromOwnAnswers: (cells, rounded, carried, decimals, canFollow) => {
      const list = ZH.and(cells);
      if (rounded)
        return `这是由你的 ${list} 算出的结果。保留 ${places(decimals)} 的话是对的，但练习单接着用的是 ${ZH.and(carried)}：多保留几位再往下算。`;
      const wrong = `这是由你的 ${list} 推出来的，而 ${list} 还不对`;
      return canFollow ? `${wrong}。先把 ${list} 改对，或者勾选“按我的数算”，用你自己的数来检查。` : `${wrong}。`;
    },
    keptInFull: (digits) => `四舍五入后是对的，但练习单保留这个值的全部位数：请写出 ${places(digits)}。`,
    sheetValueWhileFollowing: '这是练习单上的值。打开“按我的数算”后，这一格按你前面自己的答案来检查。',
    missingTerm: (cell) => `这样求和时漏掉了 ${cell}。`,
    beforeActivation: (fn) => `这是 ${fn} 里面的值：还要对它取 ${fn}。`,
    wrongRow: (row, wanted, alsoTransposed) =>
      alsoTransposed
        ? `这是矩阵第 ${row} 行乘以向量，也是第 ${wanted} 列：矩阵被转置着读了。这一格要用第 ${wanted} 行。`
        : `这是矩阵第 ${row} 行乘以向量；这一格要用第 ${wanted} 行。`,
    transposed: '这是矩阵的一列乘以向量：矩阵被转置着读了。',
    signSlip: '差一点：某处符号弄反了。',
    roundedInsteadOfExact: '这是把前面的值四舍五入后算出的结果。这张练习单按全精度往下算，只是显示时四舍五入。',
    exactInsteadOfRounded: '这是精确值。这张练习单像在纸上一样，每写下一个值都先四舍五入，再用舍入后的值往下算。',
  },
  hintHeading: '提示',
  hintButton: (next, of) => `提示 ${next}/${of}`,
  revealButton: '显示答案',
  hintKey: (key) => `或在格子里按 ${key}`,
  hintRungs: ['公式', '它要用到的值已在练习单上框出。', '代入数字', '答案'],
  follow: '按我的数算',
  followOn: '每一格都按你前面自己的答案来检查。',
  followOff: '每一格都按练习单上的值来检查。',
  progressLabel: '进度',
  progressDone: (done, total) => `已完成 ${done}/${total} 格`,
  progressEnd: '。',
  progressRevealed: (n) => `（${ZH.count(n)} 格已揭晓）`,
  progressStep: (t, done, total) => (t === 0 ? `L：${done}/${total}` : `t = ${t}：${done}/${total}`),
  progressStepLabel: (t, done, total) =>
    t === 0 ? `总损失，已完成 ${done}/${total}` : `第 ${t} 步，已完成 ${done}/${total}；跳到它的第一个空格`,
  allDone: '每一格都完成了',
  reset: '重置这张练习单',
  resetQuiz: '重新开始这次测验',
  resetConfirm: '清除这张练习单上的所有答案和提示？',
  resetQuizConfirm: '清除这次测验的所有答案，并重新计时？',
  resetYes: '是的，清除',
  resetNo: '保留',
  resetDone: '已清除。',
  undoReset: '撤销',
  storagePage: '这个浏览器不允许应用保存数据：你的进度只保留到离开本页为止。',
  storageFailed: '浏览器的存储已满：你最新的答案只保留在当前页面里，离开就会丢失。',
  migrated: (version) => `你保存的进度来自旧版本（${version}），已经更新。`,
  setAsideNotice: (reason) =>
    reason === 'strays'
      ? '这张练习单保存的进度里有它没有的格子的答案。那些答案已被原样另存；你在这张练习单上的答案都在这里。'
      : reason === 'future'
        ? '这张练习单保存的进度来自更新版本的应用，这里读不了。它已被原样另存，没有改动。'
        : reason === 'invalid'
          ? '这张练习单保存的进度已损坏，无法使用。它已被原样另存，没有改动。'
          : '这张练习单保存的进度读不出来（不是本应用写的数据）。它已被原样另存，没有改动。',
  setAsideDownload: '下载',
  setAsideDiscard: '删除',
  newQuiz: '新测验',
  quizIntro: '一张由种子生成、数字全新的练习单：同一个链接在任何浏览器里都是同一份测验，一个链接就够全班用。',
  quizCell: '单元',
  quizCellNames: { rnn: 'RNN (ReLU)', lstm: 'LSTM', gru: 'GRU' },
  quizHidden: '隐藏层大小 H',
  quizInput: '输入大小 I',
  quizSteps: '步数 T',
  quizDecimals: '小数位数',
  quizAsk: '要求',
  quizAskNames: {
    states: '所有 h、c 和 y',
    step: '某一步的所有值',
    all: '所有值',
  },
  quizStep: '时间步',
  quizLimit: '时间限制（分钟，0 表示不限）',
  quizSeed: '种子（留空则新生成一个）',
  quizSeedHelp: '小写字母 a–z 和数字，最多 32 个。',
  quizSeedProblem: (seed) =>
    `“${seed}”不是合法的种子：只能用小写字母 a–z 和数字，最多 32 个（不能有大写、空格或符号）。`,
  quizLimitProblem: (max) => `时间限制是 0 到 ${max} 之间的整数分钟。`,
  quizStart: '开始测验',
  quizTitle: (cell, H, I, T, seed) => `测验：${cell}，H = ${H}，I = ${I}，T = ${T}（种子 ${seed}）`,
  quizRules: (count, decimals) =>
    `填出 ${ZH.count(count)} 个空格，${decimals === 0 ? '写成整数' : `保留 ${places(decimals)}`}（保留全部位数的乘积要写出所有位）。交卷之前不评分。`,
  quizAnswered: (answered, total) => `已答 ${answered}/${total}`,
  quizSubmit: '交卷',
  quizSubmitConfirm: (open) => `还有 ${ZH.count(open)} 道题没有作答（或填的不是数）。仍然交卷吗？`,
  quizSubmitYes: '是的，交卷',
  quizSubmitNo: '继续作答',
  quizSheetShows: '练习单显示',
  quizSheetShowsMine: '你的答案',
  quizSheetShowsRight: '正确答案（✗ 标出你答错的）',
  quizTimeLeft: (time) => `剩余时间 ${time}`,
  quizTimeUp: '时间到：测验已自动交卷。',
  quizScore: (right, total) => `得分：${right}/${total}`,
  quizSolutions: '详细解答',
  quizQuestionRight: '正确',
  quizQuestionWrong: (given) => (given ? `错误（你写的是 ${given}）` : '未作答'),
  quizTryNew: '再来一份',
  quizShareLink: '这次测验的链接',
  quizLinkProblems: '这个测验链接打不开：',
  quizLinkProblem: (param, got, expected) => {
    const value = got === null ? '缺失' : `“${got}”`;
    switch (expected.kind) {
      case 'choice':
        return `${param}：${value} 不是 ${ZH.or(expected.choices.map((c) => `“${c}”`))} 中的一个`;
      case 'range':
        return `${param}：${value} 不是 ${expected.min} 到 ${expected.max} 之间的整数`;
      case 'seed':
        return got === null
          ? `${param}：缺失；种子是 ${expected.min} 到 ${expected.max} 个小写字母 a–z 和数字`
          : `${param}：${value} 不是合法的种子；种子是 ${expected.min} 到 ${expected.max} 个小写字母 a–z 和数字`;
      case 'once':
        return `${param}：给了 ${ZH.count(expected.times)} 次（${got ?? ''}）；只能给一次`;
    }
  },
  shareLinkButton: '分享链接',
  shareLinkInclude: '包含当前帧和模式',
  shareLinkField: '这张练习单的链接',
  shareLinkCopied: '已复制：粘贴到任何地方都行。打开它就会显示这张练习单，不需要服务器。',
  shareLinkSelectAndCopy: '浏览器不让页面复制：请选中链接自己复制。',
  shareLinkTooLarge: (kilobytes, limit) =>
    `这张练习单太大，无法做成链接（${kilobytes} KB；一个链接最多 ${limit} KB）。请改为导出文件。`,
  shareLinkCannotOpen: '这个分享链接打不开。',
  shareLinkReasons: {
    corrupt: '链接已损坏：传递途中有些字符被改动或添加了（邮件程序常这样）。请重新索要链接，或完整地复制它。',
    truncated: '链接被截断了：末尾缺了一段，就像长链接被拆成了几行。请复制完整的链接再打开。',
    future: '这个链接由更新版本的手算 RNN 生成，本页读不了。请刷新页面获取最新版本，或者索要练习单文件。',
    tooLarge: '链接太大，打不开：一个链接最多 32 KB，其中的练习单最多 1 MB。请改为索要练习单文件。',
    invalid: '链接里的练习单不符合练习单格式的规则：',
  },
  missingWorksheet: (id, kind) =>
    kind === 'kept'
      ? `这个链接指向的练习单（${id}）没有保存在这个浏览器里：你做的或打开的练习单只保存在做它、打开它的那个浏览器中。请改为索要分享链接或文件。`
      : kind === 'file'
        ? '这个链接显示的文件是在一个已关闭或已刷新的页面里打开的，没有保存下来：请重新打开这个文件。'
        : `手算 RNN 里没有“${id}”这张练习单：链接可能打错了，或来自另一个版本。请从下面选一张。`,

  backwardMistakes: {
    tanhForgotten: (alone) =>
      alone
        ? '这是 c 本身：h = o ⊙ tanh(c) 要先对 c 取 tanh，再乘以 o。'
        : '这是 o ⊙ c：忘了取 tanh。h = o ⊙ tanh(c)。',
    recurrentLeftOut: '这样漏掉了从下一步经 Wᵀ 传回来的那部分。',
    derivativeLeftOut: (fn) => `这样梯度直接穿过了 ${fn}：还要乘以 ${fn} 的导数。`,
    derivativeAtInput: (fn) =>
      fn === 'tanh'
        ? '这是在 tanh 里面的值处求 tanh′：tanh′ = 1 − h²，h 是 tanh 的输出，不是 1 − a²。'
        : '这是在 σ 里面的值处求 σ′：σ′ = s(1 − s)，s 是 σ 的输出，不是 a(1 − a)。',
    derivativeAsFunction: (fn) =>
      fn === 'tanh' ? '这是乘以 tanh 本身：它的导数是 1 − tanh²。' : '这是乘以 σ 本身：它的导数是 σ(1 − σ)。',
    notTransposed: '这是 W 乘以梯度：梯度要经转置 Wᵀ 传回去（第 i 行用 W 的第 i 列）。',
    targetMinusOutput: '这是 目标 − y：(y − 目标)² 的导数是 2(y − 目标)，是输出减目标。',
  },
  practicePass: '练习',
  practicePassForward: '前向传播',
  practicePassBackward: '反向传播（梯度）',
  progressStepBackward: (t, done, total) => (t === 0 ? `h₀ 和 W：${done}/${total}` : `t = ${t}：${done}/${total}`),
  progressStepBackwardLabel: (t, done, total) =>
    t === 0
      ? `∂L/∂h₀ 和各参数的梯度，已完成 ${done}/${total}`
      : `第 ${t} 步的梯度，已完成 ${done}/${total}；跳到它的第一个空格`,
  quizAskGradients: '所有 ∂L/∂h 和某一个矩阵的梯度',
  quizMatrix: '梯度对象',
  quizGradientNote:
    '这里的梯度是 L = Σ_t Σₖ (y_t[k])² 的梯度，即每一步输出的平方和（目标为 0）。LSTM 或 GRU 在这里取 1 或 2 位小数：取 0 位时门值只能写成 0 或 1，那里的斜率为 0。只有一步时，h₀ = 0 使循环矩阵没有梯度，所以改问输入矩阵。',
  decimalsNote: (decimals, carry, cell, hasLoss) =>
    carry === 'rounded'
      ? `数值四舍五入到 ${places(decimals)}，并像在纸上一样用舍入后的值往下算。${ZH.and(['进入求和的乘积', ...(cell === 'lstm' ? ['tanh(c)'] : []), ...(hasLoss ? ['每一步的损失'] : [])])}保留全部位数（最多 ${places(decimals + 2)}），这样每个和都对得上。`
      : `数值显示 ${places(decimals)}；计算按全精度进行。`,
  trainHeading: '一步训练',
  trainIntro: '梯度下降：每个参数沿梯度的反方向走一步，W ← W − η · ∂L/∂W，梯度来自反向传播。然后练习单显示新的数。',
  trainRoundedNote: (decimals) =>
    `这张练习单边算边舍入：更新用的是练习单上写出的梯度，四舍五入到 ${places(decimals)}，新参数则保留全部位数。比最后一位的一半还小的梯度会被舍成 0，所以在这里训练很快就停滞了：这是舍入造成的，不是方法的问题。`,
  trainEta: '学习率 η',
  trainStepButton: '走一步',
  trainSteps: '步数 N',
  trainButton: '训练',
  trainCancel: '取消',
  trainUndo: '回到原来的数',
  trainRandomStart: (seed) => `从较小的随机权重开始（种子 ${seed}）`,
  trainRandomStarted: (seed) =>
    `练习单现在从较小的随机权重开始（种子 ${seed}，每个在 −0.5 到 0.5 之间）：训练它，看分类结果怎样变化。`,
  trainKeep: '保存为新练习单',
  trainedTitle: (title) => `${title}（训练后）`,
  trainEtaEmpty: '请输入学习率：一个大于 0 的数，比如 0.1。',
  trainEtaNotANumber: (text) => `“${text}”不是数：请输入学习率，比如 0.1。`,
  trainEtaNotPositive: (text) => `学习率必须大于 0（${text} 不是）。`,
  trainStepsEmpty: (max) => `请输入训练步数：1 到 ${max} 之间的整数。`,
  trainStepsBad: (text, max) => `“${text}”不是 1 到 ${max} 之间的整数步数。`,
  trainStepsTooMany: (text, max) => `${text} 步太多了：最多 ${max} 步。`,
  trainLossWent: (before, after) => `损失从 ${before} 变为 ${after}。`,
  trainLossAfter: (steps, before, after) => `${ZH.count(steps)} 步之后，损失从 ${before} 变为 ${after}。`,
  trainOverflow: '数值溢出了（损失或某个参数不再是有限数），所以练习单保留原来的数：试试更小的学习率。',
  trainDiverged: (done) =>
    `在第 ${done + 1} 步数值溢出了：某个参数会超过能表示的最大数。练习单保留原来的数；试试更小的学习率。`,
  trainProgress: (done, total) => `训练中：${done}/${total} 步`,
  trainCancelled: (done) => `训练在 ${done} 步后停止；练习单保留原来的数。`,
  trainFailed: (message) => `训练失败：${message}`,
  trainUpdatesHeading: '更新',
  trainUpdateText: (name, before, eta, grad, after) => `${name} ← ${before} − ${eta} · ${grad} = ${after}`,
  trainUpdateTooLarge: (name, rows, cols) => `${name}（${rows}×${cols}）太大，这里写不下；练习单上显示它的新数。`,
  trainClassRight: (count) => `argmax y_t 在全部 ${ZH.count(count)} 步都对：网络对序列的分类与目标一致。`,
  trainClassWrong: (wrong, count) =>
    `argmax y_t 在第 ${ZH.and(wrong.map(ZH.count))} 步（共 ${ZH.count(count)} 步）是错的：还没有分类正确。`,
  lossCurveLabel: (steps, first, last) => `${steps} 步的损失曲线（对数坐标），从 ${first} 到 ${last}`,
  lossCurveStep: '步',
  lossCurveLoss: '损失（对数坐标）',
  gradientPlotTitle: '梯度爆炸与消失：hₜ 上的梯度随时间的变化',
  gradientPlotLabel: (norm) =>
    norm ? '∂L/∂hₜ 的大小 ‖∂L/∂hₜ‖ 随 t 的变化（对数坐标）' : '|∂L/∂hₜ| 随 t 的变化（对数坐标）',
  gradientAxisT: 't',
  gradientAxisValue: (norm) => (norm ? '‖∂L/∂hₜ‖' : '|∂L/∂hₜ|'),
  gradientPointTitle: (t, value) => `t = ${t}：${value}`,
  gradientThisSheet: '本练习单',
  gradientCompareLegend: (title, factor) => (factor === '1' ? title : `${title}，隐藏到隐藏矩阵 ×${factor}`),
  gradientZeroNote: '恰好为 0 的梯度在对数坐标上没有位置（log 0 = −∞）：画成底部的空心点。',
  gradientOverflowNote: '大到超出数值范围的梯度画成顶部的空心点。',
  gradientRoundedNote: '这张练习单用舍入后的值往下算：图上画的是它写出的（舍入后的）值。',
  gradientCompareRoundedNote: (title) => `${title} 用舍入后的值往下算：它的曲线画的是这些值。`,
  gradientValueSlider: (name) => `${name}：从 hₜ₋₁ 到 hₜ 的权重`,
  gradientScaleSlider: '缩放 W_hh：每个隐藏到隐藏矩阵乘以',
  gradientForgetSlider: '遗忘偏置：加到遗忘门的偏置上',
  gradientScaleName: '缩放系数',
  gradientForgetName: '遗忘偏置的增量',
  gradientTyped: (name) => `${name}（手动输入）`,
  gradientReset: '恢复到打开时的练习单',
  gradientCompare: '对照',
  gradientCompareNone: '不对照',
  gradientInputEmpty: (min, max, kept) => `请输入 ${min} 到 ${max} 之间的数。练习单保持 ${kept}。`,
  gradientInputNotANumber: (text, min, max, kept) =>
    `“${text}”不是数：请输入 ${min} 到 ${max} 之间的数，比如 0.5。练习单保持 ${kept}。`,
  gradientInputOutOfRange: (text, min, max, kept) => `${text} 不在 ${min} 到 ${max} 之间。练习单保持 ${kept}。`,
  editorOpen: '编辑',
  editorOpenTitle: '编辑这张练习单：它的数、大小和单元类型',
  editorClose: '关闭',
  editorHeading: '编辑练习单',
  editorUndo: '撤销',
  editorRedo: '重做',
  editorUndoTitle: '撤销（Ctrl+Z）',
  editorRedoTitle: '重做（Ctrl+Shift+Z 或 Ctrl+Y）',
  editorRandomiseAll: '全部随机',
  editorRandomiseAllTitle: '所有权重、偏置和纯数字输入，像测验那样取小整数',
  editorZeroAll: '全部清零',
  editorZeroAllTitle: '所有权重和偏置、h₀ 和 c₀ 都设为 0',
  editorRandomise: '随机',
  editorZero: '清零',
  editorRemove: '移除',
  editorAddBias: (name) => `添加 ${name}`,
  editorBiasesNote: '省略的偏置视为全 0，练习单上不显示。',
  editorValid: '练习单随你的编辑更新。',
  editorInvalid: (count) => `${ZH.count(count)} 个问题：改好之前，练习单显示上一个有效版本。`,
  editorShowingLastValid: '正在显示上一个有效版本：正在编辑的练习单有问题（见编辑器）。',
  editorTitle: '标题',
  editorCell: '单元',
  editorCellNames: { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' },
  editorActivation: '激活函数',
  editorSizes: '大小',
  editorH: 'H（隐藏层）',
  editorI: 'I（输入）',
  editorO: 'O（输出）',
  editorT: '步数',
  editorTooLarge: (sizes) => `${sizes}：比手算的练习单大（编辑器最多显示 8 的网格）。选小一点的大小才能在这里编辑。`,
  editorParameters: '参数',
  editorInputs: '输入',
  editorInputsAsNumbers: '数字',
  editorInputsAsTokens: '词元和词表',
  editorToken: (t) => `第 ${t} 步的词元`,
  editorVocabulary: '词表',
  editorWord: (k) => `第 ${k + 1} 个词`,
  editorAddWord: '添加一个词',
  editorOneHot: '用词元的独热向量作词表',
  editorOneHotTitle: '每个不同的词元一个独热向量；I 变为词的个数',
  editorStates: '初始状态',
  editorReadout: '读出 y',
  editorReadoutOn: '每一步都读出 y',
  editorWithW_hy: '带 W_hy（否则 y = ψ(h)）',
  editorAddB_y: '添加 b_y',
  editorReadoutActivation: '读出的激活函数',
  editorTargets: '目标与损失',
  editorTargetsOn: '目标',
  editorLoss: '损失',
  editorLossNone: '无',
  editorLossNames: {
    squared_error: '平方误差',
    cross_entropy: '交叉熵',
    binary_cross_entropy: '二元交叉熵',
  },
  editorLossAt: '计算于',
  editorLossAtNames: { all: '每一步', last: '最后一步' },
  editorPrecision: '精度',
  editorDecimals: '小数位数',
  editorCarry: '往下算时用',
  editorCarryNames: { exact: '精确值', rounded: '舍入后的值' },
  editorLabels: '显示名',
  editorLabelsNote: '练习单上显示的参数名（留空：用它自己的名字）。',
  editorCellLabel: (grid, row, col, vector) =>
    vector ? `${grid}，第 ${col + 1} 个元素` : `${grid}，第 ${row + 1} 行第 ${col + 1} 列`,
  editorNotANumber: (text) =>
    text.trim() === '' ? '空的；请输入一个数，比如 0.5' : `“${text}”不是数；请输入 0.5 或 −1 这样的数`,
  editorDuplicateWord: (word) => `“${word}”在词表里出现了两次；每个词只写一次`,
  editorPasteClipped: (count, grid) => `粘贴的数中有 ${ZH.count(count)} 个超出了 ${grid}，没有粘贴进去。`,
  editorPasteTooLong: '粘贴的内容比这里任何网格都大得多：什么也没有粘贴。',
  editorProblemsHeading: '问题',
  editorAskCopy: (answers) =>
    `这张练习单有 ${ZH.count(answers)} 个练习答案，是按它现在的数算出来的。你的改动先留在编辑器里；练习单等你选好改到哪里。`,
  editorAskNewCopy: '编辑一份新副本（这一份保留它的答案）',
  editorAskChangeThis: '就改这一份（撤销回这些数时，答案会回来）',
  gradientClosedFormIntro:
    '只有一个隐藏单元、没有激活函数、只在最后一步取平方误差时，每往回一步，梯度都乘以同一个权重：',
  gradientClosedFormSays: (name, size, growth) =>
    growth === 'explodes'
      ? `|${name}| = ${size} > 1：沿时间往回，梯度爆炸。`
      : growth === 'vanishes'
        ? `|${name}| = ${size} < 1：沿时间往回，梯度消失。`
        : `|${name}| = 1：沿时间往回，梯度大小不变。`,
  printButton: '打印…',
  printDialogTitle: '打印讲义',
  printVersionLegend: '版本',
  printBlank: '空白讲义：给出已知量，留空格待填',
  printKey: '答案：每个格子都填好',
  printPaperLegend: '纸张',
  printPaperA4: 'A4（210 × 297 mm）',
  printPaperLetter: 'Letter（8.5 × 11 英寸）',
  printConfirm: '打印',
  printCancel: '取消',
  handoutBlank: '练习单',
  handoutKey: '答案',
  handoutName: '姓名',
  handoutDate: '日期',
  handoutFillIn: (decimals) => `手算出每个空格，保留 ${places(decimals)}。`,
  handoutEquations: '每一步 t：',
  copyKeyMarkdown: '复制答案（Markdown）',
  copyKeyCsv: '复制答案（CSV）',
  answerKeyHeaders: { step: '时间步', quantity: '量', value: '值' },
  answerKeyCopied: (count, format) =>
    `已复制答案：${ZH.count(count)} 个值，格式为 ${format === 'csv' ? 'CSV' : 'Markdown 表格'}。`,
  answerKeyRefused: '浏览器不允许复制。答案在下面：选中后复制（Ctrl+C）。',
  answerKeyText: '答案',
  answerKeyClose: '关闭',
  updateReady: '新版本已就绪。',
  updateReload: '重新加载',
  openInFull: '在新标签页中完整打开',
  cellAtRow: (quantity, row) => `${quantity}，第 ${row} 行`,
  cellAtRowColumn: (quantity, row, column) => `${quantity}，第 ${row} 行第 ${column} 列`,
  cellNamed: (place, value) => `${place}：${value}`,
  shareCellPlace: (weight, t, sum) =>
    sum ? `从第 ${t} 步起累加的 ∂L/∂${weight}` : `第 ${t} 步对 ∂L/∂${weight} 的贡献`,
  sheetHeading: '练习单',
  stepsRegionLabel: '练习单的各个时间步，并排显示',
  answerCellLabel: (place, t) => (t > 0 ? `${place}，待填，第 ${t} 步` : `${place}，待填`),
  locale: 'zh-Hans',
  languageName: '中文',
  languageLabel: '语言',
  pageTitle: (worksheet) => (worksheet === null ? '手算 RNN' : `${worksheet} · 手算 RNN`),
  worksheetTitles: {
    'rnn-by-hand': '手算 RNN（Tom Yeh）',
    'lstm-2-decimals': '手算 LSTM（Guo & Boyd-Graber），第一遍：2 位小数',
    'lstm-1-decimal-rounded': '手算 LSTM（Guo & Boyd-Graber），第二遍：1 位小数，四舍五入',
    'elman-ciao': 'Elman RNN：损失对 h0 的梯度',
    'sentiment-many-to-one': '多对一情感分析（手写笔记）',
    'gru-by-hand': '手算 GRU',
    'kinds-one-to-one': '一对一：一个输入，一个输出（其实没有循环）',
    'kinds-one-to-many': '一对多：t = 1 时一个输入，每一步一个输出',
    'kinds-many-to-one': '多对一：读完整个序列，最后给出答案',
    'kinds-many-to-many': '多对多（对齐）：每个输入一个输出（这里是晚一步的输入）',
    'kinds-encoder': '编码器：把序列读进一个状态',
    'kinds-decoder': '编码器–解码器：解码器从编码器的最后状态出发',
  },
};

export default zh;
