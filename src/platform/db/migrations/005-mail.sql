-- Mail: every message is first written here, its durable record, then
-- delivered over SMTP, and what happened is recorded. With no SMTP server
-- configured a message is held here, where a programme lead reads it. Secret
-- links in a message are masked before it is written: the database never
-- holds a link that opens a questionnaire or resets a password.
create table mail_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id text references workspaces (id) on delete cascade,
  kind text not null check (kind in ('invitation', 'reminder', 'password_reset')),
  invitation_id uuid references invitations (id) on delete set null,
  recipient text not null,
  language text not null,
  subject text not null,
  body text not null,
  status text not null check (status in ('pending', 'sent', 'failed', 'held')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_messages_workspace_created on mail_messages (workspace_id, created_at desc);
create index mail_messages_invitation on mail_messages (invitation_id);

-- Invitations remember the respondent's language, for every message they get,
-- and when they were last reminded, so reminders are spaced and none is sent twice.
alter table invitations add column language text not null default 'en';
alter table invitations add column reminders_sent integer not null default 0;
alter table invitations add column last_reminded_at timestamptz;
