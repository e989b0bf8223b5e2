import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { readSettings } from '../../src/util/settings.js';

describe('readSettings', () => {
  it('checks no extra role by default', () => {
    expect([...readSettings(undefined).checkRoles]).toEqual([]);
    expect([...readSettings({}).checkRoles]).toEqual([]);
    expect([...readSettings({ stateless: {} }).checkRoles]).toEqual([]);
  });

  it('reads the roles to check', () => {
    expect([...readSettings({ stateless: { checkRoles: ['browser', 'test'] } }).checkRoles]).toEqual(['browser', 'test']);
  });

  it('refuses values that would silently check too little, naming the setting and the roles', () => {
    expect(() => readSettings({ stateless: { checkRoles: ['brwoser'] } })).toThrow(
      "eslint-plugin-stateless: settings.stateless.checkRoles has the unknown role 'brwoser'; the roles are vendored, browser, test, tool, infrastructure",
    );
    expect(() => readSettings({ stateless: { checkRoles: 'browser' } })).toThrow(/must be an array of file roles/u);
    expect(() => readSettings({ stateless: { checkRoles: ['service'] } })).toThrow(/unknown role 'service'/u);
    expect(() => readSettings({ stateless: true })).toThrow('eslint-plugin-stateless: settings.stateless must be an object, got true');
  });

  it('reads the require wrappers, none by default', () => {
    expect([...readSettings(undefined).requireWrappers]).toEqual([]);
    expect([...readSettings({ stateless: { requireWrappers: ['safeRequire', 'optional$'] } }).requireWrappers]).toEqual(['safeRequire', 'optional$']);
  });

  it('refuses require wrappers that are not function names', () => {
    expect(() => readSettings({ stateless: { requireWrappers: 'safeRequire' } })).toThrow(
      'eslint-plugin-stateless: settings.stateless.requireWrappers must be an array of function names, got \'safeRequire\'',
    );
    expect(() => readSettings({ stateless: { requireWrappers: ['utils.safeRequire'] } })).toThrow(/lists 'utils.safeRequire', which is not the name of a function/u);
    expect(() => readSettings({ stateless: { requireWrappers: ['require'] } })).toThrow(/lists 'require'/u);
    expect(() => readSettings({ stateless: { requireWrappers: [42] } })).toThrow(/lists 42/u);
  });
});

/** The rule ids the recommended config reports for `code` saved as `filename`, under `settings`. */
function reported(code: string, filename: string, settings?: Record<string, unknown>): string[] {
  const config: Linter.Config[] = [...plugin.configs.recommended, ...(settings ? [{ settings }] : [])];
  return new Linter({ configType: 'flat' })
    .verify(code, config, filename)
    .map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const BROWSER_STATE = `let drawing = false;
document.addEventListener('mousedown', () => { drawing = true; });
`;

const STICKY_CDK = `import { aws_elasticloadbalancingv2 as elbv2, Duration } from 'aws-cdk-lib';
let created = 0;
export function targets(scope, vpc) {
  created += 1;
  return new elbv2.ApplicationTargetGroup(scope, 'T', { vpc, port: 80, stickinessCookieDuration: Duration.hours(1) });
}
`;

describe('the file-role gate in every rule', () => {
  it('skips browser code and checks it when settings ask', () => {
    expect(reported(BROWSER_STATE, 'src/draw.js')).toEqual([]);
    expect(reported(BROWSER_STATE, 'src/draw.js', { stateless: { checkRoles: ['browser'] } })).toEqual(['stateless/no-mutable-module-state']);
  });

  it('checks infrastructure code with no-sticky-sessions only, unless settings ask for every rule', () => {
    expect(reported(STICKY_CDK, 'stack/balancer.js')).toEqual(['stateless/no-sticky-sessions']);
    expect(reported(STICKY_CDK, 'stack/balancer.js', { stateless: { checkRoles: ['infrastructure'] } }).sort()).toEqual([
      'stateless/no-mutable-module-state',
      'stateless/no-sticky-sessions',
    ]);
  });

  it('stops with a clear message on a wrong setting', () => {
    expect(() => reported(BROWSER_STATE, 'src/draw.js', { stateless: { checkRoles: ['nope'] } })).toThrow(/settings\.stateless\.checkRoles has the unknown role 'nope'/u);
  });
});
