/**
 * The options module handed to `ESLint.fromOptionsModule`. ESLint imports it in the main thread
 * and again in every worker thread; the parameters travel in this module's own URL (see
 * `params.ts`), so each thread builds the same, non-cloneable config (parsers, plugin objects).
 */
import { createEslintOptions } from './config.js';
import { paramsFromModuleUrl } from './params.js';

export default createEslintOptions(paramsFromModuleUrl(import.meta.url));
