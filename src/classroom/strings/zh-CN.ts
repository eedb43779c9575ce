/** The zh-CN strings the classroom's pages use: their own, and the few of the game's they show. */
import strings from '../../../locales/zh-CN/translation.json?classroom';

export { strings };
