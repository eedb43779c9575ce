/** What the judge says when it cannot or did not read anything, in both languages. */
import type { LocalizedText } from '../text.js';

export const NOTICE_CODES = ['empty', 'binary', 'no-words', 'too-long', 'nothing-recognised', 'unknown-node'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice {
  code: NoticeCode;
  message: LocalizedText;
}

const MESSAGES: Record<NoticeCode, (n: number) => LocalizedText> = {
  empty: () => ({ 'zh-CN': '回复是空的:请写下你要对客户说的话。', en: 'The reply is empty: write what you would say to the customer.' }),
  binary: () => ({ 'zh-CN': '这不是文字(含有二进制或无法识别的字符),没有评判。', en: 'This is not text (it holds binary or unreadable characters), so it was not judged.' }),
  'no-words': () => ({ 'zh-CN': '回复里没有文字(只有表情、数字或符号),没有可评判的内容。', en: 'The reply has no words (only emoji, digits or symbols), so there is nothing to judge.' }),
  'too-long': (n) => ({ 'zh-CN': `回复太长,只评判了前 ${n} 个字符;对客户说话宜简短。`, en: `The reply is very long: only its first ${n} characters were judged. Keep what you say to a customer short.` }),
  'nothing-recognised': () => ({ 'zh-CN': '没有识别出任何原则:这句话可能是在了解事实,也可能换个说法更清楚。', en: 'No principle recognised: the reply may be fact-finding, or it may need clearer wording.' }),
  'unknown-node': () => ({ 'zh-CN': '场景里没有这个节点,无法找出最接近的预设回复。', en: 'The scenario has no such node, so the closest authored reply cannot be found.' }),
};

export function notice(code: NoticeCode, n = 0): Notice {
  return { code, message: MESSAGES[code](n) };
}
