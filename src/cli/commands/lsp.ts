// `cnflint lsp [--stdio | --node-ipc | --socket PORT]`: the language server (src/lsp/).
// Standard input and output carry the protocol, so nothing else may be printed there:
// console output goes to the client's log instead. Runs until the client says `exit`.
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';

export async function run(args: Record<string, unknown>, _io: CliIO): Promise<number> {
  const modes = [args.stdio, args.nodeIpc, args.socket !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('choose one of --stdio, --node-ipc and --socket');
  const { createConnection, ProposedFeatures, IPCMessageReader, IPCMessageWriter, createServerSocketTransport } = await import(
    'vscode-languageserver/node.js'
  );
  const { startServer } = await import('../../lsp/server.js');

  let connection;
  if (args.nodeIpc) {
    if (!process.send) throw new UsageError('--node-ipc: this process was not started with an IPC channel');
    connection = createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  } else if (args.socket !== undefined) {
    const port = Number(args.socket);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError('--socket takes a port number');
    const [reader, writer] = createServerSocketTransport(port);
    connection = createConnection(ProposedFeatures.all, reader, writer);
  } else {
    // Streams (not readers): the server then also ends when the client closes stdin.
    connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  }
  // Anything printed to stdout would corrupt the protocol stream.
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
  startServer(connection);
  // The server runs until the client sends `exit` (vscode-languageserver then ends the
  // process: code 0 after `shutdown`, 1 without) or closes the stream.
  return new Promise<number>(() => {});
}
