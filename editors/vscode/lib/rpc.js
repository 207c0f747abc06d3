'use strict';
// JSON-RPC 2.0 over a byte stream with LSP's Content-Length framing. No dependencies.

const METHOD_NOT_FOUND = -32601;
const INTERNAL_ERROR = -32603;
const REQUEST_CANCELLED = -32800;

class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

class Connection {
  /**
   * @param {import('stream').Readable} input  bytes from the server (its stdout)
   * @param {import('stream').Writable} output bytes to the server (its stdin)
   * @param {(line: string) => void} [log]
   */
  constructor(input, output, log) {
    this.output = output;
    this.log = log || (() => {});
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, method}
    this.requestHandlers = new Map();
    this.notificationHandlers = new Map();
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.closeListeners = [];
    input.on('data', (chunk) => this.receive(chunk));
    input.on('close', () => this.close(new Error('server closed its output')));
    input.on('error', (err) => this.close(err));
  }

  onRequest(method, handler) {
    this.requestHandlers.set(method, handler);
  }

  onNotification(method, handler) {
    this.notificationHandlers.set(method, handler);
  }

  onClose(listener) {
    this.closeListeners.push(listener);
  }

  /** Sends a request; `token` (a vscode.CancellationToken) sends $/cancelRequest when fired. */
  request(method, params, token) {
    if (this.closed) {
      return Promise.reject(new Error(`docwright server is not running (${method})`));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.send({ jsonrpc: '2.0', id, method, params });
      if (token && token.onCancellationRequested) {
        token.onCancellationRequested(() => {
          if (this.pending.has(id)) {
            this.notify('$/cancelRequest', { id });
          }
        });
      }
    });
  }

  notify(method, params) {
    if (!this.closed) {
      this.send({ jsonrpc: '2.0', method, params });
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.output.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.output.write(body);
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const header = this.buffer.slice(0, headerEnd).toString('ascii');
      const match = /content-length:\s*(\d+)/i.exec(header);
      if (!match) {
        this.log(`dropping a message without Content-Length: ${header}`);
        this.buffer = this.buffer.slice(headerEnd + 4);
        continue;
      }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) {
        return;
      }
      const body = this.buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.slice(headerEnd + 4 + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch (err) {
        this.log(`dropping malformed JSON from the server: ${err.message}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.method === undefined) {
      const entry = this.pending.get(message.id);
      if (!entry) {
        return;
      }
      this.pending.delete(message.id);
      if (message.error) {
        entry.reject(new RpcError(message.error.code, message.error.message, message.error.data));
      } else {
        entry.resolve(message.result === undefined ? null : message.result);
      }
      return;
    }
    if (message.id === undefined) {
      const handler = this.notificationHandlers.get(message.method);
      if (handler) {
        try {
          handler(message.params);
        } catch (err) {
          this.log(`notification ${message.method} failed: ${err.stack || err}`);
        }
      }
      return;
    }
    this.answer(message);
  }

  async answer(message) {
    const handler = this.requestHandlers.get(message.method);
    if (!handler) {
      this.send({ jsonrpc: '2.0', id: message.id,
        error: { code: METHOD_NOT_FOUND, message: `unhandled method ${message.method}` } });
      return;
    }
    try {
      const result = await handler(message.params);
      this.send({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result });
    } catch (err) {
      this.send({ jsonrpc: '2.0', id: message.id,
        error: { code: INTERNAL_ERROR, message: String(err && err.message || err) } });
    }
  }

  close(reason) {
    if (this.closed) {
      return;
    }
    this.closed = true;
    for (const [, entry] of this.pending) {
      entry.reject(reason || new Error('connection closed'));
    }
    this.pending.clear();
    for (const listener of this.closeListeners) {
      listener(reason);
    }
  }
}

module.exports = { Connection, RpcError, REQUEST_CANCELLED };
