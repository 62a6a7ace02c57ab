import type { FeedItem } from '@muse/shared';
import { MenuButton } from '../../../components/ui/menu-button';
import { muteChoices, type MuteChoice } from './feed-mute-choices';

/**
 * The "More actions" menu of a feed item: mute its actor, hide its kind of activity, or mute
 * an artist credited on its albums. `titleId` names the item the menu acts on.
 */
export function FeedItemMenu({ item, titleId, onMute }: { item: FeedItem; titleId: string; onMute: (choice: MuteChoice) => void }) {
  const actions = muteChoices(item).map((choice) => ({
    id: `${choice.mute.kind}:${choice.mute.target}`,
    label: choice.label,
    onSelect: () => onMute(choice),
  }));
  return (
    <MenuButton label="More actions" describedBy={titleId} actions={actions} className="icon-button feed-menu-button">
      <span aria-hidden="true">⋯</span>
    </MenuButton>
  );
}
