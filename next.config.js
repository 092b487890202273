// @ts-check

// Headers every response carries. The page CSP (with a per-request nonce) is set in proxy.ts;
// responses the proxy does not see (API, assets) get the strict fallback below.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: with no-referrer Chromium posts forms with `Origin: null`, which
  // Next rightly refuses for server actions. Nothing leaves the site either way.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Bundling breaks PGlite's file loading and react-pdf's font handling (stack-notes).
  serverExternalPackages: ["@electric-sql/pglite", "@react-pdf/renderer", "@node-rs/argon2", "nodemailer", "sharp"],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: {
    authInterrupts: true,
    // Exercise photos are uploaded through a server action (ADR 0028): up to 8 MB each, checked
    // in the service; the margin is the form's other fields and the multipart framing.
    serverActions: { bodySizeLimit: "9mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        // Not the exercise images: they are cached for a year under their content hash (ADR 0028).
        source: "/api/:path((?!exercise-media/).*)",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
