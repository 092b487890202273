import Link from "next/link";

export function AssessmentHeader({ patientId, patientName, kind, status }: { patientId: string; patientName: string; kind: string; status: string }) {
  return (
    <div>
      <p className="text-sm text-slate-600">
        <Link href="/patients" className="hover:underline">
          My caseload
        </Link>{" "}
        /{" "}
        <Link href={`/patients/${patientId}`} className="hover:underline">
          {patientName}
        </Link>{" "}
        /
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">
        {kind === "reassessment" ? "Reassessment" : "Initial assessment"}
        {status === "draft" ? <span className="ml-2 align-middle text-sm font-normal text-slate-600">(draft)</span> : null}
      </h1>
    </div>
  );
}
