/** A centred loading indicator with a label for assistive technology. */
export function PageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="page-spinner" role="status">
      <span className="spinner spinner-lg" aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
