import { PubSub } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';

const redisOptions = { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 };

// Correct: order events are published through Redis and reach subscribers on every instance.
export const orderEvents = new RedisPubSub({
  publisher: new Redis(redisOptions),
  subscriber: new Redis(redisOptions),
});

// Stock notifications were added later, with the in-memory PubSub from the tutorial.
export const stockEvents = new PubSub();

export const ORDER_PLACED = 'ORDER_PLACED';
export const STOCK_LOW = 'STOCK_LOW';
