import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from '../../analysis/const-binding.js';
import { findProperty, getStaticExpressionValue, getStaticKeyName, resolveObjectSource, type PropertyLookup } from '../../analysis/options-object.js';
import { unwrapExpression } from '../../analysis/unwrap.js';

/**
 * Load-balancer stickiness written as infrastructure code (AWS CDK, Pulumi, CDKTF, cdk8s, plain
 * Kubernetes objects). Facts and sources: shared/reference/library-catalog.md §1.5.
 *
 * How an object is recognised as infrastructure without type information: every check keys on a
 * property name or attribute string that only these APIs use (`stickinessCookieDuration`,
 * `clientAffinityEnabled`, `'stickiness.enabled'`, the ingress annotation names) AND on a value
 * that only they accept (`'ClientIP'`, the Google Cloud affinity enum, `'lb_cookie'`, ...).
 * `sessionAffinity: true` is the one shape an application object could also have, so it is
 * reported only with more evidence: the file imports a Google Cloud infrastructure package, or
 * the object is a Cloud Run revision template (it has `containers`).
 */

/** A stickiness setting found in the file, with the one edit that switches it off when there is one. */
export interface StickinessFinding {
  readonly node: TSESTree.Node;
  /** Names the platform and the setting, for the message. */
  readonly setting: string;
  readonly fix?: { readonly node: TSESTree.Node; readonly replacement: string };
  /** Needs evidence that the file is Google Cloud infrastructure (`sessionAffinity: true`). */
  readonly needsGoogleCloudEvidence?: boolean;
}

/** Target-group stickiness types of AWS (`stickiness.type`; Pulumi/Terraform `stickiness.type`). */
const AWS_STICKINESS_TYPES: ReadonlySet<string> = new Set([
  'lb_cookie',
  'app_cookie',
  'source_ip',
  'source_ip_dest_ip',
  'source_ip_dest_ip_proto',
]);

/** Google Cloud backend-service affinities other than `NONE` (compute `sessionAffinity`, GKE `affinityType`). */
const GOOGLE_CLOUD_AFFINITIES: ReadonlySet<string> = new Set([
  'CLIENT_IP',
  'CLIENT_IP_PORT_PROTO',
  'CLIENT_IP_PROTO',
  'CLIENT_IP_NO_DESTINATION',
  'GENERATED_COOKIE',
  'HEADER_FIELD',
  'HTTP_COOKIE',
  'STRONG_COOKIE_AFFINITY',
]);

const NGINX_AFFINITY = 'nginx.ingress.kubernetes.io/affinity';
const ALB_TARGET_GROUP_ATTRIBUTES = 'alb.ingress.kubernetes.io/target-group-attributes';
const TRAEFIK_STICKY_COOKIE = 'traefik.ingress.kubernetes.io/service.sticky.cookie';
const ANNOTATION_KEYS: ReadonlySet<string> = new Set([NGINX_AFFINITY, ALB_TARGET_GROUP_ATTRIBUTES, TRAEFIK_STICKY_COOKIE]);
/** Every key `checkInfrastructureProperty` inspects. */
const INFRASTRUCTURE_KEYS: ReadonlySet<string> = new Set([
  'stickinessCookieDuration',
  'stickiness',
  'sessionAffinity',
  'clientAffinityEnabled',
  'cookieBasedAffinity',
  'sessionAffinityState',
  'sessionStickinessEnabled',
  'stickySessions',
  'appCookieStickinessPolicy',
  'lbCookieStickinessPolicy',
  'key',
  'Key',
  'optionName',
  'OptionName',
  'name',
  ...ANNOTATION_KEYS,
]);
const STICKINESS_ENABLED_ATTRIBUTE = /(?:^|,)\s*stickiness\.enabled\s*=\s*true\s*(?:,|$)/u;

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `'Enabled'` or an enum member spelled that way (`ApplicationGatewayCookieBasedAffinity.Enabled`). */
function hasEnumValue(sourceCode: SourceCode, node: TSESTree.Node, expected: string): boolean {
  const value = getStaticExpressionValue(sourceCode, node);
  if (value) return typeof value.value === 'string' && value.value.toLowerCase() === expected.toLowerCase();
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = ASTUtils.getPropertyName(expression, sourceCode.getScope(expression));
  return name !== null && name.toLowerCase() === expected.toLowerCase();
}

function isTrue(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = getStaticExpressionValue(sourceCode, node);
  return value?.value === true || value?.value === 'true';
}

