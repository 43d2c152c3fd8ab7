import { type FormEvent, useState } from "react";
import { connect, describe, unwrap } from "../api";

/** Checks the key with a real call before keeping it, and shows the API's own error otherwise. */
export function SignIn({ onSignedIn }: { onSignedIn: (apiKey: string) => void }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const apiKey = key.trim();
      unwrap(await connect(apiKey).api.GET("/v1/deployments", { params: { query: { limit: 1 } } }));
      onSignedIn(apiKey);
    } catch (e) {
      setError(describe(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="sign-in card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Hangar</h1>
      <p className="muted">
        Use an API key of your tenant (<code>npm start</code> prints one; <code>hangar keys create</code>{" "}
        makes more). It stays in this tab only and is forgotten when you sign out or close the tab.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-describedby={error ? "sign-in-error" : undefined}
        />
        {error && (
          <p id="sign-in-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </section>
  );
}
