INSERT INTO deletemodel_account (name) VALUES ('ann');
INSERT INTO deletemodel_legacy (code, account_id) SELECT 'L1', id FROM deletemodel_account;
