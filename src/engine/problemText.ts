/**
 * Problem messages in Chinese. Every message and hint is written once, in English, where it is
 * found; this table reads it back in Chinese, pattern by pattern, so the CLI (`--locale`, LANG)
 * and the game's problem panel can show a trainer the same finding in either language. A message
 * no pattern knows is shown as written (tests/unit/problemText.test.ts keeps that from happening).
 */
import type { Locale } from './text.js';

type Rule = readonly [RegExp, string | ((...m: string[]) => string)];

const TYPE: Record<string, string> = { angry: '生气的客户', silent: '沉默的客户', talkative: '健谈的客户', expert: '内行的客户' };
const type = (t: string) => TYPE[t] ?? t;

/** Fragments the parser and the schema library write; whatever is not here stays in English. */
const YAML: Rule[] = [
  [/^Tabs are not allowed as indentation$/, '缩进里不能有 Tab'],
  [/^Block collections are not allowed within flow collections$/, '{ … } 或 [ … ] 里不能出现分行的内容'],
  [/^Nested mappings are not allowed in compact mappings$/, '一行里不能再嵌套一个“字段: 值”'],
  [/^Missing closing "quote$/, '引号没有闭合'],
  [/^Map keys must be unique$/, '同一层里的字段名不能重复'],
  [/^All mapping items must start at the same column$/, '同一层的字段必须从同一列开始'],
  [/^Implicit map keys need to be followed by map values$/, '字段名后面要有冒号和值'],
];

const ZOD: Rule[] = [
  [/^Invalid input: expected (\w+), received (\w+)$/, '类型不对:应为 $1,实际是 $2'],
  [/^Invalid option: expected one of (.*)$/, '不是可选的值,应为其中之一:$1'],
  [/^Too small: expected (\w+) to be >=?(.*)$/, '太小:应 ≥ $2'],
  [/^Too big: expected (\w+) to be <=?(.*)$/, '太大:应 ≤ $2'],
  [/^ids use lowercase letters, digits and hyphens \(e\.g\. "calm-down"\)$/, 'id 只能用小写字母、数字和连字符(例如 "calm-down")'],
];

const tr = (rules: readonly Rule[], text: string): string | undefined => {
  for (const [re, to] of rules) {
    const m = re.exec(text);
    if (m) return typeof to === 'string' ? text.replace(re, to) : to(...m);
  }
  return undefined;
};

const MESSAGES: Rule[] = [
  [/^YAML: (.*?)(?:; (\d+) more lines? affected)?$/, (_, m, n) => `YAML 语法:${tr(YAML, m!) ?? m}${n ? `;后面另有 ${n} 行因此出错` : ''}`],
  [/^duplicate node id "(.+)": the first is at line (\d+)$/, '节点 id “$1”重复了:第一个在第 $2 行'],
  [/^duplicate id "(.+)": the first is at line (\d+); node and ending ids must all differ$/, 'id “$1”重复了:第一个在第 $2 行;节点和结局的 id 都不能相同'],
  [/^duplicate choice id "(.+)" in node "(.+)": the first is at line (\d+)$/, '节点“$2”里的选项 id “$1”重复了:第一个在第 $3 行'],
  [/^duplicate principle id "(.+)"$/, '原则 id “$1”重复了'],
  [/^"(.+)" is not a meter of the (\w+) customer$/, (_, k, t) => `“${k}”不是${type(t!)}的指标`],
  [/^no choice "(.+)"$/, '没有选项“$1”'],
  [/^no node or ending "(.+)"$/, '没有叫“$1”的节点或结局'],
  [/^no node "(.+)"$/, '没有节点“$1”'],
  [/^no ending "(.+)"$/, '没有结局“$1”'],
  [/^start node "(.+)" does not exist$/, '开始节点“$1”不存在'],
  [/^"(.+)" has been renamed: it now reads as (.+)$/, (_, a, b) => `“${a}”已经改名,现在读作 ${b!.replace(/"/g, '')}`],
  [/^"(.+)" has been renamed to (.+)$/, '“$1”已经改名为 $2'],
  [/^unknown principle "(.+)"$/, '未知的原则“$1”'],
  [/^"(.+)" is tagged twice on this reply$/, '这个回应上“$1”标了两次'],
  [/^the last branch of "next" must have no "when", so some branch is always taken$/, '“next”的最后一个分支不能带“when”,这样总有一个分支可走'],
  [/^"onTimeout" needs a "timeLimit" on the same node$/, '“onTimeout”需要同一个节点上有“timeLimit”'],
  [/^"timeLimit" needs an "onTimeout" saying what happens when time runs out$/, '“timeLimit”需要一个“onTimeout”,写明时间到了会怎样'],
  [/^an? (\w+) customer cannot break off as "(.+)" \(ending "(.+)"\)$/, (_, t, o, e) => `${type(t!)}不会以“${o}”的方式中途离开(结局“${e}”)`],
  [/^an? (\w+) customer can break off \(outcome (.+)\), but no ending has outcome "(.+)"$/, (_, t, o) => `${type(t!)}会中途离开(结局类型 ${o}),但没有哪个结局的 outcome 是“${o}”`],
  [/^no drawn character fits this customer \((.*)\)$/, '没有画好的人物适合这位客户($1)'],
  [/^id "(.+)" is already used by a bundled scenario \((.+)\): the game refuses this file$/, 'id “$1”已被自带场景使用($2):游戏会拒绝载入这个文件'],
  [/^scenario id "(.+)" is also used by (.+)$/, '场景 id “$1”也被 $2 使用了'],
  [/^is a folder, not a scenario file$/, '这是文件夹,不是场景文件'],
  [/^file is (.+) MB; a scenario file may be at most (.+) MB$/, '文件有 $1 MB;场景文件最多 $2 MB'],
  [/^no such file$/, '没有这个文件'],
  [/^cannot read file \((.+)\)$/, '无法读取文件($1)'],
  [/^cannot write the file \((.+)\)$/, '无法写入文件($1)'],
  [/^file is empty$/, '文件是空的'],
  [/^this is not a UTF-8 text file \(binary data found\)$/, '这不是 UTF-8 文本文件(发现了二进制数据)'],
  [/^line is indented (\d+) spaces: data is nested too deeply$/, '这一行缩进了 $1 个空格:数据嵌套太深'],
  [/^data is nested more than (\d+) levels deep$/, '数据嵌套超过了 $1 层'],
  [/^unknown field "(.+)" in (.+)$/, '$2 里有未知字段“$1”'],
  [/^unknown field "(.+)"$/, '未知字段“$1”'],
  [/^(.+): missing \(required\)$/, '$1:缺少(必填)'],
  [/^(.+): expected text, as a string or as \{ zh-CN: …, en: … \}$/, '$1:应为文字,写成字符串或 { zh-CN: …, en: … }'],
  [/^(.+): expected a node id, or a list of \{ when: …, to: node-id \}$/, '$1:应为节点 id,或 { when: …, to: 节点id } 的列表'],
  [/^(.+): expected a principle id, or \{ id: …, weight: … \}$/, '$1:应为原则 id,或 { id: …, weight: … }'],
  [/^(.+): expected 1 \(introductory\), 2 \(intermediate\) or 3 \(hard\)$/, '$1:应为 1(入门)、2(中级)或 3(困难)'],
  [/^node "(.+)" can never be reached from "(.+)"$/, '从“$2”永远走不到节点“$1”'],
  [/^ending "(.+)" can never be reached$/, '永远走不到结局“$1”'],
  [/^from node "(.+)" no ending can be reached: the talk goes round (.+) for ever$/, '从节点“$1”走不到任何结局:对话在 $2 之间无限打转'],
  [/^node "(.+)" is a dead end$/, '节点“$1”是死路'],
  [/^a reply in "(.+)" practises or violates no principle, so it earns nothing and teaches nothing$/, '“$1”里有个回应没有做到也没有违反任何原则:既不得分,也教不了什么'],
  [/^letting the time run out in "(.+)" is tagged with no principle, so it scores as the worst reply on offer$/, '“$1”里让时间耗尽没有标任何原则,因此按最差的回应计分'],
  [/^every reply in "(.+)" scores the same, so this decision teaches nothing$/, '“$1”里每个回应得分都一样:这一步教不了什么'],
  [/^the text ends at " #": YAML reads the rest \("(.*)"\) as a comment$/, '文字在“ #”处断了:YAML 把后面的内容(“$1”)当成了注释'],
  [/^(\w+) has no (.+) text$/, (_, k, l) => `${k} 缺少 ${l!.replace(' or ', ' 或 ')} 文字`],
  [/^in "(.+)", the customer takes (.+) clearly worse than (.+) \(mood (.+) vs (.+), customer (.+)\), yet it scores higher \((.+) vs (.+)\)$/, (_, n, a, b, x, y, st, p, q) => `在“${n}”,客户对${side(a!)}的反应明显比对${side(b!)}差(心情 ${x} 对 ${y},客户状态 ${st}),得分却更高(${p} 对 ${q})`],
  [/^the score\/customer check stopped after (\d+) states$/, '得分与客户反应的一致性检查在 $1 个状态后停止'],
  [/^the best-scoring path ends "(.+)" \(via (.+)\)$/, '得分最高的走法以“$1”结束(依次选 $2)'],
  [/^even the worst-scoring path ends "(.+)" \(via (.+)\)$/, '连得分最低的走法也以“$1”结束(依次选 $2)'],
  [/^no way of playing reaches ending "(.+)" \(the conditions on the way never hold\)$/, '怎么玩都到不了结局“$1”(沿途的条件永远不成立)'],
  [/^no way of playing reaches ending "(.+)" \(on every route the customer breaks off or the talk ends before it\)$/, '怎么玩都到不了结局“$1”(每条路线上,客户都先离开了或对话先结束了)'],
  [/^at node "(.+)" the trainee can be left with no reply to choose: every choice's "when" fails$/, '在节点“$1”,学员可能无回应可选:每个选项的“when”都不成立'],
  [/^a conversation can go round (.+) for ever: the customer never breaks off and no ending comes$/, '对话可能在 $1 之间无限打转:客户不离开,也到不了结局'],
  [/^the path search was thinned \((\d+) states\): best and worst paths are estimates$/, '路线搜索做了近似($1 个状态):最好和最差的走法只是估计'],
  [/^the best reply is always choice (.+): trainees learn the key, not the principle$/, '最好的回应总是第 $1 个:学员记住的是按键,不是原则'],
  [/^an? (\w+) customer reacts most to (.+), but no reply here uses (?:them|it)$/, (_, t, l) => `${type(t!)}最在意 ${l}，但这里没有任何回应做到或违反它们`],
  [/^ending "(.+)" \((.+)\) can be reached although (\d+) of its (\d+) replies break a principle \(via (.+)\): the mistakes cost the trainee nothing$/, '结局“$1”($2)在 $4 个回应里有 $3 个违反原则时也能达到(依次选 $5):犯错没有代价'],
  [/^in "(.+)", (reply \d+|letting the time run out) scores best, yet the customer breaks off right after it \(ending "(.+)"\)$/, (_, n, r, e) => `在“${n}”,${side(r!)}得分最高,客户却在它之后立刻离开(结局“${e}”)`],
  [/^(.+), without reading, scores (.+): a trainee who has not understood the principles can do well here$/, (_, how, s) => `不读内容、${AUDIT_HOW[how!] ?? how},得分 ${s}:没弄懂原则的学员在这里也能得高分`],
  [/^reply (\d+) in "(.+)" has a stage direction, (.+): how a reply is delivered gives the answer away$/, '“$2”的第 $1 个回应带了舞台提示 $3:怎么说出口泄露了答案'],
];

const AUDIT_HOW: Record<string, string> = {
  'picking the longest reply every time': '每次都选最长的回应',
  'picking the shortest reply every time': '每次都选最短的回应',
  'picking the reply with the most courtesy words (您, 请, sorry, thank you …) every time': '每次都选礼貌用语(您、请、sorry、thank you …)最多的回应',
};

const side = (s: string) => (s === 'letting the time run out' ? '让时间耗尽' : s.replace(/^reply (\d+)$/, '第 $1 个回应'));

const HINTS: Rule[] = [
  [/^indent with spaces, not tabs: set your editor to insert spaces$/, '用空格缩进,不要用 Tab:把编辑器设成按 Tab 插入空格'],
  [/^an ASCII colon followed by a space inside (\{ … \}|text) starts a new field: put the text in quotes, or use a Chinese colon \((.)\)$/, (_, w, c) => `${w === 'text' ? '文字' : '{ … }'}里的英文冒号加空格会开始一个新字段:给文字加引号,或改用中文冒号(${c})`],
  [/^a comma inside \{ … \} ends the text there: put the text in quotes, or use a Chinese comma \((.)\)$/, '{ … } 里的英文逗号会把文字截断:给文字加引号,或改用中文逗号($1)'],
  [/^check the spelling against the schema$/, '对照格式说明检查拼写'],
  [/^aliases \(\*name\) may be used only a few times$/, '别名(*name)只能用几次'],
  [/^start from `dojo new` or a bundled scenario$/, '可以从 `dojo new` 或某个自带场景开始'],
  [/^use one of: (.+)$/, '可用的有:$1'],
  [/^refer to a choice as "node-id\.choice-id", and give that choice an id$/, '用“节点id.选项id”指代选项,并给那个选项加上 id'],
  [/^tag the reply with the one\(s\) it really practises: (.+)$/, '给回应标上它真正做到的那一条(或几条):$1'],
  [/^tag the reply with (.+)$/, '给回应标上 $1'],
  [/^list (.+) instead$/, '改为列出 $1'],
  [/^did you mean "(.+)"\?$/, '是不是想写“$1”?'],
  [/^give it once, with a weight if it matters more$/, '只标一次;更重要的话加上 weight'],
  [/^point breakdown at an ending with outcome (.+)$/, (_, o) => `让 breakdown 指向 outcome 为 ${o!.replace(/ or /g, ' 或 ')} 的结局`],
  [/^add an ending with outcome: (.+)$/, '加一个 outcome: $1 的结局'],
  [/^nearest: (.+)$/, '最接近的:$1'],
  [/^give yours another id$/, '给你的场景换一个 id'],
  [/^point a choice's "next" at it, or delete it$/, '让某个选项的“next”指向它,或者删掉它'],
  [/^give at least one reply a "next" that leads to an ending$/, '至少让一个回应的“next”通向某个结局'],
  [/^tag it with the principles it honours or breaks; npx dojo principles lists them$/, '标上它做到或违反的原则;npx dojo principles 列出全部原则'],
  [/^tag it with what the silence means here: (.+)$/, '标上这里的沉默意味着什么:例如问题悬着不答用 no-answer,安静的客户需要停顿时用 show-patience'],
  [/^tag the better reply with the principle it honours, or the worse with the one it breaks$/, '给较好的回应标上它做到的原则,或给较差的回应标上它违反的原则'],
  [/^put the whole text in quotes$/, '给整段文字加上引号'],
  [/^add (zh-CN|en): "…"(?: and (zh-CN|en): "…")?$/, (m) => `补上 ${m.slice(4)}`],
  [/^check both replies' tags against what they say; (.+)$/, '对照两个回应的内容检查它们的原则标注;如果这里客户的反应本就该与得分相反,给回应加一个 moodException 说明原因'],
  [/^a smaller scenario is checked in full$/, '场景小一些就能完整检查'],
  [/^a smaller scenario is searched exactly$/, '场景小一些就能精确搜索'],
  [/^let the best replies lead to a won-back or resolved ending$/, '让最好的回应通向 won-back 或 resolved 结局'],
  [/^let the worst replies lead to an unresolved, escalated or left-silently ending$/, '让最差的回应通向 unresolved、escalated 或 left-silently 结局'],
  [/^check the "when" conditions that lead here against the meters the customer can reach \(npx dojo paths\)$/, '对照客户指标能达到的数值,检查通向这里的“when”条件(npx dojo paths)'],
  [/^give one choice no "when", or add a timeLimit with onTimeout$/, '让一个选项不带“when”,或加上 timeLimit 和 onTimeout'],
  [/^let a reply that repeats a mistake lead to an ending the second time (.*)$/, '让重复犯错的回应第二次时通向一个结局 $1'],
  [/^move the best reply to different places in different nodes$/, '在不同节点里把最好的回应放在不同位置'],
  [/^offer a reply that practises or violates (.+)$/, '加一个做到或违反 $1 的回应'],
  [/^let a route with several mistakes lead to a worse ending, (.+)$/, '让犯了几次错的路线通向更差的结局,$1'],
  [/^soften the effects of the model reply, or move the customer further from their limit earlier on$/, '减弱示范回应的 effects,或在前面让客户离忍耐的极限远一些'],
  [/^(.+); npx dojo audit (.+) shows where$/, '把好回应和差回应写得一样长、一样客气;npx dojo audit $2 会指出是哪里'],
  [/^this reply is an action, not words: (.+)$/, '这个回应是动作而不是话:把对的和错的动作描述得一样平实,或写出要说的话'],
  [/^let the words carry the manner, or drop the direction (.+)$/, '让话语本身体现态度,或去掉舞台提示(节点的 note 可以交代场景)'],
];

export interface ProblemText {
  message: string;
  hint?: string;
}

/** A problem's message and hint in `locale`; `translated` is false when some part had no Chinese. */
export function problemText(p: ProblemText, locale: Locale): ProblemText & { translated: boolean } {
  if (locale === 'en') return { ...p, translated: true };
  const field = /^([^:]+): (.*)$/.exec(p.message);
  const zod = field ? tr(ZOD, field[2]!) : undefined;
  const message = tr(MESSAGES, p.message) ?? (zod === undefined ? undefined : `${field![1]}:${zod}`);
  const hint = p.hint === undefined ? undefined : tr(HINTS, p.hint);
  return { message: message || p.message, ...(p.hint !== undefined ? { hint: hint ?? p.hint } : {}), translated: !!message && (p.hint === undefined || hint !== undefined) };
}
