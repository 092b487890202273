import { authedRoute, jsonResponse, readJson } from "@/lib/auth/authed-route";
import { rtmWorksheetBatch } from "@/lib/rtm";

/**
 * POST /api/v1/rtm-worksheet — the RTM worksheet over HTTP, speaking RTM contract v1
 * (lib/rtm/CONTRACT.md). Body: one RtmWorksheetInput (→ one RtmWorksheet) or an array (→ an array
 * in the same order; readJson's 413 caps a batch at 500). Invalid input: 422 with every field error
 * by contract path. Nothing is stored and no patient is read, so nothing is audited here. It
 * documents what the records support; it never bills.
 */
export const POST = authedRoute({ roles: ["clinician", "admin"] }, async (req) => {
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const result = rtmWorksheetBatch(body.body);
  if (result.kind === "single") {
    return result.ok
      ? jsonResponse(200, result.worksheet)
      : jsonResponse(422, { error: { code: "invalid:rtm_worksheet_input", message: "The input does not match RTM contract v1.", fieldErrors: result.errors } });
  }
  if (result.invalid > 0) {
    return jsonResponse(422, {
      error: { code: "invalid:rtm_worksheet_input", message: `${result.invalid} of ${result.items.length} inputs do not match RTM contract v1.` },
      items: result.items,
    });
  }
  return jsonResponse(200, result.items);
});
