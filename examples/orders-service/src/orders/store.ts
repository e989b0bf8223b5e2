import { getPool } from '../db.js';
import type { Order, OrderLine } from '../types.js';

const recentOrders = new Map<string, Order>();
const PAGE_SIZE = 20 as const;

export class OrderNumbers {
  static issued = 0;

  static next(): string {
    OrderNumbers.issued += 1;
    return `ORD-${Date.now()}-${OrderNumbers.issued}`;
  }
}

export async function placeOrder(customerId: string, lines: readonly OrderLine[]): Promise<Order> {
  const order: Order = { id: OrderNumbers.next(), customerId, lines, status: 'placed', placedAt: new Date().toISOString() };
  await getPool().query('insert into orders (id, customer_id, body) values ($1, $2, $3)', [order.id, customerId, order]);
  recentOrders.set(order.id, order);
  return order;
}

export async function findOrder(id: string): Promise<Order | undefined> {
  const cached = recentOrders.get(id);
  if (cached) return cached;
  const { rows } = await getPool().query<{ body: Order }>('select body from orders where id = $1', [id]);
  return rows[0]?.body;
}

// Correct: a per-call result; nothing outlives the request.
export async function listOrders(customerId: string, page = 0): Promise<Order[]> {
  const { rows } = await getPool().query<{ body: Order }>(
    'select body from orders where customer_id = $1 order by placed_at desc limit $2 offset $3',
    [customerId, PAGE_SIZE, page * PAGE_SIZE],
  );
  const orders = rows.map((row) => row.body);
  orders.sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  return orders;
}
