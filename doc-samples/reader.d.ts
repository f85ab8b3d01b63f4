/**
 * What the docs' samples take from the reader's own app (the signed-in user, a request and its
 * raw body, a cookie banner) and the snippet's global: declared here, so each sample type-checks
 * exactly as printed.
 */
declare const user: { id: string };
declare const currentUser: { id: string; firstName: string };
declare const userToken: string;
declare const groupToken: string;
declare const exportId: string;
declare const rawBody: string;
declare const req: { headers: Record<string, string | undefined> };
declare const res: { status(code: number): { end(): void } };
declare const cookieBanner: { onAccept(callback: () => void): void; onReject(callback: () => void): void };
declare const hearth: import('@hearth/widget').Hearth;
/** `window.Hearth` once the snippet and the core have loaded. */
declare const Hearth: import('@hearth/widget').HearthCommand & { destroy(): void };
