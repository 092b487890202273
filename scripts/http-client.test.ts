import { describe, expect, it } from "vitest";
import { decodeEntities, flightPayload, formEntries, parseForms, textOf } from "./http-client";

// Shaped like React's server-rendered output for a no-JavaScript server-action form.
const html = `<header><form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_ID_00d0"/><button type="submit" class="x">Sign out</button></form></header>
<main><form noValidate="" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_2"/><input type="hidden" name="$ACTION_2:0" value="{&quot;id&quot;:&quot;7fa4&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
<input type="hidden" name="userId" value="u-2"/>
<label for="firstName">First name</label><input class="a" id="firstName" name="firstName" value="Ana &amp; Bo"/>
<input name="blank"/><input type="text" name="off" value="x" disabled=""/>
<select name="sport"><option value="">Choose…</option><option value="running">Running</option></select>
<select name="sex"><option value="">Choose…</option><option value="female" selected="">Female</option></select>
<input type="radio" name="sharpPain" value="yes"/><input type="radio" name="sharpPain" value="no" checked=""/>
<input type="checkbox" name="symptom_none"/><input type="checkbox" name="tags" value="a" checked=""/><input type="checkbox" name="tags" value="b" checked=""/>
<textarea name="notes">
line one &lt;b&gt;</textarea>
<button type="button">No to the rest…</button><button type="submit" name="intent" value="exit">Save and exit</button><button>Save and continue</button>
</form>
<form action="/search" method="get"><input name="q" value="old"/><input type="submit" value="Search"/></form></main>
<script>self.__next_f.push([1,"22:{\\"id\\":\\"7f7c\\",\\"bound\\":null}\\n"])</script><script>self.__next_f.push([1,"4:[\\"actions\\",{\\"publish\\":\\"$h22\\"}]\\n"])</script>`;

describe("parseForms / formEntries", () => {
  const forms = parseForms(html);

  it("finds every form with its method, action, controls and submit buttons", () => {
    expect(forms).toHaveLength(3);
    expect(forms.map((f) => [f.method, f.action])).toEqual([
      ["post", ""],
      ["post", ""],
      ["get", "/search"],
    ]);
    expect(forms[1]!.buttons.map((b) => b.label)).toEqual(["Save and exit", "Save and continue"]);
    expect(forms[2]!.buttons).toEqual([{ label: "Search", name: undefined, value: "Search", formAction: undefined }]);
  });

  it("posts what a browser would: hidden and typed values, checked boxes, selected (or first) options, the clicked button", () => {
    const form = forms[1]!;
    const exit = form.buttons[0]!;
    expect(formEntries(form, exit)).toEqual([
      ["$ACTION_REF_2", ""],
      ["$ACTION_2:0", '{"id":"7fa4","bound":"$@1"}'],
      ["userId", "u-2"],
      ["firstName", "Ana & Bo"],
      ["blank", ""],
      ["sport", ""],
      ["sex", "female"],
      ["sharpPain", "no"],
      ["tags", "a"],
      ["tags", "b"],
      ["notes", "line one <b>"],
      ["intent", "exit"],
    ]);
  });

  it("fills replace every entry of a name, and names the form lacks are added", () => {
    const entries = formEntries(parseForms(html)[1]!, undefined, { sharpPain: "yes", tags: ["c"], symptom_none: "on", extra: "1" });
    expect(entries.filter(([k]) => ["sharpPain", "tags", "symptom_none", "extra"].includes(k))).toEqual([
      ["sharpPain", "yes"],
      ["symptom_none", "on"],
      ["tags", "c"],
      ["extra", "1"],
    ]);
  });
});

describe("flightPayload, textOf, decodeEntities", () => {
  it("joins the page's RSC chunks, unescaped, so a server action's id can be found by its prop", () => {
    const payload = flightPayload(html);
    expect(payload).toBe('22:{"id":"7f7c","bound":null}\n4:["actions",{"publish":"$h22"}]\n');
  });

  it("reads visible text without tags or scripts, spaces collapsed", () => {
    expect(textOf("<p>Ended <b>2</b> open&nbsp;sessions.</p><script>x()</script>")).toBe("Ended 2 open sessions."); // a no-break space reads as a space
    expect(decodeEntities("&#x27;&#39;&quot;&lt;")).toBe(`''"<`);
  });
});
