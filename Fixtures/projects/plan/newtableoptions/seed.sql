INSERT INTO newtableoptions_item (title) VALUES ('one'), ('two'), ('three');
