"use client";
// The assessment steps use the shared server-form hook; this name is kept for their imports.
export { useServerForm as useStepForm, type ServerFormApi as StepFormApi } from "@/components/forms/use-server-form";
