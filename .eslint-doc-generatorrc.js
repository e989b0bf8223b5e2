/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocSectionInclude: ['Rule Details', 'When Not To Use It'],
  ruleDocSectionOptions: true,
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-stateless/eslint-plugin-stateless#configs',
};

export default config;
