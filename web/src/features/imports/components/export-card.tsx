/** Settings card offering the data export: a plain download link, so the browser handles the zip. */
export function ExportCard() {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title" className="card-title">
        Export your data
      </h2>
      <p className="muted">
        A zip of CSV and JSON files with your profile, ratings (with their history), reviews, diary, comments and likes. Albums and tracks carry their UPC, ISRC
        and Spotify, Apple Music and Discogs ids, so other services can read it.
      </p>
      <a className="btn btn-secondary" href="/api/me/export" download>
        Download my data
      </a>
    </section>
  );
}
