## workspace messages (zh)
