## rules messages (zh)
