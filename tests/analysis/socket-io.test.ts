import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { findSocketIoServers } from '../../src/analysis/socket-io.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** `line:adapter:longPolling:options` for every server, with the adapter text when one is set. */
function describe_(code: string, parser: ParserName): string[] {
  const dynamicImports: TSESTree.ImportExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) =>
      findSocketIoServers(sourceCode, { dynamicImports }).map((server) => {
        const adapter = server.adapterNode ? `${server.adapter}(${sourceCode.getText(server.adapterNode)})` : server.adapter;
        return `${server.node.loc.start.line}:${adapter}:${server.longPolling}:${server.options.kind}`;
      }),
    () => ({ ImportExpression: (node: TSESTree.ImportExpression) => void dynamicImports.push(node) }),
  );
}

describe('findSocketIoServers', () => {
  it.each<[string, ParserName, string[]]>([
    // construction forms
    ["import { Server } from 'socket.io'; const io = new Server(httpServer);", 'esm', ['1:default:enabled:missing']],
    ["import { Server } from 'socket.io'; const io = new Server({ cors: {} });", 'esm', ['1:default:enabled:object']],
    ["import { Server as IO } from 'socket.io'; const io = new IO(3000, { path: '/ws' });", 'ts', ['1:default:enabled:object']],
    ["import * as sio from 'socket.io'; const io = new sio.Server(server);", 'esm', ['1:default:enabled:missing']],
    ["const { Server } = require('socket.io'); const io = new Server(server, {});", 'cjs', ['1:default:enabled:object']],
    ["const io = require('socket.io')(server, { transports: ['websocket'] });", 'cjs', ['1:default:disabled:object']],
    ["const io = new (require('socket.io').Server)(server);", 'cjs', ['1:default:enabled:missing']],
    ["const SocketIO = require('socket.io'); const io = SocketIO(server);", 'cjs', ['1:default:enabled:missing']],
    ["const SocketIO = require('socket.io'); const io = new SocketIO(server);", 'cjs', ['1:default:enabled:missing']],
    ["const io = require('socket.io').listen(server);", 'cjs', ['1:default:enabled:missing']],
    ["import socketIo from 'socket.io'; const io = socketIo(server);", 'ts', ['1:default:enabled:missing']],
    ["import io = require('socket.io'); const server = io(http);", 'ts', ['1:default:enabled:missing']],
    ["const { Server } = await import('socket.io'); const io = new Server(server);", 'esm', ['1:default:enabled:missing']],
    ["import { Server } from 'not-socket.io'; const io = new Server(server);", 'esm', []],
    ["import type { Server } from 'socket.io'; let io: Server;", 'ts', []],
    // adapter
    ["import { Server } from 'socket.io';\nconst io = new Server(server, { adapter: createAdapter(pub, sub) });", 'esm', ['2:set(createAdapter(pub, sub)):enabled:object']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server);\nio.adapter(createAdapter(pub, sub));", 'esm', ['2:set(createAdapter(pub, sub)):enabled:missing']],
    ["const { Server } = require('socket.io');\nlet io;\nfunction start() { io = new Server(server); }\nPromise.all([a, b]).then(() => { io.adapter(createAdapter(a, b)); });", 'cjs', ['3:set(createAdapter(a, b)):enabled:missing']],
    ["const io = require('socket.io')(server).adapter(redisAdapter({ host: 'r' }));", 'cjs', ['1:set(redisAdapter({ host: \'r\' })):enabled:missing']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server);\nconst current = io.adapter();", 'esm', ['2:default:enabled:missing']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server);\nio.on('connection', (s) => s.join('room'));\nregisterHandlers(io);\nif (io) io.emit('x');", 'esm', ['2:default:enabled:missing']],
    ["import { Server } from 'socket.io';\nnew Server(server).on('connection', handle);", 'esm', ['2:default:enabled:missing']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server, options);", 'esm', ['2:unknown:unknown:unknown']],
    ["import { Server } from 'socket.io';\nconst io = new Server(socketOptions);", 'esm', ['2:unknown:unknown:unknown']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server, { ...base, cors: {} });", 'esm', ['2:unknown:unknown:object']],
    ["import { Server } from 'socket.io';\nexport const io = new Server(server);", 'esm', ['2:unknown:enabled:missing']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server);\nexport default io;", 'esm', ['2:unknown:enabled:missing']],
    ["const { Server } = require('socket.io');\nconst io = new Server(server);\nmodule.exports = { io };", 'cjs', ['2:unknown:enabled:missing']],
    ["const { Server } = require('socket.io');\nmodule.exports = new Server(server);", 'cjs', ['2:unknown:enabled:missing']],
    ["const { Server } = require('socket.io');\nfunction make(s) { return new Server(s); }", 'cjs', ['2:unknown:enabled:missing']],
    ["const { Server } = require('socket.io');\nclass A { start() { this.io = new Server(this.server); } }", 'cjs', ['2:unknown:enabled:missing']],
    ["const { Server } = require('socket.io');\nconst io = new Server(server);\nsetupRedisAdapter(io);", 'cjs', ['2:unknown:enabled:missing']],
    // transports
    ["import { Server } from 'socket.io';\nconst io = new Server(server, { transports: ['polling', 'websocket'] });", 'esm', ['2:default:enabled:object']],
    ["import { Server } from 'socket.io';\nconst transports = ['websocket'] as const;\nconst io = new Server(server, { transports });", 'ts', ['3:default:disabled:object']],
    ["import { Server } from 'socket.io';\nconst io = new Server(server, { transports: list });", 'esm', ['2:default:unknown:object']],
    ["import { Server } from 'socket.io';\nconst io = new Server();\nio.attach(server, { transports: ['websocket'] });", 'esm', ['2:default:disabled:missing']],
    ["import { Server } from 'socket.io';\nconst io = new Server({ transports: ['websocket'] });\nio.listen(3000, engineOptions);", 'esm', ['2:default:unknown:object']],
  ])('%s (%s)', (code, parser, expected) => {
    expect(describe_(code, parser)).toEqual(expected);
  });
});
