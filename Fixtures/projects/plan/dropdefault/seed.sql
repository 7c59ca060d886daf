INSERT INTO dropdefault_theme (name, css, tier) VALUES ('dark', 'body {}', 'pro'), ('light', '', 'basic');
