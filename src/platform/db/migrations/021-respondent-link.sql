-- What every page of the questionnaire reads first: the invitation whose link
-- carries a token, with its round, workspace and agency, and its response with
-- every answer. A function, because PL/pgSQL plans its query once per
-- connection and keeps the plan: planned on each request, this five-table
-- read took most of a page's time on the embedded database (a page for a
-- respondent without JavaScript went from 3.3 to 1.8 ms of server time).
-- The columns are named as invitation-store.ts names its row, so one mapping
-- reads both.
create function respondent_link(of_token_hash text)
returns table (
  id uuid,
  email text,
  language text,
  revoked_at timestamptz,
  "workspaceName" text,
  "roundId" uuid,
  "roundName" text,
  "roundStatus" text,
  "opensOn" date,
  "closesOn" date,
  "closedAt" timestamptz,
  "frameworkId" uuid,
  "agencyId" uuid,
  "agencyName" text,
  "agencyAcronym" text,
  "responseId" uuid,
  "responseStatus" text,
  "responseSubmittedAt" timestamptz,
  -- [item_code, value, not_applicable, comment, evidence_url, changed_at] per answer
  answers json
)
language plpgsql stable as $$
begin
  return query
    select invitation.id, invitation.email, invitation.language, invitation.revoked_at,
           workspace.name,
           round.id, round.name, round.status, round.opens_on, round.closes_on,
           round.closed_at, round.framework_id,
           agency.id, agency.name, agency.acronym,
           response.id, response.status, response.submitted_at,
           (select json_agg(json_build_array(answer.item_code, answer.value,
                                             answer.not_applicable, answer.comment,
                                             answer.evidence_url, answer.changed_at))
            from answers answer
            where answer.response_id = response.id)
    from invitations invitation
    join rounds round on round.id = invitation.round_id
    join workspaces workspace on workspace.id = round.workspace_id
    join agencies agency on agency.id = invitation.agency_id
    left join responses response on response.invitation_id = invitation.id
    where invitation.token_hash = of_token_hash;
end
$$;
