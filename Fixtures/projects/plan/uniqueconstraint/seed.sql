INSERT INTO uniqueconstraint_member (email, team) VALUES ('a@x', 1), ('a@x', 2);
