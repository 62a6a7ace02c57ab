import { type PrivacySettingsInput, type ProfileView, type Visibility } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { SelectField } from '../../../components/ui/select-field';
import { VISIBILITY_OPTIONS } from '../../../lib/visibility-labels';
import { useUpdatePrivacy } from '../api/update-privacy';

/** Private profile, who sees new activity by default, and "hide friends' takes on albums I have not logged"; each saves on change. */
export function PrivacyForm({ profile }: { profile: ProfileView }) {
  const update = useUpdatePrivacy();
  const settings = profile.settings ?? { defaultVisibility: 'public' as Visibility, hideUnloggedTakes: false };
  const save = (input: PrivacySettingsInput) => update.mutate(input);

  return (
    <div className="form" aria-busy={update.isPending || undefined}>
      <label className="check-field">
        <input type="checkbox" checked={profile.user.isPrivate} onChange={(event) => save({ isPrivate: event.target.checked })} disabled={update.isPending} />
        <span>
          <strong>Private profile</strong>
          <span className="field-hint">Only people you approve see your ratings, reviews, diary and stats. Others see your name and avatar.</span>
        </span>
      </label>
      <SelectField
        label="Who sees new activity by default"
        value={settings.defaultVisibility}
        onChange={(event) => save({ defaultVisibility: event.target.value as Visibility })}
        options={VISIBILITY_OPTIONS}
        disabled={update.isPending}
      />
      <label className="check-field">
        <input
          type="checkbox"
          checked={settings.hideUnloggedTakes}
          onChange={(event) => save({ hideUnloggedTakes: event.target.checked })}
          disabled={update.isPending}
        />
        <span>
          <strong>Hide friends’ takes on albums I have not logged</strong>
          <span className="field-hint">No spoilers: ratings and reviews of albums you have not listened to yet stay out of your feed.</span>
        </span>
      </label>
      {update.isError && <Alert tone="error">Not saved: {update.error.message}</Alert>}
      {update.isSuccess && <Alert tone="success">Saved.</Alert>}
    </div>
  );
}
