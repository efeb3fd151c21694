// Requests to npm start's annotating endpoints (src/annotate/annotate-api.ts), with the session's token from the
// page (page-tools.ts adds it as the page is served) and JSON both ways.

export interface ReportedProblem {
  severity: "error" | "warning";
  text: string;
  hint?: string;
}

export interface Context {
  kinds: Array<{ value: string; label: string }>;
  sources: Array<{ id: string; short: string; title?: string }>;
  message?: { id: string };
  notes: Array<{ id: string; path: string }>;
  report: ReportedProblem[];
}

export interface NoteFields {
  kind: string;
  title: string;
  sources: string[];
  body: string;
}

export interface Failure {
  status: number;
  error: string;
  problems: ReportedProblem[];
}

const API = "/.annotate/";

export const sessionToken = (): string | undefined => document.querySelector<HTMLMetaElement>('meta[name="annotate-token"]')?.content || undefined;

export async function call<T>(method: "GET" | "POST" | "PUT" | "DELETE", route: string, body?: object): Promise<{ ok: true; value: T } | ({ ok: false } & Failure)> {
  let response: Response;
  try {
    response = await fetch(`${API}${route}`, {
      method,
      headers: { "x-annotate-token": sessionToken() ?? "", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: "npm start does not answer: is it still running?", problems: [] };
  }
  const json = (await response.json().catch(() => ({}))) as T & Partial<Failure>;
  if (response.ok) return { ok: true, value: json };
  return { ok: false, status: response.status, error: json.error ?? `npm start answered ${response.status}`, problems: json.problems ?? [] };
}
