import Database from 'better-sqlite3';
import pg from 'pg';

let pool: pg.Pool | undefined;

// Correct: one lazily created connection pool per process; the data lives in Postgres.
export function getPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return pool;
}

// The product catalogue "cache" is a SQLite file next to the process.
export const catalogue = new Database('data/catalogue.sqlite');

// Correct: an in-memory SQLite database for per-process lookup tables rebuilt at start-up.
export const currencies = new Database(':memory:');
