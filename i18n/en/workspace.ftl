## workspace messages (en)
