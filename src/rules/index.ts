import type { TSESLint } from '@typescript-eslint/utils';
import noLocalFsWrites from './no-local-fs-writes.js';
import noMutableModuleState from './no-mutable-module-state.js';
import noProcessLocalStore from './no-process-local-store.js';
import noRuntimeAssetCompilation from './no-runtime-asset-compilation.js';
import noStickySessions from './no-sticky-sessions.js';

/** Every rule of the plugin, keyed by its name without the `stateless/` prefix. */
export const rules = {
  'no-local-fs-writes': noLocalFsWrites,
  'no-mutable-module-state': noMutableModuleState,
  'no-process-local-store': noProcessLocalStore,
  'no-runtime-asset-compilation': noRuntimeAssetCompilation,
  'no-sticky-sessions': noStickySessions,
} satisfies Record<string, TSESLint.AnyRuleModule>;
