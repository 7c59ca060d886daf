BEGIN;
--
-- Remove index django_cele_task_id_7f8fca_idx from taskresult
--
-- (no-op)
--
-- Remove index django_cele_group_i_3cddec_idx from groupresult
--
-- (no-op)
--
-- Remove index django_cele_group_i_299b0d_idx from chordcounter
--
-- (no-op)
COMMIT;
