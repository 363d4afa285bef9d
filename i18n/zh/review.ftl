## review messages (zh)
