BEGIN;
--
-- Create index book_published_desc_idx on field(s) -published, title of model book
--
CREATE INDEX "book_published_desc_idx" ON "features_book" ("published" DESC, "title");
--
-- Create index book_title_lower_idx on Lower(F(title)) on model book
--
CREATE INDEX "book_title_lower_idx" ON "features_book" ((LOWER("title")));
--
-- Create index book_author_covering_idx on field(s) author of model book
--
CREATE INDEX "book_author_covering_idx" ON "features_book" ("author_id") INCLUDE ("title", "published");
--
-- Create index book_in_print_idx on field(s) published of model book
--
CREATE INDEX "book_in_print_idx" ON "features_book" ("published") WHERE "in_print";
--
-- Create index book_title_trgm_idx on field(s) title of model book
--
CREATE INDEX "book_title_trgm_idx" ON "features_book" USING gin ("title" gin_trgm_ops);
--
-- Create index book_attributes_gin on field(s) attributes of model book
--
CREATE INDEX "book_attributes_gin" ON "features_book" USING gin ("attributes") WITH (gin_pending_list_limit = 512, fastupdate = off);
--
-- Create index book_keywords_gin on field(s) keywords of model book
--
CREATE INDEX "book_keywords_gin" ON "features_book" USING gin ("keywords");
--
-- Create index book_price_btree on field(s) price of model book
--
CREATE INDEX "book_price_btree" ON "features_book" USING btree ("price") WITH (fillfactor = 80, deduplicate_items = off);
--
-- Create constraint book_publisher_isbn_uniq on model book
--
ALTER TABLE "features_book" ADD CONSTRAINT "book_publisher_isbn_uniq" UNIQUE NULLS NOT DISTINCT ("publisher_id", "isbn");
--
-- Create constraint book_author_title_ci_uniq on model book
--
CREATE UNIQUE INDEX "book_author_title_ci_uniq" ON "features_book" ((LOWER("title")), "author_id");
COMMIT;
