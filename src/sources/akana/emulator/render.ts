/**
 * Stored records in the seed's wire shape (the sample response of `GET /api/tickets`),
 * field for field and in the seed's order.
 */
import type { StoredComment, StoredTicket } from './store.js';
import { FED_MEMBER_ID, type EmulatedUser } from './vocabulary.js';
import { actionsIn } from './workflow.js';

export interface RenderOptions {
  /** `{hostname}` in the seed's image URLs. */
  host: string;
  includeComments: boolean;
  numberOfComments: number;
  includeActions: boolean;
}

/** The seed's timestamps: `2015-05-12T17:27:06Z`, UTC, whole seconds. */
export function akanaDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderTicket(t: StoredTicket, options: RenderOptions): Record<string, unknown> {
  const targets: Record<string, string>[] = [];
  if (t.api) {
    targets.push({ Name: t.api.name, ID: t.api.apiId, Type: 'api' }, { Name: t.api.version, ID: t.api.versionId, Type: 'apiversion' });
  }
  // Newest comments, shown oldest first like the thread they preview.
  const preview = options.includeComments && options.numberOfComments > 0 ? t.comments.slice(-options.numberOfComments) : [];
  return {
    TicketID: t.id,
    ...(t.api ? { APIID: t.api.versionId } : {}),
    ...(t.appId ? { AppID: t.appId } : {}),
    Title: t.title,
    Description: t.description,
    Environment: t.environment,
    State: t.state,
    UserID: t.user.id,
    Created: akanaDate(t.created),
    Label: t.labels,
    Tag: t.tags,
    Comments: t.comments.length,
    Marks: t.marks,
    IsMarked: false,
    Visibility: t.visibility,
    PubDate: akanaDate(t.published),
    ...(options.includeActions ? { Action: actions(t) } : {}),
    TargetResources: { TargetResource: targets },
    Image: userImage(t.user, options.host, false),
    ...(options.includeComments
      ? { CommentsPreview: { Count: t.comments.length, Comment: preview.map((c) => renderComment(c, options.host)) } }
      : {}),
    Link: `../${FED_MEMBER_ID}#/forum/discussions/${t.id}/details`,
    AuthoringUser: authoringUser(t.user, options.host),
    DescriptionMediaType: t.mediaType,
    BoardItemArtifacts: { BoardItemArtifact: [] },
  };
}

export function renderComment(c: StoredComment, host: string): Record<string, unknown> {
  return {
    CommentID: c.id,
    Content: c.content,
    UserID: c.user.id,
    Created: akanaDate(c.created),
    Marks: 0,
    IsMarked: false,
    Image: userImage(c.user, host, false),
    AuthoringUser: authoringUser(c.user, host),
    ContentMediaType: 'text/plain',
  };
}

function actions(t: StoredTicket): { value: string; label: string }[] {
  return ['discussion.action.delete', ...actionsIn(t.state)].map((value) => ({ value, label: value }));
}

function userImage(user: EmulatedUser, host: string, withTitle: boolean): Record<string, string> {
  return {
    Url: `http://${host}/api/users/${user.id}/avatar`,
    ...(withTitle ? { Title: user.name, Link: `#/users/${user.id}/details` } : { Link: `../${FED_MEMBER_ID}#/user/${user.id}/details` }),
  };
}

function authoringUser(user: EmulatedUser, host: string): Record<string, unknown> {
  return { UserID: user.id, Name: user.name, Image: userImage(user, host, true) };
}
