// Command line for the RTM worksheet: a thin adapter over lib/rtm's rtmWorksheetBatch.
//   npm run --silent rtm-worksheet -- FILE.json     (or "-" for stdin)
// FILE holds one RtmWorksheetInput or an array; prints the worksheet(s) as JSON (2-space indent).
// Exit 2 on unreadable input, bad JSON or any invalid input, with every error and its path on stderr.
import { rtmWorksheetBatch } from "../lib/rtm";
import { runBatchCli } from "./batch-cli";

process.exitCode = runBatchCli(process.argv.slice(2), "rtm-worksheet", (raw) => {
  const result = rtmWorksheetBatch(raw);
  if (result.kind !== "single") return { kind: "batch", items: result.items, invalid: result.invalid };
  return result.ok ? { kind: "single", ok: true, output: result.worksheet } : { kind: "single", ok: false, errors: result.errors };
});
