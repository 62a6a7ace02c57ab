import { ProfileUpdateSchema, type ProfileView } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Avatar } from '../../../components/ui/avatar';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { isApiError, type FieldErrors } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useUpdateProfile } from '../api/update-profile';

const BIO_MAX = 1000;

/**
 * Edits display name, bio and avatar URL with the API's own schema; only changed fields are
 * sent. An empty avatar URL removes the picture (initials show instead).
 */
export function EditProfileForm({ profile, onSaved }: { profile: ProfileView; onSaved?: (profile: ProfileView) => void }) {
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(profile.user.displayName);
  const [bio, setBio] = useState(profile.user.bio);
  const [avatarUrl, setAvatarUrl] = useState(profile.user.avatarUrl ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const changes: Record<string, unknown> = {};
    if (displayName !== profile.user.displayName) changes.displayName = displayName;
    if (bio !== profile.user.bio) changes.bio = bio;
    if (avatarUrl.trim() !== (profile.user.avatarUrl ?? '')) changes.avatarUrl = avatarUrl.trim() === '' ? null : avatarUrl.trim();
    if (Object.keys(changes).length === 0) {
      setFormError('Nothing has changed yet.');
      return;
    }
    const parsed = ProfileUpdateSchema.safeParse(changes);
    if (!parsed.success) {
      const fieldErrors = zodFieldErrors(parsed.error);
      setErrors(fieldErrors);
      const first = ['displayName', 'bio', 'avatarUrl'].find((name) => fieldErrors[name]);
      if (first) (event.currentTarget.elements.namedItem(first) as HTMLElement | null)?.focus();
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (next) => {
        setSaved(true);
        onSaved?.(next);
      },
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors);
        else setFormError(isApiError(error) ? error.detail : 'Something went wrong. Please try again.');
      },
    });
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Edit profile">
      {formError && <Alert tone="error">{formError}</Alert>}
      {saved && <Alert tone="success">Your profile is saved.</Alert>}
      <TextField
        label="Display name"
        name="displayName"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={errors.displayName}
        autoComplete="nickname"
      />
      <TextareaField label="Bio" name="bio" value={bio} onChange={(event) => setBio(event.target.value)} error={errors.bio} maxChars={BIO_MAX} rows={4} />
      <div className="avatar-field">
        <Avatar displayName={displayName || profile.user.displayName} handle={profile.user.handle} avatarUrl={avatarUrl.trim() || null} size={56} decorative />
        <TextField
          label="Avatar image URL"
          name="avatarUrl"
          type="url"
          inputMode="url"
          value={avatarUrl}
          onChange={(event) => setAvatarUrl(event.target.value)}
          error={errors.avatarUrl}
          hint="An https:// link to a square picture. Leave empty to show your initials."
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={update.isPending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
