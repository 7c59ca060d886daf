INSERT INTO typechange_score (points) VALUES ('1'), ('20'), ('300');
