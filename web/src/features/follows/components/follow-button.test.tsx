import type { Relationship } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { FollowButton } from './follow-button';

const none: Relationship = { following: false, followedBy: false, requested: false, blocking: false, blockedBy: false };

describe('FollowButton', () => {
  it.each([
    ['Follow', none, 'Follow Nina'],
    ['Follow back', { ...none, followedBy: true }, 'Follow back Nina'],
    ['Following', { ...none, following: true }, 'Following Nina: unfollow'],
    ['Requested', { ...none, requested: true }, 'Requested: withdraw follow request to Nina'],
  ])('when it shows "%s", then its accessible name starts with those words and says what pressing does', (text, relationship, name) => {
    renderWithProviders(<FollowButton handle="nina" displayName="Nina" relationship={relationship} />);
    const button = screen.getByTestId('follow-button');
    expect(button).toHaveTextContent(text);
    // Speech input users say what they see: the name must contain the visible words.
    expect(button).toHaveAccessibleName(name);
  });
});
