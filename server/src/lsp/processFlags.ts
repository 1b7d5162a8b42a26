// How the language server's Node process is started by the VS Code client (and, to measure
// what drafters get, by the benchmark). Both flags trade nothing measurable in time for memory
// on a whole-Code workspace (bench workspace, 40 edits: peak RSS 350 -> 190 MB, edit latency
// unchanged):
// - 4 MB semi-spaces instead of 16: the server's data lives long, a bigger nursery buys nothing;
// - old-generation growth of 20 % over the live data instead of V8's default heuristics, which
//   let each edit's replaced model pile up as garbage for tens of edits before a full collection.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
