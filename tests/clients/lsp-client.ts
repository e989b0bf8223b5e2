/**
 * A minimal Language Server Protocol client over stdio: JSON-RPC 2.0 messages framed with
 * `Content-Length` headers. Enough to drive a real server the way an editor does: requests with
 * timeouts, notifications, and answers to the server's own requests.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ReceivedMessage {
  method: string;
  params: unknown;
}

const HEADER_END = '\r\n\r\n';

export class LspClient {
  /** Every notification the server sent, in order. */
  readonly notifications: ReceivedMessage[] = [];
  /** Every request the server sent to the client, in order. */
  readonly serverRequests: ReceivedMessage[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners = new Set<() => void>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private stderr = '';
  private exited: Promise<number | null>;

  constructor(command: string, args: readonly string[], cwd: string) {
    this.process = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    void this.exited.then((code) => {
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`Server exited (${code}) before answering ${pending.method}\n${this.stderr}`));
        this.pending.delete(id);
      }
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** Answers the server's requests of `method` (unanswered methods get `null`). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`No answer to ${method} within ${timeoutMs} ms. Server stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or future) that satisfies `predicate`. */
  waitForNotification(
    predicate: (message: ReceivedMessage) => boolean,
    description: string,
    timeoutMs = 60_000,
  ): Promise<ReceivedMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.notifications.find(predicate);
        if (!found) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`No ${description} within ${timeoutMs} ms. Server stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  /** `shutdown` + `exit` as an editor does; kills the process if it has not exited after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    try {
      await this.request('shutdown', null, graceMs);
      this.notify('exit', null);
    } catch {
      // The process is killed below either way.
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited, timeout])) === 'timeout') {
      this.process.kill('SIGKILL');
      await this.exited;
    }
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}${HEADER_END}`);
    this.process.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/iu.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`Bad LSP header: ${header}`);
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.answer(message);
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const listener of [...this.listeners]) listener();
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}`));
      else pending.resolve(message.result);
    }
  }

  private answer(message: Message): void {
    const method = message.method!;
    this.serverRequests.push({ method, params: message.params });
    const handler = this.handlers.get(method);
    Promise.resolve()
      .then(() => (handler ? handler(message.params) : null))
      .then(
        (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
        (error: unknown) =>
          this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
      );
  }
}
