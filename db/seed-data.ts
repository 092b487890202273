// The demo clinics. Names are invented; dates of birth are spread so ages cover teens to 60s.
export const DEMO_PASSWORD = "loadwise-demo";

export const demoClinics = [
  {
    name: "Loadwise Demo Clinic",
    settings: { units: "km", paperSize: "A4" },
    users: [
      { email: "admin@demo.loadwise.test", name: "Alex Admin", role: "admin" },
      { email: "pt@demo.loadwise.test", name: "Priya Thomas", role: "clinician" },
      { email: "pt2@demo.loadwise.test", name: "Sam Okafor", role: "clinician" },
    ],
    patients: [
      ["Maya", "Lindqvist", "1996-04-12", "female", "running", "recreational", 1],
      ["Tom", "Brennan", "1989-09-30", "male", "lifting", "competitive", 1],
      ["Ines", "Carvalho", "1992-01-18", "female", "crossfit", "competitive", 1],
      ["Jonah", "Webb", "1985-06-02", "male", "hyrox", "recreational", 1],
      ["Aisha", "Rahman", "2001-11-23", "female", "hybrid", "competitive", 1],
      ["Luca", "Bianchi", "1978-03-14", "male", "running", "recreational", 1],
      ["Hana", "Sato", "1999-08-07", "female", "running", "elite", 1],
      ["Dev", "Patel", "1994-12-19", "male", "team_sport", "competitive", 2],
      ["Chloe", "Martin", "1988-05-27", "female", "lifting", "recreational", 2],
      ["Oscar", "Nilsson", "2007-02-09", "male", "running", "competitive", 2],
      ["Grace", "Adeyemi", "1972-10-03", "female", "hyrox", "recreational", 2],
      ["Ben", "Fischer", "1991-07-21", "male", "crossfit", "recreational", 2],
    ],
  },
  {
    name: "Northside Physio",
    settings: { units: "mi", paperSize: "LETTER" },
    users: [{ email: "pt@northside.loadwise.test", name: "Noor Haddad", role: "clinician" }],
    patients: [
      ["Riley", "Morgan", "1993-03-03", "female", "running", "recreational", 0],
      ["Kai", "Jensen", "1986-08-16", "male", "lifting", "competitive", 0],
      ["Zoe", "Walsh", "2000-12-01", "female", "hybrid", "recreational", 0],
    ],
  },
] as const;
