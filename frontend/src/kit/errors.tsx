/** An error as the user should read it: the server's message, or the browser's. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The error banner of a panel or form; renders nothing when there is no error. */
export function ErrorText({ error, testId }: { error: string | null | undefined; testId?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
