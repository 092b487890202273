import { z } from "zod";

export const signInSchema = z.object({
  email: z.string({ error: "Enter your email" }).trim().min(1, "Enter your email").max(254).pipe(z.email("Enter a valid email address")),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200, "Password is too long"),
});
export type SignInValues = z.infer<typeof signInSchema>;
