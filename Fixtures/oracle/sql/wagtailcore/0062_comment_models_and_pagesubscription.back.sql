BEGIN;
--
-- Create model PageSubscription
--
DROP TABLE "wagtailcore_pagesubscription" CASCADE;
--
-- Create model CommentReply
--
DROP TABLE "wagtailcore_commentreply" CASCADE;
--
-- Create model Comment
--
DROP TABLE "wagtailcore_comment" CASCADE;
COMMIT;
