import { type FormEvent, useRef, useState } from "react";
import { session } from "../session";

type Message = { role: "user" | "assistant"; content: string };

/**
 * Reads an OpenAI-style server-sent event stream, calling `onText` with each piece of content.
 * Events are separated by a blank line; each `data:` line holds one JSON chunk, or [DONE].
 */
async function readStream(body: ReadableStream<Uint8Array>, onText: (text: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("data:")) continue;
      const data = line.slice(5).trim();
      if (data === "[DONE]") return;
      const chunk = JSON.parse(data) as {
        choices?: { delta?: { content?: string | null } }[];
        error?: { message: string };
      };
      if (chunk.error) throw new Error(chunk.error.message);
      const text = chunk.choices?.[0]?.delta?.content;
      if (text) onText(text);
    }
  }
}

/** A streaming chat through Hangar's OpenAI base URL, `model` being the deployment's name. */
export function Chat({ model, ready }: { model: string; ready: boolean }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState("");
  const [streaming, setStreaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const content = draft.trim();
    if (!content) return;
    const history: Message[] = [...messages, { role: "user", content }];
    setMessages([...history, { role: "assistant", content: "" }]);
    setDraft("");
    setError(null);
    setStreaming(true);
    abort.current = new AbortController();
    try {
      const response = await fetch("/openai/v1/chat/completions", {
        method: "POST",
        headers: { authorization: `Bearer ${session.get()}`, "content-type": "application/json" },
        body: JSON.stringify({ model, messages: history, stream: true }),
        signal: abort.current.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as {
          error?: { message?: string; code?: string };
        };
        throw new Error(body.error?.message ?? `Hangar answered ${response.status}.`);
      }
      await readStream(response.body, (text) =>
        setMessages((all) => {
          const last = all[all.length - 1];
          return last ? [...all.slice(0, -1), { ...last, content: last.content + text }] : all;
        }),
      );
    } catch (e) {
      if ((e as Error).name !== "AbortError") setError((e as Error).message);
    } finally {
      setStreaming(false);
    }
  };

  return (
    <div className="chat">
      <ol className="messages" aria-live="polite" aria-label="Conversation">
        {messages.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are only ever appended.
          <li key={i} className={`message ${m.role}`}>
            <span className="who">{m.role === "user" ? "You" : model}</span>
            <span className="text">{m.content || (streaming && i === messages.length - 1 ? "…" : "")}</span>
          </li>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form className="send" onSubmit={send}>
        <label htmlFor="chat-input" className="visually-hidden">
          Message
        </label>
        <input
          id="chat-input"
          value={draft}
          placeholder={ready ? "Say hello" : "The deployment answers once it is ready"}
          onChange={(e) => setDraft(e.target.value)}
          autoComplete="off"
        />
        {streaming ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            Stop answering
          </button>
        ) : (
          <button type="submit" disabled={!draft.trim()}>
            Send
          </button>
        )}
      </form>
    </div>
  );
}
