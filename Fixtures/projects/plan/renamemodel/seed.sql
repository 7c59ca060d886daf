INSERT INTO renamemodel_client (name) VALUES ('ann');
