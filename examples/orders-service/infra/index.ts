import * as aws from '@pulumi/aws';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const vpcId = config.require('vpcId');
const labels = { app: 'orders' } as const;

export const apiTargetGroup = new aws.lb.TargetGroup('orders-api', {
  port: 8080,
  protocol: 'HTTP',
  targetType: 'ip',
  vpcId,
  healthCheck: { path: '/healthz' },
  stickiness: {
    type: 'lb_cookie',
    cookieDuration: 86_400,
  },
});

// Correct: a stickiness block that says it is off.
export const backofficeTargetGroup = new aws.lb.TargetGroup('orders-backoffice', {
  port: 8080,
  protocol: 'HTTP',
  targetType: 'ip',
  vpcId,
  stickiness: { type: 'lb_cookie', enabled: false },
});

export const service = new k8s.core.v1.Service('orders', {
  metadata: { labels },
  spec: {
    selector: labels,
    ports: [{ port: 80, targetPort: 8080 }],
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 10_800 } },
  },
});

// Correct: the internal service spreads requests over every pod.
export const internalService = new k8s.core.v1.Service('orders-internal', {
  metadata: { labels },
  spec: { selector: labels, ports: [{ port: 8080 }], sessionAffinity: 'None' },
});
