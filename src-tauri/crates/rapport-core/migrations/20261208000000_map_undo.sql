-- Level, team and flow edits join the relationships' undo log: `subject` names the group or
-- flow ("map_group:12", "communication_flow:5"), and `before`/`after` then hold its rows (the
-- group with its members and flow places, or the flow with its participants). NULL: a
-- relationship edit, whose `before`/`after` are relationship rows.
ALTER TABLE relationship_changes ADD COLUMN subject TEXT;
