BEGIN;
--
-- Alter unique_together for groupcollectionpermission (1 constraint(s))
--
ALTER TABLE "wagtailcore_groupcollectionpermission" DROP CONSTRAINT "wagtailcore_groupcollect_group_id_collection_id_p_a21cefe9_uniq";
--
-- Create model GroupCollectionPermission
--
DROP TABLE "wagtailcore_groupcollectionpermission" CASCADE;
COMMIT;
