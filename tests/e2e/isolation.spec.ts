import { addPatient, DEMO, expect, signInViaApi, test, unique } from "./fixtures";

test("[ISOLATION]: a clinician opening another clinic's patient URL gets a 404", async ({ browser }) => {
  const northside = await browser.newContext();
  await signInViaApi(northside, DEMO.northside);
  const nsPage = await northside.newPage();
  const lastName = unique("Northsider");
  const url = new URL(await addPatient(nsPage, { firstName: "Other", lastName }));

  const demo = await browser.newContext();
  await signInViaApi(demo, DEMO.pt);
  const page = await demo.newPage();
  for (const path of [url.pathname, `${url.pathname}/edit`]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(lastName)).toHaveCount(0);
  }
  await northside.close();
  await demo.close();
});

test("[ISOLATION]: an admin's clinic-wide caseload and audit trail show their own patient, never another clinic's of the same name", async ({ browser }) => {
  // Two patients with one surname: one in Northside, one in the demo clinic under a colleague of
  // the admin. Lists that span the whole clinic must find exactly the demo one, so removing the
  // clinic filter from them (not only the per-clinician one) fails this test.
  const lastName = unique("Samename");
  const northside = await browser.newContext();
  await signInViaApi(northside, DEMO.northside);
  const elsewhere = new URL(await addPatient(await northside.newPage(), { firstName: "Elsewhere", lastName }));
  const colleague = await browser.newContext();
  await signInViaApi(colleague, DEMO.pt2);
  await addPatient(await colleague.newPage(), { firstName: "Control", lastName });

  const admin = await browser.newContext();
  await signInViaApi(admin, DEMO.admin);
  const page = await admin.newPage();
  expect((await page.goto(elsewhere.pathname))?.status()).toBe(404);

  await page.goto(`/admin?status=all&q=${lastName}`);
  await expect(page.getByText("1 patient", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Control`) })).toBeVisible();
  await expect(page.getByText("Elsewhere")).toHaveCount(0);

  // The audit trail by name finds the colleague's "add patient" event and nothing of Northside's.
  await page.goto(`/admin/audit?patient=${lastName}`);
  await expect(page.getByText(/^[1-9]\d* events?\./)).toBeVisible();
  await expect(page.getByRole("cell", { name: `Control ${lastName}` }).first()).toBeVisible();
  await expect(page.getByText("Elsewhere")).toHaveCount(0);
  await page.goto(`/admin/audit?patient=${elsewhere.pathname.split("/").pop()}`);
  await expect(page.getByText(/^0 events\./)).toBeVisible();
  await northside.close();
  await colleague.close();
  await admin.close();
});
