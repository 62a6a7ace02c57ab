/** The "Ranked: number the albums" switch of a list's create and edit forms (a `ranked` field holding 'true' or 'false'). */
export function RankedCheckbox({ ranked, onChange }: { ranked: string | undefined; onChange: (ranked: string) => void }) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" name="ranked" checked={ranked === 'true'} onChange={(event) => onChange(String(event.target.checked))} />
      <span>Ranked: number the albums</span>
    </label>
  );
}
