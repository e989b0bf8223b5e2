// Test code never runs in a service process: the audit ignores it.
import { describe, expect, it } from 'vitest';
import { OrderNumbers } from '../src/orders/store.js';

const issued: string[] = [];

describe('OrderNumbers', () => {
  it('issues increasing numbers', () => {
    issued.push(OrderNumbers.next(), OrderNumbers.next());
    expect(issued).toHaveLength(2);
  });
});
