// The server's stdio message stream, guarded. A message whose body is not JSON (but whose
// framing is sound) is answered with a JSON-RPC parse error (-32700) and the server goes on.
// A stream whose framing is broken (a Content-Length that is not a number, or one longer than
// the body, which swallows the next message) can never be read again: the server says so on
// stderr and exits, instead of hanging without answering.
import type { Message } from 'vscode-jsonrpc';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** A body that is not JSON, in a stream whose framing is still sound. */
class BodyNotJsonError extends Error {}

/** Another message's header inside a body: the Content-Length said more than the body held. */
const SWALLOWED_HEADER = /\r?\nContent-Length:\s*\d+\r?\n|^\s*\{[\s\S]*\}\s*Content-Length:/i;

function decodeJson(buffer: Uint8Array, charset: string, seen: (message: unknown) => void): Promise<Message> {
  const text = new TextDecoder(charset).decode(buffer);
  try {
    const message = JSON.parse(text) as Message;
    seen(message);
    return Promise.resolve(message);
  } catch (e) {
    if (SWALLOWED_HEADER.test(text)) {
      return Promise.reject(new Error('a Content-Length longer than its message (the next message was read as part of its body)'));
    }
    return Promise.reject(new BodyNotJsonError((e as Error).message));
  }
}

export interface GuardedStreams {
  reader: StreamMessageReader;
  writer: StreamMessageWriter;
}

/** Reader and writer over stdin/stdout that answer bad JSON with -32700 and end on a broken stream. */
export function guardedStdio(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  fail: (message: string) => void = message => {
    process.stderr.write(`secdraft language server: ${message}\n`);
    process.exit(1);
  },
): GuardedStreams {
  let shutdownReceived = false;
  const seen = (message: unknown) => {
    if ((message as { method?: unknown } | null)?.method === 'shutdown') shutdownReceived = true;
  };
  const reader = new StreamMessageReader(input, {
    charset: 'utf-8',
    contentTypeDecoder: { name: 'application/json', decode: (buffer, options) => decodeJson(buffer, options.charset, seen) },
  });
  const writer = new StreamMessageWriter(output);
  reader.onError(error => {
    if (error instanceof BodyNotJsonError) {
      void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: the message is not JSON (${error.message})` } } as Message);
      return;
    }
    fail(`the message stream from the client is broken (${error.message.split('\n')[0]}); stopping`);
  });
  // The client went away: after a shutdown request that is the normal end; otherwise say so.
  let ended = false;
  const onEnd = () => {
    if (ended) return;
    ended = true;
    if (shutdownReceived) process.exit(0);
    fail('the client closed the message stream without asking the server to shut down; stopping');
  };
  input.on('end', onEnd);
  input.on('close', onEnd);
  reader.onPartialMessage(info => process.stderr.write(`secdraft language server: waited ${info.waitingTime} ms for the rest of a message\n`));
  return { reader, writer };
}