/** The replacement literal in the quote style of the literal it replaces; no fix unless the value is written right there. */
function literalFix(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  replacement: string | boolean,
): StickinessFinding['fix'] {
  const literal = unwrapExpression(node);
  if (literal.type !== AST_NODE_TYPES.Literal) return undefined;
  if (typeof replacement === 'boolean') return { node: literal, replacement: String(replacement) };
  const quote = sourceCode.getText(literal).startsWith('"') ? '"' : "'";
  return { node: literal, replacement: `${quote}${replacement}${quote}` };
}

/**
 * The value is set for sure: a `Duration` built by a call, a literal, an object; `a ?? b` with a
 * set `b`. A parameter or a property of props may be `undefined`, so it is not.
 */
function isDefinitelySet(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const value = resolveToDefinition(sourceCode, node);
  switch (value.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.Literal:
      return value.value !== null;
    case AST_NODE_TYPES.LogicalExpression:
      return value.operator !== '&&' && isDefinitelySet(sourceCode, value.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isDefinitelySet(sourceCode, value.consequent, depth + 1) && isDefinitelySet(sourceCode, value.alternate, depth + 1);
    default:
      return false;
  }
}

function siblingLookup(sourceCode: SourceCode, property: TSESTree.Property, keys: readonly string[]): PropertyLookup {
  const object = { kind: 'object', node: property.parent as TSESTree.ObjectExpression } as const;
  for (const key of keys) {
    const lookup = findProperty(sourceCode, object, key);
    if (lookup.kind !== 'absent') return lookup;
  }
  return { kind: 'absent' };
}

/** Pulumi / CDKTF `stickiness: { type, enabled?, cookieDuration? }` on a target group: `enabled` defaults to true. */
function targetGroupStickiness(sourceCode: SourceCode, property: TSESTree.Property): StickinessFinding | undefined {
  const block = resolveObjectSource(sourceCode, property.value);
  if (block.kind !== 'object') return undefined;
  const type = findProperty(sourceCode, block, 'type');
  const typeValue = type.kind === 'present' ? getStaticExpressionValue(sourceCode, type.value) : undefined;
  const isAwsType = typeof typeValue?.value === 'string' && AWS_STICKINESS_TYPES.has(typeValue.value);
  const hasCookieSetting = ['cookieDuration', 'cookieName'].some((key) => findProperty(sourceCode, block, key).kind === 'present');
  if (!isAwsType && !hasCookieSetting) return undefined;
  const enabled = findProperty(sourceCode, block, 'enabled');
  const setting = 'Target-group `stickiness` (Pulumi / Terraform, enabled unless `enabled: false`)';
  if (enabled.kind === 'absent') return { node: property, setting };
  if (enabled.kind === 'unknown') return undefined;
  const value = getStaticExpressionValue(sourceCode, enabled.value);
  if (value?.value !== true) return undefined;
  const fix = literalFix(sourceCode, enabled.value, false);
  return fix ? { node: property, setting, fix } : { node: property, setting };
}

function sessionAffinity(sourceCode: SourceCode, property: TSESTree.Property): StickinessFinding | undefined {
  const value = getStaticExpressionValue(sourceCode, property.value);
  if (value?.value === 'ClientIP') {
    return withFix({ node: property, setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" }, literalFix(sourceCode, property.value, 'None'));
  }
  if (typeof value?.value === 'string' && GOOGLE_CLOUD_AFFINITIES.has(value.value)) {
    const setting = `Google Cloud backend service \`sessionAffinity: '${value.value}'\``;
    return withFix({ node: property, setting }, literalFix(sourceCode, property.value, 'NONE'));
  }
  if (value?.value === true) {
    const finding: StickinessFinding = {
      node: property,
      setting: 'Cloud Run / App Engine `sessionAffinity: true`',
      needsGoogleCloudEvidence: !hasSibling(sourceCode, property, 'containers'),
    };
    return withFix(finding, literalFix(sourceCode, property.value, false));
  }
  // GKE BackendConfig: `sessionAffinity: { affinityType: 'GENERATED_COOKIE', affinityCookieTtlSec }`.
  const block = resolveObjectSource(sourceCode, property.value);
  const affinityType = findProperty(sourceCode, block, 'affinityType');
  if (affinityType.kind !== 'present') return undefined;
  const type = getStaticExpressionValue(sourceCode, affinityType.value)?.value;
  if (typeof type !== 'string' || !GOOGLE_CLOUD_AFFINITIES.has(type)) return undefined;
  return withFix(
    { node: property, setting: `GKE BackendConfig \`sessionAffinity.affinityType: '${type}'\`` },
    literalFix(sourceCode, affinityType.value, 'NONE'),
  );
}

function hasSibling(sourceCode: SourceCode, property: TSESTree.Property, key: string): boolean {
  return siblingLookup(sourceCode, property, [key]).kind === 'present';
}

function withFix(finding: StickinessFinding, fix: StickinessFinding['fix']): StickinessFinding {
  return fix ? { ...finding, fix } : finding;
}

/**
 * `{ key: 'stickiness.enabled', value: 'true' }` (CDK L1 target-group attributes; CloudFormation
 * `Key`/`Value`) and the Elastic Beanstalk option `StickinessEnabled` (CDK `optionName`,
 * CloudFormation `OptionName`, Pulumi / CDKTF `name` next to a `namespace`).
 */
function keyValueAttribute(sourceCode: SourceCode, property: TSESTree.Property, name: string): StickinessFinding | undefined {
  // `name`/`key` properties are everywhere: fold only values that can be a string constant, and a
  // `name` only next to a `namespace` (the one shape where it names a Beanstalk option).
  if (!mayFoldToString(property.value)) return undefined;
  if (name === 'name' && !hasSibling(sourceCode, property, 'namespace')) return undefined;
  const attribute = stringConstant(sourceCode, property.value);
  const isTargetGroupKey = (name === 'key' || name === 'Key') && attribute === 'stickiness.enabled';
  const isBeanstalkOption =
    attribute === 'StickinessEnabled' &&
    (name === 'optionName' || name === 'OptionName' || (name === 'name' && hasSibling(sourceCode, property, 'namespace')));
  if (!isTargetGroupKey && !isBeanstalkOption) return undefined;
  const value = siblingLookup(sourceCode, property, name === 'Key' || name === 'OptionName' ? ['Value'] : ['value']);
  if (value.kind !== 'present' || !isTrue(sourceCode, value.value)) return undefined;
  const setting = isTargetGroupKey
    ? "Target-group attribute `stickiness.enabled: 'true'`"
    : "Elastic Beanstalk option `StickinessEnabled: 'true'`";
  const literal = unwrapExpression(value.value);
  const replacement = literal.type === AST_NODE_TYPES.Literal && literal.value === true ? false : 'false';
  return withFix({ node: value.property, setting }, literalFix(sourceCode, value.value, replacement));
}

/** The folded value of a string-like expression; a string literal is read without a scope lookup. */
function stringConstant(sourceCode: SourceCode, node: TSESTree.Node): unknown {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  return getStaticExpressionValue(sourceCode, value)?.value;
}

function mayFoldToString(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+';
    default:
      return false;
  }
}

/** An ingress / service annotation that turns on affinity, as an object entry or an `addAnnotation(key, value)` call. */
export function annotationSetting(sourceCode: SourceCode, key: string, value: TSESTree.Node): string | undefined {
  // Every object property of the file comes through here: fold the value only for the few keys that matter.
  if (!ANNOTATION_KEYS.has(key)) return undefined;
  const text = getStaticExpressionValue(sourceCode, value)?.value;
  if (typeof text !== 'string') return undefined;
  if (key === NGINX_AFFINITY && text === 'cookie') return "ingress-nginx annotation `nginx.ingress.kubernetes.io/affinity: 'cookie'`";
  if (key === ALB_TARGET_GROUP_ATTRIBUTES && STICKINESS_ENABLED_ATTRIBUTE.test(text)) {
    return 'AWS Load Balancer Controller annotation `target-group-attributes: stickiness.enabled=true`';
  }
  if (key === TRAEFIK_STICKY_COOKIE && text === 'true') return "Traefik annotation `service.sticky.cookie: 'true'`";
  return undefined;
}

function enabledFlag(
  sourceCode: SourceCode,
  property: TSESTree.Property,
  setting: string,
  enabledValue: string | true,
  disabledValue: string | false,
): StickinessFinding | undefined {
  const matches =
    enabledValue === true ? getStaticExpressionValue(sourceCode, property.value)?.value === true : hasEnumValue(sourceCode, property.value, enabledValue);
  if (!matches) return undefined;
  return withFix({ node: property, setting }, literalFix(sourceCode, property.value, disabledValue));
}

/** Azure Container Apps `stickySessions: { affinity: 'sticky' }`. */
function containerAppsStickySessions(sourceCode: SourceCode, property: TSESTree.Property): StickinessFinding | undefined {
  const affinity = findProperty(sourceCode, resolveObjectSource(sourceCode, property.value), 'affinity');
  if (affinity.kind !== 'present' || !hasEnumValue(sourceCode, affinity.value, 'sticky')) return undefined;
  return withFix(
    { node: property, setting: "Azure Container Apps `stickySessions: { affinity: 'sticky' }`" },
    literalFix(sourceCode, affinity.value, 'none'),
  );
}

/** Classic ELB `appCookieStickinessPolicy` / `lbCookieStickinessPolicy` with at least one policy. */
function classicElbPolicy(sourceCode: SourceCode, property: TSESTree.Property, name: string): StickinessFinding | undefined {
  const value = resolveToDefinition(sourceCode, property.value);
  if (value.type !== AST_NODE_TYPES.ArrayExpression || value.elements.length === 0) return undefined;
  return { node: property, setting: `Classic Load Balancer \`${name}\`` };
}

/** Checks one `key: value` entry of an object literal. */
export function checkInfrastructureProperty(sourceCode: SourceCode, property: TSESTree.Property): StickinessFinding | undefined {
  if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const name = getStaticKeyName(sourceCode, property);
  // Every object property of the file comes through here: look further only at the few keys that matter.
  if (name === undefined || !INFRASTRUCTURE_KEYS.has(name)) return undefined;
  switch (name) {
    case 'stickinessCookieDuration':
      // CDK sets `stickiness.enabled=false` explicitly when the prop is absent (application-target-group.js).
      return isDefinitelySet(sourceCode, property.value) ? { node: property, setting: 'AWS CDK `stickinessCookieDuration`' } : undefined;
    case 'stickiness':
      return targetGroupStickiness(sourceCode, property);
    case 'sessionAffinity':
      return sessionAffinity(sourceCode, property);
    case 'clientAffinityEnabled':
      return enabledFlag(sourceCode, property, 'Azure App Service `clientAffinityEnabled: true`', true, false);
    case 'cookieBasedAffinity':
      return enabledFlag(sourceCode, property, "Azure Application Gateway `cookieBasedAffinity: 'Enabled'`", 'Enabled', 'Disabled');
    case 'sessionAffinityState':
      return enabledFlag(sourceCode, property, "Azure Front Door `sessionAffinityState: 'Enabled'`", 'Enabled', 'Disabled');
    case 'sessionStickinessEnabled':
      return enabledFlag(sourceCode, property, 'Lightsail load balancer `sessionStickinessEnabled: true`', true, false);
    case 'stickySessions':
      return containerAppsStickySessions(sourceCode, property);
    case 'appCookieStickinessPolicy':
    case 'lbCookieStickinessPolicy':
      return classicElbPolicy(sourceCode, property, name);
    case 'key':
    case 'Key':
    case 'optionName':
    case 'OptionName':
    case 'name':
      return keyValueAttribute(sourceCode, property, name);
    default: {
      const setting = annotationSetting(sourceCode, name, property.value);
      return setting ? { node: property, setting } : undefined;
    }
  }
}

function argumentAt(call: TSESTree.CallExpression, index: number): TSESTree.Node | undefined {
  for (let position = 0; position <= index; position++) {
    if (call.arguments[position]?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  }
  return call.arguments[index];
}

/** Method names `checkInfrastructureCall` looks at; every other call is skipped before any scope lookup. */
const INFRASTRUCTURE_METHODS: ReadonlySet<string> = new Set(['enableCookieStickiness', 'setAttribute', 'addAnnotation']);

/**
 * `ASTUtils.getPropertyName` of a member expression, without its scope lookup when the name is
 * written as an identifier (nearly every call): only a computed key needs the scope to be folded.
 */
export function memberPropertyName(sourceCode: SourceCode, member: TSESTree.MemberExpression): string | null {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
  return ASTUtils.getPropertyName(member, sourceCode.getScope(member));
}

/**
 * `tg.enableCookieStickiness(...)`, `tg.setAttribute('stickiness.enabled', 'true')`,
 * `metadata.addAnnotation(key, value)`, given the callee's method name (`memberPropertyName`).
 */
export function checkInfrastructureMethodCall(sourceCode: SourceCode, call: TSESTree.CallExpression, method: string | null): StickinessFinding | undefined {
  if (method === null || !INFRASTRUCTURE_METHODS.has(method)) return undefined;
  if (method === 'enableCookieStickiness') return { node: call, setting: 'AWS CDK `enableCookieStickiness()`' };
  if (method !== 'setAttribute' && method !== 'addAnnotation') return undefined;
  const key = argumentAt(call, 0);
  const value = argumentAt(call, 1);
  if (!key || !value) return undefined;
  const keyText = getStaticExpressionValue(sourceCode, key)?.value;
  if (typeof keyText !== 'string') return undefined;
  if (method === 'setAttribute' && keyText === 'stickiness.enabled' && isTrue(sourceCode, value)) {
    return withFix({ node: call, setting: "AWS CDK `setAttribute('stickiness.enabled', 'true')`" }, literalFix(sourceCode, value, 'false'));
  }
  if (method === 'addAnnotation') {
    const setting = annotationSetting(sourceCode, keyText, value);
    return setting ? { node: call, setting } : undefined;
  }
  return undefined;
}
