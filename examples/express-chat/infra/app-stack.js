'use strict';

const { Stack, Duration } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');

class ChatStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { isDefault: true });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true });
    const listener = alb.addListener('Https', { port: 443, certificates: props.certificates });

    const chat = new elbv2.ApplicationTargetGroup(this, 'Chat', {
      vpc,
      port: 3000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      stickinessCookieDuration: Duration.hours(12),
      healthCheck: { path: '/healthz' },
    });

    // Correct: no stickiness, so CDK writes stickiness.enabled=false.
    const admin = new elbv2.ApplicationTargetGroup(this, 'Admin', {
      vpc,
      port: 3000,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      healthCheck: { path: '/healthz' },
    });

    listener.addTargetGroups('Default', { targetGroups: [chat] });
    listener.addTargetGroups('Admin', { targetGroups: [admin], priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/admin/*'])] });
  }
}

module.exports = { ChatStack };
