INSERT INTO fktochar_page (title) VALUES ('home'), ('about');
INSERT INTO fktochar_revision (note, page_id) VALUES ('first', 1), ('second', 1), ('third', 2);
