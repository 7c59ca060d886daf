INSERT INTO typechangerename_revision (content_json) VALUES ('{"a": 1}'), ('[1, 2]');
