import * as React from "react";
import { cn } from "@/lib/utils";

export const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus-visible:border-brand-600 aria-[invalid=true]:border-red-600 disabled:bg-slate-100";

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(controlClass, "h-10", className)} {...props} />;
}

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return <textarea className={cn(controlClass, "min-h-24", className)} {...props} />;
}

// A native select on purpose: it works without JavaScript, on every tablet keyboard, and with
// screen readers, which the no-JS assessment flow needs.
export function Select({ className, ...props }: React.ComponentProps<"select">) {
  return <select className={cn(controlClass, "h-10", className)} {...props} />;
}
