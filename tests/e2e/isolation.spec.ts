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
  // Nor does it appear in any search of the other clinic's caseload.
  await page.goto(`/patients?q=${lastName}`);
  await expect(page.getByText("No patients match that name.")).toBeVisible();
  await northside.close();
  await demo.close();
});

test("[ISOLATION]: an admin of one clinic gets a 404 for another clinic's patient", async ({ browser }) => {
  const northside = await browser.newContext();
  await signInViaApi(northside, DEMO.northside);
  const url = new URL(await addPatient(await northside.newPage(), { firstName: "Elsewhere", lastName: unique("Northside") }));

  const admin = await browser.newContext();
  await signInViaApi(admin, DEMO.admin);
  const page = await admin.newPage();
  expect((await page.goto(url.pathname))?.status()).toBe(404);
  // Nor can the admin find it in their clinic's caseload or audit trail.
  await page.goto(`/admin?status=all&q=Elsewhere`);
  await expect(page.getByText("0 patients")).toBeVisible();
  await page.goto(`/admin/audit?patient=${url.pathname.split("/").pop()}`);
  await expect(page.getByText("0 events")).toBeVisible();
  await northside.close();
  await admin.close();
});
