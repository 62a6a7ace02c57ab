import { useParams } from 'react-router';
import { ConversionPage } from '../../features/conversion/components/conversion-page';

/** `/conversions/:id`: one conversion's progress, outcome and report. */
export function ConversionRoute() {
  const { id = '' } = useParams();
  return (
    <div className="page">
      <ConversionPage key={id} conversionId={id} />
    </div>
  );
}
