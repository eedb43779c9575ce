/** The en strings the classroom's pages use: their own, and the few of the game's they show. */
import strings from '../../../locales/en/translation.json?classroom';

export { strings };
