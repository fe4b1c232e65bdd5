const APP_NAME = 'Support Export Anonymiser';

export function App() {
  const appVersion = window.api?.versions.app;

  return (
    <main className="start">
      <header className="start__header">
        <h1 className="start__title">{APP_NAME}</h1>
        <p className="start__badge">Offline — nothing leaves this computer</p>
      </header>

      <p className="start__intro">
        Finds and anonymises personal data in CSV, JSON and NDJSON support exports, so they can be
        shared safely. Everything runs fully offline on this computer: no uploads, no network
        access, no telemetry.
      </p>

      <section className="notice" aria-labelledby="notice-title">
        <h2 id="notice-title" className="notice__title">
          The review workspace is not in this build yet
        </h2>
        <p>
          Opening exports and reviewing findings in this window is still being built. To anonymise
          an export today, use the command-line tool that runs the same engine:
        </p>
        <pre className="notice__command">
          <code>npx anonymise run tickets.csv --out anonymised/</code>
        </pre>
      </section>

      {appVersion ? <footer className="start__footer">Version {appVersion}</footer> : null}
    </main>
  );
}
