import { useEffect, useMemo, useRef, useState } from "react";
import { connect, HangarContext } from "./api";
import { Cost } from "./pages/cost";
import { CreateDeployment } from "./pages/create";
import { DeploymentPage } from "./pages/deployment";
import { Deployments } from "./pages/deployments";
import { SignIn } from "./pages/sign-in";
import { Webhooks } from "./pages/webhooks";
import { href, useRoute } from "./route";
import { session } from "./session";

const sections = [
  { path: "deployments", label: "Deployments" },
  { path: "cost", label: "Cost" },
  { path: "webhooks", label: "Webhooks" },
];

function Page({ route }: { route: string[] }) {
  const [section = "deployments", id] = route;
  if (section === "deployments" && id === "new") return <CreateDeployment />;
  if (section === "deployments" && id) return <DeploymentPage id={id} />;
  if (section === "cost") return <Cost />;
  if (section === "webhooks") return <Webhooks />;
  return <Deployments />;
}

export function App() {
  const [apiKey, setApiKey] = useState(session.get);
  const hangar = useMemo(() => (apiKey ? connect(apiKey) : null), [apiKey]);
  const route = useRoute();
  const main = useRef<HTMLElement>(null);

  // A new page takes the focus to its content, as a page load would for a screen reader.
  const path = route.join("/");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);

  const signOut = () => {
    session.clear();
    setApiKey(null);
  };

  return (
    <>
      {/* A button, not a #main link: the fragment holds the page (route.ts). */}
      <button type="button" className="skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="top">
        <a className="brand" href={href("deployments")}>
          <img src="/console/favicon.svg" alt="" width="24" height="24" />
          Hangar
        </a>
        {hangar && (
          <>
            <nav aria-label="Main">
              <ul>
                {sections.map((s) => (
                  <li key={s.path}>
                    <a
                      href={href(s.path)}
                      aria-current={(route[0] ?? "deployments") === s.path ? "page" : undefined}
                    >
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <button type="button" className="secondary" onClick={signOut}>
              Sign out
            </button>
          </>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {hangar ? (
          <HangarContext.Provider value={hangar}>
            <Page key={path} route={route} />
          </HangarContext.Provider>
        ) : (
          <SignIn
            onSignedIn={(key) => {
              session.set(key);
              setApiKey(key);
            }}
          />
        )}
      </main>
    </>
  );
}
